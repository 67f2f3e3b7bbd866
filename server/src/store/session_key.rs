//! How the store knows a session: its token's digest.

/// How the store knows a session or a password reset: the SHA-256 digest
/// of its cookie's token, never the token itself (S18).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SessionKey(String);

impl SessionKey {
    pub fn new(digest: impl Into<String>) -> SessionKey {
        SessionKey(digest.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Throttle buckets and keyed digests name a reset by its key.
impl std::fmt::Display for SessionKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
