//! Changing one's password (S30's rules, S6's count): the current one, the
//! new one long enough, not the account name, not common; other sessions
//! end; the recent verification is needed; wrong current passwords count
//! with the sign-in's, in parallel too.

use axum::http::{Method, StatusCode};

use crate::helpers::{Backend, Browser, PASSWORD, TestApp, futures_join_all};

crate::on_both_backends!(
    s30_a_password_is_changed_with_the_current_one_and_other_sessions_end,
    s30_the_new_password_follows_the_rules,
    changing_the_password_needs_the_recent_verification,
    s6_wrong_current_passwords_count_with_the_sign_in_in_parallel,
);

const STRONG: &str = "violet anchor maple drizzle 42";

async fn change(browser: &mut Browser, current: &str, new: &str) -> crate::helpers::Response {
    browser
        .send(
            Method::PUT,
            "/api/me/password",
            Some(serde_json::json!({ "current_password": current, "new_password": new })),
            &[],
        )
        .await
}

async fn s30_a_password_is_changed_with_the_current_one_and_other_sessions_end(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let account = app.user("adele").await;
    let mut here = app.browser();
    here.sign_in(&account, PASSWORD).await;
    let mut elsewhere = app.browser();
    elsewhere.sign_in(&account, PASSWORD).await;

    assert_eq!(here.get("/api/me/password").await.json()["min_length"], 12);
    let wrong = change(&mut here, "not-my-password", STRONG).await;
    assert_eq!(
        wrong.json(),
        serde_json::json!({ "code": "invalid-credentials", "field": "current_password" })
    );

    let before = here.cookies["__Host-secinfo-session"].clone();
    let changed = change(&mut here, PASSWORD, STRONG).await;
    assert_eq!(changed.status, StatusCode::NO_CONTENT);
    assert_ne!(
        here.cookies["__Host-secinfo-session"], before,
        "a new session id"
    );
    assert_eq!(
        here.get("/api/me/security-info").await.status,
        StatusCode::OK
    );
    assert_eq!(
        elsewhere.get("/api/me/security-info").await.code(),
        "not-signed-in",
        "every other session is signed out"
    );

    let mut fresh = app.browser();
    assert_eq!(
        fresh.sign_in(&account, PASSWORD).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(fresh.sign_in(&account, STRONG).await.status, StatusCode::OK);
    let recorded: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit WHERE action = 'password-changed'")
            .fetch_one(app.store.pool())
            .await
            .unwrap();
    assert_eq!(recorded, 1);
}

async fn s30_the_new_password_follows_the_rules(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let account = app.user("adele").await;
    let mut browser = app.browser();
    browser.sign_in(&account, PASSWORD).await;
    for (new, code) in [
        ("", "password-required"),
        ("short-one", "password-too-short"),
        ("adele@contoso.example", "password-is-account-name"),
        ("password1234", "password-too-common"),
        ("qwertyuiop123", "password-too-common"),
        ("adeleadele2026", "password-too-common"),
    ] {
        let refused = change(&mut browser, PASSWORD, new).await;
        assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{new}");
        assert_eq!(
            refused.json(),
            serde_json::json!({ "code": code, "field": "new_password" }),
            "{new}"
        );
    }
    let too_long = "ä".repeat(257);
    assert_eq!(
        change(&mut browser, PASSWORD, &too_long).await.code(),
        "password-too-long"
    );

    // The meter and the rule agree.
    let score = |json: serde_json::Value| json["score"].as_u64().unwrap();
    let weak = browser
        .post(
            "/api/me/password/strength",
            serde_json::json!({ "password": "password1234" }),
        )
        .await
        .json();
    assert!(score(weak) < 3);
    let strong = browser
        .post(
            "/api/me/password/strength",
            serde_json::json!({ "password": STRONG }),
        )
        .await
        .json();
    assert!(score(strong) >= 3);
}

async fn changing_the_password_needs_the_recent_verification(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let account = app.user("adele").await;
    let mut browser = app.browser();
    browser.sign_in(&account, PASSWORD).await;
    browser.register_phone("phone", "NL", "0612345678").await;
    let mut fresh = app.browser();
    fresh.sign_in(&account, PASSWORD).await;
    assert_eq!(
        change(&mut fresh, PASSWORD, STRONG).await.code(),
        "step-up-required"
    );
}

async fn s6_wrong_current_passwords_count_with_the_sign_in_in_parallel(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let account = app.user("adele").await;
    let mut browser = app.browser();
    browser.sign_in(&account, PASSWORD).await;
    let tries = (0..12)
        .map(|n| {
            let mut browser = browser.clone();
            async move {
                change(&mut browser, &format!("wrong-guess-{n}"), STRONG)
                    .await
                    .code()
            }
        })
        .collect();
    let codes = futures_join_all(tries).await;
    let checked = codes.iter().filter(|c| *c == "invalid-credentials").count();
    // The test configuration allows 3 wrong passwords per account.
    assert_eq!(checked, 3, "{codes:?}");
    assert!(
        codes
            .iter()
            .all(|c| c == "invalid-credentials" || c == "too-many-attempts")
    );
    // The count is the sign-in's: the right password is refused for now.
    let mut fresh = app.browser();
    assert_eq!(
        fresh.sign_in(&account, PASSWORD).await.code(),
        "too-many-attempts"
    );
}
