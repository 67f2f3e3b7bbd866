## Återställa ett glömt lösenord

signin-forgot = Har du glömt lösenordet?
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
