## Security info page: actions on methods

methods-add = Lägg till metod
methods-change = Ändra
methods-delete = Ta bort
methods-default-change = Ändra
# The accessible names of the buttons above (one message each, so the
# words can be ordered freely).
methods-default-change-label = Ändra: Standardinloggningsmetod
# Variables:
#   $method (String) - the kind of method, such as "Phone"
methods-change-label = Ändra: { $method }
# Variables:
#   $method (String) - the kind of method, such as "Phone"
methods-delete-label = Ta bort: { $method }
methods-delete-named-label = Ta bort: { $method } ”{ $name }”
methods-delivery-text = Sms
methods-delivery-call = Samtal
methods-default-phone-text = Telefon - sms { $number }
methods-default-phone-call = Telefon - samtal { $number }
methods-default-alternate-phone-call = Alternativ telefon - samtal { $number }
methods-default-office-phone-call = Kontorstelefon - samtal { $number }
methods-default-security-key = Nyckel eller säkerhetsnyckel - { $name }

## Dialogs shared by the page

dialog-cancel = Avbryt
dialog-back = Tillbaka
dialog-next = Nästa
dialog-done = Klar

## Add a method

add-method-title = Lägg till en metod
add-method-label = Vilken metod vill du lägga till?
add-method-submit = Lägg till
add-method-missing-note = Om några av alternativen saknas beror det troligen på att din organisation inte tillåter de metoderna.
add-method-none = Det finns inga fler metoder som du kan lägga till.

## Change default method

default-dialog-title = Ändra standardmetod
default-dialog-label = Vilken metod vill du använda för att logga in?
default-dialog-confirm = Bekräfta

## Delete a method

delete-dialog-title = Ta bort metod
delete-dialog-question = Är du säker på att du vill ta bort den här metoden?
delete-dialog-warning = Det går inte att ångra borttagningen.
delete-dialog-default-moves = Det här är din standardinloggningsmetod. När den har tagits bort blir din standardmetod: { $method }.
delete-dialog-no-default-left = Det här är din standardinloggningsmetod. När den har tagits bort har du ingen standardinloggningsmetod.
delete-dialog-yes = Ja
delete-dialog-no = Nej

## Phone wizard

phone-wizard-title-phone = Konfigurera din telefon
phone-wizard-title-alternate-phone = Konfigurera din alternativa telefon
phone-wizard-title-office-phone = Konfigurera din kontorstelefon
phone-wizard-change-title-phone = Ändra din telefon
phone-wizard-change-title-alternate-phone = Ändra din alternativa telefon
phone-wizard-change-title-office-phone = Ändra din kontorstelefon
phone-wizard-current = Ditt nuvarande nummer är { $number }.
phone-wizard-intro = Du kan bevisa vem du är genom att svara på ett samtal på din telefon eller genom att få en kod skickad till din telefon.
phone-wizard-intro-call-only = Du kan bevisa vem du är genom att svara på ett samtal på den här telefonen.
phone-wizard-question = Vilket telefonnummer vill du använda?
phone-wizard-region-label = Land eller region
phone-wizard-region-option = { $region } (+{ $code })
phone-wizard-number-label = Telefonnummer
phone-wizard-number-hint = Ange riktnumret.
phone-wizard-office-hint = Ange riktnumret. Du kan lägga till en anknytning, till exempel 08-123 456 78 x123.
phone-wizard-delivery-legend = Hur ska vi verifiera den?
phone-wizard-text = Skicka en kod till mig
phone-wizard-call = Ring mig
phone-wizard-rates = Avgifter för meddelanden och data kan tillkomma.
phone-wizard-extension-removed = Anknytningsnummer stöds inte för den här telefonen, så vi tog bort anknytningen { $extension } från numret.
phone-wizard-same-number =
    { $kind ->
        [alternate-phone] Det här numret är redan din alternativa telefon.
        [office-phone] Det här numret är redan din kontorstelefon.
       *[phone] Det här numret är redan din telefon.
    } Du kan lägga till det här också, men vid återställning av lösenord räknas ett nummer som en metod.
phone-wizard-code-sent = Vi har just skickat en kod med 6 siffror till { $number }. Ange koden nedan.
phone-wizard-code-label = Kod
phone-wizard-resend = Skicka koden igen
phone-wizard-resend-wait =
    { $seconds ->
        [one] Du kan begära en ny kod om { $seconds } sekund.
       *[other] Du kan begära en ny kod om { $seconds } sekunder.
    }
phone-wizard-code-resent = Vi har skickat en ny kod.
phone-wizard-change-number = Ändra nummer
phone-wizard-calling = Vi ringer { $number } nu.
phone-wizard-calling-hint = Svara på samtalet och tryck på fyrkant (#) för att slutföra.
phone-wizard-call-no-answer = Samtalet besvarades inte.
phone-wizard-call-hung-up = Samtalet avslutades innan fyrkant (#) trycktes.
phone-wizard-call-wrong-key = En annan tangent än fyrkant (#) trycktes.
phone-wizard-call-again-wait =
    { $seconds ->
        [one] Du kan begära ett nytt samtal om { $seconds } sekund.
       *[other] Du kan begära ett nytt samtal om { $seconds } sekunder.
    }
phone-wizard-call-again = Ring mig igen
phone-wizard-success-title = Din säkerhetsinformation har uppdaterats
phone-wizard-success-text = Din telefon har verifierats. Du kan använda den för att verifiera din identitet för tvåstegsverifiering och återställning av lösenord.
phone-wizard-success-text-call-only = Din telefon har verifierats. Du kan använda den för att verifiera din identitet för tvåstegsverifiering.
phone-wizard-success-text-reset-only = Din telefon har verifierats. Du kan använda den för att återställa ditt lösenord.

## Step-up: verifying before viewing or changing security info

step-up-title = Verifiera din identitet
step-up-intro = Bevisa först att det är du för att visa eller ändra din säkerhetsinformation.
step-up-choose = Hur vill du verifiera?
step-up-text = Sms till { $number }
step-up-call = Ring { $number }
# What the button under the choice does, by the kind chosen.
step-up-send-code = Skicka kod
step-up-call-me = Ring mig
step-up-use-key = Använd min nyckel eller säkerhetsnyckel
step-up-verify = Verifiera

## Registration at sign-in

register-title = Mer information krävs
register-intro = Din organisation behöver mer information för att skydda ditt konto.
register-no-longer-allowed = Din organisation tillåter inte längre vissa av de metoder du har registrerat, så de kan inte längre verifiera dig. Konfigurera en annan metod.
register-wizard-title = Skydda ditt konto
register-step = Metod { $current } av { $total }
register-success-title = Klart!
register-success-text = Bra jobbat! Du har konfigurerat din säkerhetsinformation. Välj Klar för att fortsätta.

## Authenticator app

authenticator-wizard-title = Konfigurera din Authenticator-app
authenticator-wizard-intro = Skanna QR-koden med din Authenticator-app och ange sedan koden med 6 siffror som appen visar.
authenticator-qr-alt = QR-kod som lägger till { $account } i din Authenticator-app
authenticator-cant-scan = Kan du inte skanna bilden?
authenticator-manual = Ange de här uppgifterna i appen i stället:
authenticator-account-label = Kontonamn
authenticator-secret-label = Hemlig nyckel
authenticator-success-text = Din Authenticator-app har lagts till. Du kan använda den för att verifiera din identitet för tvåstegsverifiering och återställning av lösenord.
authenticator-name-label = Namn (valfritt)
authenticator-name-hint = Så att du kan skilja dina appar åt, till exempel ”Jobbtelefonen”.
authenticator-default-name = Authenticator-app { $number }
step-up-authenticator = Använd en kod från min Authenticator-app
step-up-security-key = Använd min nyckel eller säkerhetsnyckel
register-different-method = Jag vill konfigurera en annan metod

## E-post

email-wizard-title = Konfigurera din e-post
email-wizard-change-title = Ändra din e-post
email-wizard-current = Din nuvarande adress är { $address }.
email-wizard-intro = Vi skickar en kod till en e-postadress som du väljer. Du kan använda den för att återställa ditt lösenord; den kan inte användas för tvåstegsverifiering.
email-wizard-question = Vilken e-postadress vill du använda?
email-wizard-address-label = E-post
email-wizard-address-hint = Använd en personlig adress, inte din e-postadress till arbetet eller skolan.
email-wizard-code-sent = Vi har just skickat en kod med 6 siffror till { $address }. Ange koden nedan.
email-wizard-change-address = Ändra e-postadress
email-wizard-success-text = Din e-postadress har verifierats. Du kan använda den för att återställa ditt lösenord.

## Säkerhetsnyckel

security-key-wizard-title = Konfigurera en nyckel eller säkerhetsnyckel
security-key-wizard-intro = Använd en nyckel på den här enheten eller din telefon, eller en säkerhetsnyckel med USB, NFC eller Bluetooth. Du kan använda den för att logga in, för tvåstegsverifiering och för återställning av lösenord.
security-key-name-label = Namn
security-key-name-hint = Med ett namn kan du skilja dina nycklar åt, till exempel "Blå USB-nyckel".
security-key-waiting = Följ webbläsarens instruktioner: sätt i eller rör vid din säkerhetsnyckel, eller lås upp din enhet.
security-key-try-again = Försök igen
security-key-success-text = Din nyckel eller säkerhetsnyckel har registrerats. Du kan använda den för att logga in, för tvåstegsverifiering och för återställning av lösenord.
security-key-delete-title = Ta bort nyckel eller säkerhetsnyckel
security-key-delete-question = Vill du ta bort "{ $name }"? Du kan inte längre logga in med den.
dialog-ok = OK

## Recovery codes

method-kind-recovery-codes = Återställningskoder
methods-regenerate = Skapa nya koder
# Variables:
#   $method (String) - the kind of method, such as "Recovery codes"
methods-regenerate-label = Skapa nya koder: { $method }
recovery-codes-title = Återställningskoder
recovery-codes-intro = Med återställningskoder kan du logga in när du inte kan använda någon av dina andra metoder. Varje kod fungerar en gång. Förvara dem på ett säkert ställe, inte tillsammans med din telefon eller säkerhetsnyckel.
recovery-codes-replace-warning = Nya koder ersätter dina nuvarande: de koder du har nu slutar fungera.
recovery-codes-generate = Skapa koder
recovery-codes-shown-once = Spara koderna nu. Du kan inte se dem igen.
recovery-codes-list-label = Dina återställningskoder
recovery-codes-copy = Kopiera
recovery-codes-copied = Kopierat till Urklipp.
recovery-codes-download = Ladda ned
recovery-codes-print = Skriv ut
# The first line of the downloaded file, above the codes.
# Variables:
#   $account (String) - the person's account name
recovery-codes-file-heading = Återställningskoder för { $account }. Varje kod fungerar en gång.
# Variables:
#   $count (Number) - how many codes are unused
recovery-codes-left =
    { $count ->
        [one] 1 kod kvar
       *[other] { $count } koder kvar
    }
# Variables:
#   $count (Number) - how many codes are unused (two or fewer)
recovery-codes-running-low =
    { $count ->
        [0] Inga koder kvar: skapa nya.
        [one] Bara 1 kod kvar: skapa nya.
       *[other] Bara { $count } koder kvar: skapa nya.
    }
step-up-recovery-code = Använd en återställningskod
step-up-recovery-code-intro = Ange en av dina återställningskoder. Den kan inte användas igen.
recovery-code-label = Återställningskod

step-up-email = E-post till { $address }
step-up-questions = Besvara mina säkerhetsfrågor

methods-default-badge = Standard
methods-added = Tillagd { $date }

## Verifiera igen, starkare, för ett program som ber om det (acr_values)

stronger-another-method-intro = { $application } kräver tvåstegsverifiering. Verifiera din identitet med en av dina metoder för att fortsätta.
stronger-security-key-intro = { $application } ber dig logga in med en nyckel eller säkerhetsnyckel. Använd din för att fortsätta.
stronger-new-security-key-intro = { $application } ber dig logga in med en nyckel eller säkerhetsnyckel, och du har ingen än. Lägg till en och använd den sedan för att fortsätta.
stronger-add-key = Lägg till en nyckel eller säkerhetsnyckel
