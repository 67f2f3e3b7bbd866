//! Security keys (WebAuthn, SPEC §6) through webauthn-rs: the relying
//! party from configuration, and the user handle a key is bound to.
//! The ceremony state lives in the database (`webauthn_ceremonies`), so
//! any instance can finish what another began.

use models::PersonId;
use std::time::Duration;

use sha2::{Digest, Sha256};
use webauthn_rs::prelude::{Url, Uuid};
use webauthn_rs::{Webauthn, WebauthnBuilder};

/// At most this many keys per person (SPEC §6).
pub const MAX_KEYS: usize = 10;

/// A registration must finish within this time (S22: at most 5 minutes).
pub const CEREMONY_SECS: i64 = 5 * 60;

/// Names are 1–64 characters (SPEC §6).
pub const MAX_NAME_CHARS: usize = models::SECURITY_KEY_NAME_MAX_CHARS;

/// The relying party: its id is `webauthn_rp_id`, or the host of
/// `public_origin`; only that exact origin may answer (S22).
pub fn relying_party(public_origin: &str, webauthn_rp_id: &str) -> Result<Webauthn, String> {
    let origin =
        Url::parse(public_origin).map_err(|e| format!("public_origin {public_origin:?}: {e}"))?;
    let rp_id = if webauthn_rp_id.is_empty() {
        origin
            .host_str()
            .ok_or_else(|| "public_origin has no host".to_owned())?
            .to_owned()
    } else {
        webauthn_rp_id.to_owned()
    };
    WebauthnBuilder::new(&rp_id, &origin)
        .map_err(|e| format!("webauthn_rp_id {rp_id:?} does not fit public_origin: {e}"))?
        .rp_name("secinfo")
        .timeout(Duration::from_secs(CEREMONY_SECS as u64))
        .build()
        .map_err(|e| format!("webauthn: {e}"))
}

/// The WebAuthn user handle of an account: stable, and revealing nothing
/// about the account (a digest of its random id).
pub fn user_handle(user_id: &PersonId) -> Uuid {
    let digest = Sha256::digest(format!("secinfo-webauthn-user:{user_id}").as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    Uuid::from_bytes(bytes)
}

/// The name as the person will see it, or why it cannot be one.
pub fn key_name(raw: &str) -> Result<String, models::ErrorCode> {
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(models::ErrorCode::KeyNameRequired);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(models::ErrorCode::KeyNameTooLong);
    }
    Ok(name)
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
    fn names_are_one_to_sixty_four_characters() {
        assert_eq!(key_name("  Blue   USB key "), Ok("Blue USB key".into()));
        assert_eq!(key_name(" \t "), Err(models::ErrorCode::KeyNameRequired));
        assert_eq!(key_name(&"é".repeat(64)).map(|n| n.chars().count()), Ok(64));
        assert_eq!(
            key_name(&"é".repeat(65)),
            Err(models::ErrorCode::KeyNameTooLong)
        );
    }

    #[test]
    fn the_rp_id_comes_from_the_origin_or_configuration() {
        assert!(relying_party("http://localhost:8090", "").is_ok());
        assert!(relying_party("https://secinfo.contoso.example", "contoso.example").is_ok());
        assert!(relying_party("https://secinfo.contoso.example", "fabrikam.example").is_err());
    }

    #[test]
    fn user_handles_are_stable_and_distinct() {
        let (a, b) = (PersonId::new("a"), PersonId::new("b"));
        assert_eq!(user_handle(&a), user_handle(&a));
        assert_ne!(user_handle(&a), user_handle(&b));
    }
}
