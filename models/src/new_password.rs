//! The rules a new password meets that both sides check: its length, and
//! that it is not the account name. Whether it is common or easy to guess
//! is the server's check (its word lists stay out of the browser).

use crate::{AccountName, ErrorCode};

/// The longest password accepted, in characters (any Unicode).
pub const MAX_CHARS: usize = 256;

/// `Ok` when `password` is long enough for the policy's `min_chars`, not
/// too long, and not the account name (nor its part before the `@`).
pub fn check_new_password(
    password: &str,
    min_chars: usize,
    account: &AccountName,
) -> Result<(), ErrorCode> {
    let chars = password.chars().count();
    if chars == 0 {
        return Err(ErrorCode::PasswordRequired);
    }
    if chars < min_chars {
        return Err(ErrorCode::PasswordTooShort);
    }
    if chars > MAX_CHARS {
        return Err(ErrorCode::PasswordTooLong);
    }
    let typed = password.trim().to_lowercase();
    let name = account.as_str();
    let local = name.split('@').next().unwrap_or(name);
    if typed == name || typed == local {
        return Err(ErrorCode::PasswordIsAccountName);
    }
    Ok(())
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
    fn s30_a_new_password_is_long_enough_and_not_the_account_name() {
        let adele = AccountName::parse("adele.vance@contoso.example").unwrap();
        assert_eq!(
            check_new_password("", 12, &adele),
            Err(ErrorCode::PasswordRequired)
        );
        assert_eq!(
            check_new_password("short-one", 12, &adele),
            Err(ErrorCode::PasswordTooShort)
        );
        // Characters, not bytes: twelve Swedish letters are twelve.
        assert_eq!(check_new_password("åäöåäöåäöåäö", 12, &adele), Ok(()));
        assert_eq!(
            check_new_password(&"x".repeat(257), 12, &adele),
            Err(ErrorCode::PasswordTooLong)
        );
        assert_eq!(
            check_new_password("Adele.Vance@contoso.example", 12, &adele),
            Err(ErrorCode::PasswordIsAccountName)
        );
        assert_eq!(
            check_new_password("adele.vance", 8, &adele),
            Err(ErrorCode::PasswordIsAccountName)
        );
    }
}
