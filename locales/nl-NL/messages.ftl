## Texts and voice calls sent to a person's phone

sms-code-body = { $code } is uw verificatiecode voor { -brand-name }. Deel deze met niemand.
voice-call-script = Hallo, u spreekt met { -brand-name }. U verifieert uw telefoon voor uw werk- of schoolaccount. Druk op het hekje om uw verificatie te voltooien. Hebt u niet om deze oproep gevraagd, hang dan op.

email-code-subject = Uw verificatiecode voor { -brand-name }
email-code-body =
    Gebruik deze code om uw e-mailadres te verifiëren voor het opnieuw instellen van uw wachtwoord:

    { $code }

    De code verloopt over { $minutes } minuten. Deel deze met niemand.

    Hebt u niet om deze code gevraagd, dan kunt u deze e-mail negeren. Misschien heeft iemand uw adres per ongeluk getypt.

notify-subject = Uw beveiligingsgegevens voor { -brand-name } zijn gewijzigd
notify-body =
    { $change }

    Als u dit zelf hebt gedaan, hoeft u niets meer te doen.

    Als u het niet was, gebruikt iemand anders mogelijk uw account. Meld u aan, controleer uw beveiligingsgegevens, kies "Apparaat kwijt? Overal afmelden" en neem contact op met uw helpdesk.
notify-method-added = Er is een aanmeldingsmethode toegevoegd aan uw beveiligingsgegevens.
notify-method-changed = Er is een aanmeldingsmethode in uw beveiligingsgegevens gewijzigd.
notify-method-deleted = Er is een aanmeldingsmethode verwijderd uit uw beveiligingsgegevens.
notify-default-changed = Uw standaardaanmeldingsmethode is gewijzigd.
notify-signed-out-everywhere = Uw account is overal afgemeld.
notify-recovery-code-used = Er is een herstelcode gebruikt om uw identiteit te verifiëren.
notify-password-changed = Uw wachtwoord is gewijzigd.

## Een vergeten wachtwoord opnieuw instellen

email-reset-code-body =
    Gebruik deze code om het wachtwoord van uw werk- of schoolaccount opnieuw in te stellen:

    { $code }

    De code verloopt over { $minutes } minuten. Deel deze met niemand.

    Hebt u niet gevraagd om uw wachtwoord opnieuw in te stellen, dan kunt u deze e-mail negeren: uw wachtwoord blijft ongewijzigd.
email-password-reset-subject = Uw wachtwoord voor { -brand-name } is opnieuw ingesteld
email-password-reset-body =
    Het wachtwoord van { $account } is zojuist opnieuw ingesteld en het account is overal afgemeld.

    Als u dit zelf hebt gedaan, hoeft u niets meer te doen.

    Als u het niet was, neem dan direct contact op met uw helpdesk.
sms-password-reset-body = Het wachtwoord voor { -brand-name } van { $account } is zojuist opnieuw ingesteld. Was u dit niet, neem dan direct contact op met uw helpdesk.

## Inviting a person an administrator added (S41)

# Variables:
#   $organization (String) - the organization's name
email-invitation-subject = U bent uitgenodigd om uw account bij { $organization } in te stellen
# Variables:
#   $name (String) - the invited person's display name
#   $inviter (String) - the administrator's display name
#   $organization (String) - the organization's name
#   $account (String) - the person's account name
#   $days (Number) - how many days the link works
#   $link (String) - the invitation's link
email-invitation-body =
    Hallo { $name },

    { $inviter } heeft u toegevoegd aan { $organization }. Uw account is { $account }.

    Open deze koppeling om uw wachtwoord te kiezen en in te stellen hoe u uw identiteit verifieert. De koppeling werkt één keer, { $days } dagen lang:

    { $link }

    Verwachtte u dit niet, dan kunt u deze e-mail negeren.

## De pagina die het antwoord naar een toepassing terugstuurt (response_mode=form_post)

form-post-title = Terug naar { $application }…
form-post-continue = Doorgaan
