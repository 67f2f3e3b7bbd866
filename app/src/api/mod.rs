//! The JSON API, typed by its descriptions (`models::endpoints`): one call
//! for every endpoint, and the few that do more (the CSRF token a session
//! answer brings; where a code or call is under way). Architecture
//! Invariant: no other module builds a request.

use std::cell::RefCell;

use gloo_net::http::{Request, RequestBuilder, Response};
use models::endpoints::{
    CallProgressOf, Endpoint, FinishPasskeySignIn, GetSession, Method, Resend, ResetContactAgain,
    ResetContactCode, ResetContactProgress, SignIn, SubmitCode, path_at, path_of,
};
use models::{ApiError, ErrorCode, SecurityInfo, SessionInfo, SignInRequest};

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
    CSRF_TOKEN.with(|t| t.borrow_mut().clone_from(&info.csrf_token));
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

/// Whether a call finding the session gone signs the page out.
#[derive(Clone, Copy, PartialEq, Eq)]
enum IfSessionEnded {
    SignOut,
    /// For a call nobody waits on (a password's strength, rated as it is
    /// typed): it may cross the form's own answer, which renewed the
    /// session, and must not undo it (a sign-out that was not).
    Ignore,
}

async fn error_of(response: Response, if_ended: IfSessionEnded) -> ApiError {
    let error = response
        .json::<ApiError>()
        .await
        .unwrap_or_else(|_| ApiError::new(ErrorCode::Internal));
    if error.code == ErrorCode::NotSignedIn && if_ended == IfSessionEnded::SignOut {
        ON_SESSION_ENDED.with(|f| {
            if let Some(f) = &*f.borrow() {
                f();
            }
        });
    }
    error
}

/// Calls endpoint `E` with `body` (`&()` when it takes none).
pub async fn call<E: Endpoint<Id = ()>>(body: &E::Body) -> ApiResult<E::Answer> {
    send::<E>(path_of::<E>(), body, IfSessionEnded::SignOut).await
}

/// Calls endpoint `E` on the side, for something shown while typing: a
/// refusal is only a missing hint, so a session found gone is left for the
/// form's own call to find.
pub async fn call_aside<E: Endpoint<Id = ()>>(body: &E::Body) -> ApiResult<E::Answer> {
    send::<E>(path_of::<E>(), body, IfSessionEnded::Ignore).await
}

/// Calls endpoint `E` about the thing `id` names: a method, a challenge, a
/// ceremony — each id its own type, so one cannot stand for another.
pub async fn call_at<E: Endpoint>(id: &E::Id, body: &E::Body) -> ApiResult<E::Answer>
where
    E::Id: std::fmt::Display,
{
    send::<E>(path_at::<E>(id), body, IfSessionEnded::SignOut).await
}

/// The typed ends of a call: the body written as JSON, the answer read
/// from it. Kept small, for it is made once per endpoint; the request
/// itself is `fetch`, made once.
async fn send<E: Endpoint>(
    path: String,
    body: &E::Body,
    if_ended: IfSessionEnded,
) -> ApiResult<E::Answer> {
    let body = match E::HAS_BODY {
        true => Some(serde_json::to_string(body).map_err(|_| ApiError::new(ErrorCode::Internal))?),
        false => None,
    };
    let text = fetch(E::METHOD, &path, body, if_ended).await?;
    // An empty answer reads as JSON's `null`, which is `()`: one
    // deserializer for every answer, so each answer's reading is made once.
    let json = if text.is_empty() { "null" } else { &text };
    serde_json::from_str(json).map_err(|_| ApiError::new(ErrorCode::Internal))
}

/// Sends one request and reads its answer's text; a refusal is the
/// server's `ApiError` (or `network` when nothing answered).
async fn fetch(
    method: Method,
    path: &str,
    body: Option<String>,
    if_ended: IfSessionEnded,
) -> ApiResult<String> {
    let builder = match method {
        Method::Get => Request::get(path),
        Method::Post => Request::post(path),
        Method::Put => Request::put(path),
        Method::Delete => Request::delete(path),
    };
    let sent = if method == Method::Get {
        builder.send().await
    } else {
        // A change before the page's first session answer waits for the
        // CSRF token it brings (the sign-in form is shown before it).
        csrf_known().await;
        let builder = with_csrf(builder);
        match body {
            Some(json) => match builder
                .header("content-type", "application/json")
                .body(json)
            {
                Ok(request) => request.send().await,
                Err(_) => return Err(ApiError::new(ErrorCode::Internal)),
            },
            None => builder.send().await,
        }
    };
    let response = sent.map_err(|_| ApiError::new(ErrorCode::Network))?;
    if !response.ok() {
        return Err(error_of(response, if_ended).await);
    }
    response
        .text()
        .await
        .map_err(|_| ApiError::new(ErrorCode::Network))
}

/// Who is signed in; also fetches the CSRF token.
pub async fn session() -> ApiResult<SessionInfo> {
    let answer = call::<GetSession>(&()).await;
    if let Ok(info) = &answer {
        remember_csrf(info);
    }
    release_waiting_for_csrf();
    answer
}

/// Signs in with a password; the session's new CSRF token is kept.
pub async fn sign_in(request: &SignInRequest) -> ApiResult<SessionInfo> {
    let info = call::<SignIn>(request).await?;
    remember_csrf(&info);
    Ok(info)
}

/// Signs in with the passkey the browser chose; the new CSRF token is kept.
pub async fn finish_passkey_sign_in(
    ceremony_id: &models::CeremonyId,
    credential_json: String,
) -> ApiResult<SessionInfo> {
    let body = models::FinishSecurityKeyRequest { credential_json };
    let info = call_at::<FinishPasskeySignIn>(ceremony_id, &body).await?;
    remember_csrf(&info);
    Ok(info)
}

/// Chooses an invited person's first password, which signs them in; the
/// new CSRF token is kept.
pub async fn accept_invitation(request: &models::AcceptInvitation) -> ApiResult<SessionInfo> {
    let info = call::<models::endpoints::AcceptInvitationPassword>(request).await?;
    remember_csrf(&info);
    Ok(info)
}

/// Where a verification by code or call is under way: the person's own
/// challenges, or a password reset's first proof (which names no one).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ChallengeAt {
    #[default]
    Me,
    ResetContact,
}

/// Finishes a challenge with its code: the security info it changed (for
/// the person's own), or none (a reset's first proof).
pub async fn submit_code_at(
    at: ChallengeAt,
    challenge_id: &models::ChallengeId,
    code: &str,
) -> ApiResult<Option<SecurityInfo>> {
    let body = models::VerifyCodeRequest {
        code: code.to_owned(),
    };
    match at {
        ChallengeAt::Me => call_at::<SubmitCode>(challenge_id, &body).await.map(Some),
        ChallengeAt::ResetContact => {
            match call_at::<ResetContactCode>(challenge_id, &body).await {
                // Proved, and then told the reset cannot go on: the page
                // reads where it stands and says so.
                Err(e) if e.code == ErrorCode::ResetNotPossible => Ok(None),
                other => other.map(|_| None),
            }
        }
    }
}

pub async fn call_progress_at(
    at: ChallengeAt,
    challenge_id: &models::ChallengeId,
) -> ApiResult<models::CallProgress> {
    match at {
        ChallengeAt::Me => call_at::<CallProgressOf>(challenge_id, &()).await,
        ChallengeAt::ResetContact => call_at::<ResetContactProgress>(challenge_id, &()).await,
    }
}

pub async fn resend_at(
    at: ChallengeAt,
    challenge_id: &models::ChallengeId,
) -> ApiResult<models::Challenge> {
    match at {
        ChallengeAt::Me => call_at::<Resend>(challenge_id, &()).await,
        ChallengeAt::ResetContact => call_at::<ResetContactAgain>(challenge_id, &()).await,
    }
}
