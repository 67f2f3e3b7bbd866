## Resetting a forgotten password

signin-forgot = Forgot my password?
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
