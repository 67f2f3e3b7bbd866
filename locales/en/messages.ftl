## Texts and voice calls sent to a person's phone

# Variables:
#   $code (String) - the 6-digit verification code
sms-code-body = { $code } is your { -brand-name } verification code. Don't share it with anyone.
voice-call-script = Hello, this is { -brand-name }. You're verifying your phone for your work or school account. Please press the pound key to finish your verification. If you didn't ask for this call, just hang up.

## Emails sent to a person's email address

email-code-subject = Your { -brand-name } verification code
# Variables:
#   $code (String) - the 6-digit verification code
#   $minutes (Number) - how long the code works
email-code-body =
    Use this code to verify your email address for password reset:

    { $code }

    The code expires in { $minutes } minutes. Don't share it with anyone.

    If you didn't ask for this code, you can ignore this email. Someone may have typed your address by mistake.

## Telling a person that their security info changed

notify-subject = Your { -brand-name } security info was changed
# Variables:
#   $change (String) - what changed, one of the notify-… messages below
notify-body =
    { $change }

    If this was you, there's nothing more to do.

    If it wasn't you, someone else may be using your account. Sign in, review your security info, choose "Lost device? Sign out everywhere", and contact your help desk.
notify-method-added = A sign-in method was added to your security info.
notify-method-changed = A sign-in method in your security info was changed.
notify-method-deleted = A sign-in method was deleted from your security info.
notify-default-changed = Your default sign-in method was changed.
notify-signed-out-everywhere = Your account was signed out everywhere.
notify-recovery-code-used = A recovery code was used to verify your identity.
notify-password-changed = Your password was changed.

## Resetting a forgotten password

# Variables:
#   $code (String) - the 6-digit verification code
#   $minutes (Number) - how long the code works
email-reset-code-body =
    Use this code to reset the password of your work or school account:

    { $code }

    The code expires in { $minutes } minutes. Don't share it with anyone.

    If you didn't ask to reset your password, you can ignore this email: your password stays as it is.
email-password-reset-subject = Your { -brand-name } password was reset
# Variables:
#   $account (String) - the account name whose password was reset
email-password-reset-body =
    The password of { $account } was just reset, and every session of the account was signed out.

    If this was you, there's nothing more to do.

    If it wasn't you, contact your help desk right away.
# Variables:
#   $account (String) - the account name whose password was reset
sms-password-reset-body = The { -brand-name } password of { $account } was just reset. If this wasn't you, contact your help desk right away.

## Inviting a person an administrator added (S41)

# Variables:
#   $organization (String) - the organization's name
email-invitation-subject = You're invited to set up your { $organization } account
# Variables:
#   $name (String) - the invited person's display name
#   $inviter (String) - the administrator's display name
#   $organization (String) - the organization's name
#   $account (String) - the person's account name
#   $days (Number) - how many days the link works
#   $link (String) - the invitation's link
email-invitation-body =
    Hello { $name },

    { $inviter } added you to { $organization }. Your account is { $account }.

    Open this link to choose your password and set up how you verify who you are. It works once, for { $days } days:

    { $link }

    If you weren't expecting this, you can ignore this email.

## The page that posts an application's answer back to it (response_mode=form_post)

# Variables:
#   $application (String) - the application's name, as the administrators registered it
form-post-title = Back to { $application }…
form-post-continue = Continue
