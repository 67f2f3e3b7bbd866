## Återställa ett glömt lösenord

reset-title = Kom tillbaka till ditt konto
reset-intro = Ange ditt konto. Du verifierar din identitet med den säkerhetsinformation du har registrerat och väljer sedan ett nytt lösenord.
reset-back-to-sign-in = Tillbaka till inloggningen
reset-verify-intro = Verifieringssteg { $step } av { $steps }: välj hur du vill verifiera din identitet.
reset-questions-intro = Besvara de här säkerhetsfrågorna på samma sätt som när du konfigurerade dem.
reset-new-title = Välj ett nytt lösenord
reset-new-intro = Din identitet är verifierad. Välj ett nytt lösenord och ange det två gånger.
reset-save = Återställ lösenord
reset-start-again = Börja om
reset-done-title = Ditt lösenord har återställts
reset-done-intro = Logga in med ditt nya lösenord. Ditt konto har loggats ut på alla andra ställen.
reset-first-note = Av säkerhetsskäl visas inte de nummer och adresser du har registrerat här. Skriv hela numret eller adressen du vill använda.
reset-way-text = Sms:a en kod till min mobiltelefon
reset-way-call = Ring min telefon
reset-way-email = Skicka en kod till min e-postadress
reset-way-app = Ange en kod från min Authenticator-app
reset-phone-label = Telefonnummer
reset-phone-hint = Hela numret med landskod, till exempel +46 70 123 45 67.
reset-email-label = E-postadress
reset-code-sent-phone = Om { $number } är ett av telefonnumren du har registrerat har vi just skickat en kod med 6 siffror till det via sms. Ange koden nedan.
reset-code-sent-email = Om { $address } är en av e-postadresserna du har registrerat har vi just skickat en kod med 6 siffror till den. Ange koden nedan.
reset-calling = Om { $number } är ett av telefonnumren du har registrerat ringer vi det nu.
