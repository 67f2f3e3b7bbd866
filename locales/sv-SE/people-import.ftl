## Importera personer från en CSV-fil (för administratörer)

people-import = Importera personer
people-import-title = Importera personer från en fil
people-import-intro = Lägg till många personer på en gång från en CSV-fil, en rad per person. Ingen läggs till förrän du har sett vad filen kommer att göra.
people-import-columns = Den första raden namnger kolumnerna: account och display_name, och om du vill language (en, nl-NL eller sv-SE) och email. Den som har en e-postadress får en inbjudan dit för att välja ett lösenord. Ge alla andra ett tillfälligt åtkomstpass från deras sida.
people-import-example = Ladda ned en exempelfil
people-import-file = CSV-fil
people-import-file-hint = Sparad som UTF-8, med högst 10 000 personer.
people-import-check = Kontrollera filen
# Variables:
#   $line (Number) - the line of the file the problem is on
people-import-on-line = Det finns på rad { $line }.
people-import-preview-title = Vad filen kommer att göra
# Variables:
#   $ready (Number) - lines that can be added
#   $refused (Number) - lines that can't
people-import-preview-summary = { $ready ->
        [one] 1 person kan läggas till.
       *[other] { $ready } personer kan läggas till.
    } { $refused ->
        [0] Alla rader är i ordning.
        [one] 1 rad kan inte läggas till: resultatet säger varför.
       *[other] { $refused } rader kan inte läggas till: resultaten säger varför.
    }
# Variables:
#   $count (Number) - people the button adds
people-import-create = { $count ->
        [one] Lägg till 1 person
       *[other] Lägg till { $count } personer
    }
people-import-another = Välj en annan fil
people-import-done-title = Importen är klar
# Variables:
#   $created (Number) - people added
#   $invited (Number) - of them, people sent an invitation
#   $refused (Number) - lines not added
people-import-done-summary = { $created ->
        [one] 1 person har lagts till
       *[other] { $created } personer har lagts till
    }, varav { $invited } har bjudits in via e-post. { $refused ->
        [0] Alla rader har lagts till.
        [one] 1 rad har inte lagts till: resultatet säger varför.
       *[other] { $refused } rader har inte lagts till: resultaten säger varför.
    }
people-import-report = Ladda ned rapporten
people-import-lines = Filens rader och vad som blev av dem
# Variables:
#   $shown (Number) - lines shown on the page
#   $total (Number) - lines in the file
people-import-shown = De första { $shown } av { $total } rader visas, de som inte kan läggas till först. Rapporten innehåller alla rader.
people-import-column-line = Rad
people-import-column-account = Konto
people-import-column-name = Namn
people-import-column-language = Språk
people-import-column-email = Inbjudan till
people-import-column-result = Resultat
people-import-ready = Kan läggas till
people-import-created = Har lagts till
people-import-invited = Har lagts till och bjudits in
people-import-back = Tillbaka till Personer
