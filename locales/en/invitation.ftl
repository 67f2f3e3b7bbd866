## An invitation's link (S41)

invitation-title = Your invitation
# Variables:
#   $name (String) - the invited person's display name
invitation-welcome = Welcome, { $name }
# Variables:
#   $account (String) - the person's account name
#   $organization (String) - the organization's name
invitation-intro = Choose a password for { $account } at { $organization }. Then you'll set up how you verify who you are.
invitation-submit = Save password and continue
error-invitation-expired = This invitation link no longer works: it was used, has expired or was replaced by a newer one. Ask your administrator for a new invitation.
