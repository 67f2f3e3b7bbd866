## People (administrators)

people-intro = Hitta personerna i din organisation, se vad de kan verifiera sin identitet med och hjälp den som har förlorat sina metoder att komma in igen med ett tillfälligt åtkomstpass.
people-search-label = Sök på namn eller konto
people-search = Sök
people-none = Ingen matchar det.
people-column-name-account = Namn och konto
people-column-role = Roll
people-column-methods = Metoder
people-role-administrator = Administratör
people-role-person = Medlem
people-no-methods = Inga än
people-column-status = Status
people-status-active = Aktiv
people-status-disabled = Inaktiverad
people-status-invited = Inbjuden
people-column-ready = Redo för
people-two-step-ready = Tvåsteg: klart
people-two-step-missing = Tvåsteg: inte än
people-reset-ready = Återställning: klar
people-reset-missing = Återställning: inte än
people-column-last-sign-in = Senaste inloggning
people-never = Aldrig
people-has-pass = Har ett pass
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
person-not-yours = Bara en administratör kan ge den här personen ett pass eller ändra kontot: personen är administratör eller arbetar på supportavdelningen.
person-role-title = Roll i organisationen
person-role-label = Roll
person-role-save = Spara rollen
person-role-saved = Rollen har sparats.

## A person's account and what is done to it (S40)

person-account = Konto
person-status-active = Kan logga in
person-status-disabled = Inaktiverat: kan inte logga in
person-password-set = Har ett lösenord
person-password-none = Inget lösenord: loggar in med en nyckel eller ett tillfälligt åtkomstpass, eller väljer ett med "Har du glömt lösenordet?"
# Variables:
#   $time (String) - the day and time, in the reader's language
person-last-sign-in = Senast inloggad { $time }
person-account-yours = Det här är du: hantera ditt eget konto från Säkerhetsinformation och Ändra lösenord.
person-never-signed-in = Har inte loggat in än
person-sign-out = Logga ut överallt
person-sign-out-title = Logga ut överallt?
# Variables:
#   $name (String) - the person's display name
person-sign-out-question = { $name } loggas ut i alla webbläsare och appar. Metoderna och lösenordet förblir som de är.
person-sign-out-confirm = Logga ut överallt
# Variables:
#   $name (String) - the person's display name
person-sign-out-done = { $name } är utloggad överallt.
person-require-registration = Kräv ny registrering
person-require-registration-title = Kräva ny registrering?
# Variables:
#   $name (String) - the person's display name
person-require-registration-question = Telefonerna, Authenticator-apparna, säkerhetsnycklarna och återställningskoderna för { $name } tas bort och { $name } loggas ut. E-postadressen och säkerhetsfrågorna finns kvar. Vid nästa inloggning ombeds { $name } att registrera sina metoder igen.
person-require-registration-confirm = Kräv ny registrering
# Variables:
#   $name (String) - the person's display name
person-require-registration-done = { $name } ombeds att registrera sina metoder igen vid nästa inloggning.
person-remove-password = Ta bort lösenordet
person-remove-password-title = Ta bort lösenordet?
# Variables:
#   $name (String) - the person's display name
person-remove-password-question = Lösenordet för { $name } slutar fungera och { $name } loggas ut. Ett nytt lösenord väljs med "Har du glömt lösenordet?", eller så loggar { $name } in med en nyckel eller ett tillfälligt åtkomstpass.
person-remove-password-confirm = Ta bort lösenordet
# Variables:
#   $name (String) - the person's display name
person-remove-password-done = Lösenordet för { $name } har tagits bort.
person-disable = Inaktivera kontot
person-disable-title = Inaktivera kontot?
# Variables:
#   $name (String) - the person's display name
person-disable-question = { $name } kan inte logga in förrän kontot aktiveras igen och loggas ut överallt. Ingenting tas bort.
person-disable-confirm = Inaktivera
# Variables:
#   $name (String) - the person's display name
person-disable-done = Kontot för { $name } har inaktiverats.
person-enable = Aktivera kontot
person-enable-title = Aktivera kontot?
# Variables:
#   $name (String) - the person's display name
person-enable-question = { $name } kan logga in igen med sitt lösenord eller sina metoder.
person-enable-confirm = Aktivera
# Variables:
#   $name (String) - the person's display name
person-enable-done = Kontot för { $name } har aktiverats.
person-delete = Ta bort kontot
person-delete-title = Ta bort kontot?
# Variables:
#   $name (String) - the person's display name
person-delete-question = Kontot, metoderna och sessionerna för { $name } tas bort. Det går inte att ångra. Historiken över aktiviteten sparas.
person-delete-confirm = Ta bort

person-invite = Skicka en inbjudan
person-invite-title = Skicka en inbjudan
# Variables:
#   $name (String) - the person's display name
#   $days (Number) - how many days the link works
person-invite-intro = { $name } får ett e-postmeddelande med en länk för att välja ett lösenord. Länken fungerar en gång i { $days } dagar; en tidigare inbjudan slutar då att fungera.
person-invite-submit = Skicka inbjudan
# Variables:
#   $name (String) - the person's display name
person-invite-done = En inbjudan är på väg till { $name }.

## Name and language

person-profile-title = Namn och språk
person-profile-save = Spara
# Variables:
#   $name (String) - the person's display name
person-profile-saved = Namn och språk för { $name } har sparats.

## Sessions and activity

person-sessions = Inloggad
person-no-sessions = Inte inloggad någonstans.
# Variables:
#   $browser (String) - a browser's name, e.g. Firefox
#   $system (String) - an operating system's name, e.g. Windows
person-session-browser = { $browser } på { $system }
person-session-unknown = En okänd webbläsare
# Variables:
#   $address (String) - the network address signed in from
#   $started (String) - when the session began, in the reader's language
#   $seen (String) - when it was last used, in the reader's language
person-session-line = Från { $address } · inloggad { $started } · senast aktiv { $seen }
person-activity = Senaste aktivitet
person-no-activity = Inget än.
# Variables:
#   $time (String) - when it happened, in the reader's language
#   $address (String) - the network address it came from
person-activity-meta = { $time } · från { $address }
# Variables:
#   $time (String) - when it happened, in the reader's language
#   $address (String) - the network address it came from
#   $name (String) - who did it (an administrator or the help desk)
person-activity-by = { $time } · av { $name } · från { $address }

## Inviting a person by email (S41)

people-add-first = Första inloggningen
people-add-first-pass = Ett tillfälligt åtkomstpass som visas för dig nu
people-add-first-invitation = En inbjudan via e-post, med en länk för att välja ett lösenord
people-add-email = E-postadress för inbjudan
people-add-email-hint = En adress som personen kan läsa i dag, till exempel en privat.
people-add-submit-invitation = Lägg till och skicka inbjudan
# Variables:
#   $name (String) - the person's display name
#   $address (String) - the address the invitation went to
#   $days (Number) - how many days the link works
people-invitation-sent = En inbjudan är på väg till { $name } på { $address }. Länken fungerar en gång i { $days } dagar.
person-password-temporary = Ett tillfälligt lösenord: väljer ett eget vid nästa inloggning
person-temporary-password = Ge ett tillfälligt lösenord
person-temporary-password-title = Ge ett tillfälligt lösenord?
# Variables:
#   $name (String) - the person's name
person-temporary-password-question = { $name } loggas ut överallt och lösenordet för { $name } slutar fungera. { $name } loggar in med det tillfälliga lösenordet som du ser härnäst och väljer sedan ett eget.
person-temporary-password-confirm = Ge ett tillfälligt lösenord
# Variables:
#   $name (String) - the person's name
person-temporary-password-shown = Ge det här tillfälliga lösenordet till { $name }. Det visas inte igen.
# Variables:
#   $name (String) - the person's name
person-temporary-password-done = { $name } har ett tillfälligt lösenord och väljer ett eget vid nästa inloggning.
