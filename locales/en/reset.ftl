## Resetting a forgotten password

reset-title = Get back into your account
reset-intro = Enter your account. You'll verify your identity with the security info you registered, then choose a new password.
reset-back-to-sign-in = Back to sign in
# Variables:
#   $step (Number) - the verification step, 1 or 2
#   $steps (Number) - how many steps the reset needs
reset-verify-intro = Verification step { $step } of { $steps }: choose how to verify your identity.
reset-questions-intro = Answer these security questions as you did when you set them up.
reset-new-title = Choose a new password
reset-new-intro = Your identity is verified. Choose a new password and enter it twice.
reset-save = Reset password
reset-start-again = Start again
reset-done-title = Your password was reset
reset-done-intro = Sign in with your new password. Your account was signed out everywhere else.
reset-first-note = For your security, the numbers and addresses you registered aren't shown here. Type the one you want to use in full.
reset-way-text = Text a code to my mobile phone
reset-way-call = Call my phone
reset-way-email = Email a code to my email address
reset-way-app = Enter a code from my authenticator app
reset-phone-label = Phone number
reset-phone-hint = The whole number with its country code, such as +1 425 555 0100.
reset-email-label = Email address
# Variables:
#   $number (String) - the phone number as the person typed it
reset-code-sent-phone = If { $number } is one of the phone numbers you registered, we just texted a 6-digit code to it. Enter the code below.
# Variables:
#   $address (String) - the email address as the person typed it
reset-code-sent-email = If { $address } is one of the email addresses you registered, we just sent a 6-digit code to it. Enter the code below.
# Variables:
#   $number (String) - the phone number as the person typed it
reset-calling = If { $number } is one of the phone numbers you registered, we're calling it now.
