//! What the operator's machinery asks: liveness and readiness for the load
//! balancer or orchestrator, and the metrics for Prometheus. Outside `/api`
//! (no session, no CSRF).

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::state::AppState;

pub const LIVE_PATH: &str = "/health/live";
pub const READY_PATH: &str = "/health/ready";
pub const METRICS_PATH: &str = "/metrics";

pub fn router() -> Router<AppState> {
    Router::new()
        .route(LIVE_PATH, get(live))
        .route(READY_PATH, get(ready))
        .route(METRICS_PATH, get(metrics))
}

/// The process answers: nothing else is asked (a restart would not mend a
/// database that is away).
async fn live() -> &'static str {
    "ok"
}

/// 200 while this instance can serve, 503 with what is wrong otherwise.
async fn ready(State(state): State<AppState>) -> Response {
    let readiness = crate::readiness::check(&state).await;
    let status = if readiness.ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (
        status,
        [(header::CACHE_CONTROL, "no-store")],
        axum::Json(readiness),
    )
        .into_response()
}

/// Prometheus' text format, to a bearer of the configured token only
/// (S43: not public); while no token is configured there is no such page.
async fn metrics(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let token = &state.config.metrics.token;
    if token.is_empty() {
        return StatusCode::NOT_FOUND.into_response();
    }
    let presented = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default();
    if !crate::secret::constant_time_eq(presented.as_bytes(), token.as_bytes()) {
        return (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "Bearer")],
        )
            .into_response();
    }
    (
        [
            (header::CONTENT_TYPE, "text/plain; version=0.0.4"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        crate::metrics::render(&state).await,
    )
        .into_response()
}
