## Security questions: the predefined pool and the setup dialog

question-city-born = In what city were you born?
question-first-pet = What was the name of your first pet?
question-childhood-friend = What was the first name of your best friend as a child?
question-first-school = What was the name of your first school?
question-favorite-teacher = What was the last name of your favorite teacher?
question-first-car = What was the make and model of your first car?
question-parents-met = In what city did your parents meet?
question-first-job = What was your first job?
question-favorite-book = What is the title of your favorite book?
question-childhood-street = What street did you live on as a child?
questions-wizard-title = Set up security questions
# Variables:
#   $count (Number) - how many questions to answer
questions-wizard-intro =
    { $count ->
        [one] Choose a question and answer it. Your answer helps you reset your password.
       *[other] Choose { $count } different questions and answer each. Your answers help you reset your password.
    }
# Variables:
#   $number (Number) - which question, starting at 1
questions-question-label = Question { $number }
# Variables:
#   $number (Number) - which answer, starting at 1
questions-answer-label = Answer { $number }
questions-choose = Choose a question
questions-answer-hint = 3 to 40 characters. Capital letters and extra spaces don't matter.
questions-save = Save
questions-success-text = Your security questions were saved. They help you reset your password, together with another method.
# Variables:
#   $question (String) - the organization's own security question, as it wrote it
#   $language (String) - the tag of the language it is written in: en, nl-NL or sv-SE
question-written-in = { $question } ({ $language ->
        [nl-NL] in Dutch
        [sv-SE] in Swedish
       *[en] in English
    })
