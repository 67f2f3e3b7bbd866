//! Phone methods: what the wizard sends and what it gets back.

use serde::{Deserialize, Serialize};

use crate::{ChallengeId, MethodId, MethodKind};

/// How a phone verifies its owner (SPEC §2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum PhoneDelivery {
    /// A text with a 6-digit code.
    Text,
    /// A call where the person presses #.
    Call,
}

/// A region of the Country or Region drop-down: the client names it in the
/// person's language (`Intl.DisplayNames`), the server knows its code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Region {
    /// ISO 3166-1 alpha-2, e.g. `NL`.
    pub id: String,
    /// The international calling code, e.g. 31.
    pub calling_code: u16,
}

/// `POST /api/me/phone/challenges`: sends a code or places a call.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StartPhoneRequest {
    pub kind: MethodKind,
    pub region: String,
    /// As typed: national or international, spaces and dashes allowed.
    pub number: String,
    pub delivery: PhoneDelivery,
    /// The phone method this one replaces ("Change"), kept until verified.
    #[serde(default)]
    pub replaces: Option<MethodId>,
}

/// How a one-time challenge reaches its person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Channel {
    /// A text with a 6-digit code.
    Text,
    /// A call where the person presses #.
    Call,
    /// An email with a 6-digit code.
    Email,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Text => "text",
            Channel::Call => "call",
            Channel::Email => "email",
        }
    }

    pub fn parse(s: &str) -> Option<Channel> {
        [Channel::Text, Channel::Call, Channel::Email]
            .into_iter()
            .find(|c| c.as_str() == s)
    }

    /// Whether the person types a code (rather than pressing # on a call).
    pub fn sends_code(self) -> bool {
        self != Channel::Call
    }

    /// For a phone: how it verifies.
    pub fn phone_delivery(self) -> Option<PhoneDelivery> {
        match self {
            Channel::Text => Some(PhoneDelivery::Text),
            Channel::Call => Some(PhoneDelivery::Call),
            Channel::Email => None,
        }
    }
}

impl From<PhoneDelivery> for Channel {
    fn from(delivery: PhoneDelivery) -> Channel {
        match delivery {
            PhoneDelivery::Text => Channel::Text,
            PhoneDelivery::Call => Channel::Call,
        }
    }
}

/// A verification under way: a code sent by text or email, or a call.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Challenge {
    pub challenge_id: ChallengeId,
    /// The number or address as shown, e.g. `+31 612345678`.
    pub destination: String,
    pub channel: Channel,
    /// The typed number had an extension, which was removed (only an
    /// office phone keeps one).
    pub extension_removed: bool,
    /// Seconds before another code may be requested.
    pub resend_after: u64,
    /// Registering: the person's other method at the same number, if any
    /// (it may be added, but one number is one destination for a reset, N8).
    #[serde(default)]
    pub also_registered_as: Option<crate::MethodKind>,
}

/// `POST /api/me/email/challenges`: sends a code to an email address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StartEmailRequest {
    pub address: String,
    /// The email method this one replaces ("Change"), kept until verified.
    #[serde(default)]
    pub replaces: Option<MethodId>,
}

/// `POST /api/me/challenges/{id}/code`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VerifyCodeRequest {
    pub code: String,
}

/// Where a verification call stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum CallStatus {
    Ringing,
    Answered,
    /// Answered and # pressed: verified.
    Confirmed,
    NoAnswer,
    HungUp,
    WrongKey,
}

impl CallStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CallStatus::Ringing => "ringing",
            CallStatus::Answered => "answered",
            CallStatus::Confirmed => "confirmed",
            CallStatus::NoAnswer => "no-answer",
            CallStatus::HungUp => "hung-up",
            CallStatus::WrongKey => "wrong-key",
        }
    }

    pub fn parse(s: &str) -> Option<CallStatus> {
        [
            CallStatus::Ringing,
            CallStatus::Answered,
            CallStatus::Confirmed,
            CallStatus::NoAnswer,
            CallStatus::HungUp,
            CallStatus::WrongKey,
        ]
        .into_iter()
        .find(|c| c.as_str() == s)
    }

    /// The call is over without a confirmation: the person may retry.
    pub fn failed(self) -> bool {
        matches!(
            self,
            CallStatus::NoAnswer | CallStatus::HungUp | CallStatus::WrongKey
        )
    }
}

/// `GET /api/me/challenges/{id}`: polled while a call is under way.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CallProgress {
    pub status: CallStatus,
    /// True once the method is registered.
    pub done: bool,
}
