use axum::Router;

use models::endpoints::{Endpoint, Health};

use crate::http::endpoint::ApiRouter;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().endpoint(Health, health)
}

/// Liveness: answers without touching the database (also the benchmark's
/// trivial endpoint).
#[utoipa::path(get, path = Health::FULL_PATH, responses((status = 200, description = "The server is up", body = String)))]
pub async fn health() -> &'static str {
    "ok"
}
