//! People, for their organization's administrators (`people.rs`).

use axum::extract::State;
use axum::http::StatusCode;
use axum::{Json, Router};
use models::endpoints::{
    AddPerson, Answer, Body, Endpoint, GetPerson, IdOf, IssuePass, RevokePass, SearchPeople,
    SetRole,
};
use models::{
    AddPersonRequest, AddedPerson, IssuePassRequest, IssuedPass, PeoplePage, PeopleQuery,
    PersonDetail, SetRoleRequest,
};

use crate::error::AppResult;
use crate::http::endpoint::ApiRouter;
use crate::http::extract::{ApiJson, ApiPath, Caller};
use crate::people;
use crate::session::Authenticated;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .endpoint(SearchPeople, search)
        .endpoint(AddPerson, add)
        .endpoint(GetPerson, person)
        .endpoint(IssuePass, issue_pass)
        .endpoint(RevokePass, revoke_pass)
        .endpoint(SetRole, set_role)
}

/// A page of the organization's people, found by name or account.
#[utoipa::path(post, path = SearchPeople::FULL_PATH, request_body = PeopleQuery, responses(
    (status = 200, body = PeoplePage), (status = 403, body = models::ApiError)))]
pub async fn search(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    ApiJson(query): ApiJson<Body<SearchPeople>>,
) -> AppResult<Json<Answer<SearchPeople>>> {
    Ok(Json(people::search(&state, &session, &query).await?))
}

/// Adds a person, with a first pass shown this once.
#[utoipa::path(post, path = AddPerson::FULL_PATH, request_body = AddPersonRequest, responses(
    (status = 200, body = AddedPerson), (status = 400, body = models::ApiError),
    (status = 403, body = models::ApiError), (status = 409, body = models::ApiError)))]
pub async fn add(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    ApiJson(request): ApiJson<Body<AddPerson>>,
) -> AppResult<Json<Answer<AddPerson>>> {
    let who = caller.on_behalf_of(&session);
    Ok(Json(people::add(&state, &who, &request).await?))
}

/// One person of the organization.
#[utoipa::path(get, path = GetPerson::FULL_PATH, params(("id" = String, Path)), responses(
    (status = 200, body = PersonDetail), (status = 403, body = models::ApiError), (status = 404, body = models::ApiError)))]
pub async fn person(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    ApiPath(id): ApiPath<IdOf<GetPerson>>,
) -> AppResult<Json<Answer<GetPerson>>> {
    Ok(Json(people::person(&state, &session, &id).await?))
}

/// Gives the person a Temporary Access Pass, shown this once.
#[utoipa::path(post, path = IssuePass::FULL_PATH, params(("id" = String, Path)), request_body = IssuePassRequest, responses(
    (status = 200, body = IssuedPass), (status = 400, body = models::ApiError),
    (status = 403, body = models::ApiError), (status = 404, body = models::ApiError)))]
pub async fn issue_pass(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    ApiPath(id): ApiPath<IdOf<IssuePass>>,
    ApiJson(request): ApiJson<Body<IssuePass>>,
) -> AppResult<Json<Answer<IssuePass>>> {
    let who = caller.on_behalf_of(&session);
    Ok(Json(people::issue_pass(&state, &who, &id, &request).await?))
}

/// Takes the person's Temporary Access Pass away.
#[utoipa::path(delete, path = RevokePass::FULL_PATH, params(("id" = String, Path)), responses(
    (status = 204), (status = 403, body = models::ApiError), (status = 404, body = models::ApiError)))]
pub async fn revoke_pass(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    ApiPath(id): ApiPath<IdOf<RevokePass>>,
) -> AppResult<StatusCode> {
    people::revoke_pass(&state, &caller.on_behalf_of(&session), &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Makes the person a member, help desk or administrator.
#[utoipa::path(put, path = SetRole::FULL_PATH, params(("id" = String, Path)), request_body = SetRoleRequest, responses(
    (status = 204), (status = 403, body = models::ApiError),
    (status = 404, body = models::ApiError), (status = 409, body = models::ApiError)))]
pub async fn set_role(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    ApiPath(id): ApiPath<IdOf<SetRole>>,
    ApiJson(request): ApiJson<Body<SetRole>>,
) -> AppResult<StatusCode> {
    people::set_role(&state, &caller.on_behalf_of(&session), &id, request.role).await?;
    Ok(StatusCode::NO_CONTENT)
}
