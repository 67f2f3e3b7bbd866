## Change password

password-title = Change password
password-intro = Choose a new password for your work or school account. Other places where you're signed in will be signed out.
password-current-label = Current password
password-new-label = New password
# Variables:
#   $min (Number) - the fewest characters the organization allows
password-new-hint = At least { $min } characters. A phrase of unrelated words is easy to remember and hard to guess. It can't be your account name.
password-confirm-label = Confirm new password
# Variables:
#   $level (String) - one of the password-strength-… words below
password-strength = Password strength: { $level }
password-strength-0 = very weak
password-strength-1 = weak
password-strength-2 = fair
password-strength-3 = strong
password-strength-4 = very strong
# Where the strength will show, while the new password field is empty or
# its rating is on its way: the line is never left blank.
password-strength-pending = Its strength shows as you type.
password-save = Change password
password-changed = Your password was changed. Other places where you were signed in are signed out.
password-link = Change password

## Setting a first password (a person created with a Temporary Access Pass has none)

password-set-title = Set a password
password-set-intro = You don't have a password yet. Choose one for your work or school account; you can also sign in with a passkey instead.
password-set-save = Set password
password-set-done = Your password is set. Use it with your account name the next time you sign in.
password-temporary-title = Choose your own password
password-temporary-intro = Your help desk gave you a temporary password. Choose your own to go on; the temporary one then stops working.
password-temporary-label = Temporary password
