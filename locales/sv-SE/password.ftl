## Change password

password-title = Ändra lösenord
password-intro = Välj ett nytt lösenord för ditt arbets- eller skolkonto. Du loggas ut från andra ställen där du är inloggad.
password-current-label = Nuvarande lösenord
password-new-label = Nytt lösenord
password-new-hint = Minst { $min } tecken. En fras av ord som inte hör ihop är lätt att komma ihåg och svår att gissa. Det får inte vara ditt kontonamn.
password-confirm-label = Bekräfta nytt lösenord
password-strength = Lösenordets styrka: { $level }
password-strength-0 = mycket svagt
password-strength-1 = svagt
password-strength-2 = godtagbart
password-strength-3 = starkt
password-strength-4 = mycket starkt
password-strength-pending = Styrkan visas medan du skriver.
password-save = Ändra lösenord
password-changed = Ditt lösenord har ändrats. Du har loggats ut från andra ställen där du var inloggad.
password-link = Ändra lösenord

## Setting a first password (a person created with a Temporary Access Pass has none)

password-set-title = Ange ett lösenord
password-set-intro = Du har inget lösenord än. Välj ett för ditt arbets- eller skolkonto – du kan också logga in med en nyckel i stället.
password-set-save = Ange lösenord
password-set-done = Ditt lösenord har angetts. Använd det med ditt kontonamn nästa gång du loggar in.
password-temporary-title = Välj ett eget lösenord
password-temporary-intro = Supportavdelningen har gett dig ett tillfälligt lösenord. Välj ett eget för att fortsätta – det tillfälliga slutar sedan fungera.
password-temporary-label = Tillfälligt lösenord
