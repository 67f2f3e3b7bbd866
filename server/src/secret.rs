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

/// The characters of a Temporary Access Pass: letters and digits that
/// cannot be mistaken for one another when read aloud or copied by hand
/// (no 0/O, 1/l/I).
const PASS_ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

/// A Temporary Access Pass of `length` characters, each drawn evenly from
/// `PASS_ALPHABET` (bytes past the largest multiple of its size are drawn
/// again, so that no character is likelier than another).
pub fn pass_text(length: usize) -> RngResult<String> {
    let size = PASS_ALPHABET.len();
    let limit = 256 - 256 % size;
    let mut pass = String::with_capacity(length);
    while pass.len() < length {
        let mut byte = [0u8; 1];
        getrandom::fill(&mut byte)?;
        let drawn = usize::from(byte[0]);
        if drawn < limit {
            pass.push(char::from(PASS_ALPHABET[drawn % size]));
        }
    }
    Ok(pass)
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

    #[test]
    fn passes_have_their_length_and_only_unmistakable_characters() {
        for length in [8, 12, 48] {
            let pass = pass_text(length).unwrap();
            assert_eq!(pass.len(), length);
            assert!(pass.bytes().all(|b| PASS_ALPHABET.contains(&b)), "{pass}");
        }
        assert_ne!(pass_text(12).unwrap(), pass_text(12).unwrap());
    }
}
