//! People, for their organization's administrators (`people.rs`).

use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::{Json, Router};
use models::endpoints::{
    AddPerson, Answer, Body, DeletePerson, EndPersonSessions, Endpoint, GetPerson, IdOf,
    ImportPeople, InvitePerson, IssuePass, RemovePassword, RequireRegistration, RevokePass,
    SearchPeople, SetRole, SetStatus, SetTemporaryPassword, UpdatePerson,
};
use models::{
    AddPersonRequest, AddedPerson, ImportReport, ImportRequest, InviteRequest, IssuePassRequest,
    IssuedPass, PeoplePage, PeopleQuery, PersonDetail, PersonProfile, SetRoleRequest,
    SetStatusRequest,
};

use crate::error::AppResult;
use crate::http::endpoint::ApiRouter;
use crate::http::extract::{ApiJson, ApiPath, Caller};
use crate::session::Authenticated;
use crate::state::AppState;
use crate::{people, people_import, person_actions};

pub fn router() -> Router<AppState> {
    Router::new()
        .endpoint(SearchPeople, search)
        .endpoint(AddPerson, add)
        .endpoint(GetPerson, person)
        .endpoint(IssuePass, issue_pass)
        .endpoint(RevokePass, revoke_pass)
        .endpoint(SetRole, set_role)
        .endpoint(UpdatePerson, update_profile)
        .endpoint(SetStatus, set_status)
        .endpoint(EndPersonSessions, end_sessions)
        .endpoint(RequireRegistration, require_registration)
        .endpoint(RemovePassword, remove_password)
        .endpoint(SetTemporaryPassword, temporary_password)
        .endpoint(DeletePerson, delete)
        .endpoint(InvitePerson, invite)
        .merge(
            // A file of people is larger than any other request (S44).
            Router::new()
                .endpoint(ImportPeople, import)
                .layer(DefaultBodyLimit::max(models::IMPORT_MAX_BYTES)),
        )
}

/// Gives the person a temporary password, shown this once, which they
/// replace when they next sign in.
#[utoipa::path(post, path = SetTemporaryPassword::FULL_PATH, params(("id" = String, Path)), responses(
    (status = 200, body = models::TemporaryPassword), (status = 403, body = models::ApiError),
    (status = 404, body = models::ApiError), (status = 409, body = models::ApiError)))]
pub async fn temporary_password(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    ApiPath(id): ApiPath<IdOf<SetTemporaryPassword>>,
) -> AppResult<Json<Answer<SetTemporaryPassword>>> {
    let who = caller.on_behalf_of(&session);
    Ok(Json(
        person_actions::set_temporary_password(&state, &who, &id).await?,
    ))
}

/// Checks a CSV file of people, and creates them when asked to: the
/// report says of every row what it became (S44).
#[utoipa::path(post, path = ImportPeople::FULL_PATH, request_body = ImportRequest, responses(
    (status = 200, body = ImportReport), (status = 400, body = models::ApiError),
    (status = 403, body = models::ApiError), (status = 413, body = models::ApiError)))]
pub async fn import(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    ApiJson(request): ApiJson<Body<ImportPeople>>,
) -> AppResult<Json<Answer<ImportPeople>>> {
    let who = caller.on_behalf_of(&session);
    Ok(Json(people_import::import(&state, &who, &request).await?))
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

/// Changes the person's name and language.
#[utoipa::path(put, path = UpdatePerson::FULL_PATH, params(("id" = String, Path)), request_body = PersonProfile, responses(
    (status = 204), (status = 400, body = models::ApiError),
    (status = 403, body = models::ApiError), (status = 404, body = models::ApiError)))]
pub async fn update_profile(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    ApiPath(id): ApiPath<IdOf<UpdatePerson>>,
    ApiJson(profile): ApiJson<Body<UpdatePerson>>,
) -> AppResult<StatusCode> {
    let who = caller.on_behalf_of(&session);
    person_actions::update_profile(&state, &who, &id, &profile).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Disables the person or enables them again.
#[utoipa::path(put, path = SetStatus::FULL_PATH, params(("id" = String, Path)), request_body = SetStatusRequest, responses(
    (status = 204), (status = 403, body = models::ApiError),
    (status = 404, body = models::ApiError), (status = 409, body = models::ApiError)))]
pub async fn set_status(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    ApiPath(id): ApiPath<IdOf<SetStatus>>,
    ApiJson(request): ApiJson<Body<SetStatus>>,
) -> AppResult<StatusCode> {
    let who = caller.on_behalf_of(&session);
    person_actions::set_status(&state, &who, &id, request.status).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Signs the person out everywhere.
#[utoipa::path(delete, path = EndPersonSessions::FULL_PATH, params(("id" = String, Path)), responses(
    (status = 204), (status = 403, body = models::ApiError), (status = 404, body = models::ApiError)))]
pub async fn end_sessions(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    ApiPath(id): ApiPath<IdOf<EndPersonSessions>>,
) -> AppResult<StatusCode> {
    person_actions::end_sessions(&state, &caller.on_behalf_of(&session), &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Removes the person's two-step methods, to be registered again.
#[utoipa::path(post, path = RequireRegistration::FULL_PATH, params(("id" = String, Path)), responses(
    (status = 204), (status = 403, body = models::ApiError), (status = 404, body = models::ApiError)))]
pub async fn require_registration(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    ApiPath(id): ApiPath<IdOf<RequireRegistration>>,
) -> AppResult<StatusCode> {
    person_actions::require_registration(&state, &caller.on_behalf_of(&session), &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Removes the person's password.
#[utoipa::path(delete, path = RemovePassword::FULL_PATH, params(("id" = String, Path)), responses(
    (status = 204), (status = 403, body = models::ApiError), (status = 404, body = models::ApiError)))]
pub async fn remove_password(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    ApiPath(id): ApiPath<IdOf<RemovePassword>>,
) -> AppResult<StatusCode> {
    person_actions::remove_password(&state, &caller.on_behalf_of(&session), &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Deletes the person; their audit record stays.
#[utoipa::path(delete, path = DeletePerson::FULL_PATH, params(("id" = String, Path)), responses(
    (status = 204), (status = 403, body = models::ApiError),
    (status = 404, body = models::ApiError), (status = 409, body = models::ApiError)))]
pub async fn delete(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    ApiPath(id): ApiPath<IdOf<DeletePerson>>,
) -> AppResult<StatusCode> {
    person_actions::delete(&state, &caller.on_behalf_of(&session), &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Sends a person without a password a new invitation.
#[utoipa::path(post, path = InvitePerson::FULL_PATH, params(("id" = String, Path)), request_body = InviteRequest, responses(
    (status = 204), (status = 400, body = models::ApiError), (status = 403, body = models::ApiError),
    (status = 404, body = models::ApiError), (status = 409, body = models::ApiError)))]
pub async fn invite(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    ApiPath(id): ApiPath<IdOf<InvitePerson>>,
    ApiJson(request): ApiJson<Body<InvitePerson>>,
) -> AppResult<StatusCode> {
    let who = caller.on_behalf_of(&session);
    person_actions::invite(&state, &who, &id, &request.email).await?;
    Ok(StatusCode::NO_CONTENT)
}
