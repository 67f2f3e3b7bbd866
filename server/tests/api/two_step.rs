//! Two-step verification at sign-in (S27): the right password alone opens
//! a session that can only verify, choose another method or sign out; it
//! lapses after ten minutes, and finishing it gives the session a new id
//! and counts as the recent verification.

use axum::http::{Method, StatusCode};

use crate::authenticator::code_at;
use crate::helpers::{Backend, Browser, PASSWORD, T0, TestApp, test_policy};

crate::on_both_backends!(
    s27_a_password_alone_opens_a_session_that_can_only_verify,
    s27_a_call_answered_with_pound_finishes_the_sign_in,
    s27_an_authenticator_app_code_finishes_the_sign_in,
    s27_a_pending_sign_in_lapses_after_ten_minutes,
    s27_the_password_signs_in_where_two_step_does_not_apply,
    s27_a_pending_sign_in_registers_nothing,
    a_text_ends_with_the_origin_bound_line_which_the_code_field_accepts,
    s27_a_pending_sign_in_changes_nothing_about_the_person,
    a_second_sign_in_within_the_cooldown_goes_on_with_the_code_already_sent,
);

const SESSION: &str = "__Host-secinfo-session";

async fn two_step_on(app: &TestApp) {
    let policy = secinfo_server::policy::Policy {
        two_step_sign_in: true,
        ..test_policy()
    };
    app.store
        .set_policy(&crate::helpers::contoso(), &policy)
        .await
        .unwrap();
}

/// A person with a phone (texts by default), registered while two-step
/// sign-in was off; then it is turned on. Returns the account and the
/// method's id.
async fn person_with_phone(app: &TestApp, name: &str, number: &str) -> (String, String) {
    let account = app.user(name).await;
    let mut browser = app.browser();
    browser.sign_in(&account, PASSWORD).await;
    let info = browser.register_phone("phone", "NL", number).await;
    two_step_on(app).await;
    let id = info["methods"][0]["id"].as_str().unwrap().to_owned();
    (account, id)
}

async fn pending_browser(app: &TestApp, account: &str) -> Browser {
    let mut browser = app.browser();
    let signed_in = browser.sign_in(account, PASSWORD).await;
    assert_eq!(signed_in.status, StatusCode::OK);
    assert_eq!(signed_in.json()["verification_required"], true);
    browser
}

async fn s27_a_password_alone_opens_a_session_that_can_only_verify(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (account, method_id) = person_with_phone(&app, "adele", "0612345678").await;
    let mut browser = pending_browser(&app, &account).await;

    // Who it is, and that a step is missing.
    let session = browser.session().await;
    assert_eq!(session["user"]["account_name"], account.as_str());
    assert_eq!(session["verification_required"], true);
    // The sign-in page is now the whole client, which shows the second step.
    let page = browser.get("/signin").await;
    assert!(String::from_utf8_lossy(&page.body).contains("boot()"));

    // Everything but verifying and signing out is refused with a code.
    for (method, path) in [
        (Method::GET, "/api/me/security-info"),
        (Method::GET, "/api/me/security-questions"),
        (Method::GET, "/api/admin/policy"),
        (Method::DELETE, "/api/me/sessions"),
        (Method::PUT, "/api/me/locale"),
    ] {
        let response = browser
            .send(method.clone(), path, Some(serde_json::json!({})), &[])
            .await;
        assert_eq!(response.status, StatusCode::UNAUTHORIZED, "{method} {path}");
        assert_eq!(response.code(), "sign-in-not-finished", "{method} {path}");
    }
    let delete = browser
        .send(
            Method::DELETE,
            &format!("/api/me/methods/{method_id}"),
            None,
            &[],
        )
        .await;
    assert_eq!(delete.code(), "sign-in-not-finished");
    let add = browser
        .start_phone("alternate-phone", "NL", "0687654321", "call")
        .await;
    assert_eq!(add.code(), "sign-in-not-finished");

    // The default method is offered first, masked.
    let options = browser.get("/api/me/step-up").await.json();
    assert_eq!(options[0]["method_id"], method_id.as_str());
    assert_eq!(options[0]["delivery"], "text");
    assert_eq!(options[0]["masked"], "+31 612••••78");

    // A wrong code does not finish it; the right one does, under a new id.
    app.clock.advance(31);
    let started = browser
        .post(
            "/api/me/step-up",
            serde_json::json!({ "method_id": method_id, "delivery": "text" }),
        )
        .await;
    assert_eq!(started.status, StatusCode::CREATED);
    let challenge = started.json()["challenge_id"].as_str().unwrap().to_owned();
    let code = app.last_code("+31612345678").await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    assert_eq!(
        browser.submit_code(&challenge, wrong).await.code(),
        "wrong-code"
    );
    assert_eq!(
        browser.get("/api/me/security-info").await.code(),
        "sign-in-not-finished"
    );
    let before = browser.cookies[SESSION].clone();
    let done = browser.submit_code(&challenge, &code).await;
    assert_eq!(done.status, StatusCode::OK);
    assert_ne!(browser.cookies[SESSION], before, "a new session id");

    // Signed in, and no step-up right after: the second step was one.
    assert_eq!(browser.session().await["verification_required"], false);
    assert_eq!(
        browser.get("/api/me/security-info").await.status,
        StatusCode::OK
    );

    // Recorded, with how.
    let user_id: String = sqlx::query_scalar("SELECT user_id FROM methods WHERE id = $1")
        .bind(&method_id)
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    let how: Vec<String> =
        sqlx::query_scalar("SELECT detail FROM audit WHERE user_id = $1 AND action = 'signed-in'")
            .bind(&user_id)
            .fetch_all(app.store.pool())
            .await
            .unwrap();
    assert_eq!(how, ["text"]);
}

async fn s27_a_call_answered_with_pound_finishes_the_sign_in(backend: Backend) {
    use secinfo_server::providers::telephony::{CallEvent, call_event};
    let app = TestApp::spawn(backend).await;
    let (account, method_id) = person_with_phone(&app, "adele", "0612345670").await;
    let mut browser = pending_browser(&app, &account).await;
    app.clock.advance(31);
    let started = browser
        .post(
            "/api/me/step-up",
            serde_json::json!({ "method_id": method_id, "delivery": "call" }),
        )
        .await;
    assert_eq!(started.status, StatusCode::CREATED);
    let challenge = started.json()["challenge_id"].as_str().unwrap().to_owned();
    let progress = browser
        .get(&format!("/api/me/challenges/{challenge}"))
        .await;
    assert_eq!(progress.json()["done"], false);
    call_event(&app.store, &challenge, CallEvent::Answered)
        .await
        .unwrap();
    call_event(&app.store, &challenge, CallEvent::Key('#'))
        .await
        .unwrap();
    let progress = browser
        .get(&format!("/api/me/challenges/{challenge}"))
        .await;
    assert_eq!(progress.json()["done"], true);
    assert_eq!(
        browser.get("/api/me/security-info").await.status,
        StatusCode::OK
    );
}

async fn s27_an_authenticator_app_code_finishes_the_sign_in(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let account = app.user("adele").await;
    let mut browser = app.browser();
    browser.sign_in(&account, PASSWORD).await;
    let setup = browser
        .post("/api/me/authenticator", serde_json::json!({}))
        .await
        .json();
    let secret = setup["secret"].as_str().unwrap().to_owned();
    let pending_id = setup["pending_id"].as_str().unwrap();
    let info = browser
        .post(
            &format!("/api/me/authenticator/{pending_id}/code"),
            serde_json::json!({ "code": code_at(&secret, T0) }),
        )
        .await
        .json();
    let method_id = info["methods"][0]["id"].as_str().unwrap().to_owned();
    two_step_on(&app).await;

    let mut browser = pending_browser(&app, &account).await;
    let options = browser.get("/api/me/step-up").await.json();
    assert_eq!(options[0]["kind"], "authenticator-app");
    app.clock.advance(30);
    let before = browser.cookies[SESSION].clone();
    let done = browser
        .post(
            "/api/me/step-up/authenticator",
            serde_json::json!({ "method_id": method_id, "code": code_at(&secret, T0 + 30) }),
        )
        .await;
    assert_eq!(done.status, StatusCode::OK);
    assert_ne!(browser.cookies[SESSION], before);
    assert_eq!(browser.session().await["verification_required"], false);
}

async fn s27_a_pending_sign_in_lapses_after_ten_minutes(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (account, method_id) = person_with_phone(&app, "adele", "0612345671").await;
    let mut browser = pending_browser(&app, &account).await;
    app.clock.advance(9 * 60);
    assert_eq!(browser.session().await["verification_required"], true);
    app.clock.advance(60);
    let session = browser.session().await;
    assert!(session["user"].is_null(), "{session}");
    let started = browser
        .post(
            "/api/me/step-up",
            serde_json::json!({ "method_id": method_id, "delivery": "text" }),
        )
        .await;
    assert_eq!(started.status, StatusCode::UNAUTHORIZED);
    assert_eq!(started.code(), "not-signed-in");
}

async fn s27_the_password_signs_in_where_two_step_does_not_apply(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    two_step_on(&app).await;

    // Nothing registered yet: the registration interrupt follows, as before.
    let newcomer = app.user("newcomer").await;
    let mut browser = app.browser();
    let signed_in = browser.sign_in(&newcomer, PASSWORD).await;
    assert_eq!(signed_in.json()["verification_required"], false);
    assert_eq!(
        browser.get("/api/me/security-info").await.status,
        StatusCode::OK
    );

    // Methods that the policy no longer counts for sign-in do not verify.
    let (account, _) = person_with_phone(&app, "adele", "0612345672").await;
    let mut policy = secinfo_server::policy::Policy {
        two_step_sign_in: true,
        ..test_policy()
    };
    policy
        .methods
        .retain(|r| r.kind != models::MethodKind::Phone);
    app.store
        .set_policy(&crate::helpers::contoso(), &policy)
        .await
        .unwrap();
    let mut browser = app.browser();
    assert_eq!(
        browser.sign_in(&account, PASSWORD).await.json()["verification_required"],
        false
    );

    // The organization turned two-step sign-in off.
    app.store
        .set_policy(&crate::helpers::contoso(), &test_policy())
        .await
        .unwrap();
    let mut browser = app.browser();
    assert_eq!(
        browser.sign_in(&account, PASSWORD).await.json()["verification_required"],
        false
    );
}

async fn s27_a_pending_sign_in_registers_nothing(backend: Backend) {
    use secinfo_server::providers::telephony::{CallEvent, call_event};
    let app = TestApp::spawn(backend).await;
    let account = app.user("adele").await;
    let mut complete = app.browser();
    complete.sign_in(&account, PASSWORD).await;
    complete.register_phone("phone", "NL", "0612345673").await;
    // A registration begun in the complete, verified session...
    let started = complete
        .start_phone("alternate-phone", "NL", "0687654321", "call")
        .await;
    assert_eq!(started.status, StatusCode::CREATED);
    let challenge = started.json()["challenge_id"].as_str().unwrap().to_owned();
    two_step_on(&app).await;

    // ...is not finished by a session that has only the password.
    let mut pending = pending_browser(&app, &account).await;
    call_event(&app.store, &challenge, CallEvent::Answered)
        .await
        .unwrap();
    call_event(&app.store, &challenge, CallEvent::Key('#'))
        .await
        .unwrap();
    let progress = pending
        .get(&format!("/api/me/challenges/{challenge}"))
        .await;
    assert_eq!(progress.status, StatusCode::NOT_FOUND);
    let methods: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM methods")
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert_eq!(methods, 1, "no alternate phone was registered");
    assert_eq!(
        pending.get("/api/me/security-info").await.code(),
        "sign-in-not-finished"
    );
}

async fn a_text_ends_with_the_origin_bound_line_which_the_code_field_accepts(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (account, method_id) = person_with_phone(&app, "adele", "0612345674").await;
    let mut browser = pending_browser(&app, &account).await;
    app.clock.advance(31);
    let started = browser
        .post(
            "/api/me/step-up",
            serde_json::json!({ "method_id": method_id, "delivery": "text" }),
        )
        .await;
    let challenge = started.json()["challenge_id"].as_str().unwrap().to_owned();
    let code = app.last_code("+31612345674").await;
    let text = &app.store.sim_inbox("+31612345674").await.unwrap()[0];
    let line = format!("@localhost #{code}");
    assert!(text.body.ends_with(&format!("\n\n{line}")), "{}", text.body);
    // What a phone's autofill (or a person pasting the line) puts in the field.
    let done = browser.submit_code(&challenge, &line).await;
    assert_eq!(done.status, StatusCode::OK);
}

/// N7: a password alone changes nothing about the person. The language
/// chosen on the sign-in page is shown for the second step, but the code
/// still speaks the person's own, and the choice becomes theirs only once
/// the sign-in is finished.
async fn s27_a_pending_sign_in_changes_nothing_about_the_person(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (account, method_id) = person_with_phone(&app, "adele", "0612345678").await;
    let stored = || async {
        sqlx::query_scalar::<_, Option<String>>("SELECT locale FROM users WHERE account_name = $1")
            .bind(&account)
            .fetch_one(app.store.pool())
            .await
            .unwrap()
    };
    let mut browser = app.browser();
    browser.session().await;
    let signed_in = browser
        .post(
            "/api/session",
            serde_json::json!({ "account_name": account, "password": PASSWORD, "locale": "sv-SE" }),
        )
        .await;
    assert_eq!(signed_in.json()["verification_required"], true);
    assert_eq!(signed_in.json()["user"]["locale"], "sv-SE");
    browser.csrf = signed_in.json()["csrf_token"].as_str().map(str::to_owned);
    assert_eq!(
        stored().await,
        None,
        "nothing changed before the second step"
    );
    assert_eq!(browser.session().await["user"]["locale"], "sv-SE");

    app.clock.advance(31);
    let started = browser
        .post(
            "/api/me/step-up",
            serde_json::json!({ "method_id": method_id, "delivery": "text" }),
        )
        .await;
    assert_eq!(started.status, StatusCode::CREATED);
    let text = app.store.sim_inbox("+31612345678").await.unwrap();
    assert!(text[0].body.contains("is your"), "{}", text[0].body);

    let challenge = started.json()["challenge_id"].as_str().unwrap().to_owned();
    let code = app.last_code("+31612345678").await;
    assert_eq!(
        browser.submit_code(&challenge, &code).await.status,
        StatusCode::OK
    );
    assert_eq!(
        stored().await.as_deref(),
        Some("sv-SE"),
        "the sign-in is finished"
    );
}

/// Walk issue, item 3: signing in again within the resend cooldown (a
/// second tab, Back) goes on with the code already texted, still valid,
/// and the cooldown left; nothing more is sent, and that code finishes the
/// second sign-in.
async fn a_second_sign_in_within_the_cooldown_goes_on_with_the_code_already_sent(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (account, method_id) = person_with_phone(&app, "adele", "0612345678").await;
    app.clock.advance(31);
    let step_up = serde_json::json!({ "method_id": method_id, "delivery": "text" });
    let mut first = pending_browser(&app, &account).await;
    let sent = first.post("/api/me/step-up", step_up.clone()).await;
    assert_eq!(sent.status, StatusCode::CREATED);
    let challenge = sent.json()["challenge_id"].as_str().unwrap().to_owned();
    let texts = app.store.sim_inbox("+31612345678").await.unwrap().len();

    app.clock.advance(10);
    let mut second = pending_browser(&app, &account).await;
    let again = second.post("/api/me/step-up", step_up).await;
    assert_eq!(
        again.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&again.body)
    );
    let again = again.json();
    assert_eq!(again["challenge_id"], challenge.as_str());
    assert_eq!(again["destination"], "+31 612••••78");
    assert_eq!(again["resend_after"], 20);
    assert_eq!(
        app.store.sim_inbox("+31612345678").await.unwrap().len(),
        texts,
        "nothing more sent"
    );
    let code = app.last_code("+31612345678").await;
    assert_eq!(
        second.submit_code(&challenge, &code).await.status,
        StatusCode::OK
    );
    assert_eq!(second.session().await["verification_required"], false);
}
