## Foutmeldingen die alleen de pagina's van een aangemelde persoon en het opnieuw instellen
## van een wachtwoord tonen (error-<code>): methoden instellen, de tweede stap, een nieuw
## wachtwoord. Apart gehouden zodat de aanmeldpagina ze niet downloadt


error-phone-number-required = Voer uw telefoonnummer in.
error-invalid-phone-number = Dit is geen geldig telefoonnummer voor het land of de regio die u hebt gekozen. Controleer het en probeer het opnieuw.
error-phone-number-needs-country-code = Typ het volledige nummer, te beginnen met + en de landcode, zoals +31 6 12345678.
error-invalid-region = Kies een land of regio.
error-country-not-allowed = Uw organisatie staat geen telefoonnummers uit dit land of deze regio toe.
error-number-type-not-allowed = Dit soort nummer kan hier niet worden gebruikt, zoals een betaalnummer of satellietnummer. Gebruik een mobiel of vast nummer.
error-method-unavailable = Deze methode is niet beschikbaar voor uw account.
error-delete-alternate-phone-first = Uw alternatieve telefoon heeft deze telefoon nodig. Verwijder eerst de alternatieve telefoon.
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
error-question-required = Kies een vraag.
error-duplicate-question = Kies voor elk antwoord een andere vraag.
error-answer-length = Antwoorden moeten 3 tot 40 tekens lang zijn.
error-answer-reused = Gebruik voor elke vraag een ander antwoord.
error-questions-count = Beantwoord alle vragen.
error-email-required = Voer uw e-mailadres in.
error-invalid-email = Dat is geen geldig e-mailadres. Controleer het en probeer het opnieuw.
error-email-local-part-unsupported = Onze mailserver kan niet bezorgen op adressen met letters zoals å of é vóór de @. Gebruik een ander adres.
error-email-in-account-domain = Dit mag niet het e-mailadres van uw werk of school zijn.
error-email-limit-reached = U hebt onze limiet voor verificatie-e-mails bereikt. Probeer het later opnieuw.
error-other-method-first = Stel eerst een andere aanmeldingsmethode in voordat u een beveiligingssleutel toevoegt.
error-key-name-required = Voer een naam in voor uw wachtwoordsleutel of beveiligingssleutel.
error-key-name-too-long = Namen kunnen maximaal 64 tekens bevatten.
error-password-too-short = Dit wachtwoord is te kort.
error-password-too-long = Dit wachtwoord is te lang: gebruik maximaal 256 tekens.
error-password-is-account-name = Uw wachtwoord mag niet uw accountnaam zijn.
error-password-too-common = Dit wachtwoord komt te vaak voor of is te makkelijk te raden. Probeer een langere zin van woorden die niets met elkaar te maken hebben.
error-passwords-differ = De wachtwoorden komen niet overeen.
error-password-unchanged = Uw nieuwe wachtwoord moet anders zijn dan uw huidige wachtwoord.
error-reset-not-possible = U kunt uw wachtwoord niet zelf opnieuw instellen, omdat u niet genoeg beveiligingsgegevens hebt geregistreerd. Neem contact op met uw beheerder.
error-reset-expired = Deze aanvraag om uw wachtwoord opnieuw in te stellen is verlopen. Begin opnieuw.
error-reset-not-verified = Verifieer eerst uw identiteit.
error-wrong-answers = Een of meer van uw antwoorden zijn niet juist. Probeer het opnieuw.
error-answer-required = Voer uw antwoord in.
