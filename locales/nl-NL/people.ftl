## People (administrators)

people-title = Personen
people-intro = Zoek de personen in uw organisatie, bekijk waarmee ze hun identiteit kunnen verifiëren en help iemand die zijn methoden kwijt is weer op weg met een tijdelijke toegangspas.
people-search-label = Zoeken op naam of account
people-search = Zoeken
people-none = Niemand komt hiermee overeen.
people-column-name = Naam
people-column-account = Account
people-column-role = Rol
people-column-methods = Methoden
people-column-pass = Tijdelijke toegangspas
people-role-administrator = Beheerder
people-role-person = Lid
people-no-methods = Nog geen
people-has-pass = Heeft een pas
people-no-pass = Geen
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
person-not-yours = Alleen een beheerder kan deze persoon een pas geven: deze persoon is beheerder of werkt bij de helpdesk.
person-role-title = Rol in de organisatie
person-role-label = Rol
person-role-save = Rol opslaan
person-role-saved = De rol is opgeslagen.
