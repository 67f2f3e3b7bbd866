## An invitation's link (S41)

invitation-title = Uw uitnodiging
# Variables:
#   $name (String) - the invited person's display name
invitation-welcome = Welkom, { $name }
# Variables:
#   $account (String) - the person's account name
#   $organization (String) - the organization's name
invitation-intro = Kies een wachtwoord voor { $account } bij { $organization }. Daarna stelt u in hoe u uw identiteit verifieert.
invitation-submit = Wachtwoord opslaan en doorgaan
error-invitation-expired = Deze uitnodigingskoppeling werkt niet meer: ze is al gebruikt, verlopen of vervangen door een nieuwere. Vraag uw beheerder om een nieuwe uitnodiging.
