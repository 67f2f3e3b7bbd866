//! One-time codes for texts (and later e-mail): 6 digits from the OS CSPRNG
//! (S1), stored only as a keyed digest (S4).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::error::{AppError, AppResult};

/// A uniformly random code `000000`–`999999`.
pub fn new_code() -> AppResult<String> {
    // Rejection sampling: 4,294,000,000 is the largest multiple of 10^6
    // below 2^32, so every code is equally likely.
    loop {
        let mut bytes = [0u8; 4];
        getrandom::fill(&mut bytes).map_err(|e| AppError::internal("OS RNG failed", e))?;
        let n = u32::from_le_bytes(bytes);
        if n < 4_294_000_000 {
            return Ok(format!("{:06}", n % 1_000_000));
        }
    }
}

/// HMAC-SHA256 of the code, bound to its challenge (S3, S4): the same code
/// digests differently on another challenge, and the table alone does not
/// reveal codes even to someone who can read it.
pub fn code_digest(key: &[u8], challenge_id: &str, code: &str) -> String {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key) else {
        return String::new();
    };
    mac.update(challenge_id.as_bytes());
    mac.update(b":");
    mac.update(code.as_bytes());
    URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
}

/// What a person typed, as a code (the rule the browser applies too).
pub use models::normalize_code;

/// A typed six-digit code, or why it cannot be one, at the code field:
/// `code-required` when blank, `wrong-code` otherwise. Costs no try.
pub fn typed_code(typed: &str) -> AppResult<String> {
    normalize_code(typed).ok_or_else(|| {
        let code = if typed.trim().is_empty() {
            models::ErrorCode::CodeRequired
        } else {
            models::ErrorCode::WrongCode
        };
        AppError::invalid(code, models::Field::Code)
    })
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
    fn s1_codes_are_six_digits_and_uniform() {
        let samples = 60_000;
        let mut buckets = [0u32; 10];
        for _ in 0..samples {
            let code = new_code().unwrap();
            assert_eq!(code.len(), 6);
            assert!(code.chars().all(|c| c.is_ascii_digit()));
            // Every digit position must be uniform; check the first and last.
            buckets[(code.as_bytes()[0] - b'0') as usize] += 1;
            buckets[(code.as_bytes()[5] - b'0') as usize] += 1;
        }
        // Chi-squared with 9 degrees of freedom; 27.9 is the 0.1 % tail.
        let expected = f64::from(2 * samples) / 10.0;
        let chi2: f64 = buckets
            .iter()
            .map(|&n| (f64::from(n) - expected).powi(2) / expected)
            .sum();
        assert!(chi2 < 27.9, "chi² = {chi2}, buckets {buckets:?}");
    }

    #[test]
    fn s4_digests_are_keyed_and_bound_to_the_challenge() {
        let a = code_digest(b"key-one-key-one-key-one-key-one!", "c1", "123456");
        assert!(!a.contains("123456"));
        assert_ne!(
            a,
            code_digest(b"key-two-key-two-key-two-key-two!", "c1", "123456")
        );
        assert_ne!(
            a,
            code_digest(b"key-one-key-one-key-one-key-one!", "c2", "123456")
        );
        assert_eq!(
            a,
            code_digest(b"key-one-key-one-key-one-key-one!", "c1", "123456")
        );
    }

    #[test]
    fn typed_codes_are_normalized() {
        assert_eq!(normalize_code(" 123 456 ").as_deref(), Some("123456"));
        assert_eq!(normalize_code("12345"), None);
        assert_eq!(normalize_code("12345a"), None);
        assert_eq!(
            normalize_code("@secinfo.contoso.example #654321").as_deref(),
            Some("654321")
        );
    }
}
