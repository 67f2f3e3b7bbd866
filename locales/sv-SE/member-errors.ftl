## Felmeddelanden som bara en inloggad persons sidor och återställning av lösenord visar
## (error-<code>): konfigurera metoder, det andra steget, ett nytt lösenord. Hålls isär
## så att inloggningssidan inte laddar ned dem


error-phone-number-required = Ange ditt telefonnummer.
error-invalid-phone-number = Det är inte ett giltigt telefonnummer för det land eller den region du valde. Kontrollera det och försök igen.
error-phone-number-needs-country-code = Skriv hela numret och börja med + och landskoden, till exempel +46 70 123 45 67.
error-invalid-region = Välj ett land eller en region.
error-country-not-allowed = Din organisation tillåter inte telefonnummer från det här landet eller den här regionen.
error-number-type-not-allowed = Den här typen av nummer kan inte användas här, till exempel ett betalnummer eller satellitnummer. Använd ett mobil- eller fastnätsnummer.
error-method-unavailable = Den här metoden är inte tillgänglig för ditt konto.
error-delete-alternate-phone-first = Din alternativa telefon behöver den här telefonen. Ta bort den alternativa telefonen först.
error-phone-required-first = Konfigurera en telefon innan du lägger till en alternativ telefon.
error-code-required = Ange koden.
error-wrong-code = Koden stämmer inte. Kontrollera den och försök igen.
error-code-expired = Koden har gått ut. Begär en ny.
error-too-many-tries = För många felaktiga koder. Begär en ny kod.
error-resend-too-soon = Vänta en stund innan du begär en ny kod eller ett nytt samtal.
error-text-limit-reached = Du har nått vår gräns för verifieringskoder via sms. Försök igen senare.
error-call-limit-reached = Du har nått vår gräns för verifieringssamtal. Försök igen senare.
error-last-required-method = Du kan inte ta bort den här metoden: din organisation kräver den.
error-step-up-required = Verifiera din identitet för att fortsätta.
error-sign-in-not-finished = Slutför inloggningen först: verifiera din identitet med en av dina metoder.
error-delivery-unavailable = Den här telefonen kan inte användas på det sättet.
error-code-used = Den koden har redan använts. Vänta tills appen visar en ny.
error-question-required = Välj en fråga.
error-duplicate-question = Välj en annan fråga för varje svar.
error-answer-length = Svaren måste vara 3 till 40 tecken långa.
error-answer-reused = Använd ett annat svar för varje fråga.
error-questions-count = Besvara alla frågor.
error-email-required = Ange din e-postadress.
error-invalid-email = Det är inte en giltig e-postadress. Kontrollera den och försök igen.
error-email-local-part-unsupported = Vår e-postserver kan inte leverera till adresser med bokstäver som å eller é före @. Använd en annan adress.
error-email-in-account-domain = Den här e-postadressen kan inte vara din e-postadress till arbetet eller skolan.
error-email-limit-reached = Du har nått vår gräns för verifieringsmeddelanden via e-post. Försök igen senare.
error-other-method-first = Konfigurera en annan inloggningsmetod innan du lägger till en säkerhetsnyckel.
error-key-name-required = Ange ett namn på din nyckel eller säkerhetsnyckel.
error-key-name-too-long = Namn kan ha högst 64 tecken.
error-password-too-short = Lösenordet är för kort.
error-password-too-long = Lösenordet är för långt: använd högst 256 tecken.
error-password-is-account-name = Ditt lösenord får inte vara ditt kontonamn.
error-password-too-common = Lösenordet är för vanligt eller för lätt att gissa. Prova en längre fras av ord som inte hör ihop.
error-passwords-differ = Lösenorden matchar inte.
error-password-unchanged = Det nya lösenordet måste skilja sig från ditt nuvarande.
error-reset-not-possible = Du kan inte återställa ditt lösenord själv eftersom du inte har registrerat tillräckligt med säkerhetsinformation. Kontakta administratören.
error-reset-expired = Den här återställningen av lösenordet har gått ut. Börja om.
error-reset-not-verified = Verifiera din identitet först.
error-wrong-answers = Ett eller flera av dina svar är inte rätt. Försök igen.
error-answer-required = Ange ditt svar.
