use serde::{Deserialize, Serialize};

use crate::{MethodId, PhoneDelivery};

/// A security key's name has 1 to this many characters (SPEC §6).
pub const SECURITY_KEY_NAME_MAX_CHARS: usize = 64;

/// The kinds of security info a person can register (SPEC §2–§6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum MethodKind {
    Phone,
    AlternatePhone,
    OfficePhone,
    AuthenticatorApp,
    Email,
    SecurityQuestions,
    SecurityKey,
    /// Ten single-use codes: the last resort at sign-in (S31).
    RecoveryCodes,
}

impl MethodKind {
    pub const ALL: [MethodKind; 8] = [
        MethodKind::Phone,
        MethodKind::AlternatePhone,
        MethodKind::OfficePhone,
        MethodKind::AuthenticatorApp,
        MethodKind::Email,
        MethodKind::SecurityQuestions,
        MethodKind::SecurityKey,
        MethodKind::RecoveryCodes,
    ];

    /// The order methods are offered in: the stronger first, phone and
    /// email after an authenticator app and a security key (S5).
    pub const OFFER_ORDER: [MethodKind; 8] = [
        MethodKind::AuthenticatorApp,
        MethodKind::SecurityKey,
        MethodKind::Phone,
        MethodKind::AlternatePhone,
        MethodKind::OfficePhone,
        MethodKind::Email,
        MethodKind::SecurityQuestions,
        MethodKind::RecoveryCodes,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MethodKind::Phone => "phone",
            MethodKind::AlternatePhone => "alternate-phone",
            MethodKind::OfficePhone => "office-phone",
            MethodKind::AuthenticatorApp => "authenticator-app",
            MethodKind::Email => "email",
            MethodKind::SecurityQuestions => "security-questions",
            MethodKind::SecurityKey => "security-key",
            MethodKind::RecoveryCodes => "recovery-codes",
        }
    }

    pub fn parse(s: &str) -> Option<MethodKind> {
        MethodKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn is_phone(self) -> bool {
        matches!(
            self,
            MethodKind::Phone | MethodKind::AlternatePhone | MethodKind::OfficePhone
        )
    }

    /// Whether it can verify a sign-in (two-step verification, SPEC §7).
    pub fn mfa_capable(self) -> bool {
        !matches!(self, MethodKind::Email | MethodKind::SecurityQuestions)
    }

    /// Whether it can help reset a password: not an alternate phone, not
    /// recovery codes (SPEC §7).
    pub fn sspr_capable(self) -> bool {
        !matches!(self, MethodKind::AlternatePhone | MethodKind::RecoveryCodes)
    }

    /// The kind a method of this kind needs beside it: an alternate phone
    /// needs a phone (SPEC §2).
    pub fn needs(self) -> Option<MethodKind> {
        match self {
            MethodKind::AlternatePhone => Some(MethodKind::Phone),
            _ => None,
        }
    }

    /// Whether it can be the default sign-in method: a method the person
    /// holds and proves at each use; recovery codes are a last resort.
    pub fn can_be_default(self) -> bool {
        self.strength() > 0
    }

    /// How strongly it verifies a sign-in (SPEC §7: security key >
    /// authenticator app > phone); 0 for a kind that cannot, or that is
    /// never the default (recovery codes).
    pub fn strength(self) -> u8 {
        match self {
            MethodKind::SecurityKey => 3,
            MethodKind::AuthenticatorApp => 2,
            k if k.is_phone() => 1,
            _ => 0,
        }
    }

    /// How a phone of this kind may verify: alternate and office phones only call.
    pub fn deliveries(self) -> &'static [PhoneDelivery] {
        match self {
            MethodKind::Phone => &[PhoneDelivery::Text, PhoneDelivery::Call],
            MethodKind::AlternatePhone | MethodKind::OfficePhone => &[PhoneDelivery::Call],
            _ => &[],
        }
    }
}

/// Which of the remaining methods (listed oldest first, as the Security
/// info page lists them) becomes the default when the default is deleted:
/// the strongest, the oldest among equals; a phone by call. The server sets
/// it and the Delete dialog names it, through this one function.
/// The kind of a remaining method that needs the one at `index`, when
/// deleting it would leave that method without what it needs: the phone
/// stays while an alternate phone exists (the delete dialog and the server
/// both ask this).
pub fn needed_by(kinds: &[MethodKind], index: usize) -> Option<MethodKind> {
    let deleting = *kinds.get(index)?;
    let rest = || {
        kinds
            .iter()
            .enumerate()
            .filter(move |(i, _)| *i != index)
            .map(|(_, k)| *k)
    };
    if rest().any(|k| k == deleting) {
        return None;
    }
    rest().find(|k| k.needs() == Some(deleting))
}

pub fn next_default(
    remaining_oldest_first: &[MethodKind],
) -> Option<(usize, Option<PhoneDelivery>)> {
    remaining_oldest_first
        .iter()
        .enumerate()
        .filter(|(_, k)| k.strength() > 0)
        .max_by_key(|(i, k)| (k.strength(), std::cmp::Reverse(*i)))
        .map(|(i, k)| (i, k.is_phone().then_some(PhoneDelivery::Call)))
}

/// The default sign-in method: a method, and for a phone how it is used
/// ("Phone - text +1 4255551234" and "Phone - call …" are two choices).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DefaultMethod {
    pub method_id: MethodId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery: Option<PhoneDelivery>,
}

/// One registered method as the Security info page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MethodView {
    /// Opaque and unguessable; always checked against the signed-in user.
    pub id: MethodId,
    pub kind: MethodKind,
    /// What identifies it to its owner, e.g. a number or a key's name.
    pub detail: String,
    /// For phones: how it was set up to verify.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery: Option<PhoneDelivery>,
    /// False when the organization no longer allows this kind: it stays
    /// listed, marked, and verifies nothing.
    #[serde(default = "yes")]
    pub usable: bool,
    /// What the organization's policy counts it for now: verifying a
    /// sign-in, resetting a password (texts follow it).
    #[serde(default)]
    pub for_sign_in: bool,
    #[serde(default)]
    pub for_reset: bool,
    /// For recovery codes: how many are still unused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remaining: Option<u32>,
    /// When it was registered (Unix seconds), shown as a date.
    #[serde(default)]
    pub added_at: i64,
}

fn yes() -> bool {
    true
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
    fn next_default_is_the_strongest_and_the_oldest_among_equals() {
        use MethodKind::*;
        assert_eq!(next_default(&[Email, SecurityQuestions]), None);
        assert_eq!(
            next_default(&[Phone, AuthenticatorApp, Email]),
            Some((1, None))
        );
        // Two apps, or a phone and an alternate phone: the older one.
        assert_eq!(
            next_default(&[AuthenticatorApp, AuthenticatorApp]),
            Some((0, None))
        );
        assert_eq!(
            next_default(&[Phone, AlternatePhone]),
            Some((0, Some(PhoneDelivery::Call)))
        );
        assert_eq!(
            next_default(&[Phone, SecurityKey, AuthenticatorApp]),
            Some((1, None))
        );
    }

    #[test]
    fn the_phone_stays_while_an_alternate_phone_needs_it() {
        use MethodKind::*;
        assert_eq!(needed_by(&[Phone, AlternatePhone], 0), Some(AlternatePhone));
        assert_eq!(needed_by(&[Phone, AlternatePhone], 1), None);
        assert_eq!(needed_by(&[Phone, AuthenticatorApp], 0), None);
        assert_eq!(
            needed_by(&[AlternatePhone, Phone, Email], 1),
            Some(AlternatePhone)
        );
    }
}
