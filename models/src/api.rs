//! Request and response bodies of the JSON API.

use serde::{Deserialize, Serialize};

use crate::{
    AccountName, CeremonyId, DefaultMethod, Locale, MethodId, MethodKind, MethodView, Password,
    PendingAppId,
};

/// `POST /api/me/recovery-codes`: a new set of recovery codes, shown this
/// once, and the security info with them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecoveryCodeSet {
    pub codes: Vec<String>,
    pub security_info: SecurityInfo,
}

/// `POST /api/me/step-up/recovery-code`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecoveryCodeRequest {
    pub code: String,
}

/// `PUT /api/me/password`: the current password, and the new one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangePasswordRequest {
    pub current_password: String,
    pub new_password: String,
}

/// `GET /api/me/password`: what a new password must be.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordRules {
    pub min_length: usize,
}

/// `POST /api/me/password/strength`: a candidate password, to be rated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordCandidate {
    pub password: String,
}

/// How hard a password is to guess, 0 (very easy) to 4 (very hard); a new
/// password needs `PasswordStrength::ENOUGH` or more.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordStrength {
    pub score: u8,
}

impl PasswordStrength {
    pub const ENOUGH: u8 = 3;
}

/// `GET /api/session`: who is signed in, and the token that every
/// state-changing request must echo in the `x-csrf-token` header.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionInfo {
    pub csrf_token: String,
    pub user: Option<UserView>,
    /// The password was right and the sign-in waits for a verification
    /// with one of the person's methods (S27): until then the session can
    /// only verify or sign out.
    #[serde(default)]
    pub verification_required: bool,
    /// Signed in, but viewing or changing security info first asks for a
    /// verification (S11): the client shows the step-up at once instead of
    /// being refused.
    #[serde(default)]
    pub step_up_required: bool,
    /// Development and tests only: the client may show the pseudo-locale
    /// (`?lng=en-XA`) for checking that every text is translatable.
    #[serde(default)]
    pub pseudo_locale: bool,
}

/// The signed-in person, as the client needs to know them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UserView {
    pub account_name: AccountName,
    pub display_name: String,
    pub organization: String,
    /// Where the organization's logo is served, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_logo: Option<String>,
    /// The language the person chose; `None` until they choose one.
    pub locale: Option<Locale>,
    /// Admins may change the organization's policy.
    #[serde(default)]
    pub is_admin: bool,
    /// The help desk finds people and gives members a pass (S40).
    #[serde(default)]
    pub is_help_desk: bool,
    /// Whether the person has a password: one created with a Temporary
    /// Access Pass has none until they set one (without a current one);
    /// one given a temporary password must replace it first.
    #[serde(default)]
    pub password: crate::PasswordState,
    /// How to reach the organization's help desk, when it says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support_contact: Option<String>,
}

/// `GET /api/me/temporary-access-pass`: the person's Temporary Access
/// Pass while it lasts (never the pass itself, which was shown once).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PassView {
    /// Unix seconds.
    pub expires_at: i64,
    pub one_time: bool,
    /// This session began with it, and ends when it is deleted.
    pub this_session: bool,
}

/// `POST /api/session`: sign in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignInRequest {
    /// Kept as typed: the server parses it, so a bad one is an error at the field.
    pub account_name: String,
    pub password: Password,
    /// A language the person picked on the sign-in page; it becomes their choice.
    #[serde(default)]
    pub locale: Option<Locale>,
}

/// `PUT /api/me/locale`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SetLocaleRequest {
    pub locale: Locale,
}

/// `GET /api/me/security-info`: the Security info page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SecurityInfo {
    pub default_method: Option<DefaultMethod>,
    pub methods: Vec<MethodView>,
    /// What the Add-method dialog offers: allowed by the policy and still
    /// addable, the stronger first (S5).
    pub addable: Vec<MethodKind>,
    /// What the registration interrupt proposes next: the first addable
    /// kind in the order of the organization's policy.
    #[serde(default)]
    pub suggested: Option<MethodKind>,
    /// How many methods the organization requires; while the person has
    /// fewer, the client asks for them before anything else.
    #[serde(default)]
    pub required: usize,
    /// Where the person stands for two-step verification and password reset.
    #[serde(default)]
    pub coverage: Coverage,
}

impl SecurityInfo {
    /// Registered methods the policy still allows: what counts towards
    /// `required` (a method the organization no longer allows verifies
    /// nothing).
    pub fn usable_methods(&self) -> usize {
        self.methods.iter().filter(|m| m.usable).count()
    }

    /// How many more methods the registration interrupt asks for: what the
    /// organization requires, and at least what a password reset of this
    /// person needs (`coverage.sspr_missing`, by `Policy::reset_missing`),
    /// once the organization requires any.
    pub fn methods_needed(&self) -> usize {
        if self.required == 0 {
            return 0;
        }
        self.required
            .saturating_sub(self.usable_methods())
            .max(self.coverage.sspr_missing)
    }

    /// Whether the registration interrupt comes before anything else.
    pub fn needs_registration(&self) -> bool {
        self.methods_needed() > 0 && !self.addable.is_empty()
    }

    /// Whether some registered method is no longer allowed: the
    /// registration interrupt says so.
    pub fn has_unusable_methods(&self) -> bool {
        self.methods.iter().any(|m| !m.usable)
    }
}

/// Counts for the coverage line of the Security info page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Coverage {
    /// Registered methods that verify a sign-in under the policy.
    pub mfa_methods: usize,
    /// Registered methods that help reset a password under the policy.
    pub sspr_methods: usize,
    /// How many a password reset asks for.
    pub sspr_required: usize,
    /// How many more methods a reset needs (security questions never
    /// suffice alone, so they may leave one missing).
    pub sspr_missing: usize,
}

/// `PUT /api/me/default-method`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SetDefaultRequest {
    pub method_id: MethodId,
    #[serde(default)]
    pub delivery: Option<crate::PhoneDelivery>,
}

/// Kept for the OpenAPI description of `addable`.
pub type AddableMethods = Vec<MethodKind>;

/// `POST /api/me/authenticator`: what the person needs to add the account to
/// their app. The secret is shown here once and never again (S10).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuthenticatorSetup {
    pub pending_id: PendingAppId,
    pub account_name: String,
    pub issuer: String,
    /// Base32, in groups of four, for "Can't scan image?".
    pub secret: String,
    /// `otpauth://totp/...`
    pub uri: String,
    /// The QR code of `uri`, as an SVG document.
    pub qr_svg: String,
}

/// `POST /api/me/step-up/authenticator`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuthenticatorCode {
    pub method_id: MethodId,
    pub code: String,
}

/// `POST /api/me/authenticator/{id}/code`: the app's current code, and
/// the name that tells it from the person's other apps (walk issue, item 9).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConfirmAuthenticator {
    pub code: String,
    /// Up to 64 characters; none or blank: "Authenticator app 2" and so on
    /// once the person has an app already.
    #[serde(default)]
    pub name: Option<String>,
}

/// `GET /api/me/security-questions`: what the person can choose from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuestionChoices {
    /// How many questions to answer.
    pub required: usize,
    /// Predefined questions, by id; the client shows `question-<id>`.
    pub predefined: Vec<String>,
    /// The organization's own questions, shown as written.
    pub custom: Vec<CustomQuestion>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CustomQuestion {
    pub id: String,
    /// As the organization wrote it; the page shows it in its language
    /// (`OwnQuestion::text_in`).
    pub written: crate::OwnQuestion,
}

/// `POST /api/me/security-questions`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuestionAnswers {
    pub answers: Vec<QuestionAnswer>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuestionAnswer {
    pub question: String,
    pub answer: String,
}

/// `POST /api/me/security-keys`: starts registering a key with this name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StartSecurityKeyRequest {
    pub name: String,
}

/// The browser's part of a WebAuthn ceremony: creation options (to
/// register a key) or request options (to verify with one) in their JSON
/// form, for `PublicKeyCredential.parseCreationOptionsFromJSON` or
/// `parseRequestOptionsFromJSON`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SecurityKeyCeremony {
    pub ceremony_id: CeremonyId,
    /// `{"publicKey": {...}}` as JSON text.
    pub options_json: String,
}

/// `POST /api/me/security-keys/{ceremony_id}` (and the step-up's): the
/// browser's credential.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FinishSecurityKeyRequest {
    /// `PublicKeyCredential.toJSON()` as JSON text.
    pub credential_json: String,
}

/// `GET /api/me/step-up`: one way to verify before viewing or changing
/// security info — a method, how, and the number masked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StepUpOption {
    pub method_id: MethodId,
    pub kind: MethodKind,
    /// For phones: text or call. None for an authenticator app or a key.
    pub delivery: Option<crate::PhoneDelivery>,
    /// For phones: the number, masked.
    pub masked: String,
    pub is_default: bool,
}

/// `POST /api/me/step-up`: text or call one of the person's phones, or
/// (in a password reset) email a code to their address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StartStepUp {
    pub method_id: MethodId,
    /// For a phone: text or call. None for an email address.
    #[serde(default)]
    pub delivery: Option<crate::PhoneDelivery>,
}

/// `POST /api/password-reset`: "Get back into your account" — the account
/// whose password is forgotten.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StartPasswordReset {
    pub account_name: String,
}

/// `GET /api/password-reset`: where a password reset stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordResetState {
    /// Before the first proof: how the person may prove who they are, from
    /// the organization's policy alone — the same for every account name,
    /// known or not, with methods or without (S28). Empty afterwards.
    #[serde(default)]
    pub first_ways: Vec<ResetWay>,
    /// After the first proof: the ways to verify with that are still open
    /// (a method verified on this reset is not offered again). Empty
    /// before it: no method of the person is named or counted until then.
    pub options: Vec<StepUpOption>,
    /// How many methods this reset needs (1 or 2; administrators: 2).
    pub required: usize,
    /// How many were verified so far.
    pub verified: usize,
    /// Enough were verified: the new password is next.
    pub ready: bool,
    /// The fewest characters the new password may have.
    pub min_length: usize,
}

/// A way to make a reset's first proof without anything registered being
/// shown: the person types the whole number or address the code goes to,
/// or a code from their authenticator app.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ResetWay {
    Text,
    Call,
    Email,
    AuthenticatorApp,
}

impl ResetWay {
    /// The channel a code or call of this way goes by; none for an app.
    pub fn channel(self) -> Option<crate::Channel> {
        match self {
            ResetWay::Text => Some(crate::Channel::Text),
            ResetWay::Call => Some(crate::Channel::Call),
            ResetWay::Email => Some(crate::Channel::Email),
            ResetWay::AuthenticatorApp => None,
        }
    }
}

/// `POST /api/password-reset/contact`: send the reset's first code (or
/// call) to the number or address the person typed in full. Answered the
/// same whether or not it is one of the account's (S28).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResetContactRequest {
    pub channel: crate::Channel,
    /// The whole phone number, with its country code, or email address.
    pub to: String,
}

/// `POST /api/password-reset/authenticator`: the reset's first proof with
/// a code from the person's authenticator app.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResetAppCode {
    pub code: String,
}

/// `GET /api/password-reset/questions`: the registered questions this
/// reset asks, chosen at random once per reset.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResetQuestions {
    pub questions: Vec<ResetQuestion>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResetQuestion {
    /// A predefined question's id (the client has its text), or `custom-n`.
    pub id: String,
    /// The organization's own question, as written; None for a predefined one.
    pub written: Option<crate::OwnQuestion>,
}

/// `PUT /api/password-reset/password`: the new password.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewPasswordRequest {
    pub new_password: String,
}
