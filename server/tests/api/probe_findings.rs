//! The outside probe's second round (N1–N10): each finding as the probe
//! found it, then what must hold instead, one request at a time and with
//! the same requests arriving together, on SQLite and PostgreSQL.

use axum::http::StatusCode;
use secinfo_server::policy::Policy;

use crate::helpers::{Backend, Browser, PASSWORD, TestApp, count, futures_join_all, test_policy};

crate::on_both_backends!(
    s17_one_organizations_texts_never_stop_anothers,
    s17_each_organizations_cap_holds_in_parallel,
    s17_the_operators_cap_holds_over_every_organization_in_parallel,
    s11_a_new_password_never_renews_the_step_up_window,
);

async fn signed_in_as(app: &TestApp, account: &str) -> Browser {
    let mut browser = app.browser();
    assert_eq!(
        browser.sign_in(account, PASSWORD).await.status,
        StatusCode::OK
    );
    browser
}

/// People of `organization`, each signed in in a browser of their own.
async fn people_of(app: &TestApp, organization: &str, count: usize) -> Vec<Browser> {
    let mut people = Vec::new();
    for n in 0..count {
        let account = app.user_of(organization, &format!("p{n}"), false).await;
        people.push(signed_in_as(app, &account).await);
    }
    people
}

/// Each person texts a number of their own at once; the statuses.
async fn text_together(people: &[Browser], first_number: usize) -> Vec<StatusCode> {
    let tasks: Vec<_> = people
        .iter()
        .enumerate()
        .map(|(n, browser)| {
            let mut b = browser.clone();
            let number = format!("0612{:06}", first_number + n);
            async move { b.start_phone("phone", "NL", &number, "text").await.status }
        })
        .collect();
    futures_join_all(tasks).await
}

fn created(statuses: &[StatusCode]) -> usize {
    count(statuses, StatusCode::CREATED)
}

fn capped(global: i64) -> Policy {
    let mut policy = test_policy();
    policy.limits.global = global;
    policy
}

/// N4: an organization's hourly cap counts its own texts only. Contoso's
/// cap is its count + 3; Fabrikam sends five; Contoso still sends.
async fn s17_one_organizations_texts_never_stop_anothers(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.store
        .set_policy(&crate::helpers::contoso(), &capped(5))
        .await
        .unwrap();
    app.organization("fabrikam", &capped(1000)).await;
    let contoso = people_of(&app, "contoso", 3).await;
    let fabrikam = people_of(&app, "fabrikam", 5).await;
    assert_eq!(created(&text_together(&contoso[..2], 0).await), 2);
    assert_eq!(created(&text_together(&fabrikam, 100).await), 5);
    let mut third = contoso[2].clone();
    let next = third.start_phone("phone", "NL", "0612000200", "text").await;
    assert_eq!(
        next.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&next.body)
    );
}

/// N4, in parallel: ten people of each organization text at once; each
/// organization's own cap lets exactly its number through.
async fn s17_each_organizations_cap_holds_in_parallel(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.store
        .set_policy(&crate::helpers::contoso(), &capped(3))
        .await
        .unwrap();
    app.organization("fabrikam", &capped(4)).await;
    let contoso = people_of(&app, "contoso", 10).await;
    let fabrikam = people_of(&app, "fabrikam", 10).await;
    let (a, b) = tokio::join!(text_together(&contoso, 0), text_together(&fabrikam, 100));
    assert_eq!(created(&a), 3, "{a:?}");
    assert_eq!(created(&b), 4, "{b:?}");
    assert!(
        a.iter()
            .chain(&b)
            .all(|s| *s == StatusCode::CREATED || *s == StatusCode::TOO_MANY_REQUESTS)
    );
}

/// The server-wide cap is the operator's configuration, counted over
/// every organization together.
async fn s17_the_operators_cap_holds_over_every_organization_in_parallel(backend: Backend) {
    let app = TestApp::spawn_with(backend, |config| {
        config.sending.per_channel_per_hour = 5;
    })
    .await;
    app.organization("fabrikam", &test_policy()).await;
    let contoso = people_of(&app, "contoso", 4).await;
    let fabrikam = people_of(&app, "fabrikam", 4).await;
    let (a, b) = tokio::join!(text_together(&contoso, 0), text_together(&fabrikam, 100));
    assert_eq!(created(&a) + created(&b), 5, "{a:?} {b:?}");
}

/// N5: changing the password proves no second factor. With a one-minute
/// window, a change at 40 s does not keep security info open at 70 s.
async fn s11_a_new_password_never_renews_the_step_up_window(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut policy = test_policy();
    policy.step_up_minutes = 1;
    app.store
        .set_policy(&crate::helpers::contoso(), &policy)
        .await
        .unwrap();
    let account = app.user("adele").await;
    let mut browser = signed_in_as(&app, &account).await;
    browser.register_phone("phone", "NL", "0612345678").await;
    app.clock.advance(40);
    let changed = browser
        .send(
            axum::http::Method::PUT,
            "/api/me/password",
            Some(serde_json::json!({
                "current_password": PASSWORD,
                "new_password": "Lantern-Quarry-Velvet-83",
            })),
            &[],
        )
        .await;
    assert_eq!(
        changed.status,
        StatusCode::NO_CONTENT,
        "{}",
        String::from_utf8_lossy(&changed.body)
    );
    app.clock.advance(30);
    let info = browser.get("/api/me/security-info").await;
    assert_eq!(info.status, StatusCode::FORBIDDEN);
    assert_eq!(info.code(), "step-up-required");
}
