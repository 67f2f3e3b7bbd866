## Security info page

security-info-title = Security info
security-info-intro = These are the methods you use to sign in to your account or reset your password.
security-info-default-label = Default sign-in method
security-info-default-none = None yet
security-info-methods-heading = Your methods
security-info-no-methods = You haven't registered any security info yet.

## Names of the kinds of security info

method-kind-phone = Phone
method-kind-alternate-phone = Alternate phone
method-kind-office-phone = Office phone
method-kind-authenticator-app = Authenticator app
method-kind-email = Email
method-kind-security-questions = Security questions
method-kind-security-key = Passkey or security key

## Coverage line and methods the policy no longer allows

# Variables:
#   $count (Number) - methods that verify a sign-in
coverage-mfa-ready =
    { $count ->
        [one] Two-step verification: ready (1 method)
       *[other] Two-step verification: ready ({ $count } methods)
    }
coverage-mfa-missing = Two-step verification: needs a method
# Variables:
#   $count (Number) - methods that help reset the password
coverage-sspr-ready =
    { $count ->
        [one] Password reset: ready (1 method)
       *[other] Password reset: ready ({ $count } methods)
    }
# Variables:
#   $missing (Number) - how many more methods a password reset needs
coverage-sspr-missing =
    { $missing ->
        [one] Password reset: needs 1 more method
       *[other] Password reset: needs { $missing } more methods
    }
methods-not-usable = Not usable: your organization no longer allows this method.
security-info-sign-out-everywhere = Lost device? Sign out everywhere

## The organization's policy (admins)

policy-title = Organization policy
policy-intro = Choose which methods people in your organization can register, and what each one counts for. Changes apply right away.
policy-allowed = Allowed
policy-mfa = Two-step verification
policy-sspr = Password reset
policy-registration-label = Methods required at sign-in
policy-registration-hint = With 0, people aren't asked to register methods when they sign in.
policy-reset-label = Methods required for password reset
policy-save = Save
policy-saved = The policy is saved. It applies to everyone from now on.
policy-back = Back
policy-code-lifetime-label = Codes by text or email expire after
policy-code-tries-label = Wrong tries allowed per code
policy-step-up-label = Ask people to verify again after
policy-step-up-hint = Viewing or changing security info needs a verification at most this long ago.
policy-two-step-label = Ask for two-step verification at sign-in
policy-two-step-hint = After the right password, people who have registered a sign-in method verify with it before they're signed in.
policy-pass-min-label = Temporary Access Pass: shortest lifetime
policy-pass-default-label = Temporary Access Pass: lifetime offered first
policy-pass-max-label = Temporary Access Pass: longest lifetime
policy-pass-length-label = Temporary Access Pass: characters
policy-support-label = Help desk contact
policy-support-hint = Shown to people who can't use any of their methods, for example an email address or a phone number. Leave it empty to show none.
policy-password-length-label = Fewest characters in a new password
# Variables:
#   $count (Number) - a number of minutes
policy-minutes =
    { $count ->
        [one] { $count } minute
       *[other] { $count } minutes
    }
sign-out-everywhere-title = Sign out everywhere?
sign-out-everywhere-question = You'll be signed out here and in every other browser and app where you're signed in with this account. Use this if you lost a device or think someone else is using your account.
sign-out-everywhere-confirm = Sign out everywhere

# After a dialog found its method already changed or removed elsewhere.
security-info-changed-elsewhere = That method had already been changed or removed, perhaps in another tab or window. This is your security info as it is now.

## Overview page

overview-title = Overview
# While a verification is due, the coverage waits behind Security info.
overview-security-info-verify = Verify your identity to see your methods and what they cover.
overview-security-info-link = Update info
overview-password-heading = Password
overview-password-text = Change it here. If you forget it, you can reset it from the sign-in page with your methods.
overview-policy-text = Which methods people may use, and what your organization requires.
overview-policy-link = Manage policy

## The person's Temporary Access Pass (shown while they have one)

pass-title = Temporary Access Pass
# Variables:
#   $time (String) - the day and time the pass stops working, in the person's language
pass-valid-until = You have a Temporary Access Pass until { $time }.
pass-one-time = It signs in once.
pass-multi-use = It signs in as often as needed until then.
pass-this-session = You signed in with it: this session ends when the pass does. Once your methods are set up, you sign in with them instead.
pass-delete = Delete pass
pass-delete-title = Delete your Temporary Access Pass?
pass-delete-question = The pass will no longer sign you in.
pass-delete-signs-out = You signed in with this pass, so deleting it signs you out here. Sign in again with your password or one of your methods.
pass-delete-confirm = Delete

## The administrators' pages in the navigation (their own messages come with their pages,
## in the administrators' entry)

people-title = People
applications-title = Applications

## Signing out of an application of the organization (OpenID Connect)

application-sign-out-title = Sign out of an application
application-signing-out = Signing you out…
overview-applications-title = Applications you signed in to
# Variables:
#   $application (String) - the application's name, as the administrators registered it
#   $time (String) - when, as a date and time in the reader's language
overview-application-line = { $application }, last on { $time }
