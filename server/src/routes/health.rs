use axum::Router;
use axum::routing::get;

use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/health", get(health))
}

/// Liveness: answers without touching the database (also the benchmark's
/// trivial endpoint).
#[utoipa::path(get, path = "/api/health", responses((status = 200, description = "The server is up", body = String)))]
pub async fn health() -> &'static str {
    "ok"
}
