## Texts and voice calls sent to a person's phone

sms-code-body = { $code } is uw verificatiecode voor { -brand-name }. Deel deze met niemand.
voice-call-script = Hallo, u spreekt met { -brand-name }. U verifieert uw telefoon voor uw werk- of schoolaccount. Druk op het hekje om uw verificatie te voltooien. Hebt u niet om deze oproep gevraagd, hang dan op.

email-code-subject = Uw verificatiecode voor { -brand-name }
email-code-body =
    Gebruik deze code om uw e-mailadres te verifiëren voor het opnieuw instellen van uw wachtwoord:

    { $code }

    De code verloopt over { $minutes } minuten. Deel deze met niemand.

    Hebt u niet om deze code gevraagd, dan kunt u deze e-mail negeren. Misschien heeft iemand uw adres per ongeluk getypt.
