## Security info page: actions on methods

methods-add = Methode toevoegen
methods-change = Wijzigen
methods-delete = Verwijderen
methods-default-change = Wijzigen
# The accessible names of the buttons above (one message each, so the
# words can be ordered freely).
methods-default-change-label = Wijzigen: Standaardaanmeldingsmethode
# Variables:
#   $method (String) - the kind of method, such as "Phone"
methods-change-label = Wijzigen: { $method }
# Variables:
#   $method (String) - the kind of method, such as "Phone"
methods-delete-label = Verwijderen: { $method }
methods-delete-named-label = Verwijderen: { $method } '{ $name }'
methods-delivery-text = Sms
methods-delivery-call = Oproep
methods-default-phone-text = Telefoon - sms { $number }
methods-default-phone-call = Telefoon - oproep { $number }
methods-default-alternate-phone-call = Alternatieve telefoon - oproep { $number }
methods-default-office-phone-call = Kantoortelefoon - oproep { $number }
methods-default-security-key = Wachtwoordsleutel of beveiligingssleutel - { $name }

## Dialogs shared by the page

dialog-cancel = Annuleren
dialog-back = Terug
dialog-next = Volgende
dialog-done = Gereed

## Add a method

add-method-title = Een methode toevoegen
add-method-label = Welke methode wilt u toevoegen?
add-method-submit = Toevoegen
add-method-missing-note = Als sommige van deze opties ontbreken, staat uw organisatie die methoden waarschijnlijk niet toe.
add-method-none = Er zijn geen methoden meer die u kunt toevoegen.

## Change default method

default-dialog-title = Standaardmethode wijzigen
default-dialog-label = Welke methode wilt u gebruiken om u aan te melden?
default-dialog-confirm = Bevestigen

## Delete a method

delete-dialog-title = Methode verwijderen
delete-dialog-question = Weet u zeker dat u deze methode wilt verwijderen?
delete-dialog-warning = Verwijderen kan niet ongedaan worden gemaakt.
delete-dialog-default-moves = Dit is uw standaardaanmeldingsmethode. Na het verwijderen wordt uw standaardmethode: { $method }.
delete-dialog-no-default-left = Dit is uw standaardaanmeldingsmethode. Na het verwijderen hebt u geen standaardaanmeldingsmethode meer.
delete-dialog-yes = Ja
delete-dialog-no = Nee

## Phone wizard

phone-wizard-title-phone = Uw telefoon instellen
phone-wizard-title-alternate-phone = Uw alternatieve telefoon instellen
phone-wizard-title-office-phone = Uw kantoortelefoon instellen
phone-wizard-change-title-phone = Uw telefoon wijzigen
phone-wizard-change-title-alternate-phone = Uw alternatieve telefoon wijzigen
phone-wizard-change-title-office-phone = Uw kantoortelefoon wijzigen
phone-wizard-current = Uw huidige nummer is { $number }.
phone-wizard-intro = U kunt bewijzen wie u bent door een oproep op uw telefoon te beantwoorden of door een code naar uw telefoon te laten sturen.
phone-wizard-intro-call-only = U kunt bewijzen wie u bent door een oproep op deze telefoon te beantwoorden.
phone-wizard-question = Welk telefoonnummer wilt u gebruiken?
phone-wizard-region-label = Land of regio
phone-wizard-region-option = { $region } (+{ $code })
phone-wizard-number-label = Telefoonnummer
phone-wizard-number-hint = Vermeld ook het netnummer.
phone-wizard-office-hint = Vermeld ook het netnummer. U kunt een toestelnummer toevoegen, bijvoorbeeld 020 123 4567 x123.
phone-wizard-delivery-legend = Hoe moeten we het verifiëren?
phone-wizard-text = Mij een code sturen
phone-wizard-call = Mij bellen
phone-wizard-rates = Er kunnen kosten voor berichten en gegevens in rekening worden gebracht.
phone-wizard-extension-removed = Toestelnummers worden voor deze telefoon niet ondersteund. Daarom hebben we het toestelnummer { $extension } uit het nummer verwijderd.
phone-wizard-same-number =
    { $kind ->
        [alternate-phone] Dit nummer is al uw alternatieve telefoon.
        [office-phone] Dit nummer is al uw kantoortelefoon.
       *[phone] Dit nummer is al uw telefoon.
    } U kunt het hier ook toevoegen, maar voor het opnieuw instellen van uw wachtwoord telt één nummer als één methode.
phone-wizard-code-sent = We hebben zojuist een code van 6 cijfers naar { $number } gestuurd. Voer de code hieronder in.
phone-wizard-code-label = Code
phone-wizard-resend = Code opnieuw verzenden
phone-wizard-resend-wait =
    { $seconds ->
        [one] U kunt over { $seconds } seconde een nieuwe code aanvragen.
       *[other] U kunt over { $seconds } seconden een nieuwe code aanvragen.
    }
phone-wizard-code-resent = We hebben een nieuwe code gestuurd.
phone-wizard-change-number = Nummer wijzigen
phone-wizard-calling = We bellen nu { $number }.
phone-wizard-calling-hint = Beantwoord de oproep en druk op het hekje (#) om te voltooien.
phone-wizard-call-no-answer = De oproep is niet beantwoord.
phone-wizard-call-hung-up = De oproep is beëindigd voordat het hekje (#) werd ingedrukt.
phone-wizard-call-wrong-key = Er is een andere toets dan het hekje (#) ingedrukt.
phone-wizard-call-again-wait =
    { $seconds ->
        [one] U kunt over { $seconds } seconde opnieuw om een oproep vragen.
       *[other] U kunt over { $seconds } seconden opnieuw om een oproep vragen.
    }
phone-wizard-call-again = Mij opnieuw bellen
phone-wizard-success-title = Uw beveiligingsgegevens zijn bijgewerkt
phone-wizard-success-text = Uw telefoon is geverifieerd. U kunt deze gebruiken om uw identiteit te verifiëren voor verificatie in twee stappen en het opnieuw instellen van uw wachtwoord.
phone-wizard-success-text-call-only = Uw telefoon is geverifieerd. U kunt deze gebruiken om uw identiteit te verifiëren voor verificatie in twee stappen.
phone-wizard-success-text-reset-only = Uw telefoon is geverifieerd. U kunt deze gebruiken om uw wachtwoord opnieuw in te stellen.

## Step-up: verifying before viewing or changing security info

step-up-title = Uw identiteit verifiëren
step-up-intro = Bewijs eerst dat u het bent om uw beveiligingsgegevens te bekijken of te wijzigen.
step-up-choose = Hoe wilt u verifiëren?
step-up-text = Sms naar { $number }
step-up-call = { $number } bellen
# What the button under the choice does, by the kind chosen.
step-up-send-code = Code verzenden
step-up-call-me = Mij bellen
step-up-use-key = Mijn wachtwoordsleutel of beveiligingssleutel gebruiken
step-up-verify = Verifiëren

## Registration at sign-in

register-title = Meer informatie vereist
register-intro = Uw organisatie heeft meer informatie nodig om uw account te beveiligen.
register-no-longer-allowed = Uw organisatie staat sommige van de methoden die u hebt geregistreerd niet meer toe, dus daarmee kunt u zich niet meer verifiëren. Stel een andere methode in.
register-wizard-title = Uw account beveiligen
register-step = Methode { $current } van { $total }
register-success-title = Gelukt!
register-success-text = Goed gedaan! U hebt uw beveiligingsgegevens ingesteld. Kies Gereed om door te gaan.

## Authenticator app

authenticator-wizard-title = Uw Authenticator-app instellen
authenticator-wizard-intro = Scan de QR-code met uw Authenticator-app en voer de code van 6 cijfers in die de app toont.
authenticator-qr-alt = QR-code waarmee u { $account } aan uw Authenticator-app toevoegt
authenticator-cant-scan = Kunt u de afbeelding niet scannen?
authenticator-manual = Voer in plaats daarvan deze gegevens in uw app in:
authenticator-account-label = Accountnaam
authenticator-secret-label = Geheime sleutel
authenticator-success-text = Uw Authenticator-app is toegevoegd. U kunt deze gebruiken om uw identiteit te verifiëren voor verificatie in twee stappen en het opnieuw instellen van uw wachtwoord.
authenticator-name-label = Naam (optioneel)
authenticator-name-hint = Zodat u uw apps uit elkaar kunt houden, zoals 'Telefoon van het werk'.
authenticator-default-name = Authenticator-app { $number }
step-up-authenticator = Een code uit mijn Authenticator-app gebruiken
step-up-security-key = Mijn wachtwoordsleutel of beveiligingssleutel gebruiken
register-different-method = Ik wil een andere methode instellen

## E-mail

email-wizard-title = Uw e-mail instellen
email-wizard-change-title = Uw e-mail wijzigen
email-wizard-current = Uw huidige adres is { $address }.
email-wizard-intro = We sturen een code naar een e-mailadres naar keuze. U kunt het gebruiken om uw wachtwoord opnieuw in te stellen; het kan niet worden gebruikt voor verificatie in twee stappen.
email-wizard-question = Welk e-mailadres wilt u gebruiken?
email-wizard-address-label = E-mail
email-wizard-address-hint = Gebruik een persoonlijk adres, niet het e-mailadres van uw werk of school.
email-wizard-code-sent = We hebben zojuist een code van 6 cijfers naar { $address } gestuurd. Voer de code hieronder in.
email-wizard-change-address = E-mailadres wijzigen
email-wizard-success-text = Uw e-mailadres is geverifieerd. U kunt het gebruiken om uw wachtwoord opnieuw in te stellen.

## Beveiligingssleutel

security-key-wizard-title = Een wachtwoordsleutel of beveiligingssleutel instellen
security-key-wizard-intro = Gebruik een wachtwoordsleutel op dit apparaat of uw telefoon, of een USB-, NFC- of Bluetooth-beveiligingssleutel. U kunt deze gebruiken om u aan te melden, voor verificatie in twee stappen en voor het opnieuw instellen van uw wachtwoord.
security-key-name-label = Naam
security-key-name-hint = Met een naam kunt u uw sleutels uit elkaar houden, bijvoorbeeld "Blauwe USB-sleutel".
security-key-waiting = Volg de instructies van uw browser: steek uw beveiligingssleutel in of raak deze aan, of ontgrendel uw apparaat.
security-key-try-again = Opnieuw proberen
security-key-success-text = Uw wachtwoordsleutel of beveiligingssleutel is geregistreerd. U kunt deze gebruiken om u aan te melden, voor verificatie in twee stappen en voor het opnieuw instellen van uw wachtwoord.
security-key-delete-title = Wachtwoordsleutel of beveiligingssleutel verwijderen
security-key-delete-question = Weet u zeker dat u "{ $name }" wilt verwijderen? U kunt zich er daarna niet meer mee aanmelden.
dialog-ok = OK

## Recovery codes

method-kind-recovery-codes = Herstelcodes
methods-regenerate = Nieuwe codes genereren
# Variables:
#   $method (String) - the kind of method, such as "Recovery codes"
methods-regenerate-label = Nieuwe codes genereren: { $method }
recovery-codes-title = Herstelcodes
recovery-codes-intro = Met herstelcodes kunt u zich aanmelden wanneer u geen van uw andere methoden kunt gebruiken. Elke code werkt één keer. Bewaar ze op een veilige plek, niet bij uw telefoon of uw beveiligingssleutel.
recovery-codes-replace-warning = Nieuwe codes vervangen uw huidige codes: de codes die u nu hebt, werken dan niet meer.
recovery-codes-generate = Codes genereren
recovery-codes-shown-once = Bewaar deze codes nu. U kunt ze later niet meer bekijken.
recovery-codes-list-label = Uw herstelcodes
recovery-codes-copy = Kopiëren
recovery-codes-copied = Gekopieerd naar het klembord.
recovery-codes-download = Downloaden
recovery-codes-print = Afdrukken
# The first line of the downloaded file, above the codes.
# Variables:
#   $account (String) - the person's account name
recovery-codes-file-heading = Herstelcodes voor { $account }. Elke code werkt één keer.
# Variables:
#   $count (Number) - how many codes are unused
recovery-codes-left =
    { $count ->
        [one] Nog 1 code over
       *[other] Nog { $count } codes over
    }
# Variables:
#   $count (Number) - how many codes are unused (two or fewer)
recovery-codes-running-low =
    { $count ->
        [0] Geen codes meer over: genereer nieuwe codes.
        [one] Nog maar 1 code over: genereer nieuwe codes.
       *[other] Nog maar { $count } codes over: genereer nieuwe codes.
    }
step-up-recovery-code = Een herstelcode gebruiken
step-up-recovery-code-intro = Voer een van uw herstelcodes in. Deze kan daarna niet opnieuw worden gebruikt.
recovery-code-label = Herstelcode

step-up-email = E-mail naar { $address }
step-up-questions = Mijn beveiligingsvragen beantwoorden

methods-default-badge = Standaard
methods-added = Toegevoegd op { $date }

## Opnieuw en sterker verifiëren voor een toepassing die daarom vraagt (acr_values)

stronger-another-method-intro = { $application } vraagt om verificatie in twee stappen. Verifieer uw identiteit met een van uw methoden om door te gaan.
stronger-security-key-intro = { $application } vraagt u zich aan te melden met een wachtwoordsleutel of beveiligingssleutel. Gebruik de uwe om door te gaan.
stronger-new-security-key-intro = { $application } vraagt u zich aan te melden met een wachtwoordsleutel of beveiligingssleutel, en u hebt er nog geen. Voeg er een toe en gebruik die om door te gaan.
stronger-add-key = Een wachtwoordsleutel of beveiligingssleutel toevoegen
