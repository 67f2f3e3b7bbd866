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
