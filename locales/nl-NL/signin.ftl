## Sign-in page

signin-title = Aanmelden
signin-intro = Gebruik uw werk- of schoolaccount om uw beveiligingsgegevens te beheren.
signin-account-label = Account
signin-account-hint = Uw werk- of schoolaccount, bijvoorbeeld adele@contoso.example
signin-password-label = Wachtwoord
signin-submit = Aanmelden
signin-submitting = Bezig met aanmelden…
