## Personen importeren uit een CSV-bestand (voor beheerders)

people-import = Personen importeren
people-import-title = Personen importeren uit een bestand
people-import-intro = Voeg veel personen tegelijk toe vanuit een CSV-bestand, één regel per persoon. Er wordt niemand toegevoegd voordat u hebt gezien wat het bestand doet.
people-import-columns = De eerste regel benoemt de kolommen: account en display_name, en desgewenst language (en, nl-NL of sv-SE) en email. Wie een e-mailadres heeft, krijgt daar een uitnodiging om een wachtwoord te kiezen. Geef alle anderen een tijdelijke toegangspas vanaf hun pagina.
people-import-example = Een voorbeeldbestand downloaden
people-import-file = CSV-bestand
people-import-file-hint = Opgeslagen als UTF-8, met maximaal 10.000 personen.
people-import-check = Bestand controleren
# Variables:
#   $line (Number) - the line of the file the problem is on
people-import-on-line = Dit staat op regel { $line }.
people-import-preview-title = Wat het bestand doet
# Variables:
#   $ready (Number) - lines that can be added
#   $refused (Number) - lines that can't
people-import-preview-summary = { $ready ->
        [one] 1 persoon kan worden toegevoegd.
       *[other] { $ready } personen kunnen worden toegevoegd.
    } { $refused ->
        [0] Elke regel is in orde.
        [one] 1 regel kan niet worden toegevoegd: het resultaat zegt waarom.
       *[other] { $refused } regels kunnen niet worden toegevoegd: de resultaten zeggen waarom.
    }
# Variables:
#   $count (Number) - people the button adds
people-import-create = { $count ->
        [one] 1 persoon toevoegen
       *[other] { $count } personen toevoegen
    }
people-import-another = Een ander bestand kiezen
people-import-done-title = De import is klaar
# Variables:
#   $created (Number) - people added
#   $invited (Number) - of them, people sent an invitation
#   $refused (Number) - lines not added
people-import-done-summary = { $created ->
        [one] 1 persoon is toegevoegd
       *[other] { $created } personen zijn toegevoegd
    }, van wie { $invited } per e-mail uitgenodigd. { $refused ->
        [0] Elke regel is toegevoegd.
        [one] 1 regel is niet toegevoegd: het resultaat zegt waarom.
       *[other] { $refused } regels zijn niet toegevoegd: de resultaten zeggen waarom.
    }
people-import-report = Het verslag downloaden
people-import-lines = De regels van het bestand en wat ermee is gebeurd
# Variables:
#   $shown (Number) - lines shown on the page
#   $total (Number) - lines in the file
people-import-shown = De eerste { $shown } van { $total } regels worden getoond, de regels die niet kunnen worden toegevoegd eerst. Het verslag bevat elke regel.
people-import-column-line = Regel
people-import-column-account = Account
people-import-column-name = Naam
people-import-column-language = Taal
people-import-column-email = Uitnodiging aan
people-import-column-result = Resultaat
people-import-ready = Kan worden toegevoegd
people-import-created = Toegevoegd
people-import-invited = Toegevoegd en uitgenodigd
people-import-back = Terug naar Personen
