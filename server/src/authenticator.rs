//! Authenticator apps: RFC 6238 TOTP with a 160-bit secret, SHA-1, 30-second
//! steps and 6 digits (S8); each step accepted once (S9); the secret
//! encrypted at rest and never shown again after setup (S10).

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256};
use totp_rs::{Algorithm, Builder, Totp};

use crate::error::{AppError, AppResult};

pub const STEP_SECONDS: u64 = 30;
/// Most apps a person may register (SPEC §3).
pub const MAX_APPS: usize = 5;

/// A new 160-bit secret from the OS CSPRNG.
pub fn new_secret() -> AppResult<Vec<u8>> {
    let mut secret = vec![0u8; 20];
    getrandom::fill(&mut secret).map_err(|e| AppError::internal("OS RNG failed", e))?;
    Ok(secret)
}

fn totp(secret: &[u8], account: &str, issuer: &str) -> AppResult<Totp> {
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_step_duration(STEP_SECONDS)
        // One step either side: clocks on phones drift.
        .with_skew(1)
        .with_secret(secret.to_vec())
        .with_account_name(account.replace(':', ""))
        .with_issuer(Some(issuer.replace(':', "")))
        .build()
        .map_err(|e| AppError::internal("totp", e))
}

/// The `otpauth://totp/...` URI an app scans.
pub fn uri(secret: &[u8], account: &str, issuer: &str) -> AppResult<String> {
    totp(secret, account, issuer)?
        .to_url()
        .map_err(|e| AppError::internal("totp url", e))
}

/// The secret as people type it: base32, in groups of four.
pub fn secret_for_people(secret: &[u8]) -> AppResult<String> {
    let base32 = totp(secret, "x", "x")?.secret().to_base32();
    Ok(base32
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" "))
}

/// The QR code of `uri` as an SVG document.
pub fn qr_svg(uri: &str) -> AppResult<String> {
    let code = qrcode::QrCode::new(uri.as_bytes()).map_err(|e| AppError::internal("qr", e))?;
    Ok(code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build())
}

/// The time step a typed code matches at `now`, if any.
pub fn matching_step(secret: &[u8], typed: &str, now: i64) -> Option<u64> {
    let code = crate::codes::normalize_code(typed)?;
    let totp = totp(secret, "x", "x").ok()?;
    totp.check(&code, u64::try_from(now).ok()?)
}

fn cipher(key: &[u8]) -> Aes256Gcm {
    // A key of its own for this purpose, derived from the server's secret.
    let derived = Sha256::new()
        .chain_update(b"secinfo totp secrets v1")
        .chain_update(key)
        .finalize();
    Aes256Gcm::new(&derived)
}

/// AES-256-GCM with a random nonce; stored as base64(nonce ‖ ciphertext).
pub fn encrypt(key: &[u8], secret: &[u8]) -> AppResult<String> {
    let mut nonce = [0u8; 12];
    getrandom::fill(&mut nonce).map_err(|e| AppError::internal("OS RNG failed", e))?;
    let sealed = cipher(key)
        .encrypt(&Nonce::from(nonce), secret)
        .map_err(|_| AppError::broken("totp secret encryption failed"))?;
    Ok(STANDARD.encode([nonce.as_slice(), &sealed].concat()))
}

pub fn decrypt(key: &[u8], stored: &str) -> AppResult<Vec<u8>> {
    let bytes = STANDARD
        .decode(stored)
        .map_err(|_| AppError::broken("stored totp secret is not base64"))?;
    if bytes.len() < 12 {
        return Err(AppError::broken("stored totp secret is too short"));
    }
    let (nonce, sealed) = bytes.split_at(12);
    let nonce: [u8; 12] = nonce
        .try_into()
        .map_err(|_| AppError::broken("stored totp nonce"))?;
    cipher(key)
        .decrypt(&Nonce::from(nonce), sealed)
        .map_err(|_| AppError::broken("stored totp secret does not decrypt (wrong secret_key?)"))
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot unwrap has failed"
)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B, SHA-1, with the RFC's 20-byte secret, 6 digits
    /// (the last six of the RFC's eight).
    #[test]
    fn s8_rfc_6238_test_vectors() {
        let secret = b"12345678901234567890";
        let totp = totp(secret, "x", "x").unwrap();
        for (time, expected) in [
            (59u64, "94287082"),
            (1_111_111_109, "07081804"),
            (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
            (20_000_000_000, "65353130"),
        ] {
            assert_eq!(totp.generate(time).to_string(), expected[2..], "t = {time}");
        }
        assert_eq!(matching_step(secret, "287082", 59), Some(1));
        assert_eq!(
            matching_step(secret, "287082", 59 + 30),
            Some(1),
            "one step of skew"
        );
        assert_eq!(matching_step(secret, "287082", 59 + 90), None);
    }

    #[test]
    fn s8_secrets_are_160_bits_and_the_uri_is_otpauth() {
        let secret = new_secret().unwrap();
        assert_eq!(secret.len(), 20);
        let uri = uri(&secret, "adele@contoso.example", "Contoso").unwrap();
        assert!(
            uri.starts_with("otpauth://totp/Contoso:adele%40contoso.example?"),
            "{uri}"
        );
        assert!(uri.contains("issuer=Contoso"));
        assert!(qr_svg(&uri).unwrap().starts_with("<?xml"));
        assert_eq!(
            secret_for_people(&secret).unwrap().replace(' ', "").len(),
            32
        );
    }

    #[test]
    fn s10_secrets_are_encrypted_and_bound_to_the_key() {
        let key = b"a-server-secret-key-of-32-chars!";
        let secret = new_secret().unwrap();
        let stored = encrypt(key, &secret).unwrap();
        assert_ne!(
            stored,
            encrypt(key, &secret).unwrap(),
            "a fresh nonce each time"
        );
        assert!(!stored.contains(&STANDARD.encode(&secret)));
        assert_eq!(decrypt(key, &stored).unwrap(), secret);
        assert!(decrypt(b"another-key-another-key-another!", &stored).is_err());
    }
}
