//! Every route of the server. Each feature owns its router; this is the one
//! place that lists them all, and the OpenAPI description of the JSON API
//! that they make up. Route files never import each other.

mod admin;
mod authenticator;
mod branding;
mod challenges;
mod email;
mod fixtures;
mod handset;
mod health;
mod invitation;
mod mailbox;
mod me;
mod methods;
mod oidc;
mod oidc_provider;
mod operations;
mod password;
mod password_reset;
mod people;
mod phone;
mod questions;
mod recovery_codes;
mod security_key;
mod session;
mod temporary_access_pass;
mod twilio;

use axum::Router;
use axum::middleware;
use models::ErrorCode;

use crate::error::AppError;
use crate::http::endpoint::ApiRouter;
use crate::state::AppState;
use models::endpoints::OpenApiDocument;

use axum::Json;
use utoipa::OpenApi;

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
        .merge(recovery_codes::router())
        .merge(password::router())
        .merge(password_reset::router())
        .merge(temporary_access_pass::router())
        .merge(people::router())
        .merge(invitation::router())
        .merge(branding::router())
        .merge(oidc::router())
        .endpoint(OpenApiDocument, openapi_json);
    if state.config.test_seams() {
        router = router.merge(fixtures::router());
    }
    let mut router = router
        .fallback(|| async { AppError::not_found() })
        .method_not_allowed_fallback(|| async {
            AppError::because(
                crate::error::Refusal::MethodNotAllowed,
                ErrorCode::MethodNotAllowed,
            )
        })
        .layer(middleware::from_fn_with_state(
            state.clone(),
            crate::http::security::csrf_guard,
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

/// OpenID Connect's endpoints that applications call (discovery, keys,
/// token, userinfo): outside `/api`, and outside its CSRF guard, since no
/// cookie authorizes them.
pub fn oidc_provider() -> Router<AppState> {
    oidc_provider::router()
}

/// Health and metrics, for the operator's machinery (outside `/api`).
pub fn operations() -> Router<AppState> {
    operations::router()
}

/// The pages outside `/api` that only development and tests serve: the
/// simulated carrier's handset and the dev mailbox.
pub fn dev_pages(state: &AppState) -> Router<AppState> {
    let mut router = Router::new();
    if state.config.handset() {
        router = router.merge(handset::router());
    }
    if state.config.dev_mailbox() {
        router = router.merge(mailbox::router());
    }
    router
}

/// The OpenAPI description, generated from the handlers and the shared
/// models, served at `/api/openapi.json` (and fuzzed with schemathesis).
#[derive(OpenApi)]
#[openapi(
    info(
        title = "secinfo",
        description = "Self-service security info: the JSON API of the secinfo client."
    ),
    paths(
        branding::logo,
        session::sign_out_everywhere,
        questions::choices,
        questions::save,
        admin::get_policy,
        admin::put_policy,
        authenticator::start,
        authenticator::confirm,
        authenticator::step_up,
        health::health,
        session::get_session,
        session::sign_in,
        session::sign_out,
        session::start_passkey,
        session::finish_passkey,
        me::set_locale,
        temporary_access_pass::own_pass,
        temporary_access_pass::delete_own_pass,
        people::search,
        people::add,
        people::import,
        people::person,
        people::issue_pass,
        people::revoke_pass,
        people::set_role,
        people::update_profile,
        people::set_status,
        people::end_sessions,
        people::require_registration,
        people::remove_password,
        people::temporary_password,
        people::delete,
        oidc::continue_authorization,
        oidc::end_session,
        oidc::register,
        oidc::list,
        oidc::mine,
        oidc::replace_secret,
        oidc::set_status,
        people::invite,
        invitation::view,
        invitation::strength,
        invitation::accept,
        methods::security_info,
        methods::delete_method,
        methods::set_default,
        methods::step_up_options,
        methods::start_step_up,
        phone::phone_regions,
        phone::start,
        email::start,
        security_key::start,
        security_key::finish,
        security_key::start_step_up,
        security_key::finish_step_up,
        challenges::submit_code,
        challenges::progress,
        challenges::resend,
        recovery_codes::generate,
        recovery_codes::step_up,
        password::rules,
        password::strength,
        password::change,
        password_reset::start,
        password_reset::progress,
        password_reset::contact,
        password_reset::contact_progress,
        password_reset::contact_code,
        password_reset::contact_again,
        password_reset::app_code,
        password_reset::questions,
        password_reset::answer_questions,
        password_reset::strength,
        password_reset::new_password
    ),
    components(schemas(
        models::ApiError,
        models::ErrorCode,
        models::Field,
        models::Locale,
        models::MethodKind,
        models::MethodView
    ))
)]
pub struct ApiDoc;

async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use models::endpoints::{ALL, Endpoint, OpenApiDocument};
    use utoipa::OpenApi;
    use utoipa::openapi::path::Operation;

    use super::ApiDoc;

    /// The schema an operation's JSON request body names, if any.
    fn body_schema(operation: &Operation) -> Option<String> {
        let body = serde_json::to_value(operation.request_body.as_ref()?).ok()?;
        let schema = &body["content"]["application/json"]["schema"]["$ref"];
        Some(schema.as_str()?.rsplit('/').next()?.to_owned())
    }

    /// The OpenAPI description names every endpoint of `models::endpoints`
    /// at its method and path, with the body type it declares, and nothing
    /// else (but itself).
    #[test]
    fn the_openapi_description_is_the_endpoints() {
        let doc = ApiDoc::openapi();
        let mut described = BTreeSet::new();
        for (path, item) in &doc.paths.paths {
            let operations = [
                ("GET", &item.get),
                ("POST", &item.post),
                ("PUT", &item.put),
                ("DELETE", &item.delete),
            ];
            for (method, operation) in operations {
                if let Some(operation) = operation {
                    described.insert((method.to_owned(), path.clone(), body_schema(operation)));
                }
            }
        }
        let declared: BTreeSet<(String, String, Option<String>)> = ALL
            .iter()
            .filter(|e| e.path != OpenApiDocument::FULL_PATH)
            .map(|e| {
                let body = e
                    .body
                    .map(|b| b.rsplit("::").next().unwrap_or(b).to_owned());
                (e.method.as_str().to_owned(), e.path.to_owned(), body)
            })
            .collect();
        assert_eq!(described, declared);
    }
}
