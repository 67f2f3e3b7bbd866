## Security info page

security-info-title = Säkerhetsinformation
security-info-intro = Det här är de metoder som du använder för att logga in på ditt konto eller återställa ditt lösenord.
security-info-default-label = Standardinloggningsmetod
security-info-default-none = Ingen ännu
security-info-methods-heading = Dina metoder
security-info-no-methods = Du har inte registrerat någon säkerhetsinformation ännu.

## Names of the kinds of security info

method-kind-phone = Telefon
method-kind-alternate-phone = Alternativ telefon
method-kind-office-phone = Kontorstelefon
method-kind-authenticator-app = Authenticator-app
method-kind-email = E-post
method-kind-security-questions = Säkerhetsfrågor
method-kind-security-key = Nyckel eller säkerhetsnyckel

## Coverage line and methods the policy no longer allows

coverage-mfa-ready =
    { $count ->
        [one] Tvåstegsverifiering: klar (1 metod)
       *[other] Tvåstegsverifiering: klar ({ $count } metoder)
    }
coverage-mfa-missing = Tvåstegsverifiering: behöver en metod
coverage-sspr-ready =
    { $count ->
        [one] Återställning av lösenord: klar (1 metod)
       *[other] Återställning av lösenord: klar ({ $count } metoder)
    }
coverage-sspr-missing =
    { $missing ->
        [one] Återställning av lösenord: behöver 1 metod till
       *[other] Återställning av lösenord: behöver { $missing } metoder till
    }
methods-not-usable = Kan inte användas: din organisation tillåter inte längre den här metoden.
security-info-sign-out-everywhere = Förlorad enhet? Logga ut överallt

policy-title = Organisationsprincip
policy-intro = Välj vilka metoder personer i din organisation kan registrera och vad varje metod räknas för. Ändringar gäller direkt.
policy-allowed = Tillåten
policy-mfa = Tvåstegsverifiering
policy-sspr = Återställning av lösenord
policy-registration-label = Metoder som krävs vid inloggning
policy-registration-hint = Med 0 ombeds personer inte att registrera metoder när de loggar in.
policy-reset-label = Metoder som krävs för återställning av lösenord
policy-save = Spara
policy-saved = Principen har sparats. Den gäller för alla från och med nu.
policy-back = Tillbaka
policy-code-lifetime-label = Koder via sms eller e-post upphör att gälla efter
policy-code-tries-label = Tillåtna felaktiga försök per kod
policy-step-up-label = Be personer att verifiera igen efter
policy-step-up-hint = För att visa eller ändra säkerhetsinformation krävs en verifiering som högst är så här gammal.
policy-two-step-label = Kräv tvåstegsverifiering vid inloggning
policy-two-step-hint = Efter rätt lösenord verifierar personer som har registrerat en inloggningsmetod sig med den innan de loggas in.
policy-pass-min-label = Tillfälligt åtkomstpass: kortaste giltighetstid
policy-pass-default-label = Tillfälligt åtkomstpass: giltighetstid som föreslås först
policy-pass-max-label = Tillfälligt åtkomstpass: längsta giltighetstid
policy-pass-length-label = Tillfälligt åtkomstpass: antal tecken
policy-support-label = Kontaktuppgifter till supportavdelningen
policy-support-hint = Visas för personer som inte kan använda någon av sina metoder, till exempel en e-postadress eller ett telefonnummer. Lämna tomt för att inte visa något.
policy-password-length-label = Minsta antal tecken i ett nytt lösenord
policy-minutes =
    { $count ->
        [one] { $count } minut
       *[other] { $count } minuter
    }
sign-out-everywhere-title = Logga ut överallt?
sign-out-everywhere-question = Du loggas ut här och i alla andra webbläsare och appar där du är inloggad med det här kontot. Använd det här om du har förlorat en enhet eller tror att någon annan använder ditt konto.
sign-out-everywhere-confirm = Logga ut överallt

security-info-changed-elsewhere = Den metoden hade redan ändrats eller tagits bort, kanske i en annan flik eller ett annat fönster. Så här ser din säkerhetsinformation ut nu.

## Overview page

overview-title = Översikt
overview-security-info-verify = Verifiera din identitet för att se dina metoder och vad de räcker till.
overview-security-info-link = Uppdatera information
overview-password-heading = Lösenord
overview-password-text = Ändra det här. Om du glömmer det kan du återställa det från inloggningssidan med dina metoder.
overview-policy-text = Vilka metoder användarna får använda och vad din organisation kräver.
overview-policy-link = Hantera principen

## The person's Temporary Access Pass (shown while they have one)

pass-title = Tillfälligt åtkomstpass
# Variables:
#   $time (String) - the day and time the pass stops working, in the person's language
pass-valid-until = Du har ett tillfälligt åtkomstpass till { $time }.
pass-one-time = Du kan logga in med det en gång.
pass-multi-use = Du kan logga in med det så ofta du behöver fram till dess.
pass-this-session = Du loggade in med det: den här sessionen upphör när passet gör det. När dina metoder är konfigurerade loggar du in med dem i stället.
pass-delete = Ta bort passet
pass-delete-title = Vill du ta bort ditt tillfälliga åtkomstpass?
pass-delete-question = Du kan inte längre logga in med passet.
pass-delete-signs-out = Du loggade in med det här passet, så om du tar bort det loggas du ut här. Logga in igen med ditt lösenord eller någon av dina metoder.
pass-delete-confirm = Ta bort

## The administrators' pages in the navigation (their own messages come with their pages,
## in the administrators' entry)

people-title = Personer
applications-title = Program

## Logga ut från ett program i organisationen (OpenID Connect)

application-sign-out-title = Logga ut från ett program
application-signing-out = Loggar ut dig…
overview-applications-title = Program som du har loggat in i
overview-application-line = { $application }, senast { $time }
