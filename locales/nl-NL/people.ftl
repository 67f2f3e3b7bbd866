## People (administrators)

people-intro = Zoek de personen in uw organisatie, bekijk waarmee ze hun identiteit kunnen verifiëren en help iemand die zijn methoden kwijt is weer op weg met een tijdelijke toegangspas.
people-search-label = Zoeken op naam of account
people-search = Zoeken
people-none = Niemand komt hiermee overeen.
people-column-name-account = Naam en account
people-column-role = Rol
people-column-methods = Methoden
people-role-administrator = Beheerder
people-role-person = Lid
people-no-methods = Nog geen
people-column-status = Status
people-status-active = Actief
people-status-disabled = Uitgeschakeld
people-status-invited = Uitgenodigd
people-column-ready = Klaar voor
people-two-step-ready = Twee stappen: klaar
people-two-step-missing = Twee stappen: nog niet
people-reset-ready = Herstel: klaar
people-reset-missing = Herstel: nog niet
people-column-last-sign-in = Laatste aanmelding
people-never = Nooit
people-has-pass = Heeft een pas
people-pages = Pagina's met personen
people-previous = Vorige
people-next = Volgende
# Variables:
#   $page (Number) - the page shown, from 1
people-page = Pagina { $page }

## A person's page

person-title = Persoon
person-back = Terug naar Personen
person-methods = Methoden
person-no-methods = Geen methoden geregistreerd.
# Variables:
#   $time (String) - the day and time the pass stops working, in the reader's language
person-pass-until = Een tijdelijke toegangspas werkt tot { $time }.
person-no-pass = Geen tijdelijke toegangspas.
person-issue-pass = Een tijdelijke toegangspas uitgeven
person-revoke-pass = Pas intrekken

## Issuing and revoking a pass

issue-title = Een tijdelijke toegangspas uitgeven
# Variables:
#   $name (String) - the person's display name
issue-intro = { $name } meldt zich met de pas aan op de plek van het wachtwoord en kan daarna de methoden opnieuw instellen. Geef de pas pas af als u zeker weet wie het is.
issue-lifetime-label = Geldig gedurende
# Variables:
#   $count (Number) - the lifetime in minutes
lifetime-minutes =
    { $count ->
        [one] 1 minuut
       *[other] { $count } minuten
    }
# Variables:
#   $count (Number) - the lifetime in hours
lifetime-hours =
    { $count ->
        [one] 1 uur
       *[other] { $count } uur
    }
# Variables:
#   $count (Number) - the lifetime in days
lifetime-days =
    { $count ->
        [one] 1 dag
       *[other] { $count } dagen
    }
issue-one-time = Eenmalig gebruik (de pas werkt voor één aanmelding)
issue-replaces = De pas die deze persoon nu heeft, werkt dan niet meer.
issue-submit = Pas uitgeven
# Variables:
#   $name (String) - the person's display name
issued-intro = Geef deze pas aan { $name }. Hij wordt niet nog eens getoond.
issued-copied = Gekopieerd.
revoke-title = De tijdelijke toegangspas intrekken?
# Variables:
#   $name (String) - the person's display name
revoke-question = { $name } kan zich dan niet meer met de pas aanmelden, en wordt afgemeld waar de pas voor het aanmelden is gebruikt.
revoke-confirm = Intrekken

## Adding a person

people-add = Persoon toevoegen
people-add-title = Een persoon toevoegen
people-add-account = Account
# Variables:
#   $domain (String) - the organization's domain, e.g. contoso.example
people-add-account-hint = In het domein van uw organisatie, bijvoorbeeld zoe.dubois@{ $domain }
people-add-name = Naam
people-add-language = Taal
people-add-language-unset = Nog niet gekozen (die van de browser)
people-add-submit = Toevoegen en pas uitgeven

## Roles (S40)

people-role-help-desk = Helpdesk
person-not-yours = Alleen een beheerder kan deze persoon een pas geven of het account wijzigen: deze persoon is beheerder of werkt bij de helpdesk.
person-role-title = Rol in de organisatie
person-role-label = Rol
person-role-save = Rol opslaan
person-role-saved = De rol is opgeslagen.

## A person's account and what is done to it (S40)

person-account = Account
person-status-active = Kan zich aanmelden
person-status-disabled = Uitgeschakeld: kan zich niet aanmelden
person-password-set = Heeft een wachtwoord
person-password-none = Geen wachtwoord: meldt zich aan met een wachtwoordsleutel of een tijdelijke toegangspas, of stelt er een in met "Wachtwoord vergeten?"
# Variables:
#   $time (String) - the day and time, in the reader's language
person-last-sign-in = Laatst aangemeld op { $time }
person-account-yours = Dit bent u: beheer uw eigen account via Beveiligingsgegevens en Wachtwoord wijzigen.
person-never-signed-in = Nog nooit aangemeld
person-sign-out = Overal afmelden
person-sign-out-title = Overal afmelden?
# Variables:
#   $name (String) - the person's display name
person-sign-out-question = { $name } wordt afgemeld in elke browser en app. De methoden en het wachtwoord blijven zoals ze zijn.
person-sign-out-confirm = Overal afmelden
# Variables:
#   $name (String) - the person's display name
person-sign-out-done = { $name } is overal afgemeld.
person-require-registration = Opnieuw registreren vereisen
person-require-registration-title = Opnieuw registreren vereisen?
# Variables:
#   $name (String) - the person's display name
person-require-registration-question = De telefoons, Authenticator-apps, beveiligingssleutels en herstelcodes van { $name } worden verwijderd en { $name } wordt afgemeld. Het e-mailadres en de beveiligingsvragen blijven. Bij de volgende aanmelding wordt gevraagd de methoden opnieuw te registreren.
person-require-registration-confirm = Opnieuw registreren vereisen
# Variables:
#   $name (String) - the person's display name
person-require-registration-done = { $name } wordt bij de volgende aanmelding gevraagd de methoden opnieuw te registreren.
person-remove-password = Wachtwoord verwijderen
person-remove-password-title = Het wachtwoord verwijderen?
# Variables:
#   $name (String) - the person's display name
person-remove-password-question = Het wachtwoord van { $name } werkt niet meer en { $name } wordt afgemeld. Een nieuw wachtwoord kiest { $name } met "Wachtwoord vergeten?", of { $name } meldt zich aan met een wachtwoordsleutel of een tijdelijke toegangspas.
person-remove-password-confirm = Wachtwoord verwijderen
# Variables:
#   $name (String) - the person's display name
person-remove-password-done = Het wachtwoord van { $name } is verwijderd.
person-disable = Account uitschakelen
person-disable-title = Het account uitschakelen?
# Variables:
#   $name (String) - the person's display name
person-disable-question = { $name } kan zich pas weer aanmelden als het account opnieuw is ingeschakeld, en wordt overal afgemeld. Er wordt niets verwijderd.
person-disable-confirm = Uitschakelen
# Variables:
#   $name (String) - the person's display name
person-disable-done = Het account van { $name } is uitgeschakeld.
person-enable = Account inschakelen
person-enable-title = Het account inschakelen?
# Variables:
#   $name (String) - the person's display name
person-enable-question = { $name } kan zich weer aanmelden met het wachtwoord of de methoden.
person-enable-confirm = Inschakelen
# Variables:
#   $name (String) - the person's display name
person-enable-done = Het account van { $name } is ingeschakeld.
person-delete = Account verwijderen
person-delete-title = Het account verwijderen?
# Variables:
#   $name (String) - the person's display name
person-delete-question = Het account, de methoden en de sessies van { $name } worden verwijderd. Dit kan niet ongedaan worden gemaakt. Het overzicht van de activiteit blijft bewaard.
person-delete-confirm = Verwijderen

person-invite = Een uitnodiging versturen
person-invite-title = Een uitnodiging versturen
# Variables:
#   $name (String) - the person's display name
#   $days (Number) - how many days the link works
person-invite-intro = { $name } krijgt een e-mail met een koppeling om een wachtwoord te kiezen. De koppeling werkt één keer, { $days } dagen lang; een eerdere uitnodiging werkt dan niet meer.
person-invite-submit = Uitnodiging versturen
# Variables:
#   $name (String) - the person's display name
person-invite-done = Er is een uitnodiging onderweg naar { $name }.

## Name and language

person-profile-title = Naam en taal
person-profile-save = Opslaan
# Variables:
#   $name (String) - the person's display name
person-profile-saved = De naam en taal van { $name } zijn opgeslagen.

## Sessions and activity

person-sessions = Aangemeld
person-no-sessions = Nergens aangemeld.
# Variables:
#   $browser (String) - a browser's name, e.g. Firefox
#   $system (String) - an operating system's name, e.g. Windows
person-session-browser = { $browser } op { $system }
person-session-unknown = Een onbekende browser
# Variables:
#   $address (String) - the network address signed in from
#   $started (String) - when the session began, in the reader's language
#   $seen (String) - when it was last used, in the reader's language
person-session-line = Vanaf { $address } · aangemeld { $started } · laatst actief { $seen }
person-activity = Recente activiteit
person-no-activity = Nog niets.
# Variables:
#   $time (String) - when it happened, in the reader's language
#   $address (String) - the network address it came from
person-activity-meta = { $time } · vanaf { $address }
# Variables:
#   $time (String) - when it happened, in the reader's language
#   $address (String) - the network address it came from
#   $name (String) - who did it (an administrator or the help desk)
person-activity-by = { $time } · door { $name } · vanaf { $address }

## Inviting a person by email (S41)

people-add-first = De eerste aanmelding
people-add-first-pass = Een tijdelijke toegangspas, die u nu te zien krijgt
people-add-first-invitation = Een uitnodiging per e-mail, met een koppeling om een wachtwoord te kiezen
people-add-email = E-mailadres voor de uitnodiging
people-add-email-hint = Een adres dat de persoon vandaag kan lezen, bijvoorbeeld een privéadres.
people-add-submit-invitation = Toevoegen en uitnodiging versturen
# Variables:
#   $name (String) - the person's display name
#   $address (String) - the address the invitation went to
#   $days (Number) - how many days the link works
people-invitation-sent = Er is een uitnodiging onderweg naar { $name } op { $address }. De koppeling werkt één keer, { $days } dagen lang.
person-password-temporary = Een tijdelijk wachtwoord: kiest bij de volgende aanmelding een eigen wachtwoord
person-temporary-password = Tijdelijk wachtwoord geven
person-temporary-password-title = Een tijdelijk wachtwoord geven?
# Variables:
#   $name (String) - the person's name
person-temporary-password-question = { $name } wordt overal afgemeld en het wachtwoord van { $name } werkt niet meer. { $name } meldt zich aan met het tijdelijke wachtwoord dat u hierna ziet en kiest daarna een eigen wachtwoord.
person-temporary-password-confirm = Tijdelijk wachtwoord geven
# Variables:
#   $name (String) - the person's name
person-temporary-password-shown = Geef dit tijdelijke wachtwoord aan { $name }. Het wordt niet nog eens getoond.
# Variables:
#   $name (String) - the person's name
person-temporary-password-done = { $name } heeft een tijdelijk wachtwoord en kiest bij de volgende aanmelding een eigen wachtwoord.
