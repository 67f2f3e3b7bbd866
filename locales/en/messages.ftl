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
