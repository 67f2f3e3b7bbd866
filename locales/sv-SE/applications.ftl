## Program: de som loggar in organisationens personer via secinfo (OpenID Connect)

applications-intro = Program som loggar in dina personer via den här sidan: de får tvåstegsverifiering, nycklar och allt annat som personerna konfigurerar här. Varje program behöver sitt klient-ID (och sin hemlighet) och adressen som secinfo skickar tillbaka personerna till.
applications-none = Inget program loggar in via secinfo än.
applications-register-title = Registrera ett program
applications-name = Namn
applications-redirect-uris = Omdirigeringsadresser
applications-redirect-uris-hint = Dit secinfo skickar tillbaka personerna till programmet, en per rad, exakt som programmet skickar den.
applications-public-choice = Det kan inte förvara en hemlighet (en ensidig app eller mobilapp): det bevisar sig med PKCE i stället
applications-register = Registrera
applications-client-id = Klient-ID
applications-client-secret = Klienthemlighet
applications-kind = Typ
applications-public = Offentligt: PKCE, ingen hemlighet
applications-confidential = Konfidentiellt: med en hemlighet
applications-registered = Registrerat
applications-registered-secret = Registrerat. Kopiera klienthemligheten till programmet nu: den visas bara den här gången.
applications-registered-public = Registrerat. Ge programmet dess klient-ID.
applications-copy-secret = Kopiera hemligheten
