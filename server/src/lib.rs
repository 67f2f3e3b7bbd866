//! The secinfo server: the JSON API under `/api` and the built client.
//!
//! `app(state)` is the whole server as a `Router`, so tests drive it
//! without a socket; `main.rs` only reads configuration and listens.

pub mod administration;
pub mod audit;
pub mod authenticator;
pub mod authenticator_app;
pub mod backchannel_logout;
pub mod backup;
pub mod bootstrap;
pub mod branding;
pub mod breached;
pub mod cli;
pub mod client_files;
pub mod clock;
pub mod codes;
pub mod config;
pub mod csp;
pub mod csv_file;
pub mod dev_seams;
pub mod directory;
pub mod error;
pub mod http;
pub mod invitation;
pub mod key_ceremonies;
pub mod markup;
pub mod metrics;
pub mod notify;
pub mod oidc;
pub mod oidc_keys;
pub mod opened_keys;
pub mod passkey_sign_in;
pub mod password_change;
pub mod password_reset;
pub mod password_rules;
pub mod passwords;
pub mod people;
pub mod people_import;
pub mod person_actions;
pub mod phone;
pub mod policy;
pub mod providers;
pub mod questions;
pub mod readiness;
pub mod recovery_codes;
pub mod registration;
pub mod reset_first_proof;
pub mod routes;
pub mod secret;
pub mod security_info;
pub mod security_key;
pub mod seed;
pub mod session;
pub mod sign_in;
pub mod state;
pub mod store;
pub mod temporary_access_pass;
pub mod test_fixtures;
pub mod throttle;
pub mod verification;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware;
use models::endpoints::API_ROOT;
use tower_http::compression::CompressionLayer;

pub use state::AppState;

/// Request bodies larger than this are refused with 413 `payload-too-large`.
pub const BODY_LIMIT: usize = 64 * 1024;

pub fn app(state: AppState) -> Router {
    // Counting starts with the first request, not the first scrape.
    metrics::handle();
    let api = routes::api(&state)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(CompressionLayer::new())
        .with_state(state.clone());
    Router::new()
        .nest(API_ROOT, api)
        // "/api/" itself is no page of the client: a JSON 404 (F14).
        .route(
            &format!("{API_ROOT}/"),
            axum::routing::any(|| async { error::AppError::not_found() }),
        )
        .merge(
            routes::oidc_provider()
                .layer(DefaultBodyLimit::max(BODY_LIMIT))
                .with_state(state.clone()),
        )
        .merge(routes::operations().with_state(state.clone()))
        .merge(routes::dev_pages(&state).with_state(state.clone()))
        .route_layer(middleware::from_fn(http::observe::tag_route))
        .merge(http::static_files::router(state.clone()))
        .layer(middleware::from_fn_with_state(
            state,
            http::security::security_headers,
        ))
        .layer(middleware::from_fn(http::observe::observe))
}
