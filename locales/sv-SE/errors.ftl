## Error messages, one per error code the server sends (error-<code>)

error-account-name-required = Ange ditt kontonamn.
error-invalid-account-name = Det är inte ett giltigt kontonamn. Använd ditt arbets- eller skolkonto, till exempel adele@contoso.example.
error-password-required = Ange ditt lösenord.
error-invalid-credentials = Ditt konto eller lösenord är felaktigt.
error-too-many-attempts =
    { $minutes ->
        [one] För många försök. Vänta { $minutes } minut och försök sedan igen.
       *[other] För många försök. Vänta { $minutes } minuter och försök sedan igen.
    }
error-not-signed-in = Din session har avslutats. Logga in igen.
error-csrf-rejected = Det gick inte att verifiera din begäran. Läs in sidan igen och försök på nytt.
error-forbidden = Du har inte behörighet att göra det.
error-not-found = Vi hittade inte det du letade efter.
error-method-not-allowed = Den åtgärden stöds inte.
error-malformed-request = Något i begäran var ogiltigt. Kontrollera det du angav och försök igen.
error-payload-too-large = Det du skickade är för stort.
error-unsupported-media-type = Begäran hade ett format som vi inte tar emot.
error-invalid-locale = Det språket är inte tillgängligt.
error-internal = Något gick fel hos oss. Försök igen om en stund.
error-network = Vi kunde inte nå servern. Kontrollera anslutningen och försök igen.
error-phone-number-required = Ange ditt telefonnummer.
error-invalid-phone-number = Det är inte ett giltigt telefonnummer för det land eller den region du valde. Kontrollera det och försök igen.
error-invalid-region = Välj ett land eller en region.
error-country-not-allowed = Din organisation tillåter inte telefonnummer från det här landet eller den här regionen.
error-number-type-not-allowed = Den här typen av nummer kan inte användas här, till exempel ett betalnummer eller satellitnummer. Använd ett mobil- eller fastnätsnummer.
error-server-busy = Tjänsten är upptagen just nu. Vänta en stund och försök igen.
error-method-unavailable = Den här metoden är inte tillgänglig för ditt konto.
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
error-invalid-policy = Den här principen begär något av en metod som den inte kan, eller har en gräns utanför intervallet.
error-question-required = Välj en fråga.
error-duplicate-question = Välj en annan fråga för varje svar.
error-answer-length = Svaren måste vara 3 till 40 tecken långa.
error-answer-reused = Använd ett annat svar för varje fråga.
error-questions-count = Besvara alla frågor.
error-email-required = Ange din e-postadress.
error-invalid-email = Det är inte en giltig e-postadress. Kontrollera den och försök igen.
error-email-in-account-domain = Den här e-postadressen kan inte vara din e-postadress till arbetet eller skolan.
error-email-limit-reached = Du har nått vår gräns för verifieringsmeddelanden via e-post. Försök igen senare.
error-other-method-first = Konfigurera en annan inloggningsmetod innan du lägger till en säkerhetsnyckel.
error-key-name-required = Ange ett namn på din säkerhetsnyckel.
error-key-name-too-long = Namn kan ha högst 64 tecken.
error-security-key-rejected = Vi kunde inte registrera den här säkerhetsnyckeln. Försök igen eller använd en annan nyckel.
error-security-key-cancelled = Säkerhetsnyckeln konfigurerades inte. Begäran avbröts eller tog för lång tid.
error-security-key-unsupported = Den här webbläsaren kan inte använda säkerhetsnycklar. Prova en annan webbläsare.
error-password-too-short = Lösenordet är för kort.
error-password-too-long = Lösenordet är för långt: använd högst 256 tecken.
error-password-is-account-name = Ditt lösenord får inte vara ditt kontonamn.
error-password-too-common = Lösenordet är för vanligt eller för lätt att gissa. Prova en längre fras av ord som inte hör ihop.
error-passwords-differ = Lösenorden matchar inte.
error-password-unchanged = Det nya lösenordet måste skilja sig från ditt nuvarande.
error-method-counts-for-nothing = En tillåten metod måste räknas för tvåstegsverifiering, återställning av lösenord eller båda.
