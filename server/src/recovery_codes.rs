//! Recovery codes (S31): ten single-use codes, each 60 bits from the OS
//! CSPRNG, shown once when they are generated and kept only as HMAC
//! digests. They verify a sign-in as a last resort: never the default,
//! offered last, and each use is announced.

use models::PersonId;
use models::{ErrorCode, Field, MethodKind, RecoveryCodeSet};

use crate::audit::{Action, Requester};
use crate::error::{AppError, AppResult};
use crate::security_info::{self, Adding, Finished};
use crate::session;
use crate::state::AppState;
use crate::store::{MethodData, RecoveryCodesData};
use crate::throttle::{self, Limit};

/// Codes in a set.
pub const COUNT: usize = 10;

/// Crockford's base32: no I, L, O or U to misread.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Characters in a code: 12 × 5 bits = 60 bits (S31 asks for 50 or more).
const LENGTH: usize = 12;

/// A new set, each code grouped in fours for reading: "7K3M-Q9XP-2HWD".
pub fn generate() -> AppResult<Vec<String>> {
    let mut codes = Vec::with_capacity(COUNT);
    while codes.len() < COUNT {
        let mut bytes = [0u8; LENGTH];
        getrandom::fill(&mut bytes).map_err(|e| AppError::internal("OS RNG failed", e))?;
        // 256 is a multiple of 32: the low five bits are uniform.
        let plain: String = bytes
            .iter()
            .map(|b| char::from(ALPHABET[usize::from(b & 31)]))
            .collect();
        let code = format!("{}-{}-{}", &plain[..4], &plain[4..8], &plain[8..]);
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    Ok(codes)
}

/// A typed code as it was generated: case, spaces and dashes do not
/// matter, and the letters people confuse with digits read as those.
pub fn normalize(typed: &str) -> Option<String> {
    let plain: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        })
        .collect();
    (plain.len() == LENGTH && plain.bytes().all(|b| ALPHABET.contains(&b))).then_some(plain)
}

/// What the database keeps of a code: bound to its owner, keyed with the
/// server's secret so that a copy of the table cannot be searched.
fn digest(key: &[u8], user_id: &PersonId, normalized: &str) -> String {
    crate::codes::code_digest(key, &format!("recovery:{user_id}"), normalized)
}

/// Generates a new set for the person, replacing the one they had (whose
/// codes stop working); returns the codes, to be shown once.
pub async fn generate_set(state: &AppState, who: &Requester<'_>) -> AppResult<RecoveryCodeSet> {
    let user = &who.session.user;
    let existing = state
        .store
        .methods_of_user(&user.id)
        .await?
        .into_iter()
        .find(|m| m.kind == MethodKind::RecoveryCodes)
        .map(|m| m.id);
    let codes = generate()?;
    let digests = codes
        .iter()
        .filter_map(|c| normalize(c))
        .map(|c| digest(&state.code_key, &user.id, &c))
        .collect();
    let added = security_info::add(
        state,
        who,
        Adding {
            kind: MethodKind::RecoveryCodes,
            detail: "",
            data: MethodData::RecoveryCodes(RecoveryCodesData { digests }),
            delivery: None,
            replaces: existing.as_deref(),
            totp_last_step: None,
        },
    )
    .await?;
    Ok(RecoveryCodeSet {
        codes,
        security_info: security_info::info_of(state, &added.proved.digest).await?,
    })
}

/// Verifies the session with one of the person's recovery codes, which is
/// used up by it; the use is recorded and announced.
pub async fn verify(state: &AppState, who: &Requester<'_>, typed: &str) -> AppResult<Finished> {
    let user = &who.session.user;
    // Two-step verification only: never a password reset (S31).
    if !user.policy.counts_for_mfa(MethodKind::RecoveryCodes) || who.session.is_reset() {
        return Err(AppError::not_found());
    }
    let code = normalize(typed).ok_or_else(|| {
        let code = if typed.trim().is_empty() {
            ErrorCode::CodeRequired
        } else {
            ErrorCode::WrongCode
        };
        AppError::invalid(code, Field::Code)
    })?;
    // Counted before it is checked, given back when right (S6).
    let failures = Limit::verify_failures(who.session, who.address);
    throttle::take(state, &failures).await?;
    let used = state
        .store
        .use_recovery_code(
            &user.id,
            &digest(&state.code_key, &user.id, &code),
            state.now(),
        )
        .await?;
    if !used {
        return Err(AppError::invalid(ErrorCode::WrongCode, Field::Code));
    }
    throttle::give_back_all(state, &failures).await?;
    who.record(state, Action::RecoveryCodeUsed, None, "", None)
        .await?;
    let how = MethodKind::RecoveryCodes.as_str();
    let proved = session::verified(state, who, how, None).await?;
    security_info::finished(state, proved).await
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
    fn s31_a_set_is_ten_distinct_codes_of_sixty_bits() {
        let codes = generate().unwrap();
        assert_eq!(codes.len(), COUNT);
        for code in &codes {
            assert_eq!(code.len(), 14, "{code}");
            let plain = normalize(code).unwrap();
            assert_eq!(plain.len() * 5, 60);
            assert_eq!(codes.iter().filter(|c| *c == code).count(), 1);
        }
    }

    #[test]
    fn typed_codes_forgive_case_spacing_and_look_alike_letters() {
        assert_eq!(normalize("7k3m q9xp 2hwd").as_deref(), Some("7K3MQ9XP2HWD"));
        assert_eq!(normalize("7K3M-Q9XP-2HWO").as_deref(), Some("7K3MQ9XP2HW0"));
        assert_eq!(normalize("IL00-0000-0000").as_deref(), Some("110000000000"));
        assert_eq!(normalize("7K3M-Q9XP-2HW"), None);
        assert_eq!(normalize("7K3M-Q9XP-2HWU"), None);
        assert_eq!(normalize(""), None);
    }
}
