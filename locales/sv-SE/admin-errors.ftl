## Felmeddelanden som bara sidorna för administratörer och supporten visar (error-<code>),
## hållna för sig så att inloggningssidan inte laddar ned dem

error-invalid-policy = Den här principen begär något av en metod som den inte kan, eller har en gräns utanför intervallet.
error-method-counts-for-nothing = En tillåten metod måste räknas för tvåstegsverifiering, återställning av lösenord eller båda.
error-pass-lifetime-out-of-bounds = Den här giltighetstiden ligger utanför vad organisationens princip tillåter för ett tillfälligt åtkomstpass.
error-account-outside-domain = Använd ett konto i organisationens domän.
error-account-exists = Någon har redan det här kontot.
error-pass-lifetimes-disordered = Den kortaste giltighetstiden för ett tillfälligt åtkomstpass får inte vara längre än standardtiden, och standardtiden inte längre än den längsta.
error-support-contact-too-long = Kontaktuppgifterna till supportavdelningen får vara högst 200 tecken.
error-has-password = Den här personen har redan ett lösenord. Ta bort det först: med inbjudan väljer personen sedan ett nytt.
error-own-account = Du kan inte göra det här med ditt eget konto här: hantera det från Säkerhetsinformation och Ändra lösenord, eller be en annan administratör.
error-display-name-required = Ange personens namn.
error-display-name-too-long = Använd högst 100 tecken för namnet.
error-last-administrator = Organisationen behöver minst en administratör: gör någon annan till administratör först.
error-import-empty = Den här filen innehåller inga personer. Lägg till en rad för varje person efter den första raden, som namnger kolumnerna.
error-import-malformed = Det här är ingen CSV-fil som vi kan läsa: kontrollera citattecknen. En cell som innehåller ett kommatecken eller en radbrytning måste stå inom citattecken.
error-import-not-utf8 = Den här filen är inte sparad som UTF-8, så bokstäver som é eller ö skulle gå förlorade. Spara den i Excel som "CSV UTF-8 (kommaavgränsad)".
error-import-missing-column = Den första raden måste namnge kolumnerna, med minst account och display_name.
error-import-unknown-column = Den första raden namnger en kolumn som vi inte känner till. Använd account, display_name, language och email.
error-import-repeated-column = Den första raden namnger samma kolumn två gånger.
error-import-too-many-rows = En fil kan innehålla högst 10 000 personer. Dela upp den i mindre filer.
error-import-duplicate-row = Det här kontot finns också på en tidigare rad i filen.
error-import-cell-count = Den här raden har inte lika många celler som den första raden.
error-import-file-required = Välj en CSV-fil.
error-application-name-required = Ange programmets namn.
error-application-name-too-long = Använd högst 80 tecken för programmets namn.
error-invalid-redirect-uri = Ange upp till 10 fullständiga adresser som börjar med https:// (http:// bara för localhost), utan #-del.
error-application-is-public = Ett offentligt program har ingen hemlighet att ersätta: det bevisar sig med PKCE.
