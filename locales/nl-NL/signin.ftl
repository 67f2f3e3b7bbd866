## Sign-in page

signin-title = Aanmelden
signin-intro = Gebruik uw werk- of schoolaccount om uw beveiligingsgegevens te beheren.
signin-account-label = Account
signin-account-hint = Uw werk- of schoolaccount, bijvoorbeeld adele@contoso.example
signin-password-label = Wachtwoord
signin-submit = Aanmelden
signin-submitting = Bezig met aanmelden…

## Two-step verification at sign-in

signin-verify-intro = Uw organisatie vraagt om een tweede stap wanneer u zich aanmeldt. Verifieer uw identiteit met een van uw methoden.
signin-verifying = Uw verificatie wordt gestart…
signin-another-way = Op een andere manier aanmelden
signin-cant-use = Ik kan geen van deze methoden gebruiken
signin-cant-use-help = Neem contact op met uw beheerder. Die kan bevestigen wie u bent en u helpen om u aan te melden en uw methoden opnieuw in te stellen.
signin-passkey = Aanmelden met een wachtwoordsleutel
signin-passkey-waiting = Wachten op uw wachtwoordsleutel…
signin-signed-out-everywhere = U bent overal afgemeld. Elke browser en elk apparaat moet zich opnieuw aanmelden.
signin-session-ended = U bent afgemeld: u hebt zich ergens anders afgemeld, of uw sessie is beëindigd na een tijd zonder activiteit. Meld u opnieuw aan om verder te gaan.
