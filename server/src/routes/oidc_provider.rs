//! OpenID Connect's own endpoints (`oidc.rs`, `oidc_keys.rs`), which
//! applications call: discovery, the keys, the token endpoint and
//! UserInfo. Outside `/api` and its CSRF guard (no cookie authorizes
//! them), they speak OAuth's forms, JSON and error codes; their paths are
//! described in `models/src/oidc.rs`.

use axum::extract::State;
use axum::extract::rejection::FormRejection;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use models::oidc::{DISCOVERY_PATH, JWKS_PATH, TOKEN_PATH, USERINFO_PATH};

use crate::error::AppResult;
use crate::oidc::{self, ClientAuthentication, OAuthError, Refused, TokenForm};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(DISCOVERY_PATH, get(discovery))
        .route(JWKS_PATH, get(jwks))
        .route(TOKEN_PATH, post(token))
        .route(USERINFO_PATH, get(userinfo_get).post(userinfo_post))
}

async fn discovery(State(state): State<AppState>) -> Response {
    public_json(oidc::discovery(&state))
}

async fn jwks(State(state): State<AppState>) -> AppResult<Response> {
    Ok(public_json(crate::oidc_keys::published(&state).await?))
}

/// A description anybody may cache a little while.
fn public_json(body: serde_json::Value) -> Response {
    let mut response = Json(body).into_response();
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    response
}

/// The token endpoint (RFC 6749, 3.2): a code for tokens.
async fn token(
    State(state): State<AppState>,
    headers: HeaderMap,
    form: Result<Form<TokenForm>, FormRejection>,
) -> Response {
    let Ok(Form(form)) = form else {
        return oauth_error(OAuthError::InvalidRequest);
    };
    let Ok(basic) = basic_credentials(&headers) else {
        return oauth_error(OAuthError::InvalidClient);
    };
    match oidc::exchange(&state, ClientAuthentication { basic }, form).await {
        Ok(tokens) => no_store(Json(tokens).into_response()),
        Err(refused) => refusal(refused),
    }
}

/// UserInfo with the token in the `Authorization` header.
async fn userinfo_get(State(state): State<AppState>, headers: HeaderMap) -> Response {
    userinfo(&state, bearer(&headers)).await
}

#[derive(serde::Deserialize)]
struct UserInfoForm {
    access_token: Option<String>,
}

/// UserInfo by POST: the token in the header or in the form (RFC 6750, 2.2).
async fn userinfo_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    form: Result<Form<UserInfoForm>, FormRejection>,
) -> Response {
    let from_form = form.ok().and_then(|Form(f)| f.access_token);
    let token = match (bearer(&headers), from_form) {
        (Some(_), Some(_)) => return oauth_error(OAuthError::InvalidRequest),
        (Some(token), None) | (None, Some(token)) => Some(token),
        (None, None) => None,
    };
    userinfo(&state, token).await
}

async fn userinfo(state: &AppState, token: Option<String>) -> Response {
    match oidc::userinfo(state, token.as_deref()).await {
        Ok(claims) => no_store(Json(claims).into_response()),
        Err(refused) => refusal(refused),
    }
}

fn bearer(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_owned())
}

/// `Authorization: Basic` as RFC 6749 (2.3.1) has it: the id and secret
/// each form-encoded before they were joined. `Err`: a header that says
/// Basic but is not.
fn basic_credentials(headers: &HeaderMap) -> Result<Option<(String, String)>, ()> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let value = value.to_str().map_err(|_| ())?;
    let Some((scheme, encoded)) = value.split_once(' ') else {
        return Err(());
    };
    if !scheme.eq_ignore_ascii_case("basic") {
        return Err(());
    }
    let decoded = STANDARD.decode(encoded.trim()).map_err(|_| ())?;
    let decoded = String::from_utf8(decoded).map_err(|_| ())?;
    let (id, secret) = decoded.split_once(':').ok_or(())?;
    let decode = |part: &str| {
        form_urlencoded::parse(format!("x={part}").as_bytes())
            .next()
            .map(|(_, v)| v.into_owned())
            .unwrap_or_default()
    };
    Ok(Some((decode(id), decode(secret))))
}

fn refusal(refused: Refused) -> Response {
    match refused {
        Refused::OAuth(error) => oauth_error(error),
        Refused::App(error) => error.into_response(),
    }
}

/// An OAuth error's answer: its code as JSON, 401 with a challenge when the
/// client or the token did not prove itself.
fn oauth_error(error: OAuthError) -> Response {
    let body = Json(serde_json::json!({ "error": error.as_str() }));
    let response = match error {
        OAuthError::InvalidClient => (
            StatusCode::UNAUTHORIZED,
            [(
                header::WWW_AUTHENTICATE,
                "Basic realm=\"secinfo\"".to_owned(),
            )],
            body,
        )
            .into_response(),
        OAuthError::InvalidToken => (
            StatusCode::UNAUTHORIZED,
            [(
                header::WWW_AUTHENTICATE,
                "Bearer error=\"invalid_token\"".to_owned(),
            )],
            body,
        )
            .into_response(),
        _ => (StatusCode::BAD_REQUEST, body).into_response(),
    };
    no_store(response)
}

/// Tokens and claims are never cached (RFC 6749, 5.1).
fn no_store(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
    response
}
