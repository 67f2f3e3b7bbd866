//! Invitations (S41): a person added with an email that carries a
//! single-use link, valid seven days, where they choose their password.

use axum::http::{Method, StatusCode};
use serde_json::json;

use crate::helpers::{Backend, Browser, TestApp, futures_join_all};
use crate::people::{admin_signed_in, id_of};

crate::on_both_backends!(
    s41_an_invited_person_chooses_their_password_once_and_is_signed_in,
    s41_an_invitation_expires_after_seven_days,
    s41_parallel_uses_of_one_invitation_set_one_password,
    s41_an_invitation_to_an_address_that_is_not_one_adds_nobody,
    s41_a_new_invitation_replaces_the_old_and_only_for_a_person_without_a_password,
);

const STRONG: &str = "Tulip-Harbor-Quiet-47";

/// Adds Zoë, invited at `to`; returns the link's token from the email.
async fn invite(app: &TestApp, admin: &mut Browser, to: &str) -> String {
    let added = admin
        .post(
            "/api/admin/people",
            json!({
                "account_name": "zoe@contoso.example",
                "display_name": "Zoë Dubois",
                "locale": "nl-NL",
                "pass": { "one_time": true },
                "invitation": to,
            }),
        )
        .await;
    assert_eq!(
        added.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&added.body)
    );
    let added = added.json();
    assert!(added["pass"].is_null(), "no pass when invited");
    assert_eq!(added["invited"], to);
    let inbox = app.store.mailbox(to).await.unwrap();
    assert_eq!(inbox.len(), 1);
    let mail = &inbox[0];
    assert!(mail.subject.contains("Contoso"), "{}", mail.subject);
    assert!(
        mail.body.contains("Hallo Zoë Dubois"),
        "in their language: {}",
        mail.body
    );
    let link = mail
        .body
        .split_whitespace()
        .find(|w| w.contains("/invitation#"))
        .expect("a link");
    link.rsplit_once('#').unwrap().1.to_owned()
}

async fn accept(browser: &mut Browser, token: &str, password: &str) -> crate::helpers::Response {
    browser
        .send(
            Method::PUT,
            "/api/invitation",
            Some(json!({ "token": token, "new_password": password })),
            &[],
        )
        .await
}

async fn s41_an_invited_person_chooses_their_password_once_and_is_signed_in(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = admin_signed_in(&app).await;
    let token = invite(&app, &mut admin, "zoe.private@fabrikam.example").await;
    // Only the digest is kept.
    let stored: Vec<String> = sqlx::query_scalar("SELECT token_digest FROM invitations")
        .fetch_all(app.store.pool())
        .await
        .unwrap();
    assert_eq!(stored.len(), 1);
    assert_ne!(stored[0], token);

    let mut zoe = app.browser();
    zoe.session().await;
    let seen = zoe.post("/api/invitation", json!({ "token": token })).await;
    assert_eq!(seen.status, StatusCode::OK);
    assert_eq!(seen.json()["display_name"], "Zoë Dubois");
    assert_eq!(seen.json()["account_name"], "zoe@contoso.example");
    let weak = accept(&mut zoe, &token, "password1").await;
    assert_eq!(weak.status, StatusCode::BAD_REQUEST);
    assert_eq!(weak.json()["field"], "new_password");

    let accepted = accept(&mut zoe, &token, STRONG).await;
    assert_eq!(
        accepted.status,
        StatusCode::OK,
        "a refused password spent nothing"
    );
    assert_eq!(
        accepted.json()["user"]["account_name"],
        "zoe@contoso.example"
    );
    assert_eq!(
        zoe.get("/api/me/security-info").await.status,
        StatusCode::OK
    );

    let mut another = app.browser();
    another.session().await;
    let again = accept(&mut another, &token, "Another-Strong-Pass-58").await;
    assert_eq!(again.code(), "invitation-expired", "used once");
    let view_again = another
        .post("/api/invitation", json!({ "token": token }))
        .await;
    assert_eq!(view_again.code(), "invitation-expired");
    let mut later = app.browser();
    assert_eq!(
        later.sign_in("zoe@contoso.example", STRONG).await.status,
        StatusCode::OK
    );
    let id = id_of(&app, "zoe@contoso.example").await;
    let lines: Vec<String> =
        sqlx::query_scalar("SELECT action FROM audit WHERE user_id = $1 OR subject_id = $1")
            .bind(id.as_str())
            .fetch_all(app.store.pool())
            .await
            .unwrap();
    for action in ["person-added", "invitation-sent", "invitation-accepted"] {
        assert!(lines.iter().any(|l| l == action), "{action}: {lines:?}");
    }
}

async fn s41_an_invitation_expires_after_seven_days(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = admin_signed_in(&app).await;
    let token = invite(&app, &mut admin, "zoe.private@fabrikam.example").await;
    app.clock.advance(7 * 24 * 3600 - 1);
    let mut zoe = app.browser();
    zoe.session().await;
    let seen = zoe.post("/api/invitation", json!({ "token": token })).await;
    assert_eq!(seen.status, StatusCode::OK, "a second before seven days");
    app.clock.advance(2);
    let late = accept(&mut zoe, &token, STRONG).await;
    assert_eq!(late.status, StatusCode::NOT_FOUND);
    assert_eq!(late.code(), "invitation-expired");
    assert_eq!(
        app.browser()
            .sign_in("zoe@contoso.example", STRONG)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}

async fn s41_parallel_uses_of_one_invitation_set_one_password(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = admin_signed_in(&app).await;
    let token = invite(&app, &mut admin, "zoe.private@fabrikam.example").await;
    let passwords: Vec<String> = (0..10)
        .map(|n| format!("Tulip-Harbor-Quiet-{n}7"))
        .collect();
    let attempts = passwords
        .iter()
        .map(|password| {
            let mut browser = app.browser();
            let (token, password) = (token.clone(), password.clone());
            async move {
                browser.session().await;
                accept(&mut browser, &token, &password).await.status
            }
        })
        .collect();
    let answers = futures_join_all(attempts).await;
    let winners: Vec<&String> = answers
        .iter()
        .zip(&passwords)
        .filter(|(status, _)| **status == StatusCode::OK)
        .map(|(_, password)| password)
        .collect();
    assert_eq!(winners.len(), 1, "{answers:?}");
    // The winner's password signs in; another's does not (one try: the
    // sign-in's throttle would stop more).
    let winner = winners[0];
    let signed_in = app.browser().sign_in("zoe@contoso.example", winner).await;
    assert_eq!(signed_in.status, StatusCode::OK);
    let loser = passwords.iter().find(|p| *p != winner).unwrap();
    let refused = app.browser().sign_in("zoe@contoso.example", loser).await;
    assert_eq!(refused.code(), "invalid-credentials");
}

async fn s41_an_invitation_to_an_address_that_is_not_one_adds_nobody(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = admin_signed_in(&app).await;
    let refused = admin
        .post(
            "/api/admin/people",
            json!({
                "account_name": "zoe@contoso.example",
                "display_name": "Zoë Dubois",
                "pass": { "one_time": true },
                "invitation": "not an address",
            }),
        )
        .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert_eq!(refused.json()["field"], "email");
    let nobody: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE account_name = 'zoe@contoso.example'")
            .fetch_one(app.store.pool())
            .await
            .unwrap();
    assert_eq!(nobody, 0);
}

async fn s41_a_new_invitation_replaces_the_old_and_only_for_a_person_without_a_password(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let mut admin = admin_signed_in(&app).await;
    let old = invite(&app, &mut admin, "zoe.private@fabrikam.example").await;
    let zoe = id_of(&app, "zoe@contoso.example").await;
    let again = admin
        .post(
            &format!("/api/admin/people/{zoe}/invitation"),
            json!({ "email": "zoe.other@fabrikam.example" }),
        )
        .await;
    assert_eq!(again.status, StatusCode::NO_CONTENT);
    let mail = &app
        .store
        .mailbox("zoe.other@fabrikam.example")
        .await
        .unwrap()[0];
    let link = mail
        .body
        .split_whitespace()
        .find(|w| w.contains("/invitation#"))
        .unwrap();
    let new = link.rsplit_once('#').unwrap().1.to_owned();
    let mut browser = app.browser();
    browser.session().await;
    assert_eq!(
        accept(&mut browser, &old, STRONG).await.code(),
        "invitation-expired",
        "the old link stopped working"
    );
    assert_eq!(
        accept(&mut browser, &new, STRONG).await.status,
        StatusCode::OK
    );
    // Zoë has a password now, and Adele always had one: no invitation.
    for account in ["zoe@contoso.example", &app.user("adele").await] {
        let id = id_of(&app, account).await;
        let refused = admin
            .post(
                &format!("/api/admin/people/{id}/invitation"),
                json!({ "email": "someone@fabrikam.example" }),
            )
            .await;
        assert_eq!(refused.code(), "has-password", "{account}");
    }
    assert!(
        app.store
            .mailbox("someone@fabrikam.example")
            .await
            .unwrap()
            .is_empty()
    );
}
