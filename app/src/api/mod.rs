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

fn remember_csrf(info: &SessionInfo) {
    CSRF_TOKEN.with(|t| *t.borrow_mut() = info.csrf_token.clone());
}

fn with_csrf(builder: RequestBuilder) -> RequestBuilder {
    let token = CSRF_TOKEN.with(|t| t.borrow().clone());
    builder.header("x-csrf-token", &token)
}

pub type ApiResult<T> = Result<T, ApiError>;

async fn error_of(response: Response) -> ApiError {
    response
        .json::<ApiError>()
        .await
        .unwrap_or_else(|_| ApiError::new(ErrorCode::Internal))
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
    let info: SessionInfo = json_of(Request::get("/api/session").send().await).await?;
    remember_csrf(&info);
    Ok(info)
}

pub async fn sign_in(request: &SignInRequest) -> ApiResult<SessionInfo> {
    let info: SessionInfo =
        json_of(send_json(Request::post("/api/session"), request).await).await?;
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
