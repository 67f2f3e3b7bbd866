//! S28's timing, in a test binary of its own: no other test shares the
//! machine while it measures (the API tests run many at once, and their
//! load would be measured too). SQLite first, then PostgreSQL.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot unwrap has failed"
)]
#![allow(
    clippy::pedantic,
    reason = "tests are held to clippy's default groups; pedantic is for the product's code"
)]

use std::time::{Duration, Instant};

use axum::http::StatusCode;
use serde_json::json;

#[allow(
    dead_code,
    reason = "the API tests' helpers, of which this binary uses a few"
)]
#[path = "api/helpers.rs"]
mod helpers;

use helpers::{Backend, PASSWORD, TestApp, postgres_admin_url};

#[tokio::test(flavor = "multi_thread")]
async fn s28_the_account_step_takes_the_same_time_for_known_and_unknown_accounts() {
    account_step_timing(Backend::Sqlite).await;
    if postgres_admin_url().is_some() {
        account_step_timing(Backend::Postgres).await;
    }
}

/// The median of 41 starts of a reset for a known account (with a phone)
/// and for an unknown one, interleaved so that drift hits both alike,
/// within 10 % of each other in one of three rounds.
async fn account_step_timing(backend: Backend) {
    let app = TestApp::spawn_with(backend, |config| {
        config.signin.account_failures = 1_000;
        config.signin.address_failures = 1_000;
    })
    .await;
    let known = app.user("adele").await;
    let mut owner = app.browser();
    owner.sign_in(&known, PASSWORD).await;
    owner.register_phone("phone", "NL", "0612345678").await;
    let mut browser = app.browser();
    browser.session().await;
    // The same unknown name each time, as the known one: a name's first
    // try also starts its limit's count, known or not.
    let unknown = "nobody@contoso.example".to_owned();
    let mut time = async |account: &str| -> Duration {
        let started = Instant::now();
        let response = browser
            .post("/api/password-reset", json!({ "account_name": account }))
            .await;
        assert_eq!(response.status, StatusCode::NO_CONTENT);
        started.elapsed()
    };
    for _ in 0..10 {
        time(&known).await;
        time(&unknown).await;
    }
    // A real difference shows in every round; a pause of the machine or the
    // database (a checkpoint, a vacuum) in one round does not fail the test.
    let mut rounds = Vec::new();
    for _ in 0..3 {
        let (mut known_times, mut unknown_times) = (Vec::new(), Vec::new());
        for n in 0..41 {
            if n % 2 == 0 {
                known_times.push(time(&known).await);
                unknown_times.push(time(&unknown).await);
            } else {
                unknown_times.push(time(&unknown).await);
                known_times.push(time(&known).await);
            }
        }
        known_times.sort();
        unknown_times.sort();
        let (k, u) = (
            known_times[20].as_secs_f64(),
            unknown_times[20].as_secs_f64(),
        );
        println!("{backend:?}: median known {k:.6} s, unknown {u:.6} s");
        rounds.push((k, u));
        if k.max(u) / k.min(u) <= 1.10 {
            return;
        }
    }
    panic!("{backend:?}: medians differ by more than 10 % in every round: {rounds:?}");
}
