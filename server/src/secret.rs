//! Random tokens from the operating system's CSPRNG, and their digests.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

/// The operating system could not give random bytes: nothing safe can be
/// made without them.
pub type RngResult<T> = Result<T, getrandom::Error>;

/// `bytes` random bytes as URL-safe base64: ids, session and CSRF tokens.
pub fn random_token(bytes: usize) -> RngResult<String> {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf)?;
    Ok(URL_SAFE_NO_PAD.encode(buf))
}

/// A fresh session token for the cookie (256 bits).
pub fn new_session_token() -> RngResult<String> {
    random_token(32)
}

/// A new unguessable id for a database row (128 bits).
pub fn new_id() -> RngResult<String> {
    random_token(16)
}

/// What the database keeps of a bearer token: a stolen copy of the table
/// cannot be replayed as a cookie.
/// A random id that sorts in the order of creation, so "newest first"
/// holds even for two texts or emails within one second.
pub fn sortable_id() -> RngResult<String> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    Ok(format!("{nanos:024}{}", random_token(6)?))
}

pub fn token_digest(token: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(token.as_bytes()))
}

/// Compares two secrets in time that does not depend on where they differ.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
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
    fn tokens_are_long_and_distinct() {
        let a = random_token(32).unwrap();
        let b = random_token(32).unwrap();
        assert_eq!(a.len(), 43);
        assert_ne!(a, b);
    }

    #[test]
    fn digests_hide_the_token() {
        let digest = token_digest("abc");
        assert!(!digest.contains("abc"));
        assert_eq!(digest, token_digest("abc"));
    }

    #[test]
    fn constant_time_eq_compares() {
        assert!(constant_time_eq(b"same", b"same"));
        assert!(!constant_time_eq(b"same", b"sane"));
        assert!(!constant_time_eq(b"same", b"longer"));
    }
}
