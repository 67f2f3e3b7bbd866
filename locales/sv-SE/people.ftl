## People (administrators)

people-title = Personer
people-intro = Hitta personerna i din organisation, se vad de kan verifiera sin identitet med och hjälp den som har förlorat sina metoder att komma in igen med ett tillfälligt åtkomstpass.
people-search-label = Sök på namn eller konto
people-search = Sök
people-none = Ingen matchar det.
people-column-name = Namn
people-column-account = Konto
people-column-role = Roll
people-column-methods = Metoder
people-column-pass = Tillfälligt åtkomstpass
people-role-administrator = Administratör
people-role-person = Medlem
people-no-methods = Inga än
people-has-pass = Har ett pass
people-no-pass = Inget
people-pages = Sidor med personer
people-previous = Föregående
people-next = Nästa
# Variables:
#   $page (Number) - the page shown, from 1
people-page = Sida { $page }

## A person's page

person-title = Person
person-back = Tillbaka till Personer
person-methods = Metoder
person-no-methods = Inga metoder registrerade.
# Variables:
#   $time (String) - the day and time the pass stops working, in the reader's language
person-pass-until = Ett tillfälligt åtkomstpass gäller till { $time }.
person-no-pass = Inget tillfälligt åtkomstpass.
person-issue-pass = Utfärda ett tillfälligt åtkomstpass
person-revoke-pass = Återkalla passet

## Issuing and revoking a pass

issue-title = Utfärda ett tillfälligt åtkomstpass
# Variables:
#   $name (String) - the person's display name
issue-intro = { $name } loggar in med passet där lösenordet annars anges och kan sedan konfigurera sina metoder igen. Lämna ut det först när du är säker på vem personen är.
issue-lifetime-label = Giltigt i
# Variables:
#   $count (Number) - the lifetime in minutes
lifetime-minutes =
    { $count ->
        [one] 1 minut
       *[other] { $count } minuter
    }
# Variables:
#   $count (Number) - the lifetime in hours
lifetime-hours =
    { $count ->
        [one] 1 timme
       *[other] { $count } timmar
    }
# Variables:
#   $count (Number) - the lifetime in days
lifetime-days =
    { $count ->
        [one] 1 dag
       *[other] { $count } dagar
    }
issue-one-time = Engångsanvändning (passet fungerar för en inloggning)
issue-replaces = Passet som personen har nu slutar att fungera.
issue-submit = Utfärda passet
# Variables:
#   $name (String) - the person's display name
issued-intro = Ge det här passet till { $name }. Det visas inte igen.
issued-copied = Kopierat.
revoke-title = Vill du återkalla det tillfälliga åtkomstpasset?
# Variables:
#   $name (String) - the person's display name
revoke-question = { $name } kan inte längre logga in med passet och loggas ut där passet användes för att logga in.
revoke-confirm = Återkalla

## Adding a person

people-add = Lägg till en person
people-add-title = Lägg till en person
people-add-account = Konto
# Variables:
#   $domain (String) - the organization's domain, e.g. contoso.example
people-add-account-hint = I organisationens domän, till exempel zoe.dubois@{ $domain }
people-add-name = Namn
people-add-language = Språk
people-add-language-unset = Inte valt än (webbläsarens)
people-add-submit = Lägg till och utfärda pass

## Roles (S40)

people-role-help-desk = Supportavdelning
person-not-yours = Bara en administratör kan ge den här personen ett pass: personen är administratör eller arbetar på supportavdelningen.
person-role-title = Roll i organisationen
person-role-label = Roll
person-role-save = Spara rollen
person-role-saved = Rollen har sparats.
