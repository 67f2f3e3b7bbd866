//! Every endpoint of the JSON API, described once: its method, its path and
//! the types it takes and answers. The server's router and its OpenAPI
//! description take the method and path from here, the client's one call
//! (`app/src/api/`) takes all four, so a path or a type cannot disagree
//! between the two sides.
//!
//! Architecture Invariant: no API path is written anywhere else (checked by
//! `cargo xtask tidy`).

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::oidc::{
    ApplicationSignIn, ApplicationStatus, ApplicationView, Authorization, AuthorizationRequest,
    NewApplication, RegisteredApplication, SignedOut,
};
use crate::policy::Policy;
use crate::{
    AcceptInvitation, AddPersonRequest, AddedPerson, AuthenticatorCode, AuthenticatorSetup,
    CallProgress, CeremonyId, Challenge, ChallengeId, ChangePasswordRequest, ClientId,
    ConfirmAuthenticator, FinishSecurityKeyRequest, ImportReport, ImportRequest,
    InvitationCandidate, InvitationToken, InvitationView, InviteRequest, IssuePassRequest,
    IssuedPass, MethodId, NewPasswordRequest, PassView, PasswordCandidate, PasswordResetState,
    PasswordRules, PasswordStrength, PendingAppId, PeoplePage, PeopleQuery, PersonDetail, PersonId,
    PersonProfile, QuestionAnswers, QuestionChoices, RecoveryCodeRequest, RecoveryCodeSet, Region,
    ResetAppCode, ResetContactRequest, ResetQuestions, SecurityInfo, SecurityKeyCeremony,
    SessionInfo, SetDefaultRequest, SetLocaleRequest, SetRoleRequest, SetStatusRequest,
    SignInRequest, StartEmailRequest, StartPasswordReset, StartPhoneRequest,
    StartSecurityKeyRequest, StartStepUp, StepUpOption, TemporaryPassword, VerifyCodeRequest,
};

/// Where every path below lives.
pub const API_ROOT: &str = "/api";

/// The HTTP method of an endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }
}

/// One endpoint of the JSON API.
pub trait Endpoint {
    const METHOD: Method;
    /// The path below `API_ROOT`, with `{id}` where the endpoint names one
    /// thing (a method, a challenge, a ceremony).
    const PATH: &'static str;
    /// `API_ROOT` and `PATH`, as the OpenAPI description writes it.
    const FULL_PATH: &'static str;
    /// What the request carries as JSON; `()` for nothing.
    type Body: Serialize + DeserializeOwned;
    /// What a success answers as JSON; `()` for an empty answer.
    type Answer: Serialize + DeserializeOwned;
    /// What the `{id}` in its path names (a `MethodId`, a `ChallengeId`…);
    /// `()` for a path without one.
    type Id;
    /// Whether the request carries a body at all.
    const HAS_BODY: bool;
}

/// What endpoint `E` takes: a handler writes `ApiJson<Body<E>>`, so that its
/// type is the one the client sends.
pub type Body<E> = <E as Endpoint>::Body;

/// What endpoint `E` answers: a handler writes `Json<Answer<E>>`.
pub type Answer<E> = <E as Endpoint>::Answer;

/// What the `{id}` of endpoint `E` names: a handler writes
/// `ApiPath<IdOf<E>>`, and the client passes one to `call_at`.
pub type IdOf<E> = <E as Endpoint>::Id;

/// The path to call for `E`, which names nothing.
pub fn path_of<E: Endpoint<Id = ()>>() -> String {
    E::FULL_PATH.to_owned()
}

/// The path to call for `E` about `id`, escaped in its place.
pub fn path_at<E: Endpoint>(id: &E::Id) -> String
where
    E::Id: std::fmt::Display,
{
    E::FULL_PATH.replace("{id}", &escape(&id.to_string()))
}

/// Percent-escapes everything but RFC 3986's unreserved characters.
fn escape(segment: &str) -> String {
    let mut escaped = String::with_capacity(segment.len());
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            escaped.push(char::from(byte));
        } else {
            escaped.push_str(&format!("%{byte:02X}"));
        }
    }
    escaped
}

/// An endpoint as data, for the checks that compare the server's routes and
/// OpenAPI description with the declarations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Described {
    pub method: Method,
    pub path: &'static str,
    /// The body type's name, if it takes one.
    pub body: Option<&'static str>,
}

/// Declares each endpoint: `Name: METHOD "path" [Id], Body => Answer;` (`[Id]`
/// where the path names one thing, `-` for no body), and `ALL`, every endpoint as data.
macro_rules! endpoints {
    ($($(#[doc = $doc:literal])* $name:ident: $method:ident $path:literal $([$id:ty])?, $body:tt => $answer:ty;)*) => {
        $(
            $(#[doc = $doc])*
            pub struct $name;

            impl Endpoint for $name {
                const METHOD: Method = Method::$method;
                const PATH: &'static str = $path;
                const FULL_PATH: &'static str = concat!("/api", $path);
                type Body = endpoints!(@body $body);
                type Answer = $answer;
                type Id = endpoints!(@id $($id)?);
                const HAS_BODY: bool = endpoints!(@has $body);
            }
        )*

        /// Every endpoint, in declaration order.
        pub const ALL: &[Described] = &[$(Described {
            method: Method::$method,
            path: concat!("/api", $path),
            body: endpoints!(@name $body),
        },)*];
    };
    (@name -) => { None };
    (@name $body:ty) => { Some(stringify!($body)) };
    (@body -) => { () };
    (@body $body:ty) => { $body };
    (@id) => { () };
    (@id $id:ty) => { $id };
    (@has -) => { false };
    (@has $body:ty) => { true };
}

endpoints! {
    /// Who is signed in (if anyone), and the CSRF token to echo.
    GetSession: Get "/session", - => SessionInfo;
    /// Signs in with account name and password.
    SignIn: Post "/session", SignInRequest => SessionInfo;
    /// Signs out this browser.
    SignOut: Delete "/session", - => ();
    /// Begins a passkey sign-in.
    StartPasskeySignIn: Post "/session/passkey", - => SecurityKeyCeremony;
    /// Signs in with the passkey the browser chose.
    FinishPasskeySignIn: Post "/session/passkey/{id}" [CeremonyId], FinishSecurityKeyRequest => SessionInfo;
    /// Ends every session of the person (S20).
    SignOutEverywhere: Delete "/me/sessions", - => ();
    /// Keeps the person's language.
    SetLocale: Put "/me/locale", SetLocaleRequest => ();
    /// The Security info page.
    GetSecurityInfo: Get "/me/security-info", - => SecurityInfo;
    /// Deletes one of the person's methods.
    DeleteMethod: Delete "/me/methods/{id}" [MethodId], - => SecurityInfo;
    /// Changes the default sign-in method.
    SetDefault: Put "/me/default-method", SetDefaultRequest => SecurityInfo;
    /// The ways this session can verify.
    StepUpOptions: Get "/me/step-up", - => Vec<StepUpOption>;
    /// Texts, calls or emails one of the person's methods to verify.
    StartStepUpCode: Post "/me/step-up", StartStepUp => Challenge;
    /// Every region with its calling code.
    PhoneRegions: Get "/phone/regions", - => Vec<Region>;
    /// Begins registering a phone: a code or a call to it.
    StartPhone: Post "/me/phone/challenges", StartPhoneRequest => Challenge;
    /// Begins registering an email address: a code to it.
    StartEmail: Post "/me/email/challenges", StartEmailRequest => Challenge;
    /// Begins registering a security key.
    StartSecurityKey: Post "/me/security-keys", StartSecurityKeyRequest => SecurityKeyCeremony;
    /// Registers the key the browser created.
    FinishSecurityKey: Post "/me/security-keys/{id}" [CeremonyId], FinishSecurityKeyRequest => SecurityInfo;
    /// Begins verifying with a security key.
    StartKeyStepUp: Post "/me/step-up/security-key", - => SecurityKeyCeremony;
    /// Verifies with the key the browser used.
    FinishKeyStepUp: Post "/me/step-up/security-key/{id}" [CeremonyId], FinishSecurityKeyRequest => SecurityInfo;
    /// Finishes a challenge with its code.
    SubmitCode: Post "/me/challenges/{id}/code" [ChallengeId], VerifyCodeRequest => SecurityInfo;
    /// Where a verification call stands.
    CallProgressOf: Get "/me/challenges/{id}" [ChallengeId], - => CallProgress;
    /// Sends the code again (or calls again).
    Resend: Post "/me/challenges/{id}/resend" [ChallengeId], - => Challenge;
    /// Begins registering an authenticator app.
    StartAuthenticator: Post "/me/authenticator", - => AuthenticatorSetup;
    /// Registers the app with its first code.
    ConfirmApp: Post "/me/authenticator/{id}/code" [PendingAppId], ConfirmAuthenticator => SecurityInfo;
    /// Verifies with an app's code.
    AppStepUp: Post "/me/step-up/authenticator", AuthenticatorCode => SecurityInfo;
    /// The person's Temporary Access Pass, if they have one.
    GetOwnPass: Get "/me/temporary-access-pass", - => Option<PassView>;
    /// Deletes the person's Temporary Access Pass (and the session it began).
    DeleteOwnPass: Delete "/me/temporary-access-pass", - => ();
    /// People of the administrator's organization, found by name or account.
    SearchPeople: Post "/admin/people/search", PeopleQuery => PeoplePage;
    /// Adds a person to the organization, with a first pass shown this once.
    AddPerson: Post "/admin/people", AddPersonRequest => AddedPerson;
    /// People from a CSV file: a preview of what each row would become, or
    /// their creation, with a report of every row (S44).
    ImportPeople: Post "/admin/people/import", ImportRequest => ImportReport;
    /// One person of the organization, their methods and their pass.
    GetPerson: Get "/admin/people/{id}" [PersonId], - => PersonDetail;
    /// Gives the person a Temporary Access Pass, shown this once.
    IssuePass: Post "/admin/people/{id}/temporary-access-pass" [PersonId], IssuePassRequest => IssuedPass;
    /// Makes the person a member, help desk or administrator.
    SetRole: Put "/admin/people/{id}/role" [PersonId], SetRoleRequest => ();
    /// Takes the person's Temporary Access Pass away.
    RevokePass: Delete "/admin/people/{id}/temporary-access-pass" [PersonId], - => ();
    /// Gives the person a password shown this once, which they must
    /// replace when they next sign in; their sessions end.
    SetTemporaryPassword: Post "/admin/people/{id}/temporary-password" [PersonId], - => TemporaryPassword;
    /// Changes the person's name and language.
    UpdatePerson: Put "/admin/people/{id}/profile" [PersonId], PersonProfile => ();
    /// Disables the person (their sessions end) or enables them again.
    SetStatus: Put "/admin/people/{id}/status" [PersonId], SetStatusRequest => ();
    /// Ends every session of the person.
    EndPersonSessions: Delete "/admin/people/{id}/sessions" [PersonId], - => ();
    /// Removes the person's two-step methods, to be registered again.
    RequireRegistration: Post "/admin/people/{id}/require-registration" [PersonId], - => ();
    /// Removes the person's password: they reset it themselves.
    RemovePassword: Delete "/admin/people/{id}/password" [PersonId], - => ();
    /// Registers an application that signs its people in through secinfo
    /// (OpenID Connect); its secret is shown this once.
    RegisterApplication: Post "/admin/applications", NewApplication => RegisteredApplication;
    /// The organization's applications, the newest first.
    ListApplications: Get "/admin/applications", - => Vec<ApplicationView>;
    /// The applications the person signed in to through secinfo, the most
    /// recent first.
    MyApplications: Get "/me/applications", - => Vec<ApplicationSignIn>;
    /// A new secret for a confidential application, shown this once; the
    /// old one stops working.
    ReplaceApplicationSecret: Post "/admin/applications/{id}/secret" [ClientId], - => RegisteredApplication;
    /// Disables an application (its people cannot sign in through it, and
    /// what it was given ends) or enables it again.
    SetApplicationStatus: Put "/admin/applications/{id}/disabled" [ClientId], ApplicationStatus => ApplicationView;
    /// An application's authorization request, as the sign-in entry found
    /// it in its address: back to the application, or sign in first.
    ContinueAuthorization: Post "/oidc/authorization", AuthorizationRequest => Authorization;
    /// An application's sign-out request, as the client found it in its
    /// address: the session ends when the request names it (a valid
    /// id_token_hint of this person), and the answer says where to go.
    EndSession: Post "/oidc/logout", AuthorizationRequest => SignedOut;
    /// Who an invitation's link is for (the link's token in the body,
    /// never in an address that logs keep).
    GetInvitation: Post "/invitation", InvitationToken => InvitationView;
    /// How hard an invited person's candidate password is to guess.
    RateInvitationPassword: Post "/invitation/strength", InvitationCandidate => PasswordStrength;
    /// The invited person's first password: they are signed in.
    AcceptInvitationPassword: Put "/invitation", AcceptInvitation => SessionInfo;
    /// Sends a person without a password a new invitation (any earlier
    /// one stops working).
    InvitePerson: Post "/admin/people/{id}/invitation" [PersonId], InviteRequest => ();
    /// Deletes the person; their audit record stays.
    DeletePerson: Delete "/admin/people/{id}" [PersonId], - => ();
    /// The organization's policy, for its administrators.
    GetPolicy: Get "/admin/policy", - => Policy;
    /// Replaces the organization's policy.
    PutPolicy: Put "/admin/policy", Policy => Policy;
    /// The security questions to choose from.
    GetQuestionChoices: Get "/me/security-questions", - => QuestionChoices;
    /// Registers the answers to security questions.
    SaveQuestions: Post "/me/security-questions", QuestionAnswers => SecurityInfo;
    /// Ten new recovery codes.
    GenerateRecoveryCodes: Post "/me/recovery-codes", - => RecoveryCodeSet;
    /// Verifies with a recovery code.
    RecoveryCodeStepUp: Post "/me/step-up/recovery-code", RecoveryCodeRequest => SecurityInfo;
    /// What a new password must be.
    GetPasswordRules: Get "/me/password", - => PasswordRules;
    /// How hard a candidate password is to guess.
    RatePassword: Post "/me/password/strength", PasswordCandidate => PasswordStrength;
    /// Changes the password.
    ChangePassword: Put "/me/password", ChangePasswordRequest => ();
    /// Begins a password reset.
    StartReset: Post "/password-reset", StartPasswordReset => ();
    /// Where the reset stands.
    ResetProgress: Get "/password-reset", - => PasswordResetState;
    /// A reset's first code or call.
    ResetContact: Post "/password-reset/contact", ResetContactRequest => Challenge;
    /// Where a reset's first call stands.
    ResetContactProgress: Get "/password-reset/contact/{id}" [ChallengeId], - => CallProgress;
    /// A reset's first code.
    ResetContactCode: Post "/password-reset/contact/{id}/code" [ChallengeId], VerifyCodeRequest => PasswordResetState;
    /// A reset's first code again (or the call again).
    ResetContactAgain: Post "/password-reset/contact/{id}/resend" [ChallengeId], - => Challenge;
    /// A reset's first proof with an app's code.
    ResetWithAppCode: Post "/password-reset/authenticator", ResetAppCode => PasswordResetState;
    /// The security questions a reset asks.
    GetResetQuestions: Get "/password-reset/questions", - => ResetQuestions;
    /// Answers a reset's questions.
    AnswerResetQuestions: Post "/password-reset/questions", QuestionAnswers => PasswordResetState;
    /// How hard a candidate password is to guess, during a reset.
    RateResetPassword: Post "/password-reset/strength", PasswordCandidate => PasswordStrength;
    /// The reset's new password.
    SetResetPassword: Put "/password-reset/password", NewPasswordRequest => ();
    /// The organization's logo (an SVG document, not JSON).
    OrganizationLogo: Get "/organizations/{id}/logo" [crate::OrganizationId], - => String;
    /// The load balancer's liveness answer (text, not JSON).
    Health: Get "/health", - => String;
    /// The OpenAPI description of everything above (JSON of its own shape).
    OpenApiDocument: Get "/openapi.json", - => String;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_takes_its_place_escaped() {
        let id = ChallengeId::new("a/b c");
        assert_eq!(
            path_at::<SubmitCode>(&id),
            "/api/me/challenges/a%2Fb%20c/code"
        );
        assert_eq!(path_of::<GetSession>(), "/api/session");
    }

    #[test]
    fn no_two_endpoints_share_a_method_and_path() {
        for (n, a) in ALL.iter().enumerate() {
            let same = |b: &&Described| (b.method, b.path) == (a.method, a.path);
            assert!(
                !ALL[n + 1..].iter().any(|b| same(&b)),
                "{a:?} is declared twice"
            );
        }
    }
}
