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
error-phone-number-required = Voer uw telefoonnummer in.
error-invalid-phone-number = Dit is geen geldig telefoonnummer voor het land of de regio die u hebt gekozen. Controleer het en probeer het opnieuw.
error-invalid-region = Kies een land of regio.
error-country-not-allowed = Uw organisatie staat geen telefoonnummers uit dit land of deze regio toe.
error-number-type-not-allowed = Dit soort nummer kan hier niet worden gebruikt, zoals een betaalnummer of satellietnummer. Gebruik een mobiel of vast nummer.
error-server-busy = De service is op dit moment bezet. Wacht even en probeer het opnieuw.
error-method-unavailable = Deze methode is niet beschikbaar voor uw account.
error-phone-required-first = Stel eerst een telefoon in voordat u een alternatieve telefoon toevoegt.
error-code-required = Voer de code in.
error-wrong-code = Deze code klopt niet. Controleer de code en probeer het opnieuw.
error-code-expired = Deze code is verlopen. Vraag een nieuwe aan.
error-too-many-tries = Te veel onjuiste codes. Vraag een nieuwe code aan.
error-resend-too-soon = Wacht even voordat u een nieuwe code of oproep aanvraagt.
error-text-limit-reached = U hebt onze limiet voor verificatiecodes per sms bereikt. Probeer het later opnieuw.
error-call-limit-reached = U hebt onze limiet voor verificatieoproepen bereikt. Probeer het later opnieuw.
error-last-required-method = U kunt deze methode niet verwijderen: uw organisatie vereist deze.
error-step-up-required = Verifieer uw identiteit om door te gaan.
error-sign-in-not-finished = Rond eerst het aanmelden af: verifieer uw identiteit met een van uw methoden.
error-delivery-unavailable = Deze telefoon kan niet op die manier worden gebruikt.
error-code-used = Deze code is al gebruikt. Wacht tot uw app een nieuwe code toont.
error-invalid-policy = Dit beleid vraagt een methode om iets wat die niet kan, of bevat een limiet buiten het bereik.
error-question-required = Kies een vraag.
error-duplicate-question = Kies voor elk antwoord een andere vraag.
error-answer-length = Antwoorden moeten 3 tot 40 tekens lang zijn.
error-answer-reused = Gebruik voor elke vraag een ander antwoord.
error-questions-count = Beantwoord alle vragen.
error-email-required = Voer uw e-mailadres in.
error-invalid-email = Dat is geen geldig e-mailadres. Controleer het en probeer het opnieuw.
error-email-in-account-domain = Dit e-mailadres kan niet uw e-mailadres van uw werk of school zijn.
error-email-limit-reached = U hebt onze limiet voor verificatie-e-mails bereikt. Probeer het later opnieuw.
error-other-method-first = Stel eerst een andere aanmeldingsmethode in voordat u een beveiligingssleutel toevoegt.
error-key-name-required = Voer een naam in voor uw beveiligingssleutel.
error-key-name-too-long = Namen kunnen maximaal 64 tekens bevatten.
error-security-key-rejected = We kunnen deze beveiligingssleutel niet registreren. Probeer het opnieuw of gebruik een andere sleutel.
error-security-key-cancelled = De beveiligingssleutel is niet ingesteld. De aanvraag is geannuleerd of verlopen.
error-security-key-unsupported = Deze browser kan geen beveiligingssleutels gebruiken. Probeer een andere browser.
error-password-too-short = Dit wachtwoord is te kort.
error-password-too-long = Dit wachtwoord is te lang: gebruik maximaal 256 tekens.
error-password-is-account-name = Uw wachtwoord mag niet uw accountnaam zijn.
error-password-too-common = Dit wachtwoord komt te vaak voor of is te makkelijk te raden. Probeer een langere zin van woorden die niets met elkaar te maken hebben.
error-passwords-differ = De wachtwoorden komen niet overeen.
error-password-unchanged = Uw nieuwe wachtwoord moet anders zijn dan uw huidige wachtwoord.
error-method-counts-for-nothing = Een toegestane methode moet meetellen voor verificatie in twee stappen, voor het opnieuw instellen van uw wachtwoord of voor beide.
