use models::Locale;
use models::PersonId;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::Store;
use super::StoreResult;
use super::methods::{MethodColumns, MethodRecord, method_from_row};
use super::session_key::SessionKey;
use super::users::{UserRecord, user_columns, user_from_row};
use crate::clock::UnixTime;

pub struct NewSession<'a> {
    pub token_digest: &'a SessionKey,
    pub user_id: &'a PersonId,
    pub client_address: &'a str,
    pub user_agent: &'a str,
    /// For a sign-in that waits for its second step: when it lapses (S27).
    pub pending_until: Option<UnixTime>,
    /// When it verified with a sign-in method: 0 after a password, now
    /// after a passkey (S32).
    pub verified_at: UnixTime,
    /// The language chosen at a sign-in that waits for its second step,
    /// the person's once it is finished (S27).
    pub pending_locale: Option<models::Locale>,
    /// Started with a Temporary Access Pass: its id, and when it expires,
    /// which ends the session too (S33).
    pub pass: Option<(&'a str, UnixTime)>,
    /// How the person proved themselves so far (RFC 8176 values).
    pub amr: &'a str,
    /// Its id for applications (`sid`), which stays as the token changes.
    pub sid: &'a str,
}

pub struct NewPasswordReset<'a> {
    pub token_digest: &'a SessionKey,
    pub account_name: &'a str,
    pub client_address: &'a str,
    pub user_agent: &'a str,
    pub expires_at: UnixTime,
}

/// A password reset as its first proof reads it (N2): what the row says,
/// whether or not the account exists, with the policy of the organization
/// its name belongs to — the person's, else the one whose account domain
/// the name ends in, else the defaults. One organization per account
/// domain keeps the two the same (ARCHITECTURE.md).
#[derive(Clone, Debug)]
pub struct ResetRecord {
    pub token_digest: SessionKey,
    pub account_name: String,
    pub expires_at: UnixTime,
    /// No method was verified on it yet.
    pub unproved: bool,
    pub contact: Option<ResetContact>,
    pub policy: crate::policy::Policy,
}

/// The first code or call of a reset: sent to a method of the account or
/// to nobody, which this row does not say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResetContact {
    pub id: String,
    pub channel: models::Channel,
    /// The number (E.164) or address as the person typed it, normalized.
    pub to: String,
    pub sent_at: UnixTime,
    pub expires_at: UnixTime,
    pub tries: i64,
}

/// A session row with its user, as every authenticated request needs it.
#[derive(Clone, Debug)]
pub struct SessionRecord {
    pub token_digest: SessionKey,
    pub created_at: UnixTime,
    pub last_seen_at: UnixTime,
    /// When this session last verified with an MFA method (step-up).
    pub verified_at: UnixTime,
    /// Set while the sign-in waits for its second step (S27): the session
    /// can only verify, until then.
    pub pending_until: Option<UnixTime>,
    /// For a password reset (S29): the ids of the methods verified on it,
    /// separated by spaces. `None`: a sign-in's session.
    pub reset_verified: Option<String>,
    /// The language chosen at a sign-in still waiting for its second step.
    pub pending_locale: Option<models::Locale>,
    /// When the Temporary Access Pass this session began with expires,
    /// which ends the session (S33).
    pub pass_expires_at: Option<UnixTime>,
    /// How the person proved themselves on this session, RFC 8176's
    /// values separated by spaces (`pwd sms`): what an application's ID
    /// token tells.
    pub amr: String,
    /// Its id for applications; none for a reset, or a session of before
    /// back-channel logout.
    pub sid: Option<String>,
    pub user: UserRecord,
}

impl SessionRecord {
    /// Whether the sign-in still waits for its second step.
    pub fn is_pending(&self) -> bool {
        self.pending_until.is_some()
    }

    /// Whether this is a password reset under way rather than a sign-in.
    pub fn is_reset(&self) -> bool {
        self.reset_verified.is_some()
    }

    /// The methods verified on this password reset so far.
    pub fn reset_steps(&self) -> Vec<&str> {
        self.reset_step_parts().map(|(method, _)| method).collect()
    }

    /// What the methods verified on this reset reach (`MethodRecord::destination_key`).
    pub fn reset_destinations(&self) -> Vec<&str> {
        self.reset_step_parts()
            .filter_map(|(_, destination)| destination)
            .collect()
    }

    /// Each step as recorded: `method/destination`.
    fn reset_step_parts(&self) -> impl Iterator<Item = (&str, Option<&str>)> {
        self.reset_verified
            .as_deref()
            .unwrap_or_default()
            .split_whitespace()
            .map(|step| match step.split_once('/') {
                Some((method, destination)) => (method, Some(destination)),
                None => (step, None),
            })
    }
}

pub(super) async fn rotate_verified_session<'e, E>(
    db: E,
    old_digest: &SessionKey,
    new_digest: &SessionKey,
    now: UnixTime,
    amr: Option<&str>,
) -> StoreResult<bool>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    // A verification also finishes a sign-in that waited for it (S27).
    // Conditional on the old digest, so the proofs it records (`amr`) are
    // those of the one rotation that took place.
    let done = sqlx::query("UPDATE sessions SET token_digest = $1, verified_at = $2, last_seen_at = $2, pending_until = NULL, amr = COALESCE($4, amr) WHERE token_digest = $3")
        .bind(new_digest.as_str())
        .bind(now)
        .bind(old_digest.as_str())
        .bind(amr)
        .execute(db)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// A session, or a password reset of a known account: one statement
/// either way, with the person and their organization's policy. A reset
/// lapses at `expires_at`, as a pending sign-in. Every signed-in request
/// runs it.
pub(super) const SESSION_BY_DIGEST: &str = concat!(
    "SELECT s.token_digest, s.created_at, s.last_seen_at, s.verified_at, s.pending_until, \
     CAST(NULL AS TEXT) AS reset_verified, s.pending_locale, s.pass_expires_at, s.amr, s.sid, ",
    user_columns!(),
    " FROM sessions s JOIN users u ON u.id = s.user_id \
     JOIN organizations o ON o.id = u.organization_id WHERE s.token_digest = $1 \
     AND u.disabled_at IS NULL \
     AND (s.pass_id IS NULL OR EXISTS (SELECT 1 FROM temporary_access_passes p WHERE p.id = s.pass_id)) \
     UNION ALL \
     SELECT r.token_digest, r.created_at, r.created_at AS last_seen_at, CAST(0 AS BIGINT) AS verified_at, \
     r.expires_at AS pending_until, r.verified AS reset_verified, CAST(NULL AS TEXT) AS pending_locale, \
     CAST(NULL AS BIGINT) AS pass_expires_at, CAST('' AS TEXT) AS amr, CAST(NULL AS TEXT) AS sid, ",
    user_columns!(),
    " FROM password_resets r JOIN users u ON u.account_name = r.account_name \
     JOIN organizations o ON o.id = u.organization_id WHERE r.token_digest = $1 \
     AND u.disabled_at IS NULL"
);

/// A session (a reset has none) with its person, policy and methods: a row
/// per method, or one with empty method columns. What every Security info
/// request needs, in one statement.
pub(super) const SESSION_WITH_METHODS: &str = concat!(
    "SELECT s.token_digest, s.created_at, s.last_seen_at, s.verified_at, s.pending_until, \
     CAST(NULL AS TEXT) AS reset_verified, s.pending_locale, s.pass_expires_at, s.amr, s.sid, ",
    user_columns!(),
    ", m.id AS method_id, m.kind AS method_kind, m.detail AS method_detail, m.data AS method_data, \
     m.created_at AS method_created_at, \
     (SELECT COUNT(*) FROM recovery_codes r WHERE r.method_id = m.id AND r.used_at IS NULL) AS method_remaining \
     FROM sessions s JOIN users u ON u.id = s.user_id \
     JOIN organizations o ON o.id = u.organization_id \
     LEFT JOIN methods m ON m.user_id = u.id \
     WHERE s.token_digest = $1 AND u.disabled_at IS NULL \
     AND (s.pass_id IS NULL OR EXISTS (SELECT 1 FROM temporary_access_passes p WHERE p.id = s.pass_id)) \
     ORDER BY m.created_at, m.id"
);

pub(super) const TOUCH_SESSION: &str =
    "UPDATE sessions SET last_seen_at = $1 WHERE token_digest = $2";
pub(super) const END_SESSIONS_OF_USER: &str = "DELETE FROM sessions WHERE user_id = $1";
/// What applications were given for the person (OpenID Connect grants, with
/// their access and refresh tokens, S42) ends with their sessions.
pub(super) const END_GRANTS_OF_USER: &str = "DELETE FROM oidc_grants WHERE user_id = $1";

/// The applications the person signed in to that take back-channel
/// logouts are owed one naming the person (no `sid`: every session ended).
const OWE_LOGOUTS_OF_USER: &str = "INSERT INTO oidc_logout_outbox (client_id, user_id, sid) \
     SELECT DISTINCT c.client_id, c.user_id, '' FROM oidc_session_clients c \
     JOIN oidc_clients k ON k.id = c.client_id \
     WHERE c.user_id = $1 AND k.backchannel_logout_uri IS NOT NULL \
     ON CONFLICT DO NOTHING";
const FORGET_SESSION_CLIENTS_OF_USER: &str = "DELETE FROM oidc_session_clients WHERE user_id = $1";
/// The same for one session: its applications are owed a logout naming it.
const OWE_LOGOUTS_OF_SESSION: &str = "INSERT INTO oidc_logout_outbox (client_id, user_id, sid) \
     SELECT c.client_id, c.user_id, c.sid FROM oidc_session_clients c \
     JOIN sessions s ON s.sid = c.sid JOIN oidc_clients k ON k.id = c.client_id \
     WHERE s.token_digest = $1 AND k.backchannel_logout_uri IS NOT NULL \
     ON CONFLICT DO NOTHING";
const FORGET_SESSION_CLIENTS_OF_SESSION: &str = "DELETE FROM oidc_session_clients \
     WHERE sid IN (SELECT sid FROM sessions WHERE token_digest = $1)";
/// The same for every session of the person but one (`$2`, a token digest,
/// or none): a new password ends the others.
const OWE_LOGOUTS_OF_OTHER_SESSIONS: &str = "INSERT INTO oidc_logout_outbox (client_id, user_id, sid) \
     SELECT c.client_id, c.user_id, c.sid FROM oidc_session_clients c \
     JOIN sessions s ON s.sid = c.sid JOIN oidc_clients k ON k.id = c.client_id \
     WHERE s.user_id = $1 AND s.token_digest <> $2 AND k.backchannel_logout_uri IS NOT NULL \
     ON CONFLICT DO NOTHING";
/// The same for every session that lapsed: idle since `$1`, or made
/// before `$2`.
const OWE_LOGOUTS_OF_LAPSED_SESSIONS: &str = "INSERT INTO oidc_logout_outbox (client_id, user_id, sid) \
     SELECT c.client_id, c.user_id, c.sid FROM oidc_session_clients c \
     JOIN sessions s ON s.sid = c.sid JOIN oidc_clients k ON k.id = c.client_id \
     WHERE (s.last_seen_at < $1 OR s.created_at < $2 OR s.pass_expires_at <= $3) \
     AND k.backchannel_logout_uri IS NOT NULL \
     ON CONFLICT DO NOTHING";
const FORGET_SESSION_CLIENTS_OF_LAPSED_SESSIONS: &str = "DELETE FROM oidc_session_clients \
     WHERE sid IN (SELECT sid FROM sessions WHERE last_seen_at < $1 OR created_at < $2 OR pass_expires_at <= $3)";
const END_LAPSED_SESSIONS: &str =
    "DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2 OR pass_expires_at <= $3";
/// The same for the sessions the person's pass started (`$1`, the
/// person), which end with it: taken away or replaced.
const OWE_LOGOUTS_OF_PASS_SESSIONS: &str = "INSERT INTO oidc_logout_outbox (client_id, user_id, sid) \
     SELECT c.client_id, c.user_id, c.sid FROM oidc_session_clients c \
     JOIN sessions s ON s.sid = c.sid JOIN oidc_clients k ON k.id = c.client_id \
     JOIN temporary_access_passes p ON p.id = s.pass_id \
     WHERE p.user_id = $1 AND k.backchannel_logout_uri IS NOT NULL \
     ON CONFLICT DO NOTHING";
const FORGET_SESSION_CLIENTS_OF_PASS_SESSIONS: &str = "DELETE FROM oidc_session_clients \
     WHERE sid IN (SELECT s.sid FROM sessions s JOIN temporary_access_passes p ON p.id = s.pass_id \
     WHERE p.user_id = $1)";
const END_PASS_SESSIONS: &str = "DELETE FROM sessions \
     WHERE pass_id IN (SELECT id FROM temporary_access_passes WHERE user_id = $1)";
const FORGET_SESSION_CLIENTS_OF_OTHER_SESSIONS: &str = "DELETE FROM oidc_session_clients \
     WHERE sid IN (SELECT sid FROM sessions WHERE user_id = $1 AND token_digest <> $2)";

/// Ends the sessions the person's pass started, before the pass is taken
/// away or replaced, on the connection (a transaction's) given; their
/// applications are owed a back-channel logout in it.
pub(super) async fn end_sessions_of_pass(
    connection: &mut sqlx::AnyConnection,
    user_id: &str,
) -> StoreResult<()> {
    for statement in [
        OWE_LOGOUTS_OF_PASS_SESSIONS,
        FORGET_SESSION_CLIENTS_OF_PASS_SESSIONS,
        END_PASS_SESSIONS,
    ] {
        sqlx::query(statement)
            .bind(user_id)
            .execute(&mut *connection)
            .await?;
    }
    Ok(())
}

/// Ends every session of the person and every grant applications hold
/// for them: "sign out everywhere", a disabling, a password reset or
/// removed, on the connection (a transaction's) given; the applications
/// that asked to be told are owed a back-channel logout, in the same
/// transaction, so no route that ends sessions can forget them.
pub(super) async fn end_sessions_and_grants(
    connection: &mut sqlx::AnyConnection,
    user_id: &str,
) -> StoreResult<u64> {
    for statement in [OWE_LOGOUTS_OF_USER, FORGET_SESSION_CLIENTS_OF_USER] {
        sqlx::query(statement)
            .bind(user_id)
            .execute(&mut *connection)
            .await?;
    }
    let ended = sqlx::query(END_SESSIONS_OF_USER)
        .bind(user_id)
        .execute(&mut *connection)
        .await?;
    sqlx::query(END_GRANTS_OF_USER)
        .bind(user_id)
        .execute(&mut *connection)
        .await?;
    Ok(ended.rows_affected())
}

fn session_from_row(row: &AnyRow) -> StoreResult<SessionRecord> {
    Ok(SessionRecord {
        token_digest: SessionKey::new(row.try_get::<String, _>("token_digest")?),
        created_at: row.try_get("created_at")?,
        last_seen_at: row.try_get("last_seen_at")?,
        verified_at: row.try_get("verified_at")?,
        pending_until: row.try_get("pending_until")?,
        reset_verified: row.try_get("reset_verified")?,
        pending_locale: row
            .try_get::<Option<String>, _>("pending_locale")?
            .and_then(|tag| models::Locale::parse(&tag)),
        pass_expires_at: row.try_get("pass_expires_at")?,
        amr: row.try_get("amr")?,
        sid: row.try_get("sid")?,
        user: user_from_row(row)?,
    })
}

impl Store {
    pub async fn insert_session(&self, session: NewSession<'_>, now: UnixTime) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO sessions (token_digest, user_id, created_at, last_seen_at, client_address, user_agent, pending_until, verified_at, pending_locale, pass_id, pass_expires_at, amr, sid) \
             VALUES ($1, $2, $3, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(session.token_digest.as_str())
        .bind(session.user_id.as_str())
        .bind(now)
        .bind(session.client_address)
        .bind(session.user_agent)
        .bind(session.pending_until)
        .bind(session.verified_at)
        .bind(session.pending_locale.map(Locale::tag))
        .bind(session.pass.map(|(id, _)| id))
        .bind(session.pass.map(|(_, expires_at)| expires_at))
        .bind(session.amr)
        .bind(session.sid)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn session(&self, token_digest: &SessionKey) -> StoreResult<Option<SessionRecord>> {
        let Some(row) = sqlx::query(SESSION_BY_DIGEST)
            .bind(token_digest.as_str())
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        session_from_row(&row).map(Some)
    }

    /// The session with its methods (`SESSION_WITH_METHODS`); none for a
    /// password reset's token.
    pub async fn session_with_methods(
        &self,
        token_digest: &SessionKey,
    ) -> StoreResult<Option<(SessionRecord, Vec<MethodRecord>)>> {
        let rows = sqlx::query(SESSION_WITH_METHODS)
            .bind(token_digest.as_str())
            .fetch_all(&self.pool)
            .await?;
        let Some(first) = rows.first() else {
            return Ok(None);
        };
        let mut methods = Vec::with_capacity(rows.len());
        for row in &rows {
            if row.try_get::<Option<String>, _>("method_id")?.is_some() {
                methods.push(method_from_row(row, &MethodColumns::PREFIXED)?);
            }
        }
        Ok(Some((session_from_row(first)?, methods)))
    }

    /// After a step-up: the session gets a new token (S18) and a fresh
    /// verification time, keeping its creation time (absolute limit).
    pub async fn rotate_verified_session(
        &self,
        old_digest: &SessionKey,
        new_digest: &SessionKey,
        now: UnixTime,
        amr: Option<&str>,
    ) -> StoreResult<bool> {
        rotate_verified_session(&self.pool, old_digest, new_digest, now, amr).await
    }

    /// A sign-in finished under `token_digest`: the language chosen when it
    /// began becomes the person's (S27). One statement.
    pub async fn apply_pending_locale(&self, token_digest: &SessionKey) -> StoreResult<()> {
        sqlx::query(
            "UPDATE users SET locale = (SELECT s.pending_locale FROM sessions s WHERE s.token_digest = $1) \
             WHERE id = (SELECT s.user_id FROM sessions s WHERE s.token_digest = $1 AND s.pending_locale IS NOT NULL)",
        )
        .bind(token_digest.as_str())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// After a change that proves no second factor (a new password): the
    /// session gets a new token (S18) and keeps its verification time, so
    /// that the change never renews the step-up window (S11).
    pub async fn rotate_session_token(
        &self,
        old_digest: &SessionKey,
        new_digest: &SessionKey,
        now: UnixTime,
    ) -> StoreResult<bool> {
        let done = sqlx::query(
            "UPDATE sessions SET token_digest = $1, last_seen_at = $2 WHERE token_digest = $3",
        )
        .bind(new_digest.as_str())
        .bind(now)
        .bind(old_digest.as_str())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Begins a password reset of the account of that name, known or not
    /// (S28): the same one row either way; the account is looked up only
    /// when the reset is read.
    pub async fn start_password_reset(
        &self,
        reset: NewPasswordReset<'_>,
        now: UnixTime,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO password_resets (token_digest, account_name, created_at, expires_at, client_address, user_agent) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(reset.token_digest.as_str())
        .bind(reset.account_name)
        .bind(now)
        .bind(reset.expires_at)
        .bind(reset.client_address)
        .bind(reset.user_agent)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Records a method verified on a password reset, with what it reaches
    /// (`destination`: a digest), once: false when the reset is gone or a
    /// method reaching the same destination was recorded on it before (S29,
    /// N8; the same method reaches the same). One conditional statement, so
    /// two parallel verifications cannot both count.
    pub async fn record_reset_step(
        &self,
        token_digest: &SessionKey,
        method_id: &str,
        destination: &str,
        now: UnixTime,
    ) -> StoreResult<bool> {
        let done = sqlx::query(
            "UPDATE password_resets SET verified = verified || ' ' || $1 || '/' || $4 \
             WHERE token_digest = $3 AND expires_at > $2 \
             AND (' ' || verified || ' ') NOT LIKE ('%/' || $4 || ' %')",
        )
        .bind(method_id)
        .bind(now)
        .bind(token_digest.as_str())
        .bind(destination)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// A live reset, known account or not, with its organization's policy
    /// (by the domain of its account name). One statement.
    pub async fn reset(
        &self,
        token_digest: &SessionKey,
        now: UnixTime,
    ) -> StoreResult<Option<ResetRecord>> {
        let Some(row) = sqlx::query(
            "SELECT r.token_digest, r.account_name, r.expires_at, r.verified, r.contact_id, \
             r.contact_channel, r.contact_to, r.contact_sent_at, r.contact_expires_at, r.contact_tries, \
             COALESCE((SELECT o.policy FROM users u JOIN organizations o ON o.id = u.organization_id \
              WHERE u.account_name = r.account_name), \
             (SELECT o.policy FROM organization_domains d JOIN organizations o ON o.id = d.organization_id \
              WHERE '@' || d.domain = SUBSTR(r.account_name, LENGTH(r.account_name) - LENGTH(d.domain)) \
              ORDER BY o.created_at LIMIT 1)) AS policy \
             FROM password_resets r WHERE r.token_digest = $1 AND r.expires_at > $2",
        )
        .bind(token_digest.as_str())
        .bind(now)
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(None);
        };
        let contact = match (
            row.try_get::<Option<String>, _>("contact_id")?,
            row.try_get::<Option<String>, _>("contact_channel")?
                .as_deref()
                .and_then(models::Channel::parse),
        ) {
            (Some(id), Some(channel)) => Some(ResetContact {
                id,
                channel,
                to: row
                    .try_get::<Option<String>, _>("contact_to")?
                    .unwrap_or_default(),
                sent_at: row
                    .try_get::<Option<i64>, _>("contact_sent_at")?
                    .unwrap_or_default(),
                expires_at: row
                    .try_get::<Option<i64>, _>("contact_expires_at")?
                    .unwrap_or_default(),
                tries: row.try_get("contact_tries")?,
            }),
            _ => None,
        };
        let policy = row
            .try_get::<Option<String>, _>("policy")?
            .map(|json| crate::policy::from_json(&json))
            .unwrap_or_default();
        Ok(Some(ResetRecord {
            token_digest: SessionKey::new(row.try_get::<String, _>("token_digest")?),
            account_name: row.try_get("account_name")?,
            expires_at: row.try_get("expires_at")?,
            unproved: row.try_get::<String, _>("verified")?.trim().is_empty(),
            contact,
            policy,
        }))
    }

    /// Sets the reset's first code or call, replacing any before it, while
    /// no method was verified on it: false otherwise.
    pub async fn set_reset_contact(
        &self,
        token_digest: &SessionKey,
        contact: &ResetContact,
        now: UnixTime,
    ) -> StoreResult<bool> {
        let done = sqlx::query(
            "UPDATE password_resets SET contact_id = $1, contact_channel = $2, contact_to = $3, \
             contact_sent_at = $4, contact_expires_at = $5, contact_tries = 0 \
             WHERE token_digest = $6 AND expires_at > $4 AND verified = ''",
        )
        .bind(&contact.id)
        .bind(contact.channel.as_str())
        .bind(&contact.to)
        .bind(now)
        .bind(contact.expires_at)
        .bind(token_digest.as_str())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Takes one try at the reset's first code: false when it is not that
    /// code's, it lapsed, or its tries are used up. One conditional
    /// statement, so parallel tries cannot pass the count together (S6).
    pub async fn take_reset_contact_try(
        &self,
        token_digest: &SessionKey,
        contact_id: &str,
        tries: i64,
        now: UnixTime,
    ) -> StoreResult<bool> {
        let done = sqlx::query(
            "UPDATE password_resets SET contact_tries = contact_tries + 1 \
             WHERE token_digest = $1 AND contact_id = $2 AND contact_tries < $3 \
             AND contact_expires_at > $4 AND expires_at > $4",
        )
        .bind(token_digest.as_str())
        .bind(contact_id)
        .bind(tries)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Uses up a password reset: true for the one request that removed it.
    pub async fn take_password_reset(&self, token_digest: &SessionKey) -> StoreResult<bool> {
        let done = sqlx::query("DELETE FROM password_resets WHERE token_digest = $1")
            .bind(token_digest.as_str())
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn touch_session(&self, token_digest: &SessionKey, now: UnixTime) -> StoreResult<()> {
        sqlx::query(TOUCH_SESSION)
            .bind(now)
            .bind(token_digest.as_str())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Stores a new password hash and ends every session of the person
    /// but `keep` (the one that changed it, if any), and every grant of
    /// theirs to an application, in one transaction.
    pub async fn set_password_hash(
        &self,
        user_id: &PersonId,
        hash: &str,
        keep: Option<&SessionKey>,
    ) -> StoreResult<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE users SET password_hash = $1, password_temporary = 0 WHERE id = $2")
            .bind(hash)
            .bind(user_id.as_str())
            .execute(&mut *tx)
            .await?;
        // The applications the ended sessions signed in to are owed a
        // back-channel logout each, in this transaction.
        for statement in [
            OWE_LOGOUTS_OF_OTHER_SESSIONS,
            FORGET_SESSION_CLIENTS_OF_OTHER_SESSIONS,
            "DELETE FROM sessions WHERE user_id = $1 AND token_digest <> $2",
        ] {
            sqlx::query(statement)
                .bind(user_id.as_str())
                .bind(keep.map_or("", SessionKey::as_str))
                .execute(&mut *tx)
                .await?;
        }
        // What applications hold for the person ends too (S42).
        sqlx::query(END_GRANTS_OF_USER)
            .bind(user_id.as_str())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Ends one session; the applications it signed in to that asked to
    /// be told are owed a back-channel logout, in the same transaction.
    pub async fn delete_session(&self, token_digest: &SessionKey) -> StoreResult<()> {
        let mut tx = self.pool.begin().await?;
        for statement in [
            OWE_LOGOUTS_OF_SESSION,
            FORGET_SESSION_CLIENTS_OF_SESSION,
            "DELETE FROM sessions WHERE token_digest = $1",
        ] {
            sqlx::query(statement)
                .bind(token_digest.as_str())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// "Sign out everywhere": the sessions, and what applications were
    /// given, in one transaction.
    pub async fn delete_sessions_of_user(&self, user_id: &PersonId) -> StoreResult<u64> {
        let mut tx = self.pool.begin().await?;
        let ended = end_sessions_and_grants(&mut tx, user_id.as_str()).await?;
        tx.commit().await?;
        Ok(ended)
    }

    /// How many sessions the database holds (the metrics' gauge; lapsed
    /// ones count until housekeeping forgets them).
    pub async fn count_sessions(&self) -> StoreResult<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM sessions")
            .fetch_one(&self.pool)
            .await?)
    }

    /// Housekeeping: forgets sessions that can no longer be used (idle
    /// since `idle_before`, made before `created_before`, or started by a
    /// pass expired by `now`). The
    /// applications they signed in to that asked to be told are owed a
    /// back-channel logout, in the same transaction, as for a sign-out: a
    /// lapsed session can no longer be touched, so what is owed and what
    /// is forgotten are the same sessions.
    pub async fn delete_expired_sessions(
        &self,
        idle_before: UnixTime,
        created_before: UnixTime,
        now: UnixTime,
    ) -> StoreResult<u64> {
        let mut tx = self.pool.begin().await?;
        let lapsed = |statement| {
            sqlx::query(statement)
                .bind(idle_before)
                .bind(created_before)
                .bind(now)
        };
        // What is owed, then what is forgotten, then the sessions.
        lapsed(OWE_LOGOUTS_OF_LAPSED_SESSIONS)
            .execute(&mut *tx)
            .await?;
        lapsed(FORGET_SESSION_CLIENTS_OF_LAPSED_SESSIONS)
            .execute(&mut *tx)
            .await?;
        let ended = lapsed(END_LAPSED_SESSIONS)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        // A reset lasts minutes; one older than the idle limit is long over.
        sqlx::query("DELETE FROM password_resets WHERE expires_at < $1")
            .bind(idle_before)
            .execute(&self.pool)
            .await?;
        // What a session ended another way left behind (a person removed
        // by the fixtures), should there be any.
        sqlx::query(
            "DELETE FROM oidc_session_clients WHERE NOT EXISTS \
             (SELECT 1 FROM sessions s WHERE s.sid = oidc_session_clients.sid)",
        )
        .execute(&self.pool)
        .await?;
        Ok(ended)
    }
}
