## Een vergeten wachtwoord opnieuw instellen

signin-forgot = Wachtwoord vergeten?
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
