## Een vergeten wachtwoord opnieuw instellen

reset-title = Terug naar uw account
reset-intro = Voer uw account in. U verifieert uw identiteit met de beveiligingsgegevens die u hebt geregistreerd en kiest daarna een nieuw wachtwoord.
reset-back-to-sign-in = Terug naar aanmelden
reset-verify-intro = Verificatiestap { $step } van { $steps }: kies hoe u uw identiteit wilt verifiëren.
reset-questions-intro = Beantwoord deze beveiligingsvragen zoals u dat deed toen u ze instelde.
reset-new-title = Kies een nieuw wachtwoord
reset-new-intro = Uw identiteit is geverifieerd. Kies een nieuw wachtwoord en voer het twee keer in.
reset-save = Wachtwoord opnieuw instellen
reset-start-again = Opnieuw beginnen
reset-done-title = Uw wachtwoord is opnieuw ingesteld
reset-done-intro = Meld u aan met uw nieuwe wachtwoord. Uw account is op alle andere plaatsen afgemeld.
reset-first-note = Voor uw veiligheid worden de nummers en adressen die u hebt geregistreerd hier niet weergegeven. Typ het nummer of adres dat u wilt gebruiken volledig.
reset-way-text = Een code naar mijn mobiele telefoon sms'en
reset-way-call = Mijn telefoon bellen
reset-way-email = Een code naar mijn e-mailadres sturen
reset-way-app = Een code uit mijn Authenticator-app invoeren
reset-phone-label = Telefoonnummer
reset-phone-hint = Het volledige nummer met landcode, zoals +31 6 12345678.
reset-email-label = E-mailadres
reset-code-sent-phone = Als { $number } een van de telefoonnummers is die u hebt geregistreerd, hebben we er zojuist een code van 6 cijfers naartoe ge-sms't. Voer de code hieronder in.
reset-code-sent-email = Als { $address } een van de e-mailadressen is die u hebt geregistreerd, hebben we er zojuist een code van 6 cijfers naartoe gestuurd. Voer de code hieronder in.
reset-calling = Als { $number } een van de telefoonnummers is die u hebt geregistreerd, bellen we dat nummer nu.
