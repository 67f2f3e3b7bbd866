## Sign-in page

signin-title = Aanmelden
signin-intro = Gebruik uw werk- of schoolaccount om uw beveiligingsgegevens te beheren.
signin-account-label = Account
signin-account-hint = Uw werk- of schoolaccount, bijvoorbeeld adele@contoso.example
signin-password-label = Wachtwoord
signin-submit = Aanmelden
signin-forgot = Wachtwoord vergeten?
signin-submitting = Bezig met aanmelden…

## Two-step verification at sign-in

signin-verify-intro = Uw organisatie vraagt om een tweede stap wanneer u zich aanmeldt. Verifieer uw identiteit met een van uw methoden.
signin-verifying = Uw verificatie wordt gestart…
signin-another-way = Op een andere manier aanmelden
signin-cant-use = Ik kan geen van deze methoden gebruiken
signin-cant-use-help = Vraag uw helpdesk om een tijdelijke toegangspas. Meld u ermee aan op de plek van uw wachtwoord en stel daarna uw methoden opnieuw in.
# Variables:
#   $contact (String) - how to reach the organization's help desk, as its administrators wrote it
signin-cant-use-contact = Uw helpdesk: { $contact }
signin-passkey = Aanmelden met een wachtwoordsleutel
signin-passkey-waiting = Wachten op uw wachtwoordsleutel…
signin-signed-out-everywhere = U bent overal afgemeld. Elke browser en elk apparaat moet zich opnieuw aanmelden.
signin-session-ended = U bent afgemeld: u hebt zich ergens anders afgemeld, of uw sessie is beëindigd na een tijd zonder activiteit. Meld u opnieuw aan om verder te gaan.

## Signing in with a Temporary Access Pass

signin-use-pass = Een tijdelijke toegangspas gebruiken
signin-use-password = Mijn wachtwoord gebruiken
signin-pass-label = Tijdelijke toegangspas
signin-pass-hint = De pas die u van uw helpdesk of beheerder hebt gekregen. Deze is een beperkte tijd geldig.

## Aanmelden bij een toepassing van de organisatie (OpenID Connect)

# Variables:
#   $application (String) - the application's name, as the organization's administrators registered it
signin-for-application = Meld u aan om door te gaan naar { $application }.
authorize-title = Aanmelden bij een toepassing
authorize-continuing = Doorgaan naar de toepassing…
