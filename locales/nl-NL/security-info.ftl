## Security info page

security-info-title = Beveiligingsgegevens
security-info-intro = Dit zijn de methoden die u gebruikt om u aan te melden bij uw account of om uw wachtwoord opnieuw in te stellen.
security-info-signed-in-as = Aangemeld als { $name }
security-info-default-label = Standaardaanmeldingsmethode
security-info-default-none = Nog geen
security-info-methods-heading = Uw methoden
security-info-no-methods = U hebt nog geen beveiligingsgegevens geregistreerd.

## Names of the kinds of security info

method-kind-phone = Telefoon
method-kind-alternate-phone = Alternatieve telefoon
method-kind-office-phone = Kantoortelefoon
method-kind-authenticator-app = Verificator-app
method-kind-email = E-mail
method-kind-security-questions = Beveiligingsvragen
method-kind-security-key = Beveiligingssleutel
