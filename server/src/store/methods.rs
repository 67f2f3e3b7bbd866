use models::{OrganizationId, PersonId};
use std::fmt::Write;

use models::{MethodKind, PhoneDelivery};
use serde::{Deserialize, Serialize};
use sqlx::Row;
use sqlx::any::AnyRow;

use super::Store;
use super::{StoreError, StoreResult};
use crate::clock::UnixTime;
use crate::policy::Policy;

/// What a phone method keeps (the `data` column).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhoneData {
    pub e164: String,
    pub region: String,
    #[serde(default)]
    pub extension: Option<String>,
    pub delivery: Option<PhoneDelivery>,
}

/// What an email method keeps (the `data` column).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailData {
    pub address: String,
}

/// What an authenticator app keeps (the `data` column): only the
/// encrypted secret (S10).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthenticatorData {
    pub secret_enc: String,
}

/// What a security key keeps (the `data` column): its public key and sign
/// count as webauthn-rs records them (S22), nothing secret.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SecurityKeyData {
    pub passkey: webauthn_rs::prelude::Passkey,
}

impl SecurityKeyData {
    /// The credential's id as the `credential_id` column keeps it
    /// (base64url), unique across every account (F19).
    pub fn credential_id(&self) -> String {
        use base64::Engine;
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(self.passkey.cred_id().as_slice())
    }
}

/// What a set of security questions keeps (the `data` column): the
/// question ids and Argon2id hashes of the normalized answers (S16), never
/// the answers.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct QuestionsData {
    pub questions: Vec<String>,
    pub hashes: Vec<String>,
}

/// Recovery codes as they are stored: their digests only (S31), in rows
/// of `recovery_codes`, never in the method's `data`.
#[derive(Clone, Debug)]
pub struct RecoveryCodesData {
    pub digests: Vec<String>,
}

/// What a method keeps, by kind; only the store turns it into the `data`
/// column (and a set of recovery codes into rows of its own).
#[derive(Clone, Debug)]
pub enum MethodData {
    Phone(PhoneData),
    Email(EmailData),
    Authenticator(AuthenticatorData),
    SecurityKey(SecurityKeyData),
    Questions(QuestionsData),
    RecoveryCodes(RecoveryCodesData),
}

impl MethodData {
    pub(super) fn to_column(&self) -> StoreResult<String> {
        let json = match self {
            MethodData::Phone(d) => serde_json::to_string(d),
            MethodData::Email(d) => serde_json::to_string(d),
            MethodData::Authenticator(d) => serde_json::to_string(d),
            MethodData::SecurityKey(d) => serde_json::to_string(d),
            MethodData::Questions(d) => serde_json::to_string(d),
            MethodData::RecoveryCodes(_) => Ok("{}".to_owned()),
        };
        json.map_err(|e| StoreError::encoding("method data", e))
    }

    /// A security key's credential id, unique across every account (F19).
    pub(super) fn credential_id(&self) -> Option<String> {
        match self {
            MethodData::SecurityKey(key) => Some(key.credential_id()),
            _ => None,
        }
    }
}

/// A registered method; `detail` is what its owner recognises it by.
#[derive(Clone, Debug)]
pub struct MethodRecord {
    pub id: String,
    pub kind: MethodKind,
    pub detail: String,
    pub phone: Option<PhoneData>,
    pub authenticator: Option<AuthenticatorData>,
    pub security_key: Option<SecurityKeyData>,
    pub questions: Option<QuestionsData>,
    /// For recovery codes: how many are unused.
    pub remaining: Option<i64>,
    pub created_at: UnixTime,
}

impl MethodRecord {
    /// What the method reaches: a phone's number or an email address (so
    /// that one number registered as two methods is one destination, N8),
    /// else the method itself. A digest, in hex: it holds nothing a `LIKE`
    /// pattern would read as a wildcard (a reset records it).
    pub fn destination_key(&self) -> String {
        use sha2::{Digest, Sha256};
        let reached = match (&self.phone, self.kind) {
            (Some(phone), _) => format!("phone:{}", phone.e164),
            (None, MethodKind::Email) => format!("email:{}", self.detail.to_lowercase()),
            (None, _) => format!("method:{}", self.id),
        };
        let digest = Sha256::digest(reached.as_bytes());
        digest[..12].iter().fold(String::new(), |mut hex, b| {
            let _ = write!(hex, "{b:02x}");
            hex
        })
    }
}

pub struct NewMethod<'a> {
    pub id: &'a str,
    pub kind: MethodKind,
    pub detail: &'a str,
    pub data: &'a MethodData,
    /// An authenticator app's first accepted time step (S9).
    pub totp_last_step: Option<i64>,
}

/// The user's methods, oldest first, through the pool or a transaction.
/// A person's methods (with the recovery codes left): every Security info
/// request and step-up runs it.
pub(super) const METHODS_OF_USER: &str = "SELECT id, kind, detail, data, created_at, \
     (SELECT COUNT(*) FROM recovery_codes r WHERE r.method_id = m.id AND r.used_at IS NULL) AS remaining \
     FROM methods m WHERE user_id = $1 ORDER BY created_at, id";

pub(super) async fn select_methods<'e, E>(
    db: E,
    user_id: &PersonId,
) -> StoreResult<Vec<MethodRecord>>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let rows = sqlx::query(METHODS_OF_USER)
        .bind(user_id.as_str())
        .fetch_all(db)
        .await?;
    rows.iter()
        .map(|row| method_from_row(row, &MethodColumns::OWN))
        .collect()
}

/// The names of a row's method columns: their own, or prefixed where the
/// row also holds a session and person (`SESSION_WITH_METHODS`).
pub(super) struct MethodColumns {
    id: &'static str,
    kind: &'static str,
    detail: &'static str,
    data: &'static str,
    created_at: &'static str,
    remaining: &'static str,
}

impl MethodColumns {
    const OWN: MethodColumns = MethodColumns {
        id: "id",
        kind: "kind",
        detail: "detail",
        data: "data",
        created_at: "created_at",
        remaining: "remaining",
    };
    pub(super) const PREFIXED: MethodColumns = MethodColumns {
        id: "method_id",
        kind: "method_kind",
        detail: "method_detail",
        data: "method_data",
        created_at: "method_created_at",
        remaining: "method_remaining",
    };
}

pub(super) fn method_from_row(row: &AnyRow, columns: &MethodColumns) -> StoreResult<MethodRecord> {
    let kind: String = row.try_get(columns.kind)?;
    let kind =
        MethodKind::parse(&kind).ok_or_else(|| StoreError::encoding("stored method kind", kind))?;
    let data: String = row.try_get(columns.data)?;
    Ok(MethodRecord {
        id: row.try_get(columns.id)?,
        kind,
        detail: row.try_get(columns.detail)?,
        phone: data_if(kind.is_phone(), &data),
        security_key: data_if(kind == MethodKind::SecurityKey, &data),
        authenticator: data_if(kind == MethodKind::AuthenticatorApp, &data),
        questions: data_if(kind == MethodKind::SecurityQuestions, &data),
        remaining: (kind == MethodKind::RecoveryCodes)
            .then(|| row.try_get(columns.remaining))
            .transpose()?,
        created_at: row.try_get(columns.created_at)?,
    })
}

/// The method's `data` column read as `T`, for the kind that stores a `T`.
fn data_if<T: serde::de::DeserializeOwned>(this_kind: bool, data: &str) -> Option<T> {
    this_kind.then(|| serde_json::from_str(data).ok()).flatten()
}

pub(super) async fn update_method<'e, E>(
    db: E,
    user_id: &PersonId,
    id: &str,
    detail: &str,
    data: &MethodData,
) -> StoreResult<bool>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let done =
        sqlx::query("UPDATE methods SET detail = $1, data = $2 WHERE id = $3 AND user_id = $4")
            .bind(detail)
            .bind(data.to_column()?)
            .bind(id)
            .bind(user_id.as_str())
            .execute(db)
            .await?;
    Ok(done.rows_affected() == 1)
}

impl Store {
    /// Records a use of a security key that webauthn-rs accepted (`used`),
    /// with the key's data brought up to date by it: only while its count
    /// rose past the stored one (an authenticator that counts nothing, 0,
    /// stays at 0). One conditional statement, so that of parallel answers
    /// with one count, one is taken and the others are refused as a
    /// clone's (S22, S32).
    pub async fn record_key_use(
        &self,
        user_id: &PersonId,
        id: &str,
        mut key: SecurityKeyData,
        used: &webauthn_rs::prelude::AuthenticationResult,
    ) -> StoreResult<bool> {
        key.passkey.update_credential(used);
        let count = used.counter();
        let data = MethodData::SecurityKey(key);
        let done = sqlx::query(
            "UPDATE methods SET data = $1, sign_count = $2 \
             WHERE id = $3 AND user_id = $4 AND (sign_count < $2 OR (sign_count = 0 AND $2 = 0))",
        )
        .bind(data.to_column()?)
        .bind(i64::from(count))
        .bind(id)
        .bind(user_id.as_str())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Uses one of the person's recovery codes: of any number of requests
    /// with the same code, exactly one changes the row (S31).
    pub async fn use_recovery_code(
        &self,
        user_id: &PersonId,
        digest: &str,
        now: UnixTime,
    ) -> StoreResult<bool> {
        let done = sqlx::query(
            "UPDATE recovery_codes SET used_at = $1 WHERE user_id = $2 AND digest = $3 AND used_at IS NULL",
        )
        .bind(now)
        .bind(user_id.as_str())
        .bind(digest)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Fills `credential_id` for keys stored before the column existed, so
    /// that the uniqueness across accounts covers them too (F19). Best
    /// effort at start: a key that cannot be read, or whose credential
    /// another account already holds, keeps an empty column and is logged.
    pub async fn backfill_credential_ids(&self) -> StoreResult<()> {
        let keys: Vec<(String, String)> = sqlx::query_as(
            "SELECT id, data FROM methods WHERE kind = 'security-key' AND credential_id IS NULL",
        )
        .fetch_all(&self.pool)
        .await?;
        for (id, data) in keys {
            let Ok(key) = serde_json::from_str::<SecurityKeyData>(&data) else {
                tracing::warn!(method = %id, "stored security key not readable");
                continue;
            };
            let filled = sqlx::query(
                "UPDATE methods SET credential_id = $1 WHERE id = $2 AND credential_id IS NULL",
            )
            .bind(key.credential_id())
            .bind(&id)
            .execute(&self.pool)
            .await;
            if let Err(e) = filled {
                tracing::warn!(method = %id, error = %e, "credential id not filled");
            }
        }
        Ok(())
    }

    /// The user's methods, oldest first.
    pub async fn methods_of_user(&self, user_id: &PersonId) -> StoreResult<Vec<MethodRecord>> {
        select_methods(&self.pool, user_id).await
    }

    /// Replaces a method's details in place (a security key's new sign
    /// count): same id, so the default stays where it was.
    pub async fn update_method(
        &self,
        user_id: &PersonId,
        id: &str,
        detail: &str,
        data: &MethodData,
    ) -> StoreResult<bool> {
        update_method(&self.pool, user_id, id, detail, data).await
    }

    /// Sets the policy of an organization that has none yet (first start).
    pub async fn set_policy_if_unset(
        &self,
        organization_id: &OrganizationId,
        policy: &Policy,
    ) -> StoreResult<()> {
        let json = serde_json::to_string(policy).map_err(|e| StoreError::encoding("policy", e))?;
        sqlx::query("UPDATE organizations SET policy = $1 WHERE id = $2 AND policy = '{}'")
            .bind(json)
            .bind(organization_id.as_str())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn set_policy(
        &self,
        organization_id: &OrganizationId,
        policy: &Policy,
    ) -> StoreResult<()> {
        let json = serde_json::to_string(policy).map_err(|e| StoreError::encoding("policy", e))?;
        sqlx::query("UPDATE organizations SET policy = $1 WHERE id = $2")
            .bind(json)
            .bind(organization_id.as_str())
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
