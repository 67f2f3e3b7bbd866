## Import people from a CSV file (for administrators)

people-import = Import people
people-import-title = Import people from a file
people-import-intro = Add many people at once from a CSV file, one line per person. Nobody is added until you've seen what the file will do.
people-import-columns = The first line names the columns: account and display_name, and if you like language (en, nl-NL or sv-SE) and email. Someone with an email address is sent an invitation there to choose a password. Give anyone else a Temporary Access Pass from their page.
people-import-example = Download an example file
people-import-file = CSV file
people-import-file-hint = Saved as UTF-8, with at most 10,000 people.
people-import-check = Check the file
# Variables:
#   $line (Number) - the line of the file the problem is on
people-import-on-line = It's on line { $line }.
people-import-preview-title = What the file will do
# Variables:
#   $ready (Number) - lines that can be added
#   $refused (Number) - lines that can't
people-import-preview-summary = { $ready ->
        [one] 1 person can be added.
       *[other] { $ready } people can be added.
    } { $refused ->
        [0] Every line is fine.
        [one] 1 line can't be added: its result says why.
       *[other] { $refused } lines can't be added: their results say why.
    }
# Variables:
#   $count (Number) - people the button adds
people-import-create = { $count ->
        [one] Add 1 person
       *[other] Add { $count } people
    }
people-import-another = Choose another file
people-import-done-title = The import is done
# Variables:
#   $created (Number) - people added
#   $invited (Number) - of them, people sent an invitation
#   $refused (Number) - lines not added
people-import-done-summary = { $created ->
        [one] 1 person was added
       *[other] { $created } people were added
    }, { $invited } of them invited by email. { $refused ->
        [0] Every line was added.
        [one] 1 line wasn't added: its result says why.
       *[other] { $refused } lines weren't added: their results say why.
    }
people-import-report = Download the report
people-import-lines = The lines of the file and what became of them
# Variables:
#   $shown (Number) - lines shown on the page
#   $total (Number) - lines in the file
people-import-shown = The first { $shown } of { $total } lines are shown, those that can't be added first. The report has every line.
people-import-column-line = Line
people-import-column-account = Account
people-import-column-name = Name
people-import-column-language = Language
people-import-column-email = Invitation to
people-import-column-result = Result
people-import-ready = Can be added
people-import-created = Added
people-import-invited = Added and invited
people-import-back = Back to People
