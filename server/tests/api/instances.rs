//! S26: several server instances on one database behave as one.

use std::sync::Arc;

use axum::http::StatusCode;
use secinfo_server::clock::ManualClock;
use secinfo_server::{AppState, app};

use crate::helpers::{Backend, PASSWORD, T0, TestApp, test_config};

crate::on_both_backends!(s26_two_instances_share_sessions_codes_and_limits);

async fn s26_two_instances_share_sessions_codes_and_limits(backend: Backend) {
    // Instance A is the test app; instance B is a second app on the same
    // database, with the same secret key and its own process state.
    let key = "a-shared-secret-key-of-32-chars!".to_owned();
    let a = TestApp::spawn_with(backend, |c| c.secret_key = key.clone()).await;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("index.html"), "<!doctype html>").unwrap();
    let mut config = test_config(dir.path());
    config.secret_key = key;
    let b_router = app(AppState::new(
        config,
        a.store.clone(),
        Arc::new(ManualClock::starting_at(T0)),
    ));
    let account = a.user("adele").await;

    // Signed in on A, the session works on B.
    let mut on_a = a.browser();
    on_a.sign_in(&account, PASSWORD).await;
    let mut on_b = on_a.clone();
    on_b.use_router(b_router.clone());
    assert_eq!(
        on_b.session().await["user"]["account_name"],
        account.as_str()
    );

    // A code sent by A is verified on B.
    let started = on_a
        .start_phone("phone", "NL", "0612345678", "text")
        .await
        .json();
    let code = a.last_code("+31612345678").await;
    let done = on_b
        .submit_code(started["challenge_id"].as_str().unwrap(), &code)
        .await;
    assert_eq!(done.status, StatusCode::OK);

    // Wrong passwords counted on A and B add up (limit 3 per account).
    let other = a.user("bert").await;
    let mut x = a.browser();
    let mut y = a.browser();
    y.use_router(b_router.clone());
    assert_eq!(
        x.sign_in(&other, "wrong").await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        y.sign_in(&other, "wrong").await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        x.sign_in(&other, "wrong").await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        y.sign_in(&other, PASSWORD).await.status,
        StatusCode::TOO_MANY_REQUESTS
    );

    // Signing out on B ends the session on A.
    on_b.send(axum::http::Method::DELETE, "/api/session", None, &[])
        .await;
    assert!(on_a.session().await["user"].is_null());
}
