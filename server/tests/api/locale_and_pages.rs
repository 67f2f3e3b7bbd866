use axum::http::{Method, StatusCode};

use crate::helpers::{Backend, PASSWORD, TestApp};

crate::on_both_backends!(
    the_chosen_language_is_kept_for_the_user,
    signing_in_with_a_chosen_language_stores_it,
    security_info_needs_a_session_and_starts_empty,
);

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
