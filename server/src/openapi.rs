//! The OpenAPI description, generated from the handlers and the shared
//! models, served at `/api/openapi.json` (and fuzzed with schemathesis).

use axum::Json;
use utoipa::OpenApi;

use crate::routes::{
    __path_delete_method, __path_get_session, __path_health, __path_security_info,
    __path_set_default, __path_set_locale, __path_sign_in, __path_sign_out, __path_start_step_up,
    __path_step_up_options,
};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "secinfo",
        description = "Self-service security info: the JSON API of the secinfo client."
    ),
    paths(
        crate::routes::session::sign_out_everywhere,
        crate::routes::questions::choices,
        crate::routes::questions::save,
        crate::routes::admin::get_policy,
        crate::routes::admin::put_policy,
        crate::routes::authenticator::start,
        crate::routes::authenticator::confirm,
        crate::routes::authenticator::step_up,
        health,
        get_session,
        sign_in,
        sign_out,
        set_locale,
        security_info,
        delete_method,
        set_default,
        step_up_options,
        start_step_up,
        crate::routes::phone::phone_regions,
        crate::routes::phone::start,
        crate::routes::email::start,
        crate::routes::security_key::start,
        crate::routes::security_key::finish,
        crate::routes::security_key::start_step_up,
        crate::routes::security_key::finish_step_up,
        crate::routes::challenges::submit_code,
        crate::routes::challenges::progress,
        crate::routes::challenges::resend
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

pub async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
