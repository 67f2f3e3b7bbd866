## Texts and voice calls sent to a person's phone

sms-code-body = { $code } är din verifieringskod för { -brand-name }. Dela den inte med någon.
voice-call-script = Hej, det här är { -brand-name }. Du verifierar din telefon för ditt arbets- eller skolkonto. Tryck på fyrkant för att slutföra verifieringen. Om du inte har bett om det här samtalet kan du lägga på.

email-code-subject = Din verifieringskod för { -brand-name }
email-code-body =
    Använd den här koden för att verifiera din e-postadress för återställning av lösenord:

    { $code }

    Koden upphör att gälla om { $minutes } minuter. Dela den inte med någon.

    Om du inte har bett om den här koden kan du ignorera det här e-postmeddelandet. Någon kan ha skrivit din adress av misstag.
