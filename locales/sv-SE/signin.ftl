## Sign-in page

signin-title = Logga in
signin-intro = Använd ditt arbets- eller skolkonto för att hantera din säkerhetsinformation.
signin-account-label = Konto
signin-account-hint = Ditt arbets- eller skolkonto, till exempel adele@contoso.example
signin-password-label = Lösenord
signin-submit = Logga in
signin-submitting = Loggar in…
