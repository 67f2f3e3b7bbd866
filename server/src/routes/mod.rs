//! The JSON API under `/api`. Each feature owns its router; this is the one
//! place that lists them all.

pub(crate) mod admin;
pub(crate) mod authenticator;
pub(crate) mod challenges;
pub(crate) mod email;
mod fixtures;
pub(crate) mod handset;
mod health;
pub(crate) mod mailbox;
mod me;
pub(crate) mod methods;
pub(crate) mod phone;
pub(crate) mod questions;
pub(crate) mod security_key;
pub(crate) mod session;
mod twilio;

use axum::Router;
use axum::http::StatusCode;
use axum::middleware;
use models::ErrorCode;

use crate::error::AppError;
use crate::state::AppState;

pub(crate) use health::__path_health;
pub(crate) use me::__path_set_locale;
pub(crate) use methods::{
    __path_delete_method, __path_security_info, __path_set_default, __path_start_step_up,
    __path_step_up_options,
};
pub(crate) use session::{__path_get_session, __path_sign_in, __path_sign_out};

pub fn api(state: &AppState) -> Router<AppState> {
    let mut router = Router::new()
        .merge(health::router())
        .merge(session::router())
        .merge(me::router())
        .merge(methods::router())
        .merge(phone::router())
        .merge(email::router())
        .merge(security_key::router())
        .merge(challenges::router())
        .merge(authenticator::router())
        .merge(admin::router())
        .merge(questions::router())
        .route(
            "/openapi.json",
            axum::routing::get(crate::openapi::openapi_json),
        );
    if state.config.test_seams() {
        router = router.merge(fixtures::router());
    }
    let mut router = router
        .fallback(|| async { AppError::not_found() })
        .method_not_allowed_fallback(|| async {
            AppError::status(StatusCode::METHOD_NOT_ALLOWED, ErrorCode::MethodNotAllowed)
        })
        .layer(middleware::from_fn_with_state(
            state.clone(),
            crate::security::csrf_guard,
        ));
    // Carrier webhooks authenticate by signature, not by cookie and token,
    // so they are added after the CSRF layer.
    if matches!(
        state.config.telephony,
        crate::config::TelephonyConfig::Twilio(_)
    ) {
        router = router.merge(twilio::router());
    }
    router
}
