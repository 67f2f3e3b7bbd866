use axum::http::{Method, StatusCode};

use crate::helpers::{Backend, PASSWORD, TestApp};

crate::on_both_backends!(
    the_chosen_language_is_kept_for_the_user,
    signing_in_with_a_chosen_language_stores_it,
    security_info_needs_a_session_and_starts_empty,
    the_organizations_logo_is_named_in_the_session_and_served_sandboxed,
    pages_without_a_session_lead_to_the_sign_in_entry,
);

/// The sign-in page is its own small entry for anybody without a session;
/// a signed-in page loaded without one goes there (with the way back)
/// instead of sending the whole client; with a session every page is the
/// whole client.
async fn pages_without_a_session_lead_to_the_sign_in_entry(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let account = app.user("adele").await;
    let mut browser = app.browser();
    let body = |r: &crate::helpers::Response| String::from_utf8_lossy(&r.body).into_owned();

    let sign_in = browser.get("/signin?next=/overview").await;
    assert_eq!(sign_in.status, StatusCode::OK);
    assert!(body(&sign_in).contains("bootSignIn()"), "the sign-in entry");
    assert_eq!(sign_in.headers["cache-control"], "no-cache");
    for (page, way_back) in [
        ("/", "/signin?next=/security-info"),
        ("/security-info", "/signin?next=/security-info"),
        ("/overview", "/signin?next=/overview"),
        ("/password", "/signin?next=/password"),
        (
            "/admin/policy?tab=1",
            "/signin?next=/admin/policy%3Ftab%3D1",
        ),
        ("/admin/people/p-1", "/signin?next=/admin/people/p-1"),
        // The language the address asked for shows the sign-in page too.
        ("/?lng=sv-SE", "/signin?next=/%3Flng%3Dsv-SE&lng=sv-SE"),
    ] {
        let response = browser.get(page).await;
        assert_eq!(response.status, StatusCode::SEE_OTHER, "{page}");
        assert_eq!(response.headers["location"], way_back, "{page}");
    }
    // A page that is no signed-in page (reset, or one that does not exist)
    // is the whole client, which says what it is.
    for page in ["/reset-password", "/no-such-page"] {
        let response = browser.get(page).await;
        assert_eq!(response.status, StatusCode::OK, "{page}");
        assert!(body(&response).contains("boot()"), "{page}");
    }
    // A forged session is no session.
    browser
        .cookies
        .insert("__Host-secinfo-session".into(), "forged".into());
    assert_eq!(browser.get("/overview").await.status, StatusCode::SEE_OTHER);
    browser.cookies.clear();

    // With a session, the sign-in page is the whole client too (it moves
    // on, or shows the second step) — also to a browser that asks whether
    // its copy (the sign-in entry, kept from before) is still good.
    let sign_in_tag = browser.get(models::SIGN_IN_PAGE).await.headers["etag"]
        .to_str()
        .unwrap()
        .to_owned();
    browser.sign_in(&account, PASSWORD).await;
    for page in models::SIGNED_IN_PAGES.into_iter().chain([
        models::SIGN_IN_PAGE,
        "/admin/people",
        "/admin/people/p-1",
    ]) {
        let response = browser
            .send(
                Method::GET,
                page,
                None,
                &[
                    ("if-modified-since", "Fri, 01 Jan 2100 00:00:00 GMT"),
                    ("if-none-match", &sign_in_tag),
                ],
            )
            .await;
        assert!(
            response.headers["vary"]
                .to_str()
                .unwrap()
                .contains("cookie"),
            "{page}"
        );
        assert_eq!(response.status, StatusCode::OK, "{page}");
        // The administrators' pages come with the entry that has them;
        // every other page with the whole client, which does not.
        let entry = match page.starts_with("/admin") {
            true => "bootAdmin()",
            false => "boot()",
        };
        assert!(body(&response).contains(entry), "{page}");
    }
}

async fn the_organizations_logo_is_named_in_the_session_and_served_sandboxed(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let account = app.user("adele").await;
    let mut browser = app.browser();
    browser.sign_in(&account, PASSWORD).await;
    assert!(
        browser.session().await["user"]["organization_logo"].is_null(),
        "no logo configured, none named"
    );
    assert_eq!(
        browser.get("/api/organizations/contoso/logo").await.status,
        StatusCode::NOT_FOUND
    );

    let svg = r#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#;
    app.store
        .set_organization_logo(&crate::helpers::contoso(), Some(svg))
        .await
        .unwrap();
    let path = browser.session().await["user"]["organization_logo"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(path, "/api/organizations/contoso/logo");
    // Signed out too: the sign-in page of a single organization may show it.
    let response = app.browser().get(&path).await;
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(response.body, svg.as_bytes());
    let header = |name: &str| {
        response
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    assert!(header("content-type").starts_with("image/svg+xml"));
    // Opened on its own, the document's script cannot run under our origin.
    assert!(header("content-security-policy").contains("sandbox"));
    assert!(header("content-security-policy").starts_with("default-src 'none'"));
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert_eq!(
        app.browser()
            .get("/api/organizations/nobody/logo")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

async fn the_chosen_language_is_kept_for_the_user(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let account = app.user("lars").await;
    let mut browser = app.browser();
    browser.sign_in(&account, PASSWORD).await;
    assert!(browser.session().await["user"]["locale"].is_null());
    let response = browser
        .send(
            Method::PUT,
            "/api/me/locale",
            Some(serde_json::json!({ "locale": "sv-SE" })),
            &[],
        )
        .await;
    assert_eq!(response.status, StatusCode::NO_CONTENT);

    // Another browser, a new sign-in: the choice is still there.
    let mut elsewhere = app.browser();
    let response = elsewhere.sign_in(&account, PASSWORD).await;
    assert_eq!(response.json()["user"]["locale"], "sv-SE");

    let response = elsewhere
        .send(
            Method::PUT,
            "/api/me/locale",
            Some(serde_json::json!({ "locale": "klingon" })),
            &[],
        )
        .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(response.code(), "malformed-request");
}

async fn signing_in_with_a_chosen_language_stores_it(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let account = app.user("sanne").await;
    let mut browser = app.browser();
    browser.session().await;
    let body =
        serde_json::json!({ "account_name": account, "password": PASSWORD, "locale": "nl-NL" });
    let response = browser
        .send(Method::POST, "/api/session", Some(body), &[])
        .await;
    assert_eq!(response.json()["user"]["locale"], "nl-NL");
    let mut again = app.browser();
    assert_eq!(
        again.sign_in(&account, PASSWORD).await.json()["user"]["locale"],
        "nl-NL"
    );
}

async fn security_info_needs_a_session_and_starts_empty(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let account = app.user("adele").await;
    let mut browser = app.browser();
    let response = browser.get("/api/me/security-info").await;
    assert_eq!(response.status, StatusCode::UNAUTHORIZED);
    assert_eq!(response.code(), "not-signed-in");
    browser.sign_in(&account, PASSWORD).await;
    let response = browser.get("/api/me/security-info").await;
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(
        response.json(),
        serde_json::json!({ "default_method": null, "methods": [], "addable": ["authenticator-app", "phone", "office-phone"], "suggested": "authenticator-app", "required": 1,
            "coverage": { "mfa_methods": 0, "sspr_methods": 0, "sspr_required": 1, "sspr_missing": 1 } })
    );
}
