//! What a new password must be (S30): long enough for the policy, not the
//! account name (`models::check_new_password`, which the browser checks
//! too), and not common, breached or easy to guess — zxcvbn's frequency
//! lists and patterns, shipped inside the binary, no network at run time.

use models::{ErrorCode, Field, PasswordStrength, check_new_password};

use crate::error::{AppError, AppResult};
use crate::store::UserRecord;

/// How hard `password` is to guess for this person. A breached password,
/// a listed, seasonal or own word dressed with digits and symbols, or a
/// keyboard walk rates 0, so the meter says what the refusal will (S30);
/// otherwise zxcvbn rates it, with the organization's and the person's
/// names as known words.
pub fn strength(user: &UserRecord, password: &str) -> PasswordStrength {
    // zxcvbn's work grows with length; what lies past 100 characters does
    // not make a password weaker.
    let head: String = password.chars().take(100).collect();
    let own = own_words(user);
    if crate::breached::guessable(&head, &own) {
        return PasswordStrength { score: 0 };
    }
    let inputs: Vec<&str> = own.iter().map(String::as_str).collect();
    let entropy = zxcvbn::zxcvbn(&head, &inputs);
    PasswordStrength {
        score: u8::from(entropy.score()),
    }
}

/// The words an attacker knows of this person, lowercased: the account and
/// its parts, the person's names, the organization's name and domain.
fn own_words(user: &UserRecord) -> Vec<String> {
    let account = user.account_name.as_str().to_lowercase();
    let (local, domain) = account.split_once('@').unwrap_or((&account, ""));
    let mut words = vec![account.clone(), local.to_owned(), domain.to_owned()];
    words.extend(domain.split('.').map(str::to_owned));
    words.extend(local.split(['.', '_', '-']).map(str::to_owned));
    for name in [&user.display_name, &user.organization_name] {
        let name = name.to_lowercase();
        words.extend(name.split_whitespace().map(str::to_owned));
        words.push(name.split_whitespace().collect());
    }
    words.retain(|w| w.chars().count() >= 3);
    words.sort();
    words.dedup();
    words
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
