//! The vocabulary that the secinfo client and server share.
//!
//! Everything here compiles for `wasm32-unknown-unknown` and for the server;
//! it depends on neither axum nor leptos. Newtypes parse once at the edge
//! ("parse, don't validate"), so the rest of the code can trust them.

mod account;
mod activity;
mod api;
mod code;
mod email;
pub mod endpoints;
mod error;
mod ids;
mod locale;
mod method;
mod new_password;
pub mod oidc;
pub mod people;
pub mod people_import;
mod phone;
pub mod policy;
pub use policy::OwnQuestion;
pub mod questions;
mod return_path;

pub use account::{AccountName, Password};
pub use activity::Activity;
pub use api::{
    AddableMethods, AuthenticatorCode, AuthenticatorSetup, ChangePasswordRequest,
    ConfirmAuthenticator, Coverage, CustomQuestion, FinishSecurityKeyRequest, NewPasswordRequest,
    PassView, PasswordCandidate, PasswordResetState, PasswordRules, PasswordStrength,
    QuestionAnswer, QuestionAnswers, QuestionChoices, RecoveryCodeRequest, RecoveryCodeSet,
    ResetAppCode, ResetContactRequest, ResetQuestion, ResetQuestions, ResetWay, SecurityInfo,
    SecurityKeyCeremony, SessionInfo, SetDefaultRequest, SetLocaleRequest, SignInRequest,
    StartPasswordReset, StartSecurityKeyRequest, StartStepUp, StepUpOption, UserView,
};
pub use code::normalize_code;
pub use email::EmailAddress;
pub use error::{ApiError, ErrorCode, Field};
pub use ids::{
    CeremonyId, ChallengeId, ClientId, MethodId, OrganizationId, PendingAppId, PersonId,
};
pub use locale::Locale;
pub use method::{
    DefaultMethod, MethodKind, MethodView, SECURITY_KEY_NAME_MAX_CHARS, needed_by, next_default,
};
pub use new_password::check_new_password;
pub use people::{
    ACTIVITY_SHOWN, AcceptInvitation, ActivityEntry, AddPersonRequest, AddedPerson,
    DISPLAY_NAME_MAX_CHARS, INVITATION_DAYS, InvitationCandidate, InvitationToken, InvitationView,
    InviteRequest, IssuePassRequest, IssuedPass, PASS_LIFETIME_STEPS, PEOPLE_PER_PAGE,
    PassLifetime, PasswordState, PeoplePage, PeopleQuery, PersonDetail, PersonMethod,
    PersonProfile, PersonRow, PersonSession, PersonStatus, Readiness, Role, SetRoleRequest,
    SetStatusRequest, TemporaryPassword,
};
pub use people_import::{
    IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, ImportColumn, ImportOutcome, ImportReport, ImportRequest,
    ImportRow, ImportStep, csv_cell, csv_line,
};
pub use phone::{
    CallProgress, CallStatus, Challenge, Channel, PhoneDelivery, Region, StartEmailRequest,
    StartPhoneRequest, VerifyCodeRequest,
};
pub use return_path::{
    SIGN_IN_PAGE, SIGNED_IN_PAGES, asking_for_language, safe_return_path, sign_in_returning_to,
};
