## Security questions: the predefined pool and the setup dialog

question-city-born = I vilken stad föddes du?
question-first-pet = Vad hette ditt första husdjur?
question-childhood-friend = Vad hette din bästa vän i förnamn när du var barn?
question-first-school = Vad hette din första skola?
question-favorite-teacher = Vad hette din favoritlärare i efternamn?
question-first-car = Vilket märke och vilken modell var din första bil?
question-parents-met = I vilken stad träffades dina föräldrar?
question-first-job = Vad var ditt första jobb?
question-favorite-book = Vad heter din favoritbok?
question-childhood-street = På vilken gata bodde du som barn?
questions-wizard-title = Konfigurera säkerhetsfrågor
questions-wizard-intro =
    { $count ->
        [one] Välj en fråga och besvara den. Med ditt svar kan du återställa ditt lösenord.
       *[other] Välj { $count } olika frågor och besvara var och en. Med dina svar kan du återställa ditt lösenord.
    }
questions-question-label = Fråga { $number }
questions-answer-label = Svar { $number }
questions-choose = Välj en fråga
questions-answer-hint = 3 till 40 tecken. Versaler och extra mellanslag spelar ingen roll.
questions-save = Spara
questions-success-text = Dina säkerhetsfrågor har sparats. Tillsammans med en annan metod kan du använda dem för att återställa ditt lösenord.
question-written-in = { $question } ({ $language ->
        [nl-NL] på nederländska
        [en] på engelska
       *[sv-SE] på svenska
    })
