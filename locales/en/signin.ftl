## Sign-in page

signin-title = Sign in
signin-intro = Use your work or school account to manage your security info.
signin-account-label = Account
signin-account-hint = Your work or school account, for example adele@contoso.example
signin-password-label = Password
signin-submit = Sign in
signin-forgot = Forgot my password?
signin-submitting = Signing in…

## Two-step verification at sign-in

signin-verify-intro = Your organization asks for a second step when you sign in. Verify your identity with one of your methods.
signin-verifying = Starting your verification…
signin-another-way = Sign in another way
signin-cant-use = I can't use any of these methods
signin-cant-use-help = Ask your help desk for a Temporary Access Pass. Sign in with it where your password goes, then set up your methods again.
# Variables:
#   $contact (String) - how to reach the organization's help desk, as its administrators wrote it
signin-cant-use-contact = Your help desk: { $contact }
signin-passkey = Sign in with a passkey
signin-passkey-waiting = Waiting for your passkey…
signin-signed-out-everywhere = You were signed out everywhere. Every browser and device has to sign in again.
# The session ended while a page was open (signed out elsewhere, or expired).
signin-session-ended = You've been signed out: you signed out somewhere else, or your session ended after a while without activity. Sign in again to continue.

## Signing in with a Temporary Access Pass

signin-use-pass = Use a Temporary Access Pass
signin-use-password = Use my password
signin-pass-label = Temporary Access Pass
signin-pass-hint = The pass your help desk or administrator gave you. It works for a limited time.

## Signing in to an application of the organization (OpenID Connect)

# Variables:
#   $application (String) - the application's name, as the organization's administrators registered it
signin-for-application = Sign in to continue to { $application }.
authorize-title = Sign in to an application
authorize-continuing = Continuing to the application…
