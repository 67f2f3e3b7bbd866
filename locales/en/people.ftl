## People (administrators)

people-intro = Find the people of your organization, see what they can verify with, and help someone who lost their methods back in with a Temporary Access Pass.
people-search-label = Find by name or account
people-search = Search
people-none = No one matches that.
people-column-name-account = Name and account
people-column-role = Role
people-column-methods = Methods
people-role-administrator = Administrator
people-role-person = Member
people-no-methods = None yet
people-column-status = Status
people-status-active = Active
people-status-disabled = Disabled
people-status-invited = Invited
people-column-ready = Ready for
people-two-step-ready = Two-step: ready
people-two-step-missing = Two-step: not yet
people-reset-ready = Reset: ready
people-reset-missing = Reset: not yet
people-column-last-sign-in = Last sign-in
people-never = Never
people-has-pass = Has a pass
people-pages = Pages of people
people-previous = Previous
people-next = Next
# Variables:
#   $page (Number) - the page shown, from 1
people-page = Page { $page }

## A person's page

person-title = Person
person-back = Back to People
person-methods = Methods
person-no-methods = No methods registered.
# Variables:
#   $time (String) - the day and time the pass stops working, in the reader's language
person-pass-until = A Temporary Access Pass works until { $time }.
person-no-pass = No Temporary Access Pass.
person-issue-pass = Issue a Temporary Access Pass
person-revoke-pass = Revoke pass

## Issuing and revoking a pass

issue-title = Issue a Temporary Access Pass
# Variables:
#   $name (String) - the person's display name
issue-intro = { $name } signs in with the pass where a password goes, and can then set up their methods again. Give it to them once you're sure who they are.
issue-lifetime-label = Valid for
# Variables:
#   $count (Number) - the lifetime in minutes
lifetime-minutes =
    { $count ->
        [one] 1 minute
       *[other] { $count } minutes
    }
# Variables:
#   $count (Number) - the lifetime in hours
lifetime-hours =
    { $count ->
        [one] 1 hour
       *[other] { $count } hours
    }
# Variables:
#   $count (Number) - the lifetime in days
lifetime-days =
    { $count ->
        [one] 1 day
       *[other] { $count } days
    }
issue-one-time = One-time use (the pass signs in once)
issue-replaces = The pass they have now stops working.
issue-submit = Issue pass
# Variables:
#   $name (String) - the person's display name
issued-intro = Give this pass to { $name }. It won't be shown again.
issued-copied = Copied.
revoke-title = Revoke the Temporary Access Pass?
# Variables:
#   $name (String) - the person's display name
revoke-question = The pass no longer signs { $name } in, and where they signed in with it, they are signed out.
revoke-confirm = Revoke

## Adding a person

people-add = Add a person
people-add-title = Add a person
people-add-account = Account
# Variables:
#   $domain (String) - the organization's domain, e.g. contoso.example
people-add-account-hint = In your organization's domain, for example zoe.dubois@{ $domain }
people-add-name = Name
people-add-language = Language
people-add-language-unset = Not chosen yet (the browser's)
people-add-submit = Add and issue pass

## Roles (S40)

people-role-help-desk = Help desk
person-not-yours = Only an administrator can give this person a pass or change their account: they are an administrator or on the help desk.
person-role-title = Role in the organization
person-role-label = Role
person-role-save = Save role
person-role-saved = The role is saved.

## A person's account and what is done to it (S40)

person-account = Account
person-status-active = Can sign in
person-status-disabled = Disabled: can't sign in
person-password-set = Has a password
person-password-none = No password: signs in with a passkey or a Temporary Access Pass, or sets one with "Forgot my password?"
# Variables:
#   $time (String) - the day and time, in the reader's language
person-last-sign-in = Last signed in { $time }
person-account-yours = This is you: manage your own account from Security info and Change password.
person-never-signed-in = Hasn't signed in yet
person-sign-out = Sign out everywhere
person-sign-out-title = Sign out everywhere?
# Variables:
#   $name (String) - the person's display name
person-sign-out-question = { $name } is signed out in every browser and app. Their methods and password stay as they are.
person-sign-out-confirm = Sign out everywhere
# Variables:
#   $name (String) - the person's display name
person-sign-out-done = { $name } is signed out everywhere.
person-require-registration = Require re-registration
person-require-registration-title = Require re-registration?
# Variables:
#   $name (String) - the person's display name
person-require-registration-question = { $name }'s phones, authenticator apps, security keys and recovery codes are removed, and they're signed out. Their email and security questions stay. The next time they sign in, they're asked to register their methods again.
person-require-registration-confirm = Require re-registration
# Variables:
#   $name (String) - the person's display name
person-require-registration-done = { $name } is asked to register their methods the next time they sign in.
person-remove-password = Remove password
person-remove-password-title = Remove the password?
# Variables:
#   $name (String) - the person's display name
person-remove-password-question = { $name }'s password stops working and they're signed out. They choose a new one with "Forgot my password?", or sign in with a passkey or a Temporary Access Pass.
person-remove-password-confirm = Remove password
# Variables:
#   $name (String) - the person's display name
person-remove-password-done = { $name }'s password is removed.
person-disable = Disable account
person-disable-title = Disable the account?
# Variables:
#   $name (String) - the person's display name
person-disable-question = { $name } can't sign in until the account is enabled again, and is signed out everywhere. Nothing is deleted.
person-disable-confirm = Disable
# Variables:
#   $name (String) - the person's display name
person-disable-done = { $name }'s account is disabled.
person-enable = Enable account
person-enable-title = Enable the account?
# Variables:
#   $name (String) - the person's display name
person-enable-question = { $name } can sign in again with their password or methods.
person-enable-confirm = Enable
# Variables:
#   $name (String) - the person's display name
person-enable-done = { $name }'s account is enabled.
person-delete = Delete account
person-delete-title = Delete the account?
# Variables:
#   $name (String) - the person's display name
person-delete-question = { $name }'s account, methods and sessions are deleted. This can't be undone. The record of their activity is kept.
person-delete-confirm = Delete

person-invite = Send an invitation
person-invite-title = Send an invitation
# Variables:
#   $name (String) - the person's display name
#   $days (Number) - how many days the link works
person-invite-intro = { $name } gets an email with a link to choose a password. It works once, for { $days } days; an earlier invitation stops working.
person-invite-submit = Send invitation
# Variables:
#   $name (String) - the person's display name
person-invite-done = An invitation is on its way to { $name }.

## Name and language

person-profile-title = Name and language
person-profile-save = Save
# Variables:
#   $name (String) - the person's display name
person-profile-saved = { $name }'s name and language are saved.

## Sessions and activity

person-sessions = Signed in
person-no-sessions = Not signed in anywhere.
# Variables:
#   $browser (String) - a browser's name, e.g. Firefox
#   $system (String) - an operating system's name, e.g. Windows
person-session-browser = { $browser } on { $system }
person-session-unknown = An unknown browser
# Variables:
#   $address (String) - the network address signed in from
#   $started (String) - when the session began, in the reader's language
#   $seen (String) - when it was last used, in the reader's language
person-session-line = From { $address } · signed in { $started } · last active { $seen }
person-activity = Recent activity
person-no-activity = Nothing yet.
# Variables:
#   $time (String) - when it happened, in the reader's language
#   $address (String) - the network address it came from
person-activity-meta = { $time } · from { $address }
# Variables:
#   $time (String) - when it happened, in the reader's language
#   $address (String) - the network address it came from
#   $name (String) - who did it (an administrator or the help desk)
person-activity-by = { $time } · by { $name } · from { $address }

## Inviting a person by email (S41)

people-add-first = Their first sign-in
people-add-first-pass = A Temporary Access Pass, shown to you now
people-add-first-invitation = An invitation by email, with a link to choose a password
people-add-email = Email address for the invitation
people-add-email-hint = An address they can read today, for example their private one.
people-add-submit-invitation = Add and send invitation
# Variables:
#   $name (String) - the person's display name
#   $address (String) - the address the invitation went to
#   $days (Number) - how many days the link works
people-invitation-sent = An invitation is on its way to { $name } at { $address }. The link works once, for { $days } days.
person-password-temporary = A temporary password: they choose their own at their next sign-in
person-temporary-password = Give a temporary password
person-temporary-password-title = Give a temporary password?
# Variables:
#   $name (String) - the person's name
person-temporary-password-question = { $name } is signed out everywhere and their password stops working. They sign in with the temporary password you're shown next, then choose their own.
person-temporary-password-confirm = Give a temporary password
# Variables:
#   $name (String) - the person's name
person-temporary-password-shown = Give this temporary password to { $name }. It won't be shown again.
# Variables:
#   $name (String) - the person's name
person-temporary-password-done = { $name } has a temporary password and chooses their own at their next sign-in.
