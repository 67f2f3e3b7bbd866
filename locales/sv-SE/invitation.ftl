## An invitation's link (S41)

invitation-title = Din inbjudan
# Variables:
#   $name (String) - the invited person's display name
invitation-welcome = Välkommen, { $name }
# Variables:
#   $account (String) - the person's account name
#   $organization (String) - the organization's name
invitation-intro = Välj ett lösenord för { $account } hos { $organization }. Sedan konfigurerar du hur du verifierar din identitet.
invitation-submit = Spara lösenordet och fortsätt
error-invitation-expired = Den här inbjudningslänken fungerar inte längre: den har redan använts, har gått ut eller har ersatts av en nyare. Be administratören om en ny inbjudan.
