use models::PersonId;
use models::{CallStatus, Channel, MethodKind, PhoneDelivery};
use serde::{Deserialize, Serialize};
use sqlx::Row;
use sqlx::any::AnyRow;

use super::Store;
use super::{StoreError, StoreResult};
use crate::clock::UnixTime;

/// Why a challenge is open, and what finishing it does. Kept in the
/// `purpose` and `payload` columns; only this file knows how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Registering a new or changed phone or email address.
    Register(Registering),
    /// Proving possession of the method `method_id` before a change (S11).
    StepUp { method_id: String },
}

/// The method a registration challenge adds once it is verified.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Registering {
    pub kind: MethodKind,
    /// The region the number was typed for (phones; empty for email).
    pub region: String,
    /// The method this one replaces ("Change"), if any.
    pub replaces: Option<String>,
}

/// What a challenge or a security key ceremony is for, without the
/// details: the `purpose` column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PurposeKind {
    Register,
    StepUp,
}

impl PurposeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PurposeKind::Register => "register",
            PurposeKind::StepUp => "step-up",
        }
    }
}

impl Purpose {
    pub fn kind(&self) -> PurposeKind {
        match self {
            Purpose::Register(_) => PurposeKind::Register,
            Purpose::StepUp { .. } => PurposeKind::StepUp,
        }
    }
}

/// Where a code or call goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Destination {
    Phone {
        e164: String,
        /// Dialled after the call connects (office phones only).
        extension: Option<String>,
    },
    Email {
        address: String,
    },
}

impl Destination {
    /// The number (E.164) or the address: what limits and the
    /// one-live-challenge rule count by.
    pub fn address(&self) -> &str {
        match self {
            Destination::Phone { e164, .. } => e164,
            Destination::Email { address } => address,
        }
    }

    pub fn extension(&self) -> Option<&str> {
        match self {
            Destination::Phone { extension, .. } => extension.as_deref(),
            Destination::Email { .. } => None,
        }
    }
}

/// The `payload` column: the details of a purpose and the extension of a
/// phone destination. Its shape is the one earlier versions wrote.
#[derive(Default, Serialize, Deserialize)]
struct Payload {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kind: Option<MethodKind>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    region: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    extension: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    replaces: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    method_id: Option<String>,
}

impl Payload {
    fn of(purpose: &Purpose, destination: &Destination) -> Payload {
        let extension = destination.extension().map(str::to_owned);
        match purpose {
            Purpose::Register(r) => Payload {
                kind: Some(r.kind),
                region: r.region.clone(),
                extension,
                replaces: r.replaces.clone(),
                method_id: None,
            },
            Purpose::StepUp { method_id } => Payload {
                extension,
                method_id: Some(method_id.clone()),
                ..Payload::default()
            },
        }
    }
}

pub struct NewChallenge<'a> {
    pub id: &'a str,
    pub user_id: &'a PersonId,
    pub purpose: &'a Purpose,
    pub channel: Channel,
    pub destination: &'a Destination,
    pub code_digest: Option<&'a str>,
    pub expires_at: UnixTime,
}

#[derive(Clone, Debug)]
pub struct ChallengeRecord {
    pub id: String,
    pub user_id: PersonId,
    pub purpose: Purpose,
    pub channel: Channel,
    pub destination: Destination,
    pub created_at: UnixTime,
    pub expires_at: UnixTime,
    pub attempts: i64,
    pub consumed_at: Option<UnixTime>,
    pub call_status: Option<CallStatus>,
}

/// The outcome of checking a code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeCheck {
    /// Right code: the challenge is consumed now, by this request alone.
    Accepted,
    Wrong,
    Expired,
    TooManyTries,
    NotFound,
}

pub fn parse_delivery(s: &str) -> Option<PhoneDelivery> {
    Channel::parse(s).and_then(Channel::phone_delivery)
}

pub fn delivery_as_str(d: PhoneDelivery) -> &'static str {
    Channel::from(d).as_str()
}

fn challenge_from_row(row: &AnyRow) -> StoreResult<ChallengeRecord> {
    let purpose: String = row.try_get("purpose")?;
    let delivery: String = row.try_get("delivery")?;
    let call_status: Option<String> = row.try_get("call_status")?;
    let payload: String = row.try_get("payload")?;
    let payload: Payload =
        serde_json::from_str(&payload).map_err(|e| StoreError::encoding("challenge payload", e))?;
    let channel = Channel::parse(&delivery).ok_or_else(|| StoreError::Broken("stored channel"))?;
    let address: String = row.try_get("destination")?;
    let purpose = if purpose == PurposeKind::StepUp.as_str() {
        Purpose::StepUp {
            method_id: payload.method_id.unwrap_or_default(),
        }
    } else {
        Purpose::Register(Registering {
            kind: payload
                .kind
                .ok_or_else(|| StoreError::Broken("challenge payload without a kind"))?,
            region: payload.region,
            replaces: payload.replaces,
        })
    };
    let destination = match channel {
        Channel::Email => Destination::Email { address },
        Channel::Text | Channel::Call => Destination::Phone {
            e164: address,
            extension: payload.extension,
        },
    };
    Ok(ChallengeRecord {
        id: row.try_get("id")?,
        user_id: PersonId::new(row.try_get::<String, _>("user_id")?),
        purpose,
        channel,
        destination,
        created_at: row.try_get("created_at")?,
        expires_at: row.try_get("expires_at")?,
        attempts: row.try_get("attempts")?,
        consumed_at: row.try_get("consumed_at")?,
        call_status: call_status.as_deref().and_then(CallStatus::parse),
    })
}

/// A typed code, checked in one statement (S7): the right one consumes
/// the challenge, a wrong one counts a try; of any number of parallel
/// requests with the right code exactly one sees the row, and N wrong
/// codes count N. Returns `consumed_at`: set when accepted.
pub(super) const CHECK_CODE: &str = "UPDATE challenges SET \
     consumed_at = CASE WHEN code_digest = $4 THEN $1 ELSE consumed_at END, \
     attempts = attempts + CASE WHEN code_digest = $4 THEN 0 ELSE 1 END \
     WHERE id = $2 AND user_id = $3 AND consumed_at IS NULL AND expires_at > $1 \
     AND attempts < $5 AND code_digest IS NOT NULL \
     RETURNING consumed_at";

const CHALLENGE_COLUMNS: &str = "id, user_id, purpose, delivery, destination, payload, created_at, expires_at, attempts, consumed_at, call_status";

impl Store {
    /// Opens a challenge and retires every other live one of the same
    /// person for the same number or address: one live code per person and
    /// number (S17). Another person's challenge is left alone (F18).
    pub async fn insert_challenge(&self, c: NewChallenge<'_>, now: UnixTime) -> StoreResult<()> {
        let payload = serde_json::to_string(&Payload::of(c.purpose, c.destination))
            .map_err(|e| StoreError::encoding("payload", e))?;
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "UPDATE challenges SET consumed_at = $1 WHERE destination = $2 AND user_id = $3 AND consumed_at IS NULL",
        )
        .bind(now)
        .bind(c.destination.address())
        .bind(c.user_id.as_str())
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO challenges (id, user_id, purpose, delivery, destination, code_digest, payload, created_at, expires_at, call_status) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(c.id)
        .bind(c.user_id.as_str())
        .bind(c.purpose.kind().as_str())
        .bind(c.channel.as_str())
        .bind(c.destination.address())
        .bind(c.code_digest)
        .bind(payload)
        .bind(now)
        .bind(c.expires_at)
        .bind((c.channel == Channel::Call).then_some("ringing"))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The user's challenge, or `None` for anyone else's (S13).
    pub async fn challenge(
        &self,
        id: &str,
        user_id: &PersonId,
    ) -> StoreResult<Option<ChallengeRecord>> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT {CHALLENGE_COLUMNS} FROM challenges WHERE id = $1 AND user_id = $2"
        ));
        let row = sqlx::query(sql)
            .bind(id)
            .bind(user_id.as_str())
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(challenge_from_row).transpose()
    }

    /// The person's open challenge to `destination` (one at most: a new
    /// one ends the one before), if it has not lapsed.
    pub async fn live_challenge_to(
        &self,
        user_id: &PersonId,
        destination: &str,
        now: UnixTime,
    ) -> StoreResult<Option<ChallengeRecord>> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT {CHALLENGE_COLUMNS} FROM challenges WHERE user_id = $1 AND destination = $2 \
             AND consumed_at IS NULL AND expires_at > $3 ORDER BY created_at DESC LIMIT 1"
        ));
        let row = sqlx::query(sql)
            .bind(user_id.as_str())
            .bind(destination)
            .bind(now)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(challenge_from_row).transpose()
    }

    pub async fn challenge_by_id(&self, id: &str) -> StoreResult<Option<ChallengeRecord>> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT {CHALLENGE_COLUMNS} FROM challenges WHERE id = $1"
        ));
        let row = sqlx::query(sql).bind(id).fetch_optional(&self.pool).await?;
        row.as_ref().map(challenge_from_row).transpose()
    }

    /// Verify-and-consume, or count a wrong try, as one statement (S7):
    /// of any number of parallel requests with the right code, exactly
    /// one is accepted; N parallel wrong codes count N.
    pub async fn check_code(
        &self,
        id: &str,
        user_id: &PersonId,
        digest: &str,
        max_tries: i64,
        now: UnixTime,
    ) -> StoreResult<CodeCheck> {
        let checked: Option<(Option<i64>,)> = sqlx::query_as(CHECK_CODE)
            .bind(now)
            .bind(id)
            .bind(user_id.as_str())
            .bind(digest)
            .bind(max_tries)
            .fetch_optional(&self.pool)
            .await?;
        match checked {
            Some((Some(_),)) => return Ok(CodeCheck::Accepted),
            Some((None,)) => return Ok(CodeCheck::Wrong),
            None => {}
        }
        Ok(match self.challenge(id, user_id).await? {
            None => CodeCheck::NotFound,
            Some(c) if c.attempts >= max_tries => CodeCheck::TooManyTries,
            Some(_) => CodeCheck::Expired,
        })
    }

    /// Test seam (fixtures API only): every open challenge of the user expires now.
    pub async fn expire_challenges_of_user(
        &self,
        user_id: &PersonId,
        now: UnixTime,
    ) -> StoreResult<()> {
        sqlx::query(
            "UPDATE challenges SET expires_at = $1 WHERE user_id = $2 AND consumed_at IS NULL",
        )
        .bind(now)
        .bind(user_id.as_str())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Records what happened on a verification call.
    pub async fn set_call_status(&self, id: &str, status: CallStatus) -> StoreResult<()> {
        sqlx::query("UPDATE challenges SET call_status = $1 WHERE id = $2 AND consumed_at IS NULL")
            .bind(status.as_str())
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Consumes a confirmed call, once (the poll that wins registers it).
    pub async fn consume_confirmed_call(
        &self,
        id: &str,
        user_id: &PersonId,
        now: UnixTime,
    ) -> StoreResult<bool> {
        let done = sqlx::query(
            "UPDATE challenges SET consumed_at = $1 WHERE id = $2 AND user_id = $3 AND call_status = 'confirmed' \
             AND consumed_at IS NULL AND expires_at > $1",
        )
        .bind(now)
        .bind(id)
        .bind(user_id.as_str())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot unwrap has failed"
)]
mod tests {
    use super::*;

    #[test]
    fn payloads_written_by_earlier_versions_still_read() {
        let register: Payload = serde_json::from_str(
            r#"{"kind":"office-phone","region":"US","extension":"123","replaces":null}"#,
        )
        .unwrap();
        assert_eq!(register.kind, Some(MethodKind::OfficePhone));
        assert_eq!(register.extension.as_deref(), Some("123"));
        let step_up: Payload = serde_json::from_str(r#"{"method_id":"m1"}"#).unwrap();
        assert_eq!(step_up.method_id.as_deref(), Some("m1"));
    }

    #[test]
    fn a_step_up_keeps_the_extension_it_dials() {
        let purpose = Purpose::StepUp {
            method_id: "m1".into(),
        };
        let to = Destination::Phone {
            e164: "+14255550100".into(),
            extension: Some("42".into()),
        };
        let json = serde_json::to_string(&Payload::of(&purpose, &to)).unwrap();
        assert_eq!(json, r#"{"extension":"42","method_id":"m1"}"#);
    }
}
