//! What a new password must be (S30): long enough for the policy, not the
//! account name (`models::check_new_password`, which the browser checks
//! too), and not common, breached or easy to guess — zxcvbn's frequency
//! lists and patterns, shipped inside the binary, no network at run time.

use models::{ErrorCode, Field, PasswordStrength, check_new_password};

use crate::error::{AppError, AppResult};
use crate::store::UserRecord;

/// How hard `password` is to guess for this person (their names count as
/// known words).
pub fn strength(user: &UserRecord, password: &str) -> PasswordStrength {
    // zxcvbn's work grows with length; what lies past 100 characters does
    // not make a password weaker.
    let head: String = password.chars().take(100).collect();
    let account = user.account_name.as_str();
    let local = account.split('@').next().unwrap_or(account);
    let entropy = zxcvbn::zxcvbn(&head, &[account, local, &user.display_name]);
    PasswordStrength {
        score: u8::from(entropy.score()),
    }
}

/// Refuses a new password that breaks a rule, at the new-password field.
pub fn check(user: &UserRecord, password: &str) -> AppResult<()> {
    let refuse = |code| AppError::invalid(code, Field::NewPassword);
    check_new_password(
        password,
        user.policy.password_min_length,
        &user.account_name,
    )
    .map_err(refuse)?;
    if strength(user, password).score < PasswordStrength::ENOUGH {
        return Err(refuse(ErrorCode::PasswordTooCommon));
    }
    Ok(())
}
