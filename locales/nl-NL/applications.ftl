## Toepassingen: die de mensen van de organisatie via secinfo aanmelden (OpenID Connect)

applications-intro = Toepassingen die uw mensen via deze pagina aanmelden: ze krijgen verificatie in twee stappen, wachtwoordsleutels en alles wat mensen hier instellen. Elke toepassing heeft haar client-id (en geheim) nodig en het adres waarnaar secinfo mensen terugstuurt.
applications-none = Er meldt zich nog geen toepassing via secinfo aan.
applications-register-title = Een toepassing registreren
applications-name = Naam
applications-redirect-uris = Omleidingsadressen
applications-redirect-uris-hint = Waar secinfo mensen naar de toepassing terugstuurt, één per regel, precies zoals de toepassing het verstuurt.
applications-public-choice = Ze kan geen geheim bewaren (een app met één pagina of een mobiele app): ze bewijst zich in plaats daarvan met PKCE
applications-register = Registreren
applications-client-id = Client-id
applications-client-secret = Clientgeheim
applications-kind = Soort
applications-public = Openbaar: PKCE, geen geheim
applications-confidential = Vertrouwelijk: met een geheim
applications-registered = Geregistreerd
applications-registered-secret = Geregistreerd. Kopieer het clientgeheim nu naar de toepassing: het wordt alleen deze keer getoond.
applications-registered-public = Geregistreerd. Geef de toepassing haar client-id.
applications-copy-secret = Het geheim kopiëren
