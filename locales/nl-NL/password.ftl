## Change password

password-title = Wachtwoord wijzigen
password-intro = Kies een nieuw wachtwoord voor uw werk- of schoolaccount. Op andere plaatsen waar u bent aangemeld, wordt u afgemeld.
password-current-label = Huidig wachtwoord
password-new-label = Nieuw wachtwoord
password-new-hint = Ten minste { $min } tekens. Een zin van woorden die niets met elkaar te maken hebben, is makkelijk te onthouden en moeilijk te raden. Het mag niet uw accountnaam zijn.
password-confirm-label = Nieuw wachtwoord bevestigen
password-strength = Sterkte van het wachtwoord: { $level }
password-strength-0 = zeer zwak
password-strength-1 = zwak
password-strength-2 = redelijk
password-strength-3 = sterk
password-strength-4 = zeer sterk
password-strength-pending = De sterkte wordt getoond terwijl u typt.
password-save = Wachtwoord wijzigen
password-changed = Uw wachtwoord is gewijzigd. Op andere plaatsen waar u was aangemeld, bent u afgemeld.
password-link = Wachtwoord wijzigen

## Setting a first password (a person created with a Temporary Access Pass has none)

password-set-title = Een wachtwoord instellen
password-set-intro = U hebt nog geen wachtwoord. Kies er een voor uw werk- of schoolaccount; u kunt ook met een wachtwoordsleutel aanmelden.
password-set-save = Wachtwoord instellen
password-set-done = Uw wachtwoord is ingesteld. Gebruik het met uw accountnaam wanneer u zich de volgende keer aanmeldt.
password-temporary-title = Kies uw eigen wachtwoord
password-temporary-intro = Uw helpdesk heeft u een tijdelijk wachtwoord gegeven. Kies een eigen wachtwoord om verder te gaan; het tijdelijke werkt daarna niet meer.
password-temporary-label = Tijdelijk wachtwoord
