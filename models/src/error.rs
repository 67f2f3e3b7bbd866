use std::fmt;

use serde::{Deserialize, Serialize};

/// What went wrong, as a stable code. The server never sends prose: the
/// client shows the Fluent message `error-<code>` in the user's language.
///
/// Architecture Invariant: every variant has an `error-<code>` message in
/// every locale (checked by the i18n crate's tests).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ErrorCode {
    AccountNameRequired,
    InvalidAccountName,
    PasswordRequired,
    /// Unknown account or wrong password: deliberately the same code.
    InvalidCredentials,
    TooManyAttempts,
    NotSignedIn,
    CsrfRejected,
    Forbidden,
    NotFound,
    MethodNotAllowed,
    MalformedRequest,
    PayloadTooLarge,
    UnsupportedMediaType,
    InvalidLocale,
    PhoneNumberRequired,
    InvalidPhoneNumber,
    InvalidRegion,
    CountryNotAllowed,
    NumberTypeNotAllowed,
    ServerBusy,
    MethodUnavailable,
    PhoneRequiredFirst,
    CodeRequired,
    WrongCode,
    CodeExpired,
    TooManyTries,
    ResendTooSoon,
    TextLimitReached,
    CallLimitReached,
    LastRequiredMethod,
    StepUpRequired,
    DeliveryUnavailable,
    CodeUsed,
    InvalidPolicy,
    QuestionRequired,
    DuplicateQuestion,
    AnswerLength,
    AnswerReused,
    QuestionsCount,
    EmailRequired,
    InvalidEmail,
    EmailInAccountDomain,
    EmailLimitReached,
    OtherMethodFirst,
    KeyNameRequired,
    KeyNameTooLong,
    SecurityKeyRejected,
    /// The server failed; the cause is in its log, never in the response.
    Internal,
    /// The client could not reach the server (never sent by the server).
    Network,
    /// The person closed the browser's security key prompt (client only).
    SecurityKeyCancelled,
    /// The browser cannot use security keys (client only).
    SecurityKeyUnsupported,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 51] = [
        ErrorCode::AccountNameRequired,
        ErrorCode::InvalidAccountName,
        ErrorCode::PasswordRequired,
        ErrorCode::InvalidCredentials,
        ErrorCode::TooManyAttempts,
        ErrorCode::NotSignedIn,
        ErrorCode::CsrfRejected,
        ErrorCode::Forbidden,
        ErrorCode::NotFound,
        ErrorCode::MethodNotAllowed,
        ErrorCode::MalformedRequest,
        ErrorCode::PayloadTooLarge,
        ErrorCode::UnsupportedMediaType,
        ErrorCode::InvalidLocale,
        ErrorCode::PhoneNumberRequired,
        ErrorCode::InvalidPhoneNumber,
        ErrorCode::InvalidRegion,
        ErrorCode::CountryNotAllowed,
        ErrorCode::NumberTypeNotAllowed,
        ErrorCode::ServerBusy,
        ErrorCode::MethodUnavailable,
        ErrorCode::PhoneRequiredFirst,
        ErrorCode::CodeRequired,
        ErrorCode::WrongCode,
        ErrorCode::CodeExpired,
        ErrorCode::TooManyTries,
        ErrorCode::ResendTooSoon,
        ErrorCode::TextLimitReached,
        ErrorCode::CallLimitReached,
        ErrorCode::LastRequiredMethod,
        ErrorCode::StepUpRequired,
        ErrorCode::DeliveryUnavailable,
        ErrorCode::CodeUsed,
        ErrorCode::InvalidPolicy,
        ErrorCode::QuestionRequired,
        ErrorCode::DuplicateQuestion,
        ErrorCode::AnswerLength,
        ErrorCode::AnswerReused,
        ErrorCode::QuestionsCount,
        ErrorCode::EmailRequired,
        ErrorCode::InvalidEmail,
        ErrorCode::EmailInAccountDomain,
        ErrorCode::EmailLimitReached,
        ErrorCode::OtherMethodFirst,
        ErrorCode::KeyNameRequired,
        ErrorCode::KeyNameTooLong,
        ErrorCode::SecurityKeyRejected,
        ErrorCode::Internal,
        ErrorCode::Network,
        ErrorCode::SecurityKeyCancelled,
        ErrorCode::SecurityKeyUnsupported,
    ];

    /// The kebab-case code as it appears on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::AccountNameRequired => "account-name-required",
            ErrorCode::InvalidAccountName => "invalid-account-name",
            ErrorCode::PasswordRequired => "password-required",
            ErrorCode::InvalidCredentials => "invalid-credentials",
            ErrorCode::TooManyAttempts => "too-many-attempts",
            ErrorCode::NotSignedIn => "not-signed-in",
            ErrorCode::CsrfRejected => "csrf-rejected",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::NotFound => "not-found",
            ErrorCode::MethodNotAllowed => "method-not-allowed",
            ErrorCode::MalformedRequest => "malformed-request",
            ErrorCode::PayloadTooLarge => "payload-too-large",
            ErrorCode::UnsupportedMediaType => "unsupported-media-type",
            ErrorCode::InvalidLocale => "invalid-locale",
            ErrorCode::PhoneNumberRequired => "phone-number-required",
            ErrorCode::InvalidPhoneNumber => "invalid-phone-number",
            ErrorCode::InvalidRegion => "invalid-region",
            ErrorCode::CountryNotAllowed => "country-not-allowed",
            ErrorCode::NumberTypeNotAllowed => "number-type-not-allowed",
            ErrorCode::ServerBusy => "server-busy",
            ErrorCode::MethodUnavailable => "method-unavailable",
            ErrorCode::PhoneRequiredFirst => "phone-required-first",
            ErrorCode::CodeRequired => "code-required",
            ErrorCode::WrongCode => "wrong-code",
            ErrorCode::CodeExpired => "code-expired",
            ErrorCode::TooManyTries => "too-many-tries",
            ErrorCode::ResendTooSoon => "resend-too-soon",
            ErrorCode::TextLimitReached => "text-limit-reached",
            ErrorCode::CallLimitReached => "call-limit-reached",
            ErrorCode::LastRequiredMethod => "last-required-method",
            ErrorCode::StepUpRequired => "step-up-required",
            ErrorCode::DeliveryUnavailable => "delivery-unavailable",
            ErrorCode::CodeUsed => "code-used",
            ErrorCode::InvalidPolicy => "invalid-policy",
            ErrorCode::QuestionRequired => "question-required",
            ErrorCode::DuplicateQuestion => "duplicate-question",
            ErrorCode::AnswerLength => "answer-length",
            ErrorCode::AnswerReused => "answer-reused",
            ErrorCode::QuestionsCount => "questions-count",
            ErrorCode::Internal => "internal",
            ErrorCode::Network => "network",
            ErrorCode::EmailRequired => "email-required",
            ErrorCode::InvalidEmail => "invalid-email",
            ErrorCode::EmailInAccountDomain => "email-in-account-domain",
            ErrorCode::EmailLimitReached => "email-limit-reached",
            ErrorCode::OtherMethodFirst => "other-method-first",
            ErrorCode::KeyNameRequired => "key-name-required",
            ErrorCode::KeyNameTooLong => "key-name-too-long",
            ErrorCode::SecurityKeyRejected => "security-key-rejected",
            ErrorCode::SecurityKeyCancelled => "security-key-cancelled",
            ErrorCode::SecurityKeyUnsupported => "security-key-unsupported",
        }
    }

    /// The Fluent message id that explains this code to a person.
    pub fn message_id(self) -> String {
        format!("error-{}", self.as_str())
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The input field an error belongs to, so the client can show it there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Field {
    AccountName,
    Password,
    Locale,
    Region,
    PhoneNumber,
    Code,
    Kind,
    /// One of several questions or answers; `ApiError::index` says which.
    Question,
    Answer,
    Email,
    KeyName,
}

/// The body of every 4xx and 5xx response of the JSON API.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiError {
    pub code: ErrorCode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<Field>,
    /// Seconds until a throttled request may be retried.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
    /// Which of several same fields (0-based), e.g. the second answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
}

impl ApiError {
    pub fn new(code: ErrorCode) -> ApiError {
        ApiError {
            code,
            field: None,
            retry_after: None,
            index: None,
        }
    }

    pub fn at(code: ErrorCode, field: Field) -> ApiError {
        ApiError {
            code,
            field: Some(field),
            retry_after: None,
            index: None,
        }
    }
}

impl From<ErrorCode> for ApiError {
    fn from(code: ErrorCode) -> ApiError {
        ApiError::new(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_serialize_as_their_wire_names() {
        for code in ErrorCode::ALL {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
        }
    }

    #[test]
    fn all_lists_every_code_once() {
        let mut names: Vec<_> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), ErrorCode::ALL.len());
    }

    #[test]
    fn api_errors_omit_empty_parts() {
        let json = serde_json::to_string(&ApiError::at(
            ErrorCode::InvalidCredentials,
            Field::Password,
        ))
        .unwrap();
        assert_eq!(json, r#"{"code":"invalid-credentials","field":"password"}"#);
    }
}
