## Sign-in page

signin-title = Logga in
signin-intro = Använd ditt arbets- eller skolkonto för att hantera din säkerhetsinformation.
signin-account-label = Konto
signin-account-hint = Ditt arbets- eller skolkonto, till exempel adele@contoso.example
signin-password-label = Lösenord
signin-submit = Logga in
signin-forgot = Har du glömt lösenordet?
signin-submitting = Loggar in…

## Two-step verification at sign-in

signin-verify-intro = Din organisation kräver ett andra steg när du loggar in. Verifiera din identitet med en av dina metoder.
signin-verifying = Verifieringen startar…
signin-another-way = Logga in på ett annat sätt
signin-cant-use = Jag kan inte använda någon av de här metoderna
signin-cant-use-help = Be din supportavdelning om ett tillfälligt åtkomstpass. Logga in med det där du annars anger ditt lösenord och konfigurera sedan dina metoder igen.
# Variables:
#   $contact (String) - how to reach the organization's help desk, as its administrators wrote it
signin-cant-use-contact = Din supportavdelning: { $contact }
signin-passkey = Logga in med en nyckel
signin-passkey-waiting = Väntar på din nyckel…
signin-signed-out-everywhere = Du har loggats ut överallt. Alla webbläsare och enheter måste logga in igen.
signin-session-ended = Du har loggats ut: du loggade ut någon annanstans, eller så avslutades sessionen efter en tid utan aktivitet. Logga in igen för att fortsätta.

## Signing in with a Temporary Access Pass

signin-use-pass = Använd ett tillfälligt åtkomstpass
signin-use-password = Använd mitt lösenord
signin-pass-label = Tillfälligt åtkomstpass
signin-pass-hint = Passet du fick av din supportavdelning eller administratör. Det gäller en begränsad tid.

## Logga in i ett program i organisationen (OpenID Connect)

# Variables:
#   $application (String) - the application's name, as the organization's administrators registered it
signin-for-application = Logga in för att fortsätta till { $application }.
authorize-title = Logga in i ett program
authorize-continuing = Fortsätter till programmet…
