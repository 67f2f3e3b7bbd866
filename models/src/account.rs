use std::fmt;

use serde::{Deserialize, Serialize};

use crate::ErrorCode;

/// A sign-in name such as `adele@contoso.example`, normalized to lower case.
///
/// Work and school accounts are usually e-mail shaped, but older directories
/// use plain names, so only the characters are restricted, not the shape.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String))]
pub struct AccountName(String);

impl AccountName {
    pub const MAX_LEN: usize = 254;

    pub fn parse(raw: &str) -> Result<AccountName, ErrorCode> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(ErrorCode::AccountNameRequired);
        }
        let allowed =
            |c: char| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '@' | '+' | '\'');
        if trimmed.chars().count() > Self::MAX_LEN || !trimmed.chars().all(allowed) {
            return Err(ErrorCode::InvalidAccountName);
        }
        Ok(AccountName(trimmed.to_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for AccountName {
    type Error = ErrorCode;
    fn try_from(raw: String) -> Result<Self, ErrorCode> {
        AccountName::parse(&raw)
    }
}

impl From<AccountName> for String {
    fn from(name: AccountName) -> String {
        name.0
    }
}

impl fmt::Display for AccountName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A password as typed. Its `Debug` never shows the text, so it cannot leak
/// into logs by accident.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String, format = Password))]
pub struct Password(String);

impl Password {
    /// Longer passwords only make hashing slower for an attacker to abuse.
    pub const MAX_LEN: usize = 256;

    pub fn parse(raw: &str) -> Result<Password, ErrorCode> {
        if raw.is_empty() {
            return Err(ErrorCode::PasswordRequired);
        }
        if raw.len() > Self::MAX_LEN {
            return Err(ErrorCode::InvalidCredentials);
        }
        Ok(Password(raw.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(…)")
    }
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
    fn account_names_are_trimmed_and_lowercased() {
        let name = AccountName::parse("  Adele.Vance@Contoso.Example ").unwrap();
        assert_eq!(name.as_str(), "adele.vance@contoso.example");
    }

    #[test]
    fn account_names_accept_letters_of_any_script() {
        assert!(AccountName::parse("björn.ångström@contoso.example").is_ok());
    }

    #[test]
    fn empty_and_odd_account_names_are_refused_with_codes() {
        assert_eq!(
            AccountName::parse("   "),
            Err(ErrorCode::AccountNameRequired)
        );
        assert_eq!(
            AccountName::parse("a b"),
            Err(ErrorCode::InvalidAccountName)
        );
        assert_eq!(
            AccountName::parse("<script>"),
            Err(ErrorCode::InvalidAccountName)
        );
        let long = "a".repeat(AccountName::MAX_LEN + 1);
        assert_eq!(
            AccountName::parse(&long),
            Err(ErrorCode::InvalidAccountName)
        );
    }

    #[test]
    fn account_names_parse_during_deserialization() {
        let err = serde_json::from_str::<AccountName>("\"a b\"");
        assert!(err.is_err());
        let ok: AccountName = serde_json::from_str("\"ADELE\"").unwrap();
        assert_eq!(ok.as_str(), "adele");
    }

    #[test]
    fn passwords_never_show_in_debug_output() {
        let password = Password::parse("hunter2").unwrap();
        assert!(!format!("{password:?}").contains("hunter2"));
        assert_eq!(Password::parse(""), Err(ErrorCode::PasswordRequired));
    }
}
