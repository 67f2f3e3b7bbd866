## Applications: those that sign the organization's people in through secinfo (OpenID Connect)

applications-intro = Applications that sign your people in through this page: they get two-step verification, passkeys and everything else people set up here. Each needs its client ID (and secret) and the address secinfo sends people back to.
applications-none = No application signs in through secinfo yet.
applications-register-title = Register an application
applications-name = Name
applications-redirect-uris = Redirect addresses
applications-redirect-uris-hint = Where secinfo sends people back to the application, one per line, exactly as the application sends it.
applications-public-choice = It can't keep a secret (a single-page or mobile app): it proves itself with PKCE instead
applications-register = Register
applications-client-id = Client ID
applications-client-secret = Client secret
applications-kind = Kind
applications-public = Public: PKCE, no secret
applications-confidential = Confidential: with a secret
applications-registered = Registered
applications-registered-secret = Registered. Copy the client secret into the application now: it's shown only this once.
applications-registered-public = Registered. Give the application its client ID.
applications-copy-secret = Copy the secret
applications-logout-uris = Sign-out addresses
applications-logout-uris-hint = Optional. Where secinfo may send people after the application signs them out, one per line, exactly as the application sends it.
applications-backchannel-uri = Back-channel logout address
applications-backchannel-uri-hint = Optional. Where secinfo tells the application, server to server, that a person signed out, so that it signs them out too.
applications-status = Status
applications-active = In use
applications-disabled = Disabled: nobody can sign in to it through secinfo
# Variables:
#   $application (String) - the application's name, as the administrators registered it
applications-new-secret = New secret for { $application }
# Variables:
#   $application (String) - the application's name, as the administrators registered it
applications-disable = Disable { $application }
# Variables:
#   $application (String) - the application's name, as the administrators registered it
applications-enable = Enable { $application }
applications-new-secret-shown = A new secret. Copy it into the application now: the old one no longer works, and this one is shown only this once.
applications-requires = Sign-in it requires
applications-requires-hint = Whatever the application asks for, people sign in at least this strongly.
applications-requires-any = What the application asks for
applications-requires-multi-factor = Two-step verification
applications-requires-phishing-resistant = A passkey or security key
applications-scopes = What it may read
applications-scope-profile = Name and account (profile)
applications-scope-email = Email address (email)
applications-scope-offline-access = Access while the person is away (offline_access)
applications-signing = ID token signature
applications-signing-hint = Keep ES256 unless the application can only check RS256.
applications-signing-es256 = ES256 (recommended)
applications-signing-rs256 = RS256, for an application that can't check ES256
