## Texts and voice calls sent to a person's phone

sms-code-body = { $code } is uw verificatiecode voor { -brand-name }. Deel deze met niemand.
voice-call-script = Hallo, u spreekt met { -brand-name }. U verifieert uw telefoon voor uw werk- of schoolaccount. Druk op het hekje om uw verificatie te voltooien. Hebt u niet om deze oproep gevraagd, hang dan op.
