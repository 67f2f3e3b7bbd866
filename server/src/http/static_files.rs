//! Serves the built client (`../client_files.rs`): precompressed files
//! (brotli, gzip) with the right MIME types, a year of caching for Trunk's content-hashed files,
//! `no-cache` for the pages. Three entries: the sign-in page alone
//! (`signin.html`), which is `/signin` for anybody without a session; the
//! whole client with the administrators' pages (`admin.html`) for
//! `/admin/…`; and the whole client without them (`index.html`) for
//! everything else (200, so that deep links work). A signed-in page loaded
//! without a session is sent to the sign-in page, so that a signed-out
//! person downloads only the sign-in entry.

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum_extra::extract::CookieJar;

use crate::client_files::Answer;
use crate::state::AppState;

/// The whole client's page, and the answer to any path that is no file.
const INDEX: &str = "index.html";

/// The sign-in entry's page, built beside `index.html`.
const SIGN_IN_ENTRY: &str = "signin.html";

/// The administrators' entry's page, built beside `index.html`.
const ADMIN_ENTRY: &str = "admin.html";

/// Where the administrators' pages are.
const ADMIN_PAGES: &str = "/admin";

pub fn router(state: AppState) -> Router {
    // Without a built sign-in or administrators' entry (tests of the API
    // alone) the whole client serves those pages too.
    let entry = |name: &'static str| {
        if state.client.contains(name) {
            name
        } else {
            INDEX
        }
    };
    let pages = Pages {
        sign_in: entry(SIGN_IN_ENTRY),
        admin: entry(ADMIN_ENTRY),
    };
    let mut router = Router::new().route(
        models::SIGN_IN_PAGE,
        get(move |state, jar, request| pages.sign_in_page(state, jar, request)),
    );
    // An application's sign-in request is the sign-in page's too, which
    // asks the server what becomes of it (`oidc.rs`).
    router = router.route(
        models::oidc::AUTHORIZE_PATH,
        get(move |state, jar, request| pages.sign_in_page(state, jar, request)),
    );
    // An application's sign-out request: a page of the whole client, which
    // asks the server to end the session it names.
    router = router.route(
        models::oidc::LOGOUT_PATH,
        get(
            |State(state): State<AppState>, request: Request| async move {
                serve(&state, INDEX, &request)
            },
        ),
    );
    let admin_paths = [ADMIN_PAGES.to_owned(), format!("{ADMIN_PAGES}/{{*page}}")];
    let signed_in_paths = models::SIGNED_IN_PAGES
        .iter()
        .filter(|path| !path.starts_with(ADMIN_PAGES))
        .map(|path| (*path).to_owned());
    for path in signed_in_paths.chain(admin_paths) {
        router = router.route(
            &path,
            get(move |state, jar, request| pages.signed_in_page(state, jar, request)),
        );
    }
    router
        .fallback(file)
        .layer(middleware::from_fn(cache_control))
        .with_state(state)
}

/// A file of the client by its path; any other path is a page of the
/// whole client (200, so that deep links work).
async fn file(State(state): State<AppState>, request: Request) -> Response {
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        return StatusCode::METHOD_NOT_ALLOWED.into_response();
    }
    let name = request.uri().path().trim_start_matches('/');
    match answer(&state, name, &request, true) {
        Some(response) => response,
        None => serve(&state, INDEX, &request),
    }
}

/// The client's file `name` as a response, `None` when there is none.
fn answer(state: &AppState, name: &str, request: &Request, conditional: bool) -> Option<Response> {
    let headers = request.headers();
    let accept_encoding = headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect::<Vec<_>>()
        .join(",");
    let if_none_match = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok());
    let answer = state
        .client
        .answer(name, &accept_encoding, if_none_match, conditional)?;
    let etag_of = |etag: &str| HeaderValue::from_str(etag).ok();
    let mut response = match answer {
        Answer::NotModified { etag } => {
            let mut response = StatusCode::NOT_MODIFIED.into_response();
            if let Some(etag) = etag_of(etag) {
                response.headers_mut().insert(header::ETAG, etag);
            }
            response
        }
        Answer::File {
            body,
            content_type,
            etag,
            encoding,
        } => {
            let mut response = Body::from(body.clone()).into_response();
            let answered = response.headers_mut();
            answered.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
            if let Some(etag) = etag_of(etag) {
                answered.insert(header::ETAG, etag);
            }
            if let Some(encoding) = encoding {
                answered.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
            }
            response
        }
    };
    response
        .headers_mut()
        .insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    Some(response)
}

/// The entries. Which one a page gets depends on whether its request
/// carries a live session — signed in, or waiting for its second step,
/// which the whole client shows.
#[derive(Clone, Copy)]
struct Pages {
    sign_in: &'static str,
    admin: &'static str,
}

impl Pages {
    /// The sign-in entry for anybody without a session; the whole client
    /// (which knows what to show) for anybody with one.
    async fn sign_in_page(
        self,
        State(state): State<AppState>,
        jar: CookieJar,
        request: Request,
    ) -> Response {
        let page =
            match crate::session::current(&state, super::cookies::presented(&state, &jar).as_ref())
                .await
            {
                Ok(Some(_)) => INDEX,
                Ok(None) => self.sign_in,
                Err(error) => return error.into_response(),
            };
        serve(&state, page, &request)
    }

    /// The whole client for a session (with the administrators' pages on
    /// theirs); the sign-in page, with the way back, for anybody else.
    async fn signed_in_page(
        self,
        State(state): State<AppState>,
        jar: CookieJar,
        request: Request,
    ) -> Response {
        match crate::session::current(&state, super::cookies::presented(&state, &jar).as_ref())
            .await
        {
            Ok(Some(_)) if request.uri().path().starts_with(ADMIN_PAGES) => {
                serve(&state, self.admin, &request)
            }
            Ok(Some(_)) => serve(&state, INDEX, &request),
            Ok(None) => {
                let here = request.uri().path_and_query().map_or("/", |p| p.as_str());
                Redirect::to(&models::sign_in_returning_to(here)).into_response()
            }
            Err(error) => error.into_response(),
        }
    }
}

/// One of the pages, always whole: the same address answers with either
/// entry, so a browser's "not modified" (it kept the other one) must not
/// get a 304 — after signing in, a reload of `/signin` would show the
/// sign-in entry again, which would reload again.
fn serve(state: &AppState, page: &str, request: &Request) -> Response {
    let Some(mut response) = answer(state, page, request, false) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    response.headers_mut().insert(
        header::VARY,
        HeaderValue::from_static("accept-encoding, cookie"),
    );
    response
}

async fn cache_control(request: Request, next: Next) -> Response {
    let immutable = is_content_hashed(request.uri().path());
    let mut response = next.run(request).await;
    let value = if immutable && response.status().is_success() {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    response
}

/// Trunk names built files `<name>-<hash>.<ext>` (and the wasm
/// `<name>-<hash>_bg.wasm`), the hash a 64-bit number in hex without
/// leading zeros: 16 digits, 15 for one file in 16, fewer hardly ever.
fn is_content_hashed(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or_default();
    let stem = file.split('.').next().unwrap_or_default();
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| {
        (12..=16).contains(&hash.len()) && hash.chars().all(|c| c.is_ascii_hexdigit())
    })
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot unwrap has failed"
)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_are_recognised() {
        assert!(is_content_hashed("/secinfo-app-3f2a9c1b7d6e5f40_bg.wasm"));
        assert!(is_content_hashed("/secinfo-app-3f2a9c1b7d6e5f40.js"));
        assert!(is_content_hashed("/style-0123456789abcdef.css"));
        // A hash whose first digit was 0 (seen: secinfo-app-2d6db1ab45aaf4d).
        assert!(is_content_hashed("/secinfo-app-2d6db1ab45aaf4d_bg.wasm"));
        assert!(!is_content_hashed("/reset-password"));
        assert!(!is_content_hashed("/index.html"));
        assert!(!is_content_hashed("/security-info"));
    }
}
