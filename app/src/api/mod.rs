//! The JSON API, typed. Architecture Invariant: no other module knows a URL
//! path of the server or builds a request.

use std::cell::RefCell;

use gloo_net::http::{Request, RequestBuilder, Response};
use models::{
    ApiError, ErrorCode, Locale, SecurityInfo, SessionInfo, SetLocaleRequest, SignInRequest,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

thread_local! {
    /// The CSRF token of this browser, echoed on every state-changing request.
    static CSRF_TOKEN: RefCell<String> = const { RefCell::new(String::new()) };
}

thread_local! {
    /// What to do when the server says the session is gone (signed out
    /// elsewhere, expired): set once by the session.
    static ON_SESSION_ENDED: RefCell<Option<Box<dyn Fn()>>> = const { RefCell::new(None) };
}

/// Registers what happens when any call finds the session gone.
pub fn on_session_ended(then: impl Fn() + 'static) {
    ON_SESSION_ENDED.with(|f| *f.borrow_mut() = Some(Box::new(then)));
}

thread_local! {
    /// Calls that need the CSRF token and came before the page's first
    /// `GET /api/session` answered (the sign-in form is shown before it does).
    static WAITING_FOR_CSRF: RefCell<Vec<futures_channel::oneshot::Sender<()>>> =
        const { RefCell::new(Vec::new()) };
}

fn remember_csrf(info: &SessionInfo) {
    CSRF_TOKEN.with(|t| *t.borrow_mut() = info.csrf_token.clone());
}

/// Lets the calls waiting for the CSRF token go on: it is known now, or the
/// session could not be asked for (they then fail as any call without it).
fn release_waiting_for_csrf() {
    for waiting in WAITING_FOR_CSRF.with(|w| std::mem::take(&mut *w.borrow_mut())) {
        let _ = waiting.send(());
    }
}

/// Once the CSRF token is known (at once, but for a sign-in sent before the
/// page's first session answer).
async fn csrf_known() {
    if CSRF_TOKEN.with(|t| !t.borrow().is_empty()) {
        return;
    }
    let (known, wait) = futures_channel::oneshot::channel();
    WAITING_FOR_CSRF.with(|w| w.borrow_mut().push(known));
    let _ = wait.await;
}

fn with_csrf(builder: RequestBuilder) -> RequestBuilder {
    let token = CSRF_TOKEN.with(|t| t.borrow().clone());
    builder.header("x-csrf-token", &token)
}

pub type ApiResult<T> = Result<T, ApiError>;

async fn error_of(response: Response) -> ApiError {
    let error = response
        .json::<ApiError>()
        .await
        .unwrap_or_else(|_| ApiError::new(ErrorCode::Internal));
    if error.code == ErrorCode::NotSignedIn {
        ON_SESSION_ENDED.with(|f| {
            if let Some(f) = &*f.borrow() {
                f();
            }
        });
    }
    error
}

async fn json_of<T: DeserializeOwned>(sent: Result<Response, gloo_net::Error>) -> ApiResult<T> {
    let response = sent.map_err(|_| ApiError::new(ErrorCode::Network))?;
    if !response.ok() {
        return Err(error_of(response).await);
    }
    response
        .json::<T>()
        .await
        .map_err(|_| ApiError::new(ErrorCode::Internal))
}

async fn empty_of(sent: Result<Response, gloo_net::Error>) -> ApiResult<()> {
    let response = sent.map_err(|_| ApiError::new(ErrorCode::Network))?;
    if response.ok() {
        Ok(())
    } else {
        Err(error_of(response).await)
    }
}

async fn send_json(
    builder: RequestBuilder,
    body: &impl Serialize,
) -> Result<Response, gloo_net::Error> {
    with_csrf(builder).json(body)?.send().await
}

/// Who is signed in; also fetches the CSRF token.
pub async fn session() -> ApiResult<SessionInfo> {
    let answer: ApiResult<SessionInfo> = json_of(Request::get("/api/session").send().await).await;
    if let Ok(info) = &answer {
        remember_csrf(info);
    }
    release_waiting_for_csrf();
    answer
}

pub async fn sign_in(request: &SignInRequest) -> ApiResult<SessionInfo> {
    csrf_known().await;
    let info: SessionInfo =
        json_of(send_json(Request::post("/api/session"), request).await).await?;
    remember_csrf(&info);
    Ok(info)
}

/// Begins a passkey sign-in: the browser's request options.
pub async fn start_passkey_sign_in() -> ApiResult<models::SecurityKeyCeremony> {
    csrf_known().await;
    json_of(
        with_csrf(Request::post("/api/session/passkey"))
            .send()
            .await,
    )
    .await
}

/// Signs in with the passkey the browser chose.
pub async fn finish_passkey_sign_in(
    ceremony_id: &str,
    credential_json: String,
) -> ApiResult<SessionInfo> {
    let body = models::FinishSecurityKeyRequest { credential_json };
    let info: SessionInfo = json_of(
        send_json(
            Request::post(&format!("/api/session/passkey/{ceremony_id}")),
            &body,
        )
        .await,
    )
    .await?;
    remember_csrf(&info);
    Ok(info)
}

pub async fn sign_out() -> ApiResult<()> {
    empty_of(with_csrf(Request::delete("/api/session")).send().await).await
}

pub async fn set_locale(locale: Locale) -> ApiResult<()> {
    empty_of(send_json(Request::put("/api/me/locale"), &SetLocaleRequest { locale }).await).await
}

pub async fn security_info() -> ApiResult<SecurityInfo> {
    json_of(Request::get("/api/me/security-info").send().await).await
}

pub async fn regions() -> ApiResult<Vec<models::Region>> {
    json_of(Request::get("/api/phone/regions").send().await).await
}

pub async fn start_phone(request: &models::StartPhoneRequest) -> ApiResult<models::Challenge> {
    json_of(send_json(Request::post("/api/me/phone/challenges"), request).await).await
}

pub async fn start_email(request: &models::StartEmailRequest) -> ApiResult<models::Challenge> {
    json_of(send_json(Request::post("/api/me/email/challenges"), request).await).await
}

pub async fn start_security_key(name: &str) -> ApiResult<models::SecurityKeyCeremony> {
    let body = models::StartSecurityKeyRequest {
        name: name.to_owned(),
    };
    json_of(send_json(Request::post("/api/me/security-keys"), &body).await).await
}

pub async fn finish_security_key(
    ceremony_id: &str,
    credential_json: String,
) -> ApiResult<SecurityInfo> {
    let body = models::FinishSecurityKeyRequest { credential_json };
    json_of(
        send_json(
            Request::post(&format!("/api/me/security-keys/{ceremony_id}")),
            &body,
        )
        .await,
    )
    .await
}

pub async fn submit_code(challenge_id: &str, code: &str) -> ApiResult<SecurityInfo> {
    let body = models::VerifyCodeRequest {
        code: code.to_owned(),
    };
    json_of(
        send_json(
            Request::post(&format!("/api/me/challenges/{challenge_id}/code")),
            &body,
        )
        .await,
    )
    .await
}

pub async fn delete_method(id: &str) -> ApiResult<SecurityInfo> {
    json_of(
        with_csrf(Request::delete(&format!("/api/me/methods/{id}")))
            .send()
            .await,
    )
    .await
}

pub async fn set_default(request: &models::SetDefaultRequest) -> ApiResult<SecurityInfo> {
    json_of(send_json(Request::put("/api/me/default-method"), request).await).await
}

pub async fn step_up_options() -> ApiResult<Vec<models::StepUpOption>> {
    json_of(Request::get("/api/me/step-up").send().await).await
}

/// Texts or calls a phone (`delivery`), or emails an address (`None`).
pub async fn start_step_up(
    method_id: &str,
    delivery: Option<models::PhoneDelivery>,
) -> ApiResult<models::Challenge> {
    json_of(
        send_json(
            Request::post("/api/me/step-up"),
            &models::StartStepUp {
                method_id: method_id.to_owned(),
                delivery,
            },
        )
        .await,
    )
    .await
}

pub async fn start_authenticator() -> ApiResult<models::AuthenticatorSetup> {
    json_of(
        with_csrf(Request::post("/api/me/authenticator"))
            .send()
            .await,
    )
    .await
}

pub async fn confirm_authenticator(
    ceremony_id: &str,
    code: &str,
    name: &str,
) -> ApiResult<SecurityInfo> {
    let body = models::ConfirmAuthenticator {
        code: code.to_owned(),
        name: Some(name.to_owned()).filter(|n| !n.trim().is_empty()),
    };
    json_of(
        send_json(
            Request::post(&format!("/api/me/authenticator/{ceremony_id}/code")),
            &body,
        )
        .await,
    )
    .await
}

pub async fn step_up_authenticator(method_id: &str, code: &str) -> ApiResult<SecurityInfo> {
    let body = models::AuthenticatorCode {
        method_id: method_id.to_owned(),
        code: code.to_owned(),
    };
    json_of(send_json(Request::post("/api/me/step-up/authenticator"), &body).await).await
}

pub async fn password_rules() -> ApiResult<models::PasswordRules> {
    json_of(Request::get("/api/me/password").send().await).await
}

pub async fn password_strength(password: &str) -> ApiResult<models::PasswordStrength> {
    let body = models::PasswordCandidate {
        password: password.to_owned(),
    };
    json_of(send_json(Request::post("/api/me/password/strength"), &body).await).await
}

pub async fn change_password(request: &models::ChangePasswordRequest) -> ApiResult<()> {
    empty_of(send_json(Request::put("/api/me/password"), request).await).await
}

pub async fn generate_recovery_codes() -> ApiResult<models::RecoveryCodeSet> {
    json_of(
        with_csrf(Request::post("/api/me/recovery-codes"))
            .send()
            .await,
    )
    .await
}

pub async fn step_up_recovery_code(code: &str) -> ApiResult<SecurityInfo> {
    let body = models::RecoveryCodeRequest {
        code: code.to_owned(),
    };
    json_of(send_json(Request::post("/api/me/step-up/recovery-code"), &body).await).await
}

pub async fn start_step_up_security_key() -> ApiResult<models::SecurityKeyCeremony> {
    json_of(
        with_csrf(Request::post("/api/me/step-up/security-key"))
            .send()
            .await,
    )
    .await
}

pub async fn finish_step_up_security_key(
    ceremony_id: &str,
    credential_json: String,
) -> ApiResult<SecurityInfo> {
    let body = models::FinishSecurityKeyRequest { credential_json };
    json_of(
        send_json(
            Request::post(&format!("/api/me/step-up/security-key/{ceremony_id}")),
            &body,
        )
        .await,
    )
    .await
}

pub async fn organization_policy() -> ApiResult<models::policy::Policy> {
    json_of(Request::get("/api/admin/policy").send().await).await
}

pub async fn save_organization_policy(
    policy: &models::policy::Policy,
) -> ApiResult<models::policy::Policy> {
    json_of(send_json(Request::put("/api/admin/policy"), policy).await).await
}

pub async fn question_choices() -> ApiResult<models::QuestionChoices> {
    json_of(Request::get("/api/me/security-questions").send().await).await
}

pub async fn save_questions(answers: &models::QuestionAnswers) -> ApiResult<SecurityInfo> {
    json_of(send_json(Request::post("/api/me/security-questions"), answers).await).await
}

/// Ends every session of the signed-in person, this one included.
pub async fn sign_out_everywhere() -> ApiResult<()> {
    empty_of(with_csrf(Request::delete("/api/me/sessions")).send().await).await
}

/// "Forgot my password?": begins a reset of that account.
pub async fn start_password_reset(account_name: &str) -> ApiResult<()> {
    let body = models::StartPasswordReset {
        account_name: account_name.to_owned(),
    };
    empty_of(send_json(Request::post("/api/password-reset"), &body).await).await
}

pub async fn password_reset() -> ApiResult<models::PasswordResetState> {
    json_of(Request::get("/api/password-reset").send().await).await
}

/// Where a verification by code or call is under way: the person's own
/// challenges, or a password reset's first proof (which names no one).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ChallengeAt {
    #[default]
    Me,
    ResetContact,
}

impl ChallengeAt {
    fn path(self, challenge_id: &str) -> String {
        match self {
            ChallengeAt::Me => format!("/api/me/challenges/{challenge_id}"),
            ChallengeAt::ResetContact => format!("/api/password-reset/contact/{challenge_id}"),
        }
    }
}

/// Finishes a challenge with its code: the security info it changed (for
/// the person's own), or none (a reset's first proof).
pub async fn submit_code_at(
    at: ChallengeAt,
    challenge_id: &str,
    code: &str,
) -> ApiResult<Option<SecurityInfo>> {
    match at {
        ChallengeAt::Me => submit_code(challenge_id, code).await.map(Some),
        ChallengeAt::ResetContact => {
            let body = models::VerifyCodeRequest {
                code: code.to_owned(),
            };
            let path = format!("{}/code", at.path(challenge_id));
            let proved: ApiResult<models::PasswordResetState> =
                json_of(send_json(Request::post(&path), &body).await).await;
            match proved {
                // Proved, and then told the reset cannot go on: the page
                // reads where it stands and says so.
                Err(e) if e.code == models::ErrorCode::ResetNotPossible => Ok(None),
                other => other.map(|_| None),
            }
        }
    }
}

pub async fn call_progress_at(
    at: ChallengeAt,
    challenge_id: &str,
) -> ApiResult<models::CallProgress> {
    json_of(Request::get(&at.path(challenge_id)).send().await).await
}

pub async fn resend_at(at: ChallengeAt, challenge_id: &str) -> ApiResult<models::Challenge> {
    let path = format!("{}/resend", at.path(challenge_id));
    json_of(with_csrf(Request::post(&path)).send().await).await
}

/// A reset's first code or call, to the whole number or address typed.
pub async fn reset_contact(channel: models::Channel, to: &str) -> ApiResult<models::Challenge> {
    let body = models::ResetContactRequest {
        channel,
        to: to.to_owned(),
    };
    json_of(send_json(Request::post("/api/password-reset/contact"), &body).await).await
}

/// A reset's first proof with an authenticator app's code.
pub async fn reset_app_code(code: &str) -> ApiResult<models::PasswordResetState> {
    let body = models::ResetAppCode {
        code: code.to_owned(),
    };
    json_of(send_json(Request::post("/api/password-reset/authenticator"), &body).await).await
}

pub async fn reset_questions() -> ApiResult<models::ResetQuestions> {
    json_of(Request::get("/api/password-reset/questions").send().await).await
}

pub async fn answer_reset_questions(
    answers: &models::QuestionAnswers,
) -> ApiResult<models::PasswordResetState> {
    json_of(send_json(Request::post("/api/password-reset/questions"), answers).await).await
}

pub async fn reset_password_strength(password: &str) -> ApiResult<models::PasswordStrength> {
    let body = models::PasswordCandidate {
        password: password.to_owned(),
    };
    json_of(send_json(Request::post("/api/password-reset/strength"), &body).await).await
}

pub async fn set_reset_password(new_password: &str) -> ApiResult<()> {
    let body = models::NewPasswordRequest {
        new_password: new_password.to_owned(),
    };
    empty_of(send_json(Request::put("/api/password-reset/password"), &body).await).await
}
