//! What each request leaves behind for the operator: a request id carried
//! through every log line it causes (and back in `X-Request-Id`), one log
//! line when it is answered, and the request metrics.
//!
//! Architecture Invariant: a request's log line names its path without the
//! query, and its metrics name the route's template: a query or a path can
//! carry what S43 keeps out of logs and labels.

use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use tracing::Instrument;

const REQUEST_ID: &str = "x-request-id";

/// The route a request matched, handed from inside the router (where it is
/// known) to `observe` outside it.
#[derive(Clone)]
struct Route(MatchedPath);

/// Layered on the routes themselves (`route_layer`): notes the template.
pub async fn tag_route(request: Request, next: Next) -> Response {
    let matched = request.extensions().get::<MatchedPath>().cloned();
    let mut response = next.run(request).await;
    if let Some(matched) = matched {
        response.extensions_mut().insert(Route(matched));
    }
    response
}

/// Layered outside everything: the request id, the span, the line, the
/// metrics.
pub async fn observe(mut request: Request, next: Next) -> Response {
    let started = Instant::now();
    let id = request
        .headers()
        .get(REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|v| well_formed(v))
        .map_or_else(new_id, str::to_owned);
    if let Ok(value) = HeaderValue::from_str(&id) {
        request.headers_mut().insert(REQUEST_ID, value);
    }
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let span = tracing::info_span!("request", request_id = %id);
    let mut response = next.run(request).instrument(span.clone()).await;
    let took = started.elapsed();
    let status = response.status().as_u16();
    // No route matched: an address of the API that is none (its 404), a
    // page of the client (its HTML), or one of its files, told apart so
    // that neither hides the other.
    let is_page = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let route = match response.extensions().get::<Route>() {
        Some(route) => route.0.as_str().to_owned(),
        None if path.starts_with(models::endpoints::API_ROOT) => {
            format!("{}/(none)", models::endpoints::API_ROOT)
        }
        None if is_page => "page".to_owned(),
        None => "static".to_owned(),
    };
    crate::metrics::request(&route, method.as_str(), status, took);
    span.in_scope(|| {
        tracing::info!(
            method = %method,
            path = %path,
            status,
            ms = %format_args!("{:.1}", took.as_secs_f64() * 1000.0),
            "answered"
        );
    });
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    response
}

/// An id a proxy gave is kept when it is short and plain; anything else
/// is replaced (it would otherwise go into every log line).
fn well_formed(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

fn new_id() -> String {
    crate::secret::random_token(12).unwrap_or_else(|_| "unknown".into())
}

#[cfg(test)]
mod tests {
    use super::well_formed;

    #[test]
    fn only_plain_short_ids_are_kept() {
        assert!(well_formed("3f2a-1b.c_9"));
        assert!(!well_formed(""));
        assert!(!well_formed(&"a".repeat(65)));
        assert!(!well_formed("a b"));
        assert!(!well_formed("a\nforged line"));
    }
}
