//! OpenID Connect's own endpoints (`oidc.rs`, `oidc_keys.rs`), which
//! applications call: discovery, the keys, the token endpoint and
//! UserInfo; and the authorization endpoint's form (its page is the
//! sign-in page's, `static_files.rs`). Outside `/api` and its CSRF guard (no cookie authorizes
//! them), they speak OAuth's forms, JSON and error codes; their paths are
//! described in `models/src/oidc.rs`.

use axum::extract::rejection::FormRejection;
use axum::extract::{FromRequest, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use axum_extra::extract::CookieJar;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use models::Locale;
use models::oidc::{
    AUTHORIZE_PATH, Authorization, DISCOVERY_PATH, INTROSPECT_PATH, JWKS_PATH, REVOKE_PATH,
    TOKEN_PATH, USERINFO_PATH,
};
use sha2::{Digest, Sha256};

use crate::audit::Caller;
use crate::error::AppResult;
use crate::http::cookies::presented;
use crate::http::security::is_same_origin;
use crate::markup::escape;
use crate::oidc::{
    self, Answer, ClientAuthentication, OAuthError, Refused, TokenForm, TokenQuestion, Via,
};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(DISCOVERY_PATH, get(discovery))
        .route(AUTHORIZE_PATH, post(authorize_form))
        .route(JWKS_PATH, get(jwks))
        .route(TOKEN_PATH, post(token))
        .route(USERINFO_PATH, get(userinfo_get).post(userinfo_post))
        .route(REVOKE_PATH, post(revoke))
        .route(INTROSPECT_PATH, post(introspect))
}

async fn discovery(State(state): State<AppState>) -> Response {
    public_json(oidc::discovery(&state))
}

async fn jwks(State(state): State<AppState>) -> AppResult<Response> {
    Ok(public_json(crate::oidc_keys::published(&state).await?))
}

/// The authorization request as a form (OpenID Connect Core 3.1.2.1).
/// Only a form of our own pages acts on the session: the sign-in page
/// posts the request so when the application wants its answer posted.
/// Any other (an application may post its request; the session cookie,
/// `SameSite=Strict`, does not come with it anyway) goes to the sign-in
/// page with the request in its address, which asks again.
async fn authorize_form(
    State(state): State<AppState>,
    caller: Caller,
    jar: CookieJar,
    headers: HeaderMap,
    query: String,
) -> Response {
    // A form's body is printable ASCII: anything else is no request of an
    // application's, and could not go into an address.
    if !query.bytes().all(|b| b.is_ascii_graphic()) {
        return oauth_error(OAuthError::InvalidRequest);
    }
    let page = || Redirect::to(&format!("{AUTHORIZE_PATH}?{query}")).into_response();
    let Some(presented) = presented(&state, &jar).filter(|_| is_same_origin(&state, &headers))
    else {
        return page();
    };
    let answer = oidc::authorize(&state, &caller, Some(&presented), &query, Via::Form).await;
    match answer {
        Ok(Answer::Page(Authorization::Return { to })) => Redirect::to(&to).into_response(),
        Ok(Answer::FormPost {
            to,
            fields,
            application,
        }) => {
            let locale = caller
                .accept_language
                .as_deref()
                .map_or(Locale::En, i18n::negotiate_accept_language);
            form_post(&state, locale, &to, &fields, &application)
        }
        // Signing in, a stronger proof or a refusal: the page shows it.
        Ok(Answer::Page(_)) | Err(_) => page(),
    }
}

/// What submits the form at once.
const SUBMIT_SCRIPT: &str = "document.forms[0].submit();";

/// The page that posts an answer to the application
/// (`response_mode=form_post`, OAuth 2.0 Form Post Response Mode): its
/// fields hidden, submitted by a script the page's own policy allows by its
/// hash, to the application's origin alone; a button where scripts do not
/// run. Never cached, like every answer that carries a code.
fn form_post(
    state: &AppState,
    locale: Locale,
    to: &str,
    fields: &[(String, String)],
    application: &str,
) -> Response {
    let mut args = i18n::Args::new();
    args.set("application", application.to_owned());
    let title = state.l10n.format(locale, "form-post-title", Some(&args));
    let button = state.l10n.format(locale, "form-post-continue", None);
    let inputs: String = fields
        .iter()
        .map(|(name, value)| {
            format!(
                r#"<input type="hidden" name="{}" value="{}">"#,
                escape(name),
                escape(value)
            )
        })
        .collect();
    let html = format!(
        r#"<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head><body><form method="post" action="{to}">{inputs}<noscript><button type="submit">{button}</button></noscript></form><script>{SUBMIT_SCRIPT}</script></body></html>"#,
        lang = locale.tag(),
        title = escape(&title),
        to = escape(to),
        button = escape(&button),
    );
    let script_hash = STANDARD.encode(Sha256::digest(SUBMIT_SCRIPT.as_bytes()));
    let csp = format!(
        "default-src 'none'; script-src 'sha256-{script_hash}'; form-action {}; \
         base-uri 'none'; frame-ancestors 'none'",
        origin_of(to).unwrap_or("'none'")
    );
    let mut response = Html(html).into_response();
    if let Ok(csp) = HeaderValue::from_str(&csp) {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    no_store(response)
}

/// `scheme://host[:port]` of an absolute address, if it is one a policy
/// may name.
fn origin_of(uri: &str) -> Option<&str> {
    let (scheme, rest) = uri.split_once("://")?;
    let authority = rest.split(['/', '?']).next()?;
    let origin = &uri[..scheme.len() + 3 + authority.len()];
    let plain = |c: char| c.is_ascii_alphanumeric() || ".-:[]".contains(c);
    (!authority.is_empty() && authority.chars().all(plain)).then_some(origin)
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

/// A client's request to the token, revocation or introspection endpoint:
/// its form, and the credentials of its `Authorization: Basic` header.
struct ClientForm<T> {
    form: T,
    authentication: ClientAuthentication,
}

impl<S: Send + Sync, T: serde::de::DeserializeOwned> FromRequest<S> for ClientForm<T> {
    type Rejection = Response;

    async fn from_request(request: Request, state: &S) -> Result<Self, Response> {
        let basic = basic_credentials(request.headers())
            .map_err(|()| oauth_error(OAuthError::InvalidClient))?;
        let Form(form) = Form::<T>::from_request(request, state)
            .await
            .map_err(|_| oauth_error(OAuthError::InvalidRequest))?;
        Ok(ClientForm {
            form,
            authentication: ClientAuthentication { basic },
        })
    }
}

/// The token endpoint (RFC 6749, 3.2): a code or a refresh token for tokens.
async fn token(State(state): State<AppState>, request: ClientForm<TokenForm>) -> Response {
    answered(oidc::exchange(&state, request.authentication, request.form).await)
}

/// Revocation (RFC 7009): 200 whether the token was known or not.
async fn revoke(State(state): State<AppState>, request: ClientForm<TokenQuestion>) -> Response {
    match oidc::revoke(&state, request.authentication, request.form).await {
        Ok(()) => no_store(StatusCode::OK.into_response()),
        Err(refused) => refusal(refused),
    }
}

/// Introspection (RFC 7662).
async fn introspect(State(state): State<AppState>, request: ClientForm<TokenQuestion>) -> Response {
    answered(oidc::introspect(&state, request.authentication, request.form).await)
}

/// A JSON answer never cached, or the refusal.
fn answered(answer: Result<serde_json::Value, Refused>) -> Response {
    match answer {
        Ok(answer) => no_store(Json(answer).into_response()),
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
    answered(oidc::userinfo(state, token.as_deref()).await)
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

#[cfg(test)]
mod tests {
    use super::origin_of;

    #[test]
    fn a_form_goes_only_to_its_own_origin() {
        assert_eq!(
            origin_of("https://payroll.contoso.example/oidc/callback?x=1"),
            Some("https://payroll.contoso.example")
        );
        assert_eq!(
            origin_of("http://localhost:8094/protected/redirect_uri"),
            Some("http://localhost:8094")
        );
        assert_eq!(origin_of("https://a.example;script-src *"), None);
        assert_eq!(origin_of("/relative"), None);
    }
}
