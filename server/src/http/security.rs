//! Cross-cutting protections: security headers (S23), the CSRF check on
//! every state-changing request (S19), and who the client is.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::Response;
use axum_extra::extract::CookieJar;
use models::ErrorCode;

use crate::error::AppError;
use crate::http::cookies::CookieNames;
use crate::secret::constant_time_eq;
use crate::state::AppState;

/// The header in which the client echoes its CSRF token.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// Adds the security headers to every response.
pub async fn security_headers(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    // API answers carry personal data (numbers, addresses) and the CSRF
    // token: no cache keeps them (F12).
    let is_api = request
        .uri()
        .path()
        .strip_prefix(models::endpoints::API_ROOT)
        .is_some_and(|rest| rest.starts_with('/'));
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    // A route that sets its own (the organization's logo: public, cacheable,
    // sandboxed) keeps it.
    if is_api {
        headers
            .entry(header::CACHE_CONTROL)
            .or_insert(HeaderValue::from_static("no-store"));
    }
    if let Ok(csp) = HeaderValue::from_str(&state.csp) {
        headers
            .entry(header::CONTENT_SECURITY_POLICY)
            .or_insert(csp);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
    );
    if state.config.is_https() {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    response
}

/// Refuses a state-changing request unless it comes from our own origin
/// and echoes the CSRF token of its cookie (S19). SameSite=Strict alone is
/// not relied on: older browsers and same-site subdomains get around it.
pub async fn csrf_guard(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Result<Response, AppError> {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        return Ok(next.run(request).await);
    }
    let headers = request.headers();
    let same_origin = is_same_origin(&state, headers);
    let jar = CookieJar::from_headers(headers);
    let names = CookieNames::for_config(&state.config);
    let cookie = jar.get(names.csrf).map(|c| c.value().to_owned());
    let echoed = headers.get(CSRF_HEADER).map(|v| v.as_bytes().to_vec());
    let token_ok = match (cookie, echoed) {
        (Some(cookie), Some(echoed)) => {
            !cookie.is_empty() && constant_time_eq(cookie.as_bytes(), &echoed)
        }
        _ => false,
    };
    if !same_origin || !token_ok {
        return Err(AppError::forbidden(ErrorCode::CsrfRejected));
    }
    Ok(next.run(request).await)
}

/// Whether a request came from a page of ours: its `Origin`, or where a
/// browser sends none (or `null`, as for a form posted under our
/// `Referrer-Policy: no-referrer`), `Sec-Fetch-Site`, which no page can set.
pub fn is_same_origin(state: &AppState, headers: &HeaderMap) -> bool {
    match headers.get(header::ORIGIN).filter(|o| *o != "null") {
        Some(origin) => origin.as_bytes() == state.config.public_origin.as_bytes(),
        None => headers
            .get("sec-fetch-site")
            .is_some_and(|v| v == "same-origin"),
    }
}

/// The client's network address, for throttling and the audit record.
pub struct ClientAddress(pub String);

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if state.config.trust_forwarded_for
            && let Some(forwarded) = last_forwarded_for(&parts.headers)
        {
            return Ok(ClientAddress(forwarded));
        }
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or_else(
                || "unknown".into(),
                |ConnectInfo(addr)| addr.ip().to_string(),
            );
        Ok(ClientAddress(peer))
    }
}

/// The address our own proxy appended: the last entry, the only one a
/// client cannot forge.
fn last_forwarded_for(headers: &HeaderMap) -> Option<String> {
    let value = headers.get("x-forwarded-for")?.to_str().ok()?;
    let last = value.rsplit(',').next()?.trim();
    last.parse::<std::net::IpAddr>()
        .ok()
        .map(|ip| ip.to_string())
}

/// The `User-Agent`, cut to a sane length for the audit record.
pub fn user_agent(headers: &HeaderMap) -> String {
    headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .chars()
        .take(256)
        .collect()
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
    fn forwarded_for_takes_the_last_hop() {
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            HeaderValue::from_static("6.6.6.6, 10.0.0.7"),
        );
        assert_eq!(last_forwarded_for(&headers).as_deref(), Some("10.0.0.7"));
        headers.insert("x-forwarded-for", HeaderValue::from_static("not-an-ip"));
        assert_eq!(last_forwarded_for(&headers), None);
    }
}
