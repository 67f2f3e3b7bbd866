//! The organization's policy (SPEC §7): which methods exist, what is
//! required, and the limits on codes, texts and calls. Stored as JSON on
//! the organization; every missing field takes the default below.

use models::MethodKind;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Policy {
    /// The kinds of method people may register.
    pub allowed_methods: Vec<MethodKind>,
    /// How many methods a person must have; registration is asked for at
    /// sign-in while they have fewer. 0: not enforced.
    pub registration_required: usize,
    /// A code lives this long (never more than 10 minutes, S2).
    pub code_lifetime_minutes: i64,
    /// Wrong tries per code (S6).
    pub code_tries: i64,
    /// Regions (ISO 3166-1 alpha-2) phones may be in; empty: all.
    pub allowed_countries: Vec<String>,
    /// A verification with an MFA method is needed to view or change
    /// security info unless one happened this recently (S11).
    pub step_up_minutes: i64,
    pub limits: SendLimits,
}

/// Limits on texts and calls (S17), each per hour.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SendLimits {
    pub per_user: i64,
    pub per_number: i64,
    pub per_address: i64,
    pub global: i64,
    pub resend_cooldown_seconds: i64,
    /// Failed verifications per account per hour across every path (S6).
    pub failures_per_account: i64,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            allowed_methods: vec![
                MethodKind::AuthenticatorApp,
                MethodKind::Phone,
                MethodKind::AlternatePhone,
                MethodKind::OfficePhone,
            ],
            registration_required: 1,
            code_lifetime_minutes: 10,
            code_tries: 5,
            allowed_countries: Vec::new(),
            step_up_minutes: 10,
            limits: SendLimits::default(),
        }
    }
}

impl Default for SendLimits {
    fn default() -> Self {
        SendLimits {
            per_user: 10,
            per_number: 10,
            per_address: 30,
            global: 1000,
            resend_cooldown_seconds: 30,
            failures_per_account: 100,
        }
    }
}

impl Policy {
    /// Parses stored JSON; a broken policy falls back to the defaults
    /// rather than locking everyone out, and says so in the log.
    pub fn from_json(json: &str) -> Policy {
        serde_json::from_str(json).unwrap_or_else(|error| {
            tracing::error!(%error, "organization policy is not valid JSON; using defaults");
            Policy::default()
        })
    }

    pub fn allows(&self, kind: MethodKind) -> bool {
        self.allowed_methods.contains(&kind)
    }

    pub fn allows_country(&self, region: &str) -> bool {
        self.allowed_countries.is_empty()
            || self
                .allowed_countries
                .iter()
                .any(|c| c.eq_ignore_ascii_case(region))
    }

    /// Seconds a code lives: the configured minutes, capped at 10 (S2).
    pub fn code_lifetime_secs(&self) -> i64 {
        self.code_lifetime_minutes.clamp(1, 10) * 60
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_fields_take_defaults() {
        let policy = Policy::from_json(r#"{"allowed_countries":["NL"]}"#);
        assert_eq!(policy.code_tries, 5);
        assert!(policy.allows_country("nl"));
        assert!(!policy.allows_country("US"));
        assert!(Policy::default().allows_country("US"));
    }

    #[test]
    fn s2_code_lifetime_is_never_more_than_ten_minutes() {
        let policy = Policy {
            code_lifetime_minutes: 60,
            ..Policy::default()
        };
        assert_eq!(policy.code_lifetime_secs(), 600);
    }

    #[test]
    fn broken_json_falls_back_to_defaults() {
        assert_eq!(Policy::from_json("{"), Policy::default());
    }
}
