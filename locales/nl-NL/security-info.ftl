## Security info page

security-info-title = Beveiligingsgegevens
security-info-intro = Dit zijn de methoden die u gebruikt om u aan te melden bij uw account of om uw wachtwoord opnieuw in te stellen.
security-info-default-label = Standaardaanmeldingsmethode
security-info-default-none = Nog geen
security-info-methods-heading = Uw methoden
security-info-no-methods = U hebt nog geen beveiligingsgegevens geregistreerd.

## Names of the kinds of security info

method-kind-phone = Telefoon
method-kind-alternate-phone = Alternatieve telefoon
method-kind-office-phone = Kantoortelefoon
method-kind-authenticator-app = Authenticator-app
method-kind-email = E-mail
method-kind-security-questions = Beveiligingsvragen
method-kind-security-key = Wachtwoordsleutel of beveiligingssleutel

## Coverage line and methods the policy no longer allows

coverage-mfa-ready =
    { $count ->
        [one] Verificatie in twee stappen: gereed (1 methode)
       *[other] Verificatie in twee stappen: gereed ({ $count } methoden)
    }
coverage-mfa-missing = Verificatie in twee stappen: er is een methode nodig
coverage-sspr-ready =
    { $count ->
        [one] Wachtwoord opnieuw instellen: gereed (1 methode)
       *[other] Wachtwoord opnieuw instellen: gereed ({ $count } methoden)
    }
coverage-sspr-missing =
    { $missing ->
        [one] Wachtwoord opnieuw instellen: nog 1 methode nodig
       *[other] Wachtwoord opnieuw instellen: nog { $missing } methoden nodig
    }
methods-not-usable = Niet bruikbaar: uw organisatie staat deze methode niet meer toe.
security-info-sign-out-everywhere = Apparaat kwijt? Overal afmelden

policy-title = Organisatiebeleid
policy-intro = Kies welke methoden mensen in uw organisatie kunnen registreren en waarvoor elke methode telt. Wijzigingen gelden meteen.
policy-allowed = Toegestaan
policy-mfa = Verificatie in twee stappen
policy-sspr = Wachtwoord opnieuw instellen
policy-registration-label = Vereiste methoden bij aanmelden
policy-registration-hint = Bij 0 wordt mensen bij het aanmelden niet gevraagd methoden te registreren.
policy-reset-label = Vereiste methoden voor het opnieuw instellen van het wachtwoord
policy-save = Opslaan
policy-saved = Het beleid is opgeslagen. Het geldt vanaf nu voor iedereen.
policy-back = Terug
policy-code-lifetime-label = Codes per sms of e-mail verlopen na
policy-code-tries-label = Toegestane onjuiste pogingen per code
policy-step-up-label = Mensen opnieuw laten verifiëren na
policy-step-up-hint = Voor het bekijken of wijzigen van beveiligingsgegevens is een verificatie nodig die hooguit zo lang geleden is.
policy-two-step-label = Verificatie in twee stappen vragen bij het aanmelden
policy-two-step-hint = Na het juiste wachtwoord verifiëren mensen die een aanmeldingsmethode hebben geregistreerd zich daarmee voordat ze zijn aangemeld.
policy-pass-min-label = Tijdelijke toegangspas: kortste geldigheidsduur
policy-pass-default-label = Tijdelijke toegangspas: eerst aangeboden geldigheidsduur
policy-pass-max-label = Tijdelijke toegangspas: langste geldigheidsduur
policy-pass-length-label = Tijdelijke toegangspas: aantal tekens
policy-support-label = Contactgegevens van de helpdesk
policy-support-hint = Wordt getoond aan personen die geen van hun methoden kunnen gebruiken, bijvoorbeeld een e-mailadres of telefoonnummer. Laat leeg om niets te tonen.
policy-password-length-label = Minimumaantal tekens in een nieuw wachtwoord
policy-minutes =
    { $count ->
        [one] { $count } minuut
       *[other] { $count } minuten
    }
sign-out-everywhere-title = Overal afmelden?
sign-out-everywhere-question = U wordt hier afgemeld en in elke andere browser en app waarin u met dit account bent aangemeld. Gebruik dit als u een apparaat kwijt bent of denkt dat iemand anders uw account gebruikt.
sign-out-everywhere-confirm = Overal afmelden

security-info-changed-elsewhere = Die methode was al gewijzigd of verwijderd, misschien in een ander tabblad of venster. Dit zijn uw beveiligingsgegevens zoals ze nu zijn.

## Overview page

overview-title = Overzicht
overview-security-info-verify = Verifieer uw identiteit om uw methoden te zien en waarvoor ze gelden.
overview-security-info-link = Gegevens bijwerken
overview-password-heading = Wachtwoord
overview-password-text = Wijzig het hier. Bent u het vergeten, dan kunt u het vanaf de aanmeldingspagina opnieuw instellen met uw methoden.
overview-policy-text = Welke methoden gebruikers mogen gebruiken en wat uw organisatie vereist.
overview-policy-link = Beleid beheren

## The person's Temporary Access Pass (shown while they have one)

pass-title = Tijdelijke toegangspas
# Variables:
#   $time (String) - the day and time the pass stops working, in the person's language
pass-valid-until = U hebt een tijdelijke toegangspas tot { $time }.
pass-one-time = U kunt zich er één keer mee aanmelden.
pass-multi-use = U kunt zich er tot dan zo vaak als nodig mee aanmelden.
pass-this-session = U hebt zich ermee aangemeld: deze sessie eindigt wanneer de pas verloopt. Zodra uw methoden zijn ingesteld, meldt u zich daarmee aan.
pass-delete = Pas verwijderen
pass-delete-title = Uw tijdelijke toegangspas verwijderen?
pass-delete-question = U kunt zich dan niet meer met de pas aanmelden.
pass-delete-signs-out = U hebt zich met deze pas aangemeld. Als u de pas verwijdert, wordt u hier afgemeld. Meld u opnieuw aan met uw wachtwoord of een van uw methoden.
pass-delete-confirm = Verwijderen

## The administrators' pages in the navigation (their own messages come with their pages,
## in the administrators' entry)

people-title = Personen
applications-title = Toepassingen

## Afmelden bij een toepassing van de organisatie (OpenID Connect)

application-sign-out-title = Afmelden bij een toepassing
application-signing-out = U wordt afgemeld…
overview-applications-title = Toepassingen waarbij u zich hebt aangemeld
overview-application-line = { $application }, laatst op { $time }
