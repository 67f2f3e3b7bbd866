## Texts and voice calls sent to a person's phone

sms-code-body = { $code } är din verifieringskod för { -brand-name }. Dela den inte med någon.
voice-call-script = Hej, det här är { -brand-name }. Du verifierar din telefon för ditt arbets- eller skolkonto. Tryck på fyrkant för att slutföra verifieringen. Om du inte har bett om det här samtalet kan du lägga på.
