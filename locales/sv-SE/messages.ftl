## Texts and voice calls sent to a person's phone

sms-code-body = { $code } är din verifieringskod för { -brand-name }. Dela den inte med någon.
voice-call-script = Hej, det här är { -brand-name }. Du verifierar din telefon för ditt arbets- eller skolkonto. Tryck på fyrkant för att slutföra verifieringen. Om du inte har bett om det här samtalet kan du lägga på.

email-code-subject = Din verifieringskod för { -brand-name }
email-code-body =
    Använd den här koden för att verifiera din e-postadress för återställning av lösenord:

    { $code }

    Koden upphör att gälla om { $minutes } minuter. Dela den inte med någon.

    Om du inte har bett om den här koden kan du ignorera det här e-postmeddelandet. Någon kan ha skrivit din adress av misstag.

notify-subject = Din säkerhetsinformation för { -brand-name } har ändrats
notify-body =
    { $change }

    Om det var du behöver du inte göra något mer.

    Om det inte var du kan någon annan använda ditt konto. Logga in, granska din säkerhetsinformation, välj "Förlorad enhet? Logga ut överallt" och kontakta din supportavdelning.
notify-method-added = En inloggningsmetod har lagts till i din säkerhetsinformation.
notify-method-changed = En inloggningsmetod i din säkerhetsinformation har ändrats.
notify-method-deleted = En inloggningsmetod har tagits bort från din säkerhetsinformation.
notify-default-changed = Din standardinloggningsmetod har ändrats.
notify-signed-out-everywhere = Ditt konto har loggats ut överallt.
notify-recovery-code-used = En återställningskod användes för att verifiera din identitet.
notify-password-changed = Ditt lösenord har ändrats.

## Återställa ett glömt lösenord

email-reset-code-body =
    Använd den här koden för att återställa lösenordet för ditt arbets- eller skolkonto:

    { $code }

    Koden upphör att gälla om { $minutes } minuter. Dela den inte med någon.

    Om du inte har bett om att återställa ditt lösenord kan du ignorera det här e-postmeddelandet: ditt lösenord förblir oförändrat.
email-password-reset-subject = Ditt lösenord för { -brand-name } har återställts
email-password-reset-body =
    Lösenordet för { $account } har just återställts och kontot har loggats ut överallt.

    Om det var du behöver du inte göra något mer.

    Om det inte var du ska du genast kontakta din supportavdelning.
sms-password-reset-body = Lösenordet för { -brand-name } för { $account } har just återställts. Om det inte var du ska du genast kontakta din supportavdelning.

## Inviting a person an administrator added (S41)

# Variables:
#   $organization (String) - the organization's name
email-invitation-subject = Du är inbjuden att konfigurera ditt konto hos { $organization }
# Variables:
#   $name (String) - the invited person's display name
#   $inviter (String) - the administrator's display name
#   $organization (String) - the organization's name
#   $account (String) - the person's account name
#   $days (Number) - how many days the link works
#   $link (String) - the invitation's link
email-invitation-body =
    Hej { $name },

    { $inviter } har lagt till dig i { $organization }. Ditt konto är { $account }.

    Öppna den här länken för att välja ditt lösenord och konfigurera hur du verifierar din identitet. Länken fungerar en gång i { $days } dagar:

    { $link }

    Om du inte väntade dig det här kan du ignorera e-postmeddelandet.

## Sidan som skickar svaret tillbaka till ett program (response_mode=form_post)

form-post-title = Tillbaka till { $application }…
form-post-continue = Fortsätt
