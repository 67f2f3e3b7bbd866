## A person's recent activity (the audit record, S12), one line each

activity-method-added = Methode toegevoegd
activity-method-changed = Methode gewijzigd
activity-method-deleted = Methode verwijderd
activity-default-changed = Standaardaanmeldingsmethode gewijzigd
activity-signed-out-everywhere = Overal afgemeld
activity-totp-reuse-refused = Een code van een verificatie-app werd twee keer gebruikt en geweigerd
activity-security-key-refused = Een beveiligingssleutel werd geweigerd
activity-policy-changed = Beleid van de organisatie gewijzigd
activity-signed-in = Aangemeld
activity-recovery-code-used = Herstelcode gebruikt
activity-password-changed = Wachtwoord gewijzigd
activity-password-reset = Vergeten wachtwoord opnieuw ingesteld
activity-sign-in-failed = Aanmelden mislukt
activity-pass-issued = Tijdelijke toegangspas uitgegeven
activity-pass-revoked = Tijdelijke toegangspas ingetrokken
activity-organization-created = Organisatie gemaakt
activity-person-added = Toegevoegd aan de organisatie
activity-role-changed = Rol gewijzigd
activity-profile-changed = Naam of taal gewijzigd
activity-sessions-ended = Overal afgemeld door de helpdesk
activity-registration-required = Methoden verwijderd, opnieuw te registreren
activity-password-removed = Wachtwoord verwijderd
activity-disabled = Account uitgeschakeld
activity-enabled = Account ingeschakeld
activity-person-deleted = Account verwijderd
