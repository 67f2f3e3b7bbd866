//! OpenID Connect's rows: applications, authorization codes (spent by one
//! conditional statement, S37), access tokens by digest, signing keys.

use models::oidc::{SignInStrength, TokenSigning};
use models::{OrganizationId, PersonId};
use sqlx::Row;
use sqlx::any::AnyRow;

use super::users::{UserRecord, user_columns, user_from_row};
use super::{Store, StoreResult};
use crate::clock::UnixTime;

/// A key that signs ID tokens, as stored.
#[derive(Clone, Debug)]
pub struct SigningKeyRecord {
    pub kid: String,
    pub algorithm: String,
    /// The PKCS#8 private key, sealed with the server's secret key.
    pub private_sealed: String,
    /// The public key as a JWK, as the JWKS publishes it.
    pub public_jwk: String,
    pub created_at: UnixTime,
}

/// An application registered by an administrator.
#[derive(Clone, Debug)]
pub struct ClientRecord {
    pub id: String,
    pub organization_id: OrganizationId,
    pub name: String,
    /// The digest of its secret; `None`: a public client.
    pub secret_digest: Option<String>,
    pub redirect_uris: Vec<String>,
    pub logout_uris: Vec<String>,
    /// Where it takes back-channel logouts, if it does.
    pub backchannel_logout_uri: Option<String>,
    /// The scopes it may be given.
    pub scopes: Vec<String>,
    /// The least sign-in it accepts.
    pub requires: Option<SignInStrength>,
    /// How its tokens are signed.
    pub signing: TokenSigning,
    pub disabled: bool,
    pub created_at: UnixTime,
}

pub struct NewClient<'a> {
    pub id: &'a str,
    pub organization_id: &'a OrganizationId,
    pub name: &'a str,
    pub secret_digest: Option<&'a str>,
    pub redirect_uris: &'a [String],
    pub logout_uris: &'a [String],
    pub backchannel_logout_uri: Option<&'a str>,
    pub scopes: &'a [String],
    pub requires: Option<SignInStrength>,
    pub signing: TokenSigning,
}

/// A code about to be given to an application.
pub struct NewCode<'a> {
    pub digest: &'a str,
    pub client_id: &'a str,
    pub user_id: &'a PersonId,
    pub redirect_uri: &'a str,
    pub code_challenge: Option<&'a str>,
    pub nonce: Option<&'a str>,
    pub scope: &'a str,
    pub auth_time: UnixTime,
    pub amr: &'a str,
    pub expires_at: UnixTime,
    /// The session it was given in (`sid`), which is recorded as signed
    /// in to the application.
    pub sid: Option<&'a str>,
}

/// A code just spent: what it was issued for.
#[derive(Clone, Debug)]
pub struct CodeRecord {
    pub user_id: PersonId,
    pub redirect_uri: String,
    pub code_challenge: Option<String>,
    pub nonce: Option<String>,
    pub scope: String,
    pub auth_time: UnixTime,
    pub amr: String,
    pub sid: Option<String>,
}

pub struct NewToken<'a> {
    pub digest: &'a str,
    pub grant_id: &'a str,
    pub client_id: &'a str,
    pub user_id: &'a PersonId,
    pub code_digest: &'a str,
    pub scope: &'a str,
    pub expires_at: UnixTime,
}

/// A refresh token about to be given (`offline_access`).
pub struct NewRefreshToken<'a> {
    pub digest: &'a str,
    pub grant_id: &'a str,
    pub client_id: &'a str,
    pub code_digest: &'a str,
    pub scope: &'a str,
    pub auth_time: UnixTime,
    pub amr: &'a str,
    pub nonce: Option<&'a str>,
    pub expires_at: UnixTime,
}

/// A refresh token just spent: what its grant was given.
#[derive(Clone, Debug)]
pub struct RefreshRecord {
    pub grant_id: String,
    pub user_id: PersonId,
    pub code_digest: String,
    pub scope: String,
    pub auth_time: UnixTime,
    pub amr: String,
    pub nonce: Option<String>,
}

/// A live access token's grant, with its person (never a disabled one).
#[derive(Clone, Debug)]
pub struct TokenGrant {
    pub client_id: String,
    pub scope: String,
    pub created_at: UnixTime,
    pub expires_at: UnixTime,
    pub user: UserRecord,
    /// The address of the person's email method, if they have one.
    pub email: Option<String>,
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A token inserted for a grant that ended meanwhile breaks its foreign
/// key: nothing is kept, which is what the grant's end asks for.
fn unless_grant_ended(inserted: Result<sqlx::any::AnyQueryResult, sqlx::Error>) -> StoreResult<()> {
    match inserted {
        Ok(_) => Ok(()),
        Err(sqlx::Error::Database(e)) if e.is_foreign_key_violation() => Ok(()),
        Err(e) => Err(e.into()),
    }
}

fn client_from_row(row: &AnyRow) -> StoreResult<ClientRecord> {
    Ok(ClientRecord {
        id: row.try_get("id")?,
        organization_id: OrganizationId::new(row.try_get::<String, _>("organization_id")?),
        name: row.try_get("name")?,
        secret_digest: row.try_get("secret_digest")?,
        redirect_uris: lines(&row.try_get::<String, _>("redirect_uris")?),
        logout_uris: lines(&row.try_get::<String, _>("logout_uris")?),
        backchannel_logout_uri: row.try_get("backchannel_logout_uri")?,
        scopes: row
            .try_get::<String, _>("scopes")?
            .split_whitespace()
            .map(str::to_owned)
            .collect(),
        requires: row
            .try_get::<Option<String>, _>("required_acr")?
            .as_deref()
            .and_then(SignInStrength::of_acr),
        // A name this binary does not know (a newer one's) signs as the
        // default does rather than not at all.
        signing: TokenSigning::of_alg(&row.try_get::<String, _>("id_token_alg")?)
            .unwrap_or_default(),
        disabled: row.try_get::<Option<i64>, _>("disabled_at")?.is_some(),
        created_at: row.try_get("created_at")?,
    })
}

/// A back-channel logout owed to an application (`oidc_logout_outbox`).
#[derive(Clone, Debug)]
pub struct OwedLogout {
    pub client_id: String,
    pub user_id: String,
    /// The session that ended; empty: every session of the person.
    pub sid: String,
    pub uri: String,
    pub attempts: i64,
    /// How the application's tokens are signed.
    pub signing: TokenSigning,
}

impl Store {
    /// Up to `limit` logouts due by `now`, the longest waiting first.
    pub async fn due_logouts(&self, now: UnixTime, limit: i64) -> StoreResult<Vec<OwedLogout>> {
        let rows = sqlx::query(
            "SELECT o.client_id, o.user_id, o.sid, o.attempts, k.backchannel_logout_uri AS uri, k.id_token_alg \
             FROM oidc_logout_outbox o JOIN oidc_clients k ON k.id = o.client_id \
             WHERE o.next_at <= $1 AND k.backchannel_logout_uri IS NOT NULL \
             ORDER BY o.next_at LIMIT $2",
        )
        .bind(now)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(OwedLogout {
                    client_id: row.try_get("client_id")?,
                    user_id: row.try_get("user_id")?,
                    sid: row.try_get("sid")?,
                    uri: row.try_get("uri")?,
                    attempts: row.try_get("attempts")?,
                    signing: TokenSigning::of_alg(&row.try_get::<String, _>("id_token_alg")?)
                        .unwrap_or_default(),
                })
            })
            .collect()
    }

    /// Takes a logout to send, due again at `retry_at` should this attempt
    /// fail: conditional on the attempts read, so that of the instances
    /// that read it one sends it.
    pub async fn claim_logout(&self, owed: &OwedLogout, retry_at: UnixTime) -> StoreResult<bool> {
        let done = sqlx::query(
            "UPDATE oidc_logout_outbox SET attempts = attempts + 1, next_at = $5 \
             WHERE client_id = $1 AND user_id = $2 AND sid = $3 AND attempts = $4",
        )
        .bind(&owed.client_id)
        .bind(&owed.user_id)
        .bind(&owed.sid)
        .bind(owed.attempts)
        .bind(retry_at)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// A logout delivered, or given up on.
    pub async fn forget_logout(&self, owed: &OwedLogout) -> StoreResult<()> {
        sqlx::query(
            "DELETE FROM oidc_logout_outbox WHERE client_id = $1 AND user_id = $2 AND sid = $3",
        )
        .bind(&owed.client_id)
        .bind(&owed.user_id)
        .bind(&owed.sid)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn insert_signing_key(&self, key: &SigningKeyRecord) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO oidc_keys (kid, algorithm, private_sealed, public_jwk, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&key.kid)
        .bind(&key.algorithm)
        .bind(&key.private_sealed)
        .bind(&key.public_jwk)
        .bind(key.created_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Whether an enabled application has its tokens signed with
    /// `signing`: its keys are kept current then.
    pub async fn any_client_signs_with(&self, signing: TokenSigning) -> StoreResult<bool> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM oidc_clients WHERE id_token_alg = $1 AND disabled_at IS NULL",
        )
        .bind(signing.alg())
        .fetch_one(&self.pool)
        .await?;
        Ok(row.try_get::<i64, _>("n")? > 0)
    }

    /// The keys made since `since`, the newest first.
    pub async fn signing_keys_since(&self, since: UnixTime) -> StoreResult<Vec<SigningKeyRecord>> {
        let rows = sqlx::query(
            "SELECT kid, algorithm, private_sealed, public_jwk, created_at FROM oidc_keys \
             WHERE created_at >= $1 ORDER BY created_at DESC, kid DESC",
        )
        .bind(since)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(SigningKeyRecord {
                    kid: row.try_get("kid")?,
                    algorithm: row.try_get("algorithm")?,
                    private_sealed: row.try_get("private_sealed")?,
                    public_jwk: row.try_get("public_jwk")?,
                    created_at: row.try_get("created_at")?,
                })
            })
            .collect()
    }

    pub async fn insert_client(&self, client: NewClient<'_>, now: UnixTime) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO oidc_clients (id, organization_id, name, secret_digest, redirect_uris, logout_uris, backchannel_logout_uri, scopes, required_acr, id_token_alg, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(client.id)
        .bind(client.organization_id.as_str())
        .bind(client.name)
        .bind(client.secret_digest)
        .bind(client.redirect_uris.join("\n"))
        .bind(client.logout_uris.join("\n"))
        .bind(client.backchannel_logout_uri)
        .bind(client.scopes.join(" "))
        .bind(client.requires.map(SignInStrength::acr))
        .bind(client.signing.alg())
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn client(&self, id: &str) -> StoreResult<Option<ClientRecord>> {
        let row = sqlx::query(
            "SELECT id, organization_id, name, secret_digest, redirect_uris, logout_uris, backchannel_logout_uri, scopes, required_acr, id_token_alg, disabled_at, created_at \
             FROM oidc_clients WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(client_from_row).transpose()
    }

    /// A new secret's digest for a confidential application of the
    /// organization; whether there was one to replace.
    pub async fn replace_client_secret(
        &self,
        id: &str,
        organization_id: &OrganizationId,
        secret_digest: &str,
    ) -> StoreResult<bool> {
        let done = sqlx::query(
            "UPDATE oidc_clients SET secret_digest = $3 \
             WHERE id = $1 AND organization_id = $2 AND secret_digest IS NOT NULL",
        )
        .bind(id)
        .bind(organization_id.as_str())
        .bind(secret_digest)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Disables an application of the organization (and ends every grant
    /// it holds, with their tokens, in the same transaction) or enables it;
    /// whether it is the organization's.
    pub async fn set_client_disabled(
        &self,
        id: &str,
        organization_id: &OrganizationId,
        disabled_at: Option<UnixTime>,
    ) -> StoreResult<bool> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "UPDATE oidc_clients SET disabled_at = $3 WHERE id = $1 AND organization_id = $2",
        )
        .bind(id)
        .bind(organization_id.as_str())
        .bind(disabled_at)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 1 && disabled_at.is_some() {
            sqlx::query("DELETE FROM oidc_grants WHERE client_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(done.rows_affected() == 1)
    }

    /// The organization's applications, the newest first.
    pub async fn clients_of(
        &self,
        organization_id: &OrganizationId,
    ) -> StoreResult<Vec<ClientRecord>> {
        let rows = sqlx::query(
            "SELECT id, organization_id, name, secret_digest, redirect_uris, logout_uris, backchannel_logout_uri, scopes, required_acr, id_token_alg, disabled_at, created_at \
             FROM oidc_clients WHERE organization_id = $1 ORDER BY created_at DESC, id",
        )
        .bind(organization_id.as_str())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(client_from_row).collect()
    }

    /// The code, and its session as signed in to the application (for a
    /// back-channel logout when it ends), in one transaction.
    pub async fn insert_code(&self, code: NewCode<'_>, now: UnixTime) -> StoreResult<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO oidc_codes (digest, client_id, user_id, redirect_uri, code_challenge, nonce, scope, auth_time, amr, expires_at, sid) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(code.digest)
        .bind(code.client_id)
        .bind(code.user_id.as_str())
        .bind(code.redirect_uri)
        .bind(code.code_challenge)
        .bind(code.nonce)
        .bind(code.scope)
        .bind(code.auth_time)
        .bind(code.amr)
        .bind(code.expires_at)
        .bind(code.sid)
        .execute(&mut *tx)
        .await?;
        if let Some(sid) = code.sid {
            sqlx::query(
                "INSERT INTO oidc_session_clients (sid, client_id, user_id, created_at) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
            )
            .bind(sid)
            .bind(code.client_id)
            .bind(code.user_id.as_str())
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Spends the code of this digest if it is `client_id`'s, unexpired and
    /// unspent: one statement, so that of parallel redemptions exactly one
    /// gets it (S37).
    pub async fn spend_code(
        &self,
        digest: &str,
        client_id: &str,
        now: UnixTime,
    ) -> StoreResult<Option<CodeRecord>> {
        let row = sqlx::query(
            "UPDATE oidc_codes SET spent_at = $3 \
             WHERE digest = $1 AND client_id = $2 AND spent_at IS NULL AND expires_at > $3 \
             RETURNING user_id, redirect_uri, code_challenge, nonce, scope, auth_time, amr, sid",
        )
        .bind(digest)
        .bind(client_id)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        Ok(Some(CodeRecord {
            user_id: PersonId::new(row.try_get::<String, _>("user_id")?),
            redirect_uri: row.try_get("redirect_uri")?,
            code_challenge: row.try_get("code_challenge")?,
            nonce: row.try_get("nonce")?,
            scope: row.try_get("scope")?,
            auth_time: row.try_get("auth_time")?,
            amr: row.try_get("amr")?,
            sid: row.try_get("sid")?,
        }))
    }

    /// A code shown again after it was spent: marked, which voids every
    /// token issued for it, before or after (`token_grant` reads the mark,
    /// so no token issued at the same moment outlives it); those issued
    /// are deleted too. How many there were.
    pub async fn void_replayed_code(&self, digest: &str, now: UnixTime) -> StoreResult<u64> {
        let marked = sqlx::query(
            "UPDATE oidc_codes SET replayed_at = $2 WHERE digest = $1 AND spent_at IS NOT NULL",
        )
        .bind(digest)
        .bind(now)
        .execute(&self.pool)
        .await?;
        if marked.rows_affected() == 0 {
            return Ok(0);
        }
        let done = sqlx::query("DELETE FROM oidc_tokens WHERE code_digest = $1")
            .bind(digest)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    /// A grant of what a redeemed code gives, for the person and client.
    pub async fn insert_grant(
        &self,
        id: &str,
        user_id: &PersonId,
        client_id: &str,
        now: UnixTime,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO oidc_grants (id, user_id, client_id, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(user_id.as_str())
        .bind(client_id)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Keeps an access token of the grant; nothing when the grant has
    /// just ended (a refresh token's reuse at the same moment): the token
    /// answered is then void, as the family is.
    pub async fn insert_token(&self, token: NewToken<'_>, now: UnixTime) -> StoreResult<()> {
        let inserted = sqlx::query(
            "INSERT INTO oidc_tokens (digest, grant_id, client_id, user_id, code_digest, scope, created_at, expires_at) \
             VALUES ($1, $8, $2, $3, $4, $5, $6, $7)",
        )
        .bind(token.digest)
        .bind(token.client_id)
        .bind(token.user_id.as_str())
        .bind(token.code_digest)
        .bind(token.scope)
        .bind(now)
        .bind(token.expires_at)
        .bind(token.grant_id)
        .execute(&self.pool)
        .await;
        unless_grant_ended(inserted)
    }

    pub async fn insert_refresh_token(
        &self,
        token: NewRefreshToken<'_>,
        now: UnixTime,
    ) -> StoreResult<()> {
        let inserted = sqlx::query(
            "INSERT INTO oidc_refresh_tokens (digest, grant_id, client_id, code_digest, scope, auth_time, amr, nonce, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(token.digest)
        .bind(token.grant_id)
        .bind(token.client_id)
        .bind(token.code_digest)
        .bind(token.scope)
        .bind(token.auth_time)
        .bind(token.amr)
        .bind(token.nonce)
        .bind(now)
        .bind(token.expires_at)
        .execute(&self.pool)
        .await;
        unless_grant_ended(inserted)
    }

    /// Spends the refresh token of this digest if it is `client_id`'s,
    /// unexpired, unspent, and its grant still stands: one statement, so
    /// that of parallel uses exactly one gets it (S42).
    pub async fn spend_refresh_token(
        &self,
        digest: &str,
        client_id: &str,
        now: UnixTime,
    ) -> StoreResult<Option<RefreshRecord>> {
        let row = sqlx::query(
            "UPDATE oidc_refresh_tokens SET used_at = $3 \
             WHERE digest = $1 AND client_id = $2 AND used_at IS NULL AND expires_at > $3 \
             AND grant_id IN (SELECT g.id FROM oidc_grants g) \
             AND client_id IN (SELECT k.id FROM oidc_clients k WHERE k.disabled_at IS NULL) \
             RETURNING grant_id, code_digest, scope, auth_time, amr, nonce, \
             (SELECT g.user_id FROM oidc_grants g WHERE g.id = oidc_refresh_tokens.grant_id) AS user_id",
        )
        .bind(digest)
        .bind(client_id)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        Ok(Some(RefreshRecord {
            grant_id: row.try_get("grant_id")?,
            user_id: PersonId::new(row.try_get::<String, _>("user_id")?),
            code_digest: row.try_get("code_digest")?,
            scope: row.try_get("scope")?,
            auth_time: row.try_get("auth_time")?,
            amr: row.try_get("amr")?,
            nonce: row.try_get("nonce")?,
        }))
    }

    /// A spent refresh token shown again: its whole grant ends — the
    /// newest token of the family and every access token with it (S42).
    /// Whether there was one to end.
    pub async fn end_grant_of_spent_refresh_token(&self, digest: &str) -> StoreResult<bool> {
        let done = sqlx::query(
            "DELETE FROM oidc_grants WHERE id IN \
             (SELECT r.grant_id FROM oidc_refresh_tokens r WHERE r.digest = $1 AND r.used_at IS NOT NULL)",
        )
        .bind(digest)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() > 0)
    }

    /// An enabled person as an ID token describes them, with their email
    /// method's address.
    pub async fn person_with_email(
        &self,
        user_id: &PersonId,
    ) -> StoreResult<Option<(UserRecord, Option<String>)>> {
        let row = sqlx::query(concat!(
            "SELECT ",
            user_columns!(),
            ", (SELECT m.detail FROM methods m WHERE m.user_id = u.id AND m.kind = 'email' ORDER BY m.created_at LIMIT 1) AS email \
             FROM users u JOIN organizations o ON o.id = u.organization_id \
             WHERE u.id = $1 AND u.disabled_at IS NULL"
        ))
        .bind(user_id.as_str())
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        Ok(Some((user_from_row(&row)?, row.try_get("email")?)))
    }

    /// The grant of a live access token, with its person (enabled) and
    /// their email method's address.
    pub async fn token_grant(
        &self,
        digest: &str,
        now: UnixTime,
    ) -> StoreResult<Option<TokenGrant>> {
        let row = sqlx::query(concat!(
            "SELECT t.client_id, t.scope, t.created_at AS token_created_at, t.expires_at AS token_expires_at, ",
            user_columns!(),
            ", (SELECT m.detail FROM methods m WHERE m.user_id = u.id AND m.kind = 'email' ORDER BY m.created_at LIMIT 1) AS email \
             FROM oidc_tokens t JOIN users u ON u.id = t.user_id \
             JOIN organizations o ON o.id = u.organization_id \
             JOIN oidc_codes c ON c.digest = t.code_digest \
             JOIN oidc_grants g ON g.id = t.grant_id \
             JOIN oidc_clients k ON k.id = t.client_id \
             WHERE t.digest = $1 AND t.expires_at > $2 AND u.disabled_at IS NULL \
             AND c.replayed_at IS NULL AND k.disabled_at IS NULL"
        ))
        .bind(digest)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        Ok(Some(TokenGrant {
            client_id: row.try_get("client_id")?,
            scope: row.try_get("scope")?,
            created_at: row.try_get("token_created_at")?,
            expires_at: row.try_get("token_expires_at")?,
            user: user_from_row(&row)?,
            email: row.try_get("email")?,
        }))
    }

    /// A live refresh token of `client_id` (unspent, its grant standing):
    /// its scope, when it was made and expires, and its person's id.
    pub async fn live_refresh_token(
        &self,
        digest: &str,
        client_id: &str,
        now: UnixTime,
    ) -> StoreResult<Option<(String, UnixTime, UnixTime, PersonId)>> {
        let row = sqlx::query(
            "SELECT r.scope, r.created_at, r.expires_at, g.user_id FROM oidc_refresh_tokens r \
             JOIN oidc_grants g ON g.id = r.grant_id JOIN users u ON u.id = g.user_id \
             WHERE r.digest = $1 AND r.client_id = $2 AND r.used_at IS NULL AND r.expires_at > $3 \
             AND u.disabled_at IS NULL",
        )
        .bind(digest)
        .bind(client_id)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        Ok(Some((
            row.try_get("scope")?,
            row.try_get("created_at")?,
            row.try_get("expires_at")?,
            PersonId::new(row.try_get::<String, _>("user_id")?),
        )))
    }

    /// Revokes a token `client_id` was given (RFC 7009): a refresh token
    /// ends its whole grant, an access token itself. Unknown, or
    /// another client's: nothing.
    pub async fn revoke_token(&self, digest: &str, client_id: &str) -> StoreResult<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "DELETE FROM oidc_grants WHERE id IN \
             (SELECT r.grant_id FROM oidc_refresh_tokens r WHERE r.digest = $1 AND r.client_id = $2)",
        )
        .bind(digest)
        .bind(client_id)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM oidc_tokens WHERE digest = $1 AND client_id = $2")
            .bind(digest)
            .bind(client_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}
