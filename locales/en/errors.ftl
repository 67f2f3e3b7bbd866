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
error-phone-number-required = Enter your phone number.
error-invalid-phone-number = That isn't a valid phone number for the country or region you chose. Check it and try again.
error-phone-number-needs-country-code = Type the whole number, starting with + and its country code, such as +1 425 555 0100.
error-invalid-region = Choose a country or region.
error-country-not-allowed = Your organization doesn't allow phone numbers from this country or region.
error-number-type-not-allowed = This kind of number can't be used here, such as a premium-rate or satellite number. Use a mobile or landline number.
error-server-busy = The service is busy right now. Wait a moment and try again.
error-method-unavailable = This method isn't available for your account.
error-delete-alternate-phone-first = Your alternate phone needs this phone. Delete the alternate phone first.
error-phone-required-first = Set up a phone before you add an alternate phone.
error-code-required = Enter the code.
error-wrong-code = That code isn't right. Check it and try again.
error-code-expired = That code has expired. Ask for a new one.
error-too-many-tries = Too many wrong codes. Ask for a new code.
error-resend-too-soon = Wait a moment before you ask for another code or call.
error-text-limit-reached = You've hit our limit on text verification codes. Try again later.
error-call-limit-reached = You've hit our limit on verification calls. Try again later.
error-last-required-method = You can't delete this method: your organization requires it.
error-step-up-required = Verify your identity to continue.
error-sign-in-not-finished = Finish signing in first: verify your identity with one of your methods.
error-delivery-unavailable = This phone can't be used that way.
error-code-used = That code was already used. Wait for your app to show a new one.
error-question-required = Choose a question.
error-duplicate-question = Choose a different question for each answer.
error-answer-length = Answers must be 3 to 40 characters long.
error-answer-reused = Use a different answer for each question.
error-questions-count = Answer every question.
error-email-required = Enter your email address.
error-invalid-email = That isn't a valid email address. Check it and try again.
error-email-local-part-unsupported = Our mail server can't deliver to addresses with letters like å or é before the @. Use another address.
error-email-in-account-domain = This email address can't be your work or school email.
error-email-limit-reached = You've hit our limit on verification emails. Try again later.
error-other-method-first = Set up another sign-in method before you add a security key.
error-key-name-required = Enter a name for your passkey or security key.
error-key-name-too-long = Names can have at most 64 characters.
error-security-key-rejected = We couldn't register this security key. Try again, or use a different key.
error-security-key-cancelled = The security key wasn't set up. The request was cancelled or timed out.
error-security-key-unsupported = This browser can't use security keys. Try another browser.
error-password-too-short = This password is too short.
error-password-too-long = This password is too long: use at most 256 characters.
error-password-is-account-name = Your password can't be your account name.
error-password-too-common = This password is too common or too easy to guess. Try a longer phrase of unrelated words.
error-passwords-differ = The passwords don't match.
error-password-unchanged = Your new password must be different from your current one.
error-reset-not-possible = You can't reset your own password because you haven't registered enough security info. Contact your administrator.
error-reset-expired = This password reset has ended. Start again.
error-reset-not-verified = Verify your identity first.
error-wrong-answers = One or more of your answers aren't right. Try again.
error-answer-required = Enter your answer.
error-passkey-not-accepted = We couldn't sign you in with that passkey. Try again, or sign in with your account and password.
error-account-disabled = Your account is disabled. Contact your help desk or administrator.
error-password-change-required = Choose a new password first: yours was set by your help desk.
error-unknown-application = The application that sent you here isn't registered with your organization. Go back to it and try again, or contact your administrator.
error-redirect-not-registered = The application that sent you here asked to be answered at an address it hasn't registered, so we didn't send you there. Contact your administrator.
error-application-of-another-organization = You're signed in with another organization's account. Sign out, then sign in with your account for this application.
