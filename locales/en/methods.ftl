## Security info page: actions on methods

methods-add = Add method
methods-change = Change
methods-delete = Delete
methods-default-change = Change
# The accessible names of the buttons above (one message each, so the
# words can be ordered freely).
methods-default-change-label = Change: Default sign-in method
# Variables:
#   $method (String) - the kind of method, such as "Phone"
methods-change-label = Change: { $method }
# Variables:
#   $method (String) - the kind of method, such as "Phone"
methods-delete-label = Delete: { $method }
# Variables:
#   $method (String) - the method's kind, such as "Authenticator app"
#   $name (String) - the name the person gave it
methods-delete-named-label = Delete: { $method } "{ $name }"
methods-delivery-text = Text
methods-delivery-call = Call
# Variables:
#   $number (String) - a phone number such as "+1 4255551234"
methods-default-phone-text = Phone - text { $number }
# Variables:
#   $number (String) - a phone number such as "+1 4255551234"
methods-default-phone-call = Phone - call { $number }
# Variables:
#   $number (String) - a phone number such as "+1 4255551234"
methods-default-alternate-phone-call = Alternate phone - call { $number }
# Variables:
#   $number (String) - a phone number such as "+1 4255551234"
methods-default-office-phone-call = Office phone - call { $number }
# Variables:
#   $name (String) - the name the person gave the key
methods-default-security-key = Passkey or security key - { $name }

## Dialogs shared by the page

dialog-cancel = Cancel
dialog-back = Back
dialog-next = Next
dialog-done = Done

## Add a method

add-method-title = Add a method
add-method-label = Which method would you like to add?
add-method-submit = Add
add-method-missing-note = If some of these options are missing, it's most likely because your organization doesn't allow those methods.
add-method-none = There are no more methods you can add.

## Change default method

default-dialog-title = Change default method
default-dialog-label = Which method would you like to use to sign in?
default-dialog-confirm = Confirm

## Delete a method

delete-dialog-title = Delete method
delete-dialog-question = Are you sure you would like to delete this method?
delete-dialog-warning = Deleting can't be undone.
# Variables:
#   $method (String) - the method that becomes the default, e.g. "Phone - call +1 4255551234"
delete-dialog-default-moves = This is your default sign-in method. After deleting it, your default will be: { $method }.
delete-dialog-no-default-left = This is your default sign-in method. You'll have no default sign-in method after deleting it.
delete-dialog-yes = Yes
delete-dialog-no = No

## Phone wizard

phone-wizard-title-phone = Set up your phone
phone-wizard-title-alternate-phone = Set up your alternate phone
phone-wizard-title-office-phone = Set up your office phone
phone-wizard-change-title-phone = Change your phone
phone-wizard-change-title-alternate-phone = Change your alternate phone
phone-wizard-change-title-office-phone = Change your office phone
# Over the form that changes a phone.
# Variables:
#   $number (String) - the number registered now, e.g. "+1 4255551234"
phone-wizard-current = Your current number is { $number }.
phone-wizard-intro = You can prove who you are by answering a call on your phone or texting a code to your phone.
phone-wizard-intro-call-only = You can prove who you are by answering a call on this phone.
phone-wizard-question = What phone number would you like to use?
phone-wizard-region-label = Country or Region
# Variables:
#   $region (String) - a country or region name, e.g. "Netherlands"
#   $code (Number) - its calling code, e.g. 31
phone-wizard-region-option = { $region } (+{ $code })
phone-wizard-number-label = Phone number
phone-wizard-number-hint = Include the area code.
phone-wizard-office-hint = Include the area code. You can add an extension, for example +1 4255551234 x12345.
phone-wizard-delivery-legend = How should we verify it?
phone-wizard-text = Text me a code
phone-wizard-call = Call me
phone-wizard-rates = Message and data rates may apply.
# Variables:
#   $extension (String) - the extension that was removed, e.g. "12345"
phone-wizard-extension-removed = Extensions aren't supported for this phone, so we removed the extension { $extension } from the number.
# Variables:
#   $kind (String) - the method the number already is: phone, alternate-phone or office-phone
phone-wizard-same-number =
    { $kind ->
        [alternate-phone] This number is already your alternate phone.
        [office-phone] This number is already your office phone.
       *[phone] This number is already your phone.
    } You can add it here as well, but for password reset one number counts as one method.
# Variables:
#   $number (String) - where the code went, e.g. "+31 612345678"
phone-wizard-code-sent = We just sent a 6-digit code to { $number }. Enter the code below.
phone-wizard-code-label = Code
phone-wizard-resend = Resend code
# Variables:
#   $seconds (Number) - seconds until another code can be requested
phone-wizard-resend-wait =
    { $seconds ->
        [one] You can ask for a new code in { $seconds } second.
       *[other] You can ask for a new code in { $seconds } seconds.
    }
phone-wizard-code-resent = We sent a new code.
phone-wizard-change-number = Change number
# Variables:
#   $number (String) - the number being called, e.g. "+1 4255551234"
phone-wizard-calling = We're calling { $number } now.
phone-wizard-calling-hint = Answer the call and press the pound key (#) to finish.
phone-wizard-call-no-answer = The call wasn't answered.
phone-wizard-call-hung-up = The call ended before the pound key (#) was pressed.
phone-wizard-call-wrong-key = Another key than the pound key (#) was pressed.
# Variables:
#   $seconds (Number) - seconds until another call may be asked for
phone-wizard-call-again-wait =
    { $seconds ->
        [one] You can ask for another call in { $seconds } second.
       *[other] You can ask for another call in { $seconds } seconds.
    }
phone-wizard-call-again = Call me again
phone-wizard-success-title = Your security info is updated
phone-wizard-success-text = Your phone was verified. You can use it to verify your identity for two-step verification and password reset.
phone-wizard-success-text-call-only = Your phone was verified. You can use it to verify your identity for two-step verification.
phone-wizard-success-text-reset-only = Your phone was verified. You can use it to reset your password.

## Step-up: verifying before viewing or changing security info

step-up-title = Verify your identity
step-up-intro = To view or change your security info, first prove it's you.
step-up-choose = How would you like to verify?
# Variables:
#   $number (String) - a masked phone number, e.g. "+1 425•••••34"
step-up-text = Text { $number }
# Variables:
#   $number (String) - a masked phone number, e.g. "+1 425•••••34"
step-up-call = Call { $number }
# What the button under the choice does, by the kind chosen.
step-up-send-code = Send code
step-up-call-me = Call me
step-up-use-key = Use my passkey or security key
step-up-verify = Verify

## Registration at sign-in

register-title = More information required
register-intro = Your organization needs more information to keep your account secure.
register-no-longer-allowed = Your organization no longer allows some of the methods you registered, so they can't verify you any more. Set up another one.
register-wizard-title = Keep your account secure
# Variables:
#   $current (Number) - the step shown, starting at 1
#   $total (Number) - how many steps there are
register-step = Method { $current } of { $total }
register-success-title = Success!
register-success-text = Great job! You have successfully set up your security info. Choose "Done" to continue.

## Authenticator app

authenticator-wizard-title = Set up your authenticator app
authenticator-wizard-intro = Scan the QR code with your authenticator app, then enter the 6-digit code the app shows.
# Variables:
#   $account (String) - the sign-in name the app will list, e.g. "adele@contoso.example"
authenticator-qr-alt = QR code that adds { $account } to your authenticator app
authenticator-cant-scan = Can't scan image?
authenticator-manual = Enter these details in your app instead:
authenticator-account-label = Account name
authenticator-secret-label = Secret key
authenticator-success-text = Your authenticator app was added. You can use it to verify your identity for two-step verification and password reset.
authenticator-name-label = Name (optional)
authenticator-name-hint = So you can tell your apps apart, such as "Work phone".
# Variables:
#   $number (Number) - which of the person's apps this is: 2, 3…
authenticator-default-name = Authenticator app { $number }
step-up-authenticator = Use a code from my authenticator app
step-up-security-key = Use my passkey or security key
register-different-method = I want to set up a different method

## Email

email-wizard-title = Set up your email
email-wizard-change-title = Change your email
# Over the form that changes the email address.
# Variables:
#   $address (String) - the address registered now
email-wizard-current = Your current address is { $address }.
email-wizard-intro = We'll send a code to an email address of your choice. You can use it to reset your password; it can't be used for two-step verification.
email-wizard-question = What email would you like to use?
email-wizard-address-label = Email
email-wizard-address-hint = Use a personal address, not your work or school email.
# Variables:
#   $address (String) - where the code went, e.g. "adele@fabrikam.example"
email-wizard-code-sent = We just sent a 6-digit code to { $address }. Enter the code below.
email-wizard-change-address = Change email
email-wizard-success-text = Your email was verified. You can use it to reset your password.

## Security key

security-key-wizard-title = Set up a passkey or security key
security-key-wizard-intro = Use a passkey on this device or your phone, or a USB, NFC or Bluetooth security key. You can use it to sign in, for two-step verification and for password reset.
security-key-name-label = Name
security-key-name-hint = A name helps you tell your keys apart, for example "Blue USB key".
security-key-waiting = Follow your browser's instructions: insert or touch your security key, or unlock your device.
security-key-try-again = Try again
security-key-success-text = Your passkey or security key was registered. You can use it to sign in, for two-step verification and for password reset.
security-key-delete-title = Delete passkey or security key
# Variables:
#   $name (String) - the name the person gave the key
security-key-delete-question = Are you sure you want to delete "{ $name }"? You won't be able to sign in with it anymore.
dialog-ok = OK

## Recovery codes

method-kind-recovery-codes = Recovery codes
methods-regenerate = Generate new codes
# Variables:
#   $method (String) - the kind of method, such as "Recovery codes"
methods-regenerate-label = Generate new codes: { $method }
recovery-codes-title = Recovery codes
recovery-codes-intro = Recovery codes let you sign in when you can't use any of your other methods. Each code works once. Keep them somewhere safe, apart from your phone and your security key.
recovery-codes-replace-warning = New codes replace your current ones: the codes you have now stop working.
recovery-codes-generate = Generate codes
recovery-codes-shown-once = Save these codes now. You won't be able to see them again.
recovery-codes-list-label = Your recovery codes
recovery-codes-copy = Copy
recovery-codes-copied = Copied to the clipboard.
recovery-codes-download = Download
recovery-codes-print = Print
# The first line of the downloaded file, above the codes.
# Variables:
#   $account (String) - the person's account name
recovery-codes-file-heading = Recovery codes for { $account }. Each code works once.
# Variables:
#   $count (Number) - how many codes are unused
recovery-codes-left =
    { $count ->
        [one] 1 code left
       *[other] { $count } codes left
    }
# Variables:
#   $count (Number) - how many codes are unused (two or fewer)
recovery-codes-running-low =
    { $count ->
        [0] No codes left: generate new ones.
        [one] Only 1 code left: generate new ones.
       *[other] Only { $count } codes left: generate new ones.
    }
step-up-recovery-code = Use a recovery code
step-up-recovery-code-intro = Enter one of your recovery codes. It can't be used again.
recovery-code-label = Recovery code

# Variables:
#   $address (String) - a masked email address, e.g. "y•••@fabrikam.example"
step-up-email = Email { $address }
step-up-questions = Answer my security questions

# Marks the default method's row in the list.
methods-default-badge = Default
# Variables:
#   $date (String) - the day it was registered, already in the person's language, e.g. "2 Dec 2026"
methods-added = Added { $date }

## Verifying again, more strongly, for an application that asks for it (acr_values)

# Variables:
#   $application (String) - the application's name, as the administrators registered it
stronger-another-method-intro = { $application } asks for two-step verification. Verify your identity with one of your methods to continue.
# Variables:
#   $application (String) - the application's name, as the administrators registered it
stronger-security-key-intro = { $application } asks you to sign in with a passkey or security key. Use yours to continue.
# Variables:
#   $application (String) - the application's name, as the administrators registered it
stronger-new-security-key-intro = { $application } asks you to sign in with a passkey or security key, and you don't have one yet. Add one, then use it to continue.
stronger-add-key = Add a passkey or security key
