## People (administrators)

people-title = People
people-intro = Find the people of your organization, see what they can verify with, and help someone who lost their methods back in with a Temporary Access Pass.
people-search-label = Find by name or account
people-search = Search
people-none = No one matches that.
people-column-name = Name
people-column-account = Account
people-column-role = Role
people-column-methods = Methods
people-column-pass = Temporary Access Pass
people-role-administrator = Administrator
people-role-person = Member
people-no-methods = None yet
people-has-pass = Has a pass
people-no-pass = None
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
person-not-yours = Only an administrator can give this person a pass: they are an administrator or on the help desk.
person-role-title = Role in the organization
person-role-label = Role
person-role-save = Save role
person-role-saved = The role is saved.
