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
error-server-busy = Tjänsten är upptagen just nu. Vänta en stund och försök igen.
error-security-key-rejected = Vi kunde inte registrera den här säkerhetsnyckeln. Försök igen eller använd en annan nyckel.
error-security-key-cancelled = Säkerhetsnyckeln konfigurerades inte. Begäran avbröts eller tog för lång tid.
error-security-key-unsupported = Den här webbläsaren kan inte använda säkerhetsnycklar. Prova en annan webbläsare.
error-passkey-not-accepted = Vi kunde inte logga in dig med den nyckeln. Försök igen eller logga in med ditt konto och lösenord.
error-account-disabled = Ditt konto är inaktiverat. Kontakta supportavdelningen eller administratören.
error-password-change-required = Välj ett nytt lösenord först: ditt lösenord har angetts av supportavdelningen.
error-unknown-application = Programmet som skickade dig hit är inte registrerat hos din organisation. Gå tillbaka och försök igen, eller kontakta administratören.
error-redirect-not-registered = Programmet som skickade dig hit bad om svar till en adress som det inte har registrerat, så vi skickade dig inte dit. Kontakta administratören.
error-application-of-another-organization = Du är inloggad med ett konto i en annan organisation. Logga ut och logga sedan in med ditt konto för det här programmet.
