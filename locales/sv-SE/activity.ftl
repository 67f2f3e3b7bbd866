## A person's recent activity (the audit record, S12), one line each

activity-method-added = Lade till en metod
activity-method-changed = Ändrade en metod
activity-method-deleted = Tog bort en metod
activity-default-changed = Ändrade standardmetoden för inloggning
activity-signed-out-everywhere = Loggade ut överallt
activity-totp-reuse-refused = En kod från en autentiseringsapp användes två gånger och nekades
activity-security-key-refused = En säkerhetsnyckel nekades
activity-policy-changed = Ändrade organisationens princip
activity-signed-in = Loggade in
activity-recovery-code-used = Använde en återställningskod
activity-password-changed = Ändrade lösenordet
activity-password-reset = Återställde ett glömt lösenord
activity-sign-in-failed = En inloggning misslyckades
activity-pass-issued = Tillfälligt åtkomstpass utfärdat
activity-pass-revoked = Tillfälligt åtkomstpass återkallat
activity-organization-created = Organisationen skapades
activity-person-added = Tillagd i organisationen
activity-role-changed = Rollen ändrades
activity-profile-changed = Namn eller språk ändrades
activity-sessions-ended = Utloggad överallt av supportavdelningen
activity-registration-required = Metoderna togs bort och ska registreras igen
activity-password-removed = Lösenordet togs bort
activity-disabled = Kontot inaktiverades
activity-enabled = Kontot aktiverades
activity-person-deleted = Kontot togs bort
