//! The organization's policy through the admin API, and its effect.

use axum::http::{Method, StatusCode};

use crate::helpers::{Backend, PASSWORD, TestApp};

crate::on_both_backends!(
    only_admins_read_and_change_the_policy,
    a_policy_change_hides_and_marks_methods_at_once,
    the_coverage_line_counts_what_the_policy_accepts,
    pass_lifetimes_in_order_and_a_help_desk_contact_that_people_see,
);

async fn only_admins_read_and_change_the_policy(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let user = app.user("adele").await;
    let mut browser = app.browser();
    browser.sign_in(&user, PASSWORD).await;
    assert_eq!(browser.get("/api/admin/policy").await.code(), "forbidden");
    let put = browser
        .send(
            Method::PUT,
            "/api/admin/policy",
            Some(serde_json::json!({})),
            &[],
        )
        .await;
    assert_eq!(put.status, StatusCode::FORBIDDEN);

    let admin = app.admin("megan").await;
    let mut admin_browser = app.browser();
    admin_browser.sign_in(&admin, PASSWORD).await;
    let policy = admin_browser.get("/api/admin/policy").await.json();
    assert_eq!(policy["code_tries"], 5);
    assert_eq!(policy["methods"].as_array().unwrap().len(), 4);
    let bad = serde_json::json!({ "methods": [{ "kind": "email", "mfa": true, "sspr": true }] });
    let refused = admin_browser
        .send(Method::PUT, "/api/admin/policy", Some(bad), &[])
        .await;
    assert_eq!(
        (refused.status, refused.code()),
        (StatusCode::BAD_REQUEST, "invalid-policy".to_owned())
    );
    // Allowed but counting for nothing: refused at that method's fields.
    let useless =
        serde_json::json!({ "methods": [{ "kind": "email", "mfa": false, "sspr": false }] });
    let refused = admin_browser
        .send(Method::PUT, "/api/admin/policy", Some(useless), &[])
        .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        refused.json(),
        serde_json::json!({ "code": "method-counts-for-nothing", "field": "kind", "index": 4 })
    );
    let refused = admin_browser
        .send(
            Method::PUT,
            "/api/admin/policy",
            Some(serde_json::json!({ "reset_methods_required": 3 })),
            &[],
        )
        .await;
    assert_eq!(refused.code(), "invalid-policy");

    // S11: an admin with an MFA method verifies again before changing it.
    admin_browser
        .register_phone("phone", "NL", "0612345678")
        .await;
    app.clock.advance(11 * 60);
    let stale = admin_browser.get("/api/admin/policy").await;
    assert_eq!(stale.status, StatusCode::FORBIDDEN);
    assert_eq!(stale.code(), "step-up-required");
    let put = admin_browser
        .send(
            Method::PUT,
            "/api/admin/policy",
            Some(serde_json::json!({})),
            &[],
        )
        .await;
    assert_eq!(put.code(), "step-up-required");
}

async fn a_policy_change_hides_and_marks_methods_at_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let user = app.user("adele").await;
    let mut browser = app.browser();
    browser.sign_in(&user, PASSWORD).await;
    browser.register_phone("phone", "NL", "0612345678").await;
    browser
        .register_phone("office-phone", "NL", "0201234567")
        .await;

    let admin = app.admin("megan").await;
    let mut admin_browser = app.browser();
    admin_browser.sign_in(&admin, PASSWORD).await;
    let policy = serde_json::json!({
        "registration_required": 1,
        "methods": [{ "kind": "phone", "mfa": true, "sspr": true }, { "kind": "authenticator-app", "mfa": true, "sspr": true }]
    });
    let saved = admin_browser
        .send(Method::PUT, "/api/admin/policy", Some(policy), &[])
        .await;
    assert_eq!(saved.status, StatusCode::OK);

    // No restart: the next request sees it.
    let info = browser.get("/api/me/security-info").await.json();
    assert_eq!(info["addable"], serde_json::json!(["authenticator-app"]));
    let office = info["methods"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["kind"] == "office-phone")
        .unwrap()
        .clone();
    assert_eq!(
        office["usable"], false,
        "still listed, marked as not usable"
    );
    let phone = info["methods"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["kind"] == "phone")
        .unwrap()
        .clone();
    assert_eq!(phone["usable"], true);
    let refused = browser
        .start_phone("office-phone", "NL", "0201234568", "call")
        .await;
    assert_eq!(refused.code(), "method-unavailable");
    let options = browser.get("/api/me/step-up").await.json();
    assert!(
        options
            .as_array()
            .unwrap()
            .iter()
            .all(|o| o["kind"] != "office-phone"),
        "{options}"
    );
}

async fn the_coverage_line_counts_what_the_policy_accepts(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let user = app.user("adele").await;
    let mut browser = app.browser();
    browser.sign_in(&user, PASSWORD).await;
    let info = browser.get("/api/me/security-info").await.json();
    assert_eq!(
        info["coverage"],
        serde_json::json!({ "mfa_methods": 0, "sspr_methods": 0, "sspr_required": 1, "sspr_missing": 1 })
    );
    browser.register_phone("phone", "NL", "0612345678").await;
    browser
        .register_phone("alternate-phone", "NL", "0612345679")
        .await;
    let info = browser.get("/api/me/security-info").await.json();
    // An alternate phone verifies sign-ins but never resets a password.
    assert_eq!(
        info["coverage"],
        serde_json::json!({ "mfa_methods": 2, "sspr_methods": 1, "sspr_required": 1, "sspr_missing": 0 })
    );
}

async fn pass_lifetimes_in_order_and_a_help_desk_contact_that_people_see(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.admin("megan").await;
    let mut browser = app.browser();
    browser.sign_in(&admin, PASSWORD).await;
    let policy = browser.get("/api/admin/policy").await.json();
    let put = |policy: serde_json::Value| (Method::PUT, "/api/admin/policy", Some(policy));

    let mut disordered = policy.clone();
    disordered["temporary_access_pass"]["min_lifetime_minutes"] = serde_json::json!(480);
    disordered["temporary_access_pass"]["default_lifetime_minutes"] = serde_json::json!(60);
    let (method, path, body) = put(disordered);
    let refused = browser.send(method, path, body, &[]).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert_eq!(refused.code(), "pass-lifetimes-disordered");
    assert_eq!(refused.json()["field"], "lifetime");

    let mut long = policy.clone();
    long["support_contact"] = serde_json::json!("x".repeat(201));
    let (method, path, body) = put(long);
    let refused = browser.send(method, path, body, &[]).await;
    assert_eq!(refused.code(), "support-contact-too-long");
    assert_eq!(refused.json()["field"], "support_contact");

    let mut contact = policy.clone();
    contact["support_contact"] = serde_json::json!(" helpdesk@contoso.example, +31 20 123 4567 ");
    contact["temporary_access_pass"]["max_lifetime_minutes"] = serde_json::json!(7 * 24 * 60);
    let (method, path, body) = put(contact);
    assert_eq!(
        browser.send(method, path, body, &[]).await.status,
        StatusCode::OK
    );
    let user = app.user("adele").await;
    let mut theirs = app.browser();
    let session = theirs.sign_in(&user, PASSWORD).await.json();
    assert_eq!(
        session["user"]["support_contact"],
        "helpdesk@contoso.example, +31 20 123 4567"
    );
}
