//! OpenID Connect (`oidc.rs`) in the JSON API: the sign-in page's
//! question about an application's request, and the administrators'
//! applications, listed and registered. The protocol's own endpoints are in
//! `oidc_provider.rs`.

use axum::extract::State;
use axum::{Json, Router};
use axum_extra::extract::CookieJar;
use models::endpoints::{
    Answer, Body, ContinueAuthorization, EndSession, Endpoint, IdOf, ListApplications,
    MyApplications, RegisterApplication, ReplaceApplicationSecret, SetApplicationStatus,
};
use models::oidc::{
    ApplicationStatus, ApplicationView, Authorization, AuthorizationRequest, NewApplication,
    RegisteredApplication, SignedOut,
};

use crate::error::AppResult;
use crate::http::cookies::presented;
use crate::http::endpoint::ApiRouter;
use crate::http::extract::{ApiJson, ApiPath, Caller};
use crate::oidc;
use crate::session::Authenticated;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .endpoint(ContinueAuthorization, continue_authorization)
        .endpoint(EndSession, end_session)
        .endpoint(RegisterApplication, register)
        .endpoint(ListApplications, list)
        .endpoint(MyApplications, mine)
        .endpoint(ReplaceApplicationSecret, replace_secret)
        .endpoint(SetApplicationStatus, set_status)
}

/// What becomes of an application's sign-in request: back to it, or sign
/// in first.
#[utoipa::path(post, path = ContinueAuthorization::FULL_PATH, request_body = AuthorizationRequest, responses(
    (status = 200, body = Authorization), (status = 400, body = models::ApiError),
    (status = 403, body = models::ApiError)))]
pub async fn continue_authorization(
    State(state): State<AppState>,
    caller: Caller,
    jar: CookieJar,
    ApiJson(request): ApiJson<Body<ContinueAuthorization>>,
) -> AppResult<Json<Answer<ContinueAuthorization>>> {
    let presented = presented(&state, &jar);
    let via = oidc::Via::Page;
    Ok(Json(
        match oidc::authorize(&state, &caller, presented.as_ref(), &request.query, via).await? {
            oidc::Answer::Page(authorization) => authorization,
            // Never asked of the page: it posts the request instead.
            oidc::Answer::FormPost { .. } => Authorization::Post,
        },
    ))
}

/// An application's sign-out request: the session ends when the request
/// names it; where to go then.
#[utoipa::path(post, path = EndSession::FULL_PATH, request_body = AuthorizationRequest, responses(
    (status = 200, body = SignedOut), (status = 400, body = models::ApiError)))]
pub async fn end_session(
    State(state): State<AppState>,
    jar: CookieJar,
    ApiJson(request): ApiJson<Body<EndSession>>,
) -> AppResult<Json<Answer<EndSession>>> {
    let presented = presented(&state, &jar);
    Ok(Json(
        oidc::end_session(&state, presented.as_ref(), &request.query).await?,
    ))
}

/// Registers an application; its secret is shown this once.
#[utoipa::path(post, path = RegisterApplication::FULL_PATH, request_body = NewApplication, responses(
    (status = 200, body = RegisteredApplication), (status = 400, body = models::ApiError),
    (status = 403, body = models::ApiError)))]
pub async fn register(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    ApiJson(application): ApiJson<Body<RegisterApplication>>,
) -> AppResult<Json<Answer<RegisterApplication>>> {
    let who = caller.on_behalf_of(&session);
    Ok(Json(oidc::register(&state, &who, application).await?))
}

/// The organization's applications.
#[utoipa::path(get, path = ListApplications::FULL_PATH, responses(
    (status = 200, body = Vec<ApplicationView>), (status = 403, body = models::ApiError)))]
pub async fn list(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
) -> AppResult<Json<Answer<ListApplications>>> {
    Ok(Json(oidc::applications(&state, &session).await?))
}

/// The applications the person signed in to through secinfo.
#[utoipa::path(get, path = MyApplications::FULL_PATH, responses(
    (status = 200, body = Vec<models::oidc::ApplicationSignIn>), (status = 401, body = models::ApiError)))]
pub async fn mine(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
) -> AppResult<Json<Answer<MyApplications>>> {
    Ok(Json(oidc::signed_in_to(&state, &session).await?))
}

/// A new secret for a confidential application, shown this once.
#[utoipa::path(post, path = ReplaceApplicationSecret::FULL_PATH, params(("id" = String, Path)), responses(
    (status = 200, body = RegisteredApplication), (status = 403, body = models::ApiError),
    (status = 404, body = models::ApiError), (status = 409, body = models::ApiError)))]
pub async fn replace_secret(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    ApiPath(id): ApiPath<IdOf<ReplaceApplicationSecret>>,
) -> AppResult<Json<Answer<ReplaceApplicationSecret>>> {
    let who = caller.on_behalf_of(&session);
    Ok(Json(oidc::replace_secret(&state, &who, &id).await?))
}

/// Disables an application, or enables it again.
#[utoipa::path(put, path = SetApplicationStatus::FULL_PATH, params(("id" = String, Path)), request_body = ApplicationStatus, responses(
    (status = 200, body = ApplicationView), (status = 403, body = models::ApiError),
    (status = 404, body = models::ApiError)))]
pub async fn set_status(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    ApiPath(id): ApiPath<IdOf<SetApplicationStatus>>,
    ApiJson(request): ApiJson<Body<SetApplicationStatus>>,
) -> AppResult<Json<Answer<SetApplicationStatus>>> {
    let who = caller.on_behalf_of(&session);
    Ok(Json(
        oidc::set_disabled(&state, &who, &id, request.disabled).await?,
    ))
}
