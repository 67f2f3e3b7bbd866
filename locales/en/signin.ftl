## Sign-in page

signin-title = Sign in
signin-intro = Use your work or school account to manage your security info.
signin-account-label = Account
signin-account-hint = Your work or school account, for example adele@contoso.example
signin-password-label = Password
signin-submit = Sign in
signin-submitting = Signing in…
