//! The organization's logo, for the header.

use axum::Router;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use models::endpoints::{Endpoint, IdOf, OrganizationLogo};

use crate::branding;
use crate::error::AppResult;
use crate::http::endpoint::ApiRouter;
use crate::http::extract::ApiPath;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().endpoint(OrganizationLogo, logo)
}

/// The logo as an image. Opened on its own, the sandboxing CSP keeps any
/// script in the document from running under our origin.
#[utoipa::path(
    get,
    path = OrganizationLogo::FULL_PATH,
    params(("id" = String, Path, description = "The organization's id")),
    responses(
        (status = 200, description = "The organization's logo", content_type = "image/svg+xml", body = String),
        (status = 404, description = "No such organization, or it has no logo", body = models::ApiError),
    )
)]
pub async fn logo(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<IdOf<OrganizationLogo>>,
) -> AppResult<Response> {
    let svg = branding::logo(&state, &id).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/svg+xml; charset=utf-8"),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; style-src 'unsafe-inline'; sandbox",
            ),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        svg,
    )
        .into_response())
}
