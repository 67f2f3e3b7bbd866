//! Argon2id password hashing, always on the blocking pool: a hash takes
//! tens of milliseconds of CPU and must not stall other requests (S16).

use std::sync::OnceLock;

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};

use crate::error::{AppError, AppResult};

/// Hashes `password` into an Argon2id PHC string with a random salt.
pub async fn hash(password: String) -> AppResult<String> {
    tokio::task::spawn_blocking(move || hash_now(&password)).await?
}

fn hash_now(password: &str) -> AppResult<String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| AppError::internal(format!("argon2: {e}")))
}

/// Checks `password` against a stored PHC string. With `None` (no such
/// account) it still spends the time of a real check, so response times do
/// not tell which account names exist.
pub async fn verify(password: String, stored: Option<String>) -> AppResult<bool> {
    tokio::task::spawn_blocking(move || {
        let account_exists = stored.is_some();
        let phc = match stored.as_deref() {
            Some(s) => s,
            None => decoy_hash()?,
        };
        let parsed =
            PasswordHash::new(phc).map_err(|e| AppError::internal(format!("stored hash: {e}")))?;
        let matches = Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        Ok(matches && account_exists)
    })
    .await?
}

fn decoy_hash() -> AppResult<&'static str> {
    static DECOY: OnceLock<String> = OnceLock::new();
    if let Some(h) = DECOY.get() {
        return Ok(h);
    }
    let made = hash_now(&crate::secret::random_token(16)?)?;
    Ok(DECOY.get_or_init(|| made))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn s16_passwords_are_argon2id_and_verify() {
        let stored = hash("correct horse".into()).await.unwrap();
        assert!(stored.starts_with("$argon2id$"), "{stored}");
        assert!(!stored.contains("correct horse"));
        assert!(
            verify("correct horse".into(), Some(stored.clone()))
                .await
                .unwrap()
        );
        assert!(!verify("wrong horse".into(), Some(stored)).await.unwrap());
        assert!(!verify("anything".into(), None).await.unwrap());
    }

    #[tokio::test]
    async fn salts_differ_between_hashes() {
        let a = hash("same".into()).await.unwrap();
        let b = hash("same".into()).await.unwrap();
        assert_ne!(a, b);
    }
}
