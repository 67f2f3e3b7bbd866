## Error messages, one per error code the server sends (error-<code>)

error-account-name-required = Enter your account name.
error-invalid-account-name = That isn't a valid account name. Use your work or school account, for example adele@contoso.example.
error-password-required = Enter your password.
error-invalid-credentials = Your account or password is incorrect.
# Variables:
#   $minutes (Number) - whole minutes until the person may try again
error-too-many-attempts =
    { $minutes ->
        [one] Too many attempts. Wait { $minutes } minute, then try again.
       *[other] Too many attempts. Wait { $minutes } minutes, then try again.
    }
error-not-signed-in = Your session has ended. Sign in again.
error-csrf-rejected = We couldn't verify your request. Reload the page and try again.
error-forbidden = You don't have permission to do that.
error-not-found = We couldn't find what you were looking for.
error-method-not-allowed = That action isn't supported.
error-malformed-request = Something in the request wasn't valid. Check what you entered and try again.
error-payload-too-large = What you sent is too large.
error-unsupported-media-type = The request was in a format we don't accept.
error-invalid-locale = That language isn't available.
error-internal = Something went wrong on our side. Try again in a moment.
error-network = We couldn't reach the server. Check your connection and try again.
error-server-busy = The service is busy right now. Wait a moment and try again.
error-security-key-rejected = We couldn't register this security key. Try again, or use a different key.
error-security-key-cancelled = The security key wasn't set up. The request was cancelled or timed out.
error-security-key-unsupported = This browser can't use security keys. Try another browser.
error-passkey-not-accepted = We couldn't sign you in with that passkey. Try again, or sign in with your account and password.
error-account-disabled = Your account is disabled. Contact your help desk or administrator.
error-password-change-required = Choose a new password first: yours was set by your help desk.
error-unknown-application = The application that sent you here isn't registered with your organization. Go back to it and try again, or contact your administrator.
error-redirect-not-registered = The application that sent you here asked to be answered at an address it hasn't registered, so we didn't send you there. Contact your administrator.
error-application-of-another-organization = You're signed in with another organization's account. Sign out, then sign in with your account for this application.
