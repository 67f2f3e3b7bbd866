//! The organization's policy lives in `models` (the admin page edits the
//! same type the server enforces); here is how the server reads it.

pub use models::policy::*;

/// Parses the stored JSON; a broken policy falls back to the defaults
/// rather than locking everyone out, and says so in the log.
pub fn from_json(json: &str) -> Policy {
    serde_json::from_str(json).unwrap_or_else(|error| {
        tracing::error!(%error, "organization policy is not valid JSON; using defaults");
        Policy::default()
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
    fn broken_json_falls_back_to_defaults() {
        assert_eq!(from_json("{"), Policy::default());
    }
}
