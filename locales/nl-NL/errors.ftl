## Error messages, one per error code the server sends (error-<code>)

error-account-name-required = Voer uw accountnaam in.
error-invalid-account-name = Dit is geen geldige accountnaam. Gebruik uw werk- of schoolaccount, bijvoorbeeld adele@contoso.example.
error-password-required = Voer uw wachtwoord in.
error-invalid-credentials = Uw account of wachtwoord is onjuist.
error-too-many-attempts =
    { $minutes ->
        [one] Te veel pogingen. Wacht { $minutes } minuut en probeer het opnieuw.
       *[other] Te veel pogingen. Wacht { $minutes } minuten en probeer het opnieuw.
    }
error-not-signed-in = Uw sessie is beëindigd. Meld u opnieuw aan.
error-csrf-rejected = We kunnen uw aanvraag niet verifiëren. Laad de pagina opnieuw en probeer het nog eens.
error-forbidden = U bent niet gemachtigd om dit te doen.
error-not-found = We kunnen niet vinden wat u zoekt.
error-method-not-allowed = Deze actie wordt niet ondersteund.
error-malformed-request = Er is iets ongeldigs in de aanvraag. Controleer wat u hebt ingevoerd en probeer het opnieuw.
error-payload-too-large = Wat u hebt verzonden, is te groot.
error-unsupported-media-type = De aanvraag heeft een indeling die we niet accepteren.
error-invalid-locale = Deze taal is niet beschikbaar.
error-internal = Er is aan onze kant iets misgegaan. Probeer het zo opnieuw.
error-network = We kunnen de server niet bereiken. Controleer uw verbinding en probeer het opnieuw.
error-server-busy = De service is op dit moment bezet. Wacht even en probeer het opnieuw.
error-security-key-rejected = We kunnen deze beveiligingssleutel niet registreren. Probeer het opnieuw of gebruik een andere sleutel.
error-security-key-cancelled = De beveiligingssleutel is niet ingesteld. De aanvraag is geannuleerd of verlopen.
error-security-key-unsupported = Deze browser kan geen beveiligingssleutels gebruiken. Probeer een andere browser.
error-passkey-not-accepted = We konden u niet aanmelden met die wachtwoordsleutel. Probeer het opnieuw of meld u aan met uw account en wachtwoord.
error-account-disabled = Uw account is uitgeschakeld. Neem contact op met uw helpdesk of beheerder.
error-password-change-required = Kies eerst een nieuw wachtwoord: uw wachtwoord is ingesteld door uw helpdesk.
error-unknown-application = De toepassing die u hierheen heeft gestuurd, is niet bij uw organisatie geregistreerd. Ga terug en probeer het opnieuw, of neem contact op met uw beheerder.
error-redirect-not-registered = De toepassing die u hierheen heeft gestuurd, wil antwoord op een adres dat niet voor haar is geregistreerd. We hebben u daar niet naartoe gestuurd. Neem contact op met uw beheerder.
error-application-of-another-organization = U bent aangemeld met een account van een andere organisatie. Meld u af en meld u daarna aan met uw account voor deze toepassing.
