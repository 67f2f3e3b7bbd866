## Foutmeldingen die alleen de pagina's voor beheerders en de helpdesk tonen (error-<code>),
## apart gehouden zodat de aanmeldpagina ze niet downloadt

error-invalid-policy = Dit beleid vraagt een methode om iets wat die niet kan, of bevat een limiet buiten het bereik.
error-method-counts-for-nothing = Een toegestane methode moet meetellen voor verificatie in twee stappen, voor het opnieuw instellen van uw wachtwoord of voor beide.
error-pass-lifetime-out-of-bounds = Deze geldigheidsduur valt buiten wat het beleid van uw organisatie toestaat voor een tijdelijke toegangspas.
error-account-outside-domain = Gebruik een account in het domein van uw organisatie.
error-account-exists = Iemand heeft dit account al.
error-pass-lifetimes-disordered = De kortste geldigheidsduur van een tijdelijke toegangspas mag niet langer zijn dan de standaardduur, en de standaardduur niet langer dan de langste.
error-support-contact-too-long = Houd de contactgegevens van de helpdesk op maximaal 200 tekens.
error-has-password = Deze persoon heeft al een wachtwoord. Verwijder het eerst: met de uitnodiging kiest de persoon dan een nieuw wachtwoord.
error-own-account = Dit kunt u hier niet met uw eigen account doen: beheer het via Beveiligingsgegevens en Wachtwoord wijzigen, of vraag het een andere beheerder.
error-display-name-required = Voer de naam van de persoon in.
error-display-name-too-long = Gebruik maximaal 100 tekens voor de naam.
error-last-administrator = Uw organisatie heeft minstens één beheerder nodig: maak eerst iemand anders beheerder.
error-import-empty = Dit bestand bevat geen personen. Voeg na de eerste regel, met de namen van de kolommen, een regel toe voor elke persoon.
error-import-malformed = Dit is geen CSV-bestand dat we kunnen lezen: controleer de aanhalingstekens. Een cel met een komma of een regeleinde moet tussen aanhalingstekens staan.
error-import-not-utf8 = Dit bestand is niet als UTF-8 opgeslagen, waardoor letters als é of ö verloren zouden gaan. Sla het in Excel op als "CSV UTF-8 (door komma's gescheiden)".
error-import-missing-column = De eerste regel moet de kolommen benoemen, met ten minste account en display_name.
error-import-unknown-column = De eerste regel noemt een kolom die we niet kennen. Gebruik account, display_name, language en email.
error-import-repeated-column = De eerste regel noemt dezelfde kolom twee keer.
error-import-too-many-rows = Een bestand kan maximaal 10.000 personen bevatten. Splits het op in kleinere bestanden.
error-import-duplicate-row = Dit account staat ook op een eerdere regel van het bestand.
error-import-cell-count = Deze regel heeft niet evenveel cellen als de eerste regel.
error-import-file-required = Kies een CSV-bestand.
error-application-name-required = Voer de naam van de toepassing in.
error-application-name-too-long = Gebruik maximaal 80 tekens voor de naam van de toepassing.
error-invalid-redirect-uri = Voer maximaal 10 volledige adressen in die beginnen met https:// (http:// alleen voor localhost), zonder #-gedeelte.
error-application-is-public = Een openbare toepassing heeft geen geheim om te vervangen: ze bewijst zich met PKCE.
