## Security questions: the predefined pool and the setup dialog

question-city-born = In welke plaats bent u geboren?
question-first-pet = Wat was de naam van uw eerste huisdier?
question-childhood-friend = Wat was de voornaam van uw beste vriend of vriendin als kind?
question-first-school = Wat was de naam van uw eerste school?
question-favorite-teacher = Wat was de achternaam van uw favoriete leraar?
question-first-car = Wat waren het merk en model van uw eerste auto?
question-parents-met = In welke plaats hebben uw ouders elkaar ontmoet?
question-first-job = Wat was uw eerste baan?
question-favorite-book = Wat is de titel van uw favoriete boek?
question-childhood-street = In welke straat woonde u als kind?
questions-wizard-title = Beveiligingsvragen instellen
questions-wizard-intro =
    { $count ->
        [one] Kies een vraag en beantwoord deze. Met uw antwoord kunt u uw wachtwoord opnieuw instellen.
       *[other] Kies { $count } verschillende vragen en beantwoord ze. Met uw antwoorden kunt u uw wachtwoord opnieuw instellen.
    }
questions-question-label = Vraag { $number }
questions-answer-label = Antwoord { $number }
questions-choose = Kies een vraag
questions-answer-hint = 3 tot 40 tekens. Hoofdletters en extra spaties maken niet uit.
questions-save = Opslaan
questions-success-text = Uw beveiligingsvragen zijn opgeslagen. Samen met een andere methode kunt u er uw wachtwoord mee opnieuw instellen.
question-written-in = { $question } ({ $language ->
        [sv-SE] in het Zweeds
        [en] in het Engels
       *[nl-NL] in het Nederlands
    })
