use std::fmt;

use serde::{Deserialize, Serialize};

/// Declares `ErrorCode` from one list: each variant with its wire name,
/// so that the enum, `ALL` and `as_str` cannot disagree (a variant left out
/// of `ALL` would let the translation check miss its message).
macro_rules! error_codes {
    ($($(#[doc = $doc:literal])* $variant:ident => $wire:literal,)*) => {
        /// What went wrong, as a stable code. The server never sends prose: the
        /// client shows the Fluent message `error-<code>` in the user's language.
        ///
        /// Architecture Invariant: every variant has an `error-<code>` message in
        /// every locale (checked by the i18n crate's build and tests).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "kebab-case")]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        pub enum ErrorCode {
            $($(#[doc = $doc])* $variant,)*
        }

        impl ErrorCode {
            /// Every code, in declaration order.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)*];

            /// The wire name, as serde writes it.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $wire,)*
                }
            }
        }
    };
}

error_codes! {
    AccountNameRequired => "account-name-required",
    InvalidAccountName => "invalid-account-name",
    PasswordRequired => "password-required",
    /// Unknown account or wrong password: deliberately the same code.
    InvalidCredentials => "invalid-credentials",
    TooManyAttempts => "too-many-attempts",
    NotSignedIn => "not-signed-in",
    CsrfRejected => "csrf-rejected",
    Forbidden => "forbidden",
    NotFound => "not-found",
    MethodNotAllowed => "method-not-allowed",
    MalformedRequest => "malformed-request",
    PayloadTooLarge => "payload-too-large",
    UnsupportedMediaType => "unsupported-media-type",
    InvalidLocale => "invalid-locale",
    PhoneNumberRequired => "phone-number-required",
    InvalidPhoneNumber => "invalid-phone-number",
    /// A reset's number is typed whole, country code first: no region is
    /// chosen, and none may be guessed from the account (S28).
    PhoneNumberNeedsCountryCode => "phone-number-needs-country-code",
    InvalidRegion => "invalid-region",
    CountryNotAllowed => "country-not-allowed",
    NumberTypeNotAllowed => "number-type-not-allowed",
    ServerBusy => "server-busy",
    MethodUnavailable => "method-unavailable",
    PhoneRequiredFirst => "phone-required-first",
    /// The phone cannot go while an alternate phone needs it.
    DeleteAlternatePhoneFirst => "delete-alternate-phone-first",
    CodeRequired => "code-required",
    WrongCode => "wrong-code",
    CodeExpired => "code-expired",
    TooManyTries => "too-many-tries",
    ResendTooSoon => "resend-too-soon",
    TextLimitReached => "text-limit-reached",
    CallLimitReached => "call-limit-reached",
    LastRequiredMethod => "last-required-method",
    StepUpRequired => "step-up-required",
    /// The password was right, the second step of the sign-in is still
    /// to come (S27).
    SignInNotFinished => "sign-in-not-finished",
    DeliveryUnavailable => "delivery-unavailable",
    CodeUsed => "code-used",
    InvalidPolicy => "invalid-policy",
    /// An allowed method counts for neither sign-in nor reset.
    MethodCountsForNothing => "method-counts-for-nothing",
    QuestionRequired => "question-required",
    DuplicateQuestion => "duplicate-question",
    AnswerLength => "answer-length",
    AnswerReused => "answer-reused",
    QuestionsCount => "questions-count",
    EmailRequired => "email-required",
    InvalidEmail => "invalid-email",
    /// Letters beyond ASCII before the @: mail to them needs SMTPUTF8,
    /// which many servers lack (the domain may be internationalized).
    EmailLocalPartUnsupported => "email-local-part-unsupported",
    EmailInAccountDomain => "email-in-account-domain",
    EmailLimitReached => "email-limit-reached",
    OtherMethodFirst => "other-method-first",
    KeyNameRequired => "key-name-required",
    KeyNameTooLong => "key-name-too-long",
    SecurityKeyRejected => "security-key-rejected",
    PasswordTooShort => "password-too-short",
    PasswordTooLong => "password-too-long",
    PasswordIsAccountName => "password-is-account-name",
    /// On a list of common or breached passwords, or as easy to guess.
    PasswordTooCommon => "password-too-common",
    /// The new password and its confirmation differ (client only).
    PasswordsDiffer => "passwords-differ",
    /// The new password is the current one.
    PasswordUnchanged => "password-unchanged",
    /// This password reset cannot go on: the account has too few methods
    /// that count for a reset (or is not known — the same answer, S28).
    ResetNotPossible => "reset-not-possible",
    /// The password reset has lapsed or ended; start again.
    ResetExpired => "reset-expired",
    /// A new password before enough methods were verified (S29).
    ResetNotVerified => "reset-not-verified",
    /// One or more security answers are wrong (which, is not said).
    WrongAnswers => "wrong-answers",
    /// A passkey sign-in was refused, for whatever reason (S32).
    PasskeyNotAccepted => "passkey-not-accepted",
    /// A security question asked at a reset was left unanswered.
    AnswerRequired => "answer-required",
    /// The server failed; the cause is in its log, never in the response.
    Internal => "internal",
    /// The client could not reach the server (never sent by the server).
    Network => "network",
    /// An account name outside the organization's domain.
    AccountOutsideDomain => "account-outside-domain",
    /// The organization would have no administrator left (S40).
    LastAdministrator => "last-administrator",
    /// The account name is somebody's already.
    AccountExists => "account-exists",
    /// An invitation for a person who has a password already.
    HasPassword => "has-password",
    /// An invitation's link was used already, has expired or was replaced.
    InvitationExpired => "invitation-expired",
    /// Disabling or deleting one's own account from the People pages.
    OwnAccount => "own-account",
    /// The right password (or pass, or passkey) of a disabled account.
    AccountDisabled => "account-disabled",
    DisplayNameRequired => "display-name-required",
    DisplayNameTooLong => "display-name-too-long",
    /// Signed in with a temporary password: the person chooses their own
    /// before anything else.
    PasswordChangeRequired => "password-change-required",
    /// No file was chosen (the browser's own check).
    ImportFileRequired => "import-file-required",
    /// A file of people with no row after its header.
    ImportEmpty => "import-empty",
    /// Not CSV as RFC 4180 writes it (a quote left open); at `index`, the line.
    ImportMalformed => "import-malformed",
    /// Not UTF-8 (the browser finds it, before sending).
    ImportNotUtf8 => "import-not-utf8",
    /// The header lacks `account` or `display_name`.
    ImportMissingColumn => "import-missing-column",
    /// The header names a column no import knows; at `index`, its place.
    ImportUnknownColumn => "import-unknown-column",
    /// The header names a column twice.
    ImportRepeatedColumn => "import-repeated-column",
    /// More rows than `IMPORT_MAX_ROWS`.
    ImportTooManyRows => "import-too-many-rows",
    /// A row whose account an earlier row of the file has.
    ImportDuplicateRow => "import-duplicate-row",
    /// A row with more or fewer cells than the header.
    ImportCellCount => "import-cell-count",
    /// A policy whose shortest pass lifetime is longer than its default,
    /// or its default longer than its longest.
    PassLifetimesDisordered => "pass-lifetimes-disordered",
    SupportContactTooLong => "support-contact-too-long",
    /// A Temporary Access Pass's lifetime outside the policy's bounds.
    PassLifetimeOutOfBounds => "pass-lifetime-out-of-bounds",
    /// The person closed the browser's security key prompt (client only).
    SecurityKeyCancelled => "security-key-cancelled",
    /// The browser cannot use security keys (client only).
    SecurityKeyUnsupported => "security-key-unsupported",
    /// An application's sign-in request names no application registered
    /// here (or one disabled): nobody to send the person back to.
    UnknownApplication => "unknown-application",
    /// An application's sign-in request asks to be answered at an address
    /// it did not register (S37): never followed.
    RedirectNotRegistered => "redirect-not-registered",
    /// The person signed in belongs to another organization than the
    /// application.
    ApplicationOfAnotherOrganization => "application-of-another-organization",
    ApplicationNameRequired => "application-name-required",
    ApplicationNameTooLong => "application-name-too-long",
    /// No redirect address, too many, or one that is not absolute `https`
    /// (loopback `http` aside) or has a fragment; at `index`, which.
    InvalidRedirectUri => "invalid-redirect-uri",
    /// A public application has no secret to replace.
    ApplicationIsPublic => "application-is-public",
}

impl ErrorCode {
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
    CurrentPassword,
    NewPassword,
    ConfirmPassword,
    /// A Temporary Access Pass's lifetime.
    Lifetime,
    /// A person's name as shown.
    DisplayName,
    /// A person's role in their organization.
    Role,
    /// How people reach their help desk (the policy).
    SupportContact,
    /// A file of people to add; `ApiError::index` is the line, where the
    /// trouble is on one.
    ImportFile,
    /// An application's name.
    ApplicationName,
    /// An application's redirect addresses; `ApiError::index` says which.
    RedirectUris,
    /// An application's sign-out addresses; `ApiError::index` says which.
    LogoutUris,
    /// An application's back-channel logout address.
    BackchannelLogoutUri,
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
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot unwrap has failed"
)]
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
        names.sort_unstable();
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
