//! Every guard, limit and minimum, one request at a time and with the same
//! requests arriving together (the outside probe's findings F1–F6, F10,
//! F11, F13, F15, F17, F18), on SQLite and PostgreSQL.

use axum::http::{Method, StatusCode};
use secinfo_server::clock::Clock;
use secinfo_server::policy::{MethodRule, Policy};

use crate::helpers::{Backend, Browser, PASSWORD, TestApp, futures_join_all};

crate::on_both_backends!(
    s11_a_setup_begun_without_a_step_up_does_not_finish_once_a_method_exists,
    s11_a_setup_begun_before_the_window_lapsed_does_not_finish_after_it,
    s11_a_finished_challenge_is_never_sent_again,
    s11_a_method_the_policy_stopped_counting_does_not_step_up,
    s14_parallel_deletes_keep_the_required_method_and_a_default,
    s14_a_phone_is_not_deleted_when_only_an_email_would_remain,
    s14_a_delete_racing_default_changes_leaves_a_default,
    s14_of_equally_strong_methods_the_older_becomes_the_default,
    s17_parallel_sends_stay_within_the_cooldown_and_the_limits,
    s17_another_persons_code_to_my_number_does_not_hold_me_back,
    s17_the_per_number_and_global_limits_hold_in_parallel,
    s17_the_per_address_limit_holds_in_parallel,
    one_phone_from_two_challenges_finished_together,
    s18_registering_a_sign_in_method_gives_the_session_a_new_id,
    method_limits_hold_one_at_a_time_and_in_parallel,
    one_phone_from_two_challenges_begun_together,
    s6_parallel_wrong_passwords_stay_within_the_limits,
    s6_parallel_wrong_app_codes_stay_within_the_account_limit,
    s17_toll_fraud_numbers_are_refused_before_any_provider_call,
    s23_personal_api_answers_are_never_cached,
    s24_bad_path_ids_and_the_api_root_answer_with_codes,
    policy_limits_have_upper_bounds,
    defect14_the_phone_stays_while_an_alternate_phone_needs_it,
    s24_every_route_parses_its_path_the_same_way,
);

async fn signed_in(app: &TestApp, name: &str) -> Browser {
    let account = app.user(name).await;
    let mut browser = app.browser();
    assert_eq!(
        browser.sign_in(&account, PASSWORD).await.status,
        StatusCode::OK
    );
    browser
}

/// Another browser of the same session (same cookies and token).
fn twin(app: &TestApp, browser: &Browser) -> Browser {
    let mut b = app.browser();
    b.cookies = browser.cookies.clone();
    b.csrf = browser.csrf.clone();
    b
}

fn method_ids(info: &serde_json::Value, kind: &str) -> Vec<String> {
    info["methods"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["kind"] == kind)
        .map(|m| m["id"].as_str().unwrap().to_owned())
        .collect()
}

async fn set_policy(app: &TestApp, adjust: impl FnOnce(&mut Policy)) {
    let mut policy = crate::helpers::test_policy();
    adjust(&mut policy);
    app.store
        .set_policy(&crate::helpers::contoso(), &policy)
        .await
        .unwrap();
}

async fn delete(browser: &mut Browser, id: &str) -> crate::helpers::Response {
    browser
        .send(Method::DELETE, &format!("/api/me/methods/{id}"), None, &[])
        .await
}

async fn s11_a_setup_begun_without_a_step_up_does_not_finish_once_a_method_exists(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let account = app.user("victim").await;
    // The attacker has only the password and starts adding an app.
    let mut attacker = app.browser();
    attacker.sign_in(&account, PASSWORD).await;
    let setup = attacker
        .post("/api/me/authenticator", serde_json::json!({}))
        .await
        .json();
    // Meanwhile the owner registers a phone.
    let mut owner = app.browser();
    owner.sign_in(&account, PASSWORD).await;
    let info = owner.register_phone("phone", "NL", "0612345678").await;
    assert_eq!(
        attacker.get("/api/me/security-info").await.status,
        StatusCode::FORBIDDEN
    );
    let secret = setup["secret"].as_str().unwrap().replace(' ', "");
    let code = crate::authenticator::code_at(&secret, app.clock.now());
    let finished = attacker
        .post(
            &format!(
                "/api/me/authenticator/{}/code",
                setup["pending_id"].as_str().unwrap()
            ),
            serde_json::json!({ "code": code }),
        )
        .await;
    assert_eq!(finished.status, StatusCode::FORBIDDEN);
    assert_eq!(finished.code(), "step-up-required");
    // Still not verified: no view, no delete of the owner's phone.
    assert_eq!(
        attacker.get("/api/me/security-info").await.status,
        StatusCode::FORBIDDEN
    );
    let phone = &method_ids(&info, "phone")[0];
    assert_eq!(
        delete(&mut attacker, phone).await.status,
        StatusCode::FORBIDDEN
    );
    let after = owner.get("/api/me/security-info").await.json();
    assert_eq!(after["methods"].as_array().unwrap().len(), 1);
}

async fn s11_a_setup_begun_before_the_window_lapsed_does_not_finish_after_it(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    set_policy(&app, |p| p.step_up_minutes = 2).await;
    let mut browser = signed_in(&app, "adele").await;
    browser.register_phone("phone", "NL", "0612345678").await;
    let started = browser
        .start_phone("alternate-phone", "NL", "0612345679", "call")
        .await;
    assert_eq!(started.status, StatusCode::CREATED);
    let challenge = started.json()["challenge_id"].as_str().unwrap().to_owned();
    app.clock.advance(3 * 60);
    use secinfo_server::providers::telephony::{CallEvent, call_event};
    call_event(&app.store, &challenge, CallEvent::Answered)
        .await
        .unwrap();
    call_event(&app.store, &challenge, CallEvent::Key('#'))
        .await
        .unwrap();
    let progress = browser
        .get(&format!("/api/me/challenges/{challenge}"))
        .await;
    assert_eq!(progress.status, StatusCode::FORBIDDEN);
    assert_eq!(progress.code(), "step-up-required");
    let methods = app
        .store
        .methods_of_user(&user_id(&app, "adele").await)
        .await
        .unwrap();
    assert_eq!(methods.len(), 1, "the alternate phone was not added");
}

async fn user_id(app: &TestApp, name: &str) -> models::PersonId {
    let account = models::AccountName::parse(&format!("{name}@contoso.example")).unwrap();
    app.store
        .user_by_account_name(&account)
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn s11_a_finished_challenge_is_never_sent_again(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    set_policy(&app, |p| p.limits.resend_cooldown_seconds = 0).await;
    let account = app.user("victim").await;
    let mut owner = app.browser();
    owner.sign_in(&account, PASSWORD).await;
    let started = owner
        .start_phone("phone", "NL", "0612345678", "text")
        .await
        .json();
    let challenge = started["challenge_id"].as_str().unwrap().to_owned();
    let code = app.last_code("+31612345678").await;
    assert_eq!(
        owner.submit_code(&challenge, &code).await.status,
        StatusCode::OK
    );
    // A new password-only session, and the owner's own: neither revives it.
    let mut attacker = app.browser();
    attacker.sign_in(&account, PASSWORD).await;
    for browser in [&mut attacker, &mut owner] {
        let resent = browser
            .post(
                &format!("/api/me/challenges/{challenge}/resend"),
                serde_json::json!({}),
            )
            .await;
        assert_eq!(resent.status, StatusCode::NOT_FOUND);
    }
    assert_eq!(app.store.sim_inbox("+31612345678").await.unwrap().len(), 1);
    let again = attacker.submit_code(&challenge, &code).await;
    assert_ne!(again.status, StatusCode::OK);
    assert_eq!(
        attacker.get("/api/me/security-info").await.status,
        StatusCode::FORBIDDEN
    );
}

async fn s11_a_method_the_policy_stopped_counting_does_not_step_up(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let account = app.user("adele").await;
    let mut first = app.browser();
    first.sign_in(&account, PASSWORD).await;
    let info = first.register_phone("phone", "NL", "0612345678").await;
    let phone = method_ids(&info, "phone")[0].clone();
    let mut later = app.browser();
    later.sign_in(&account, PASSWORD).await;
    app.clock.advance(31);
    // A step-up begun while the phone counted…
    let begun = later
        .post(
            "/api/me/step-up",
            serde_json::json!({ "method_id": phone, "delivery": "text" }),
        )
        .await;
    assert_eq!(begun.status, StatusCode::CREATED);
    let challenge = begun.json()["challenge_id"].as_str().unwrap().to_owned();
    let code = app.last_code("+31612345678").await;
    // …and the admin stops counting phones for sign-in.
    set_policy(&app, |p| {
        p.methods = vec![
            MethodRule {
                kind: models::MethodKind::Phone,
                mfa: false,
                sspr: true,
            },
            MethodRule::full(models::MethodKind::AuthenticatorApp),
        ];
    })
    .await;
    let start = later
        .post(
            "/api/me/step-up",
            serde_json::json!({ "method_id": phone, "delivery": "text" }),
        )
        .await;
    assert_eq!(start.status, StatusCode::NOT_FOUND);
    let finish = later.submit_code(&challenge, &code).await;
    assert_eq!(finish.status, StatusCode::NOT_FOUND);
    let app_step_up = later
        .post(
            "/api/me/step-up/authenticator",
            serde_json::json!({ "method_id": phone, "code": "123456" }),
        )
        .await;
    assert_eq!(app_step_up.status, StatusCode::NOT_FOUND);
}

async fn s14_parallel_deletes_keep_the_required_method_and_a_default(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = signed_in(&app, "adele").await;
    browser.register_phone("phone", "NL", "0612345678").await;
    let info = browser
        .register_phone("alternate-phone", "NL", "0612345679")
        .await;
    let ids: Vec<String> = info["methods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids.len(), 2);
    let tasks: Vec<_> = (0..40)
        .map(|n| {
            let mut b = twin(&app, &browser);
            let id = ids[n % 2].clone();
            async move { delete(&mut b, &id).await.status }
        })
        .collect();
    let statuses = futures_join_all(tasks).await;
    let deleted = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    assert_eq!(deleted, 1, "{statuses:?}");
    assert!(
        statuses
            .iter()
            .all(|s| [StatusCode::OK, StatusCode::CONFLICT, StatusCode::NOT_FOUND].contains(s)),
        "{statuses:?}"
    );
    let info = browser.get("/api/me/security-info").await.json();
    assert_eq!(info["methods"].as_array().unwrap().len(), 1);
    assert_eq!(
        info["default_method"]["method_id"],
        info["methods"][0]["id"]
    );
}

async fn s14_a_phone_is_not_deleted_when_only_an_email_would_remain(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    set_policy(&app, |p| {
        p.methods.push(MethodRule::full(models::MethodKind::Email))
    })
    .await;
    let mut browser = signed_in(&app, "adele").await;
    let info = browser.register_phone("phone", "NL", "0612345678").await;
    let phone = method_ids(&info, "phone")[0].clone();
    let started = browser
        .post(
            "/api/me/email/challenges",
            serde_json::json!({ "address": "adele@fabrikam.example" }),
        )
        .await
        .json();
    let code = crate::helpers::last_email_code(&app.store, "adele@fabrikam.example").await;
    let done = browser
        .submit_code(started["challenge_id"].as_str().unwrap(), &code)
        .await;
    assert_eq!(done.status, StatusCode::OK);
    let refused = delete(&mut browser, &phone).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert_eq!(refused.code(), "last-required-method");
    // The email may go: the phone still verifies sign-ins and resets.
    let email = method_ids(&done.json(), "email")[0].clone();
    assert_eq!(delete(&mut browser, &email).await.status, StatusCode::OK);
}

async fn s14_a_delete_racing_default_changes_leaves_a_default(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = signed_in(&app, "adele").await;
    browser.register_phone("phone", "NL", "0612345678").await;
    browser
        .register_phone("alternate-phone", "NL", "0612345679")
        .await;
    let info = browser
        .register_phone("office-phone", "NL", "0201234567")
        .await;
    let alternate = method_ids(&info, "alternate-phone")[0].clone();
    let office = method_ids(&info, "office-phone")[0].clone();
    let mut tasks = Vec::new();
    for n in 0..30 {
        let mut b = twin(&app, &browser);
        let (alternate, office) = (alternate.clone(), office.clone());
        tasks.push(async move {
            match n % 3 {
                0 => delete(&mut b, &alternate).await.status,
                1 => {
                    b.send(
                        Method::PUT,
                        "/api/me/default-method",
                        Some(serde_json::json!({ "method_id": alternate, "delivery": "call" })),
                        &[],
                    )
                    .await
                    .status
                }
                _ => {
                    b.send(
                        Method::PUT,
                        "/api/me/default-method",
                        Some(serde_json::json!({ "method_id": office, "delivery": "call" })),
                        &[],
                    )
                    .await
                    .status
                }
            }
        });
    }
    futures_join_all(tasks).await;
    let info = browser.get("/api/me/security-info").await.json();
    let default = info["default_method"]["method_id"]
        .as_str()
        .expect("a default");
    assert!(
        info["methods"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["id"] == default),
        "the default is one of the methods: {info}"
    );
    assert!(method_ids(&info, "alternate-phone").is_empty());
}

async fn s17_parallel_sends_stay_within_the_cooldown_and_the_limits(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let browser = signed_in(&app, "adele").await;
    // 30 sends to one number inside its cooldown: one text.
    let tasks: Vec<_> = (0..30)
        .map(|_| {
            let mut b = twin(&app, &browser);
            async move {
                b.start_phone("phone", "NL", "0612345678", "text")
                    .await
                    .status
            }
        })
        .collect();
    let statuses = futures_join_all(tasks).await;
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::CREATED)
            .count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(app.store.sim_inbox("+31612345678").await.unwrap().len(), 1);
    // No cooldown, 30 sends to 30 numbers: the per-user limit of 10.
    set_policy(&app, |p| p.limits.resend_cooldown_seconds = 0).await;
    let browser = signed_in(&app, "bob").await;
    let tasks: Vec<_> = (0..30)
        .map(|n| {
            let mut b = twin(&app, &browser);
            async move {
                b.start_phone("phone", "NL", &format!("06123457{n:02}"), "text")
                    .await
                    .status
            }
        })
        .collect();
    let statuses = futures_join_all(tasks).await;
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::CREATED)
            .count(),
        10,
        "{statuses:?}"
    );
    let mut sent = 0;
    for n in 0..30 {
        sent += app
            .store
            .sim_inbox(&format!("+316123457{n:02}"))
            .await
            .unwrap()
            .len();
    }
    assert_eq!(sent, 10, "nothing sent over the limit");
}

async fn s17_another_persons_code_to_my_number_does_not_hold_me_back(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut owner = signed_in(&app, "adele").await;
    let mine = owner
        .start_phone("phone", "NL", "0612345678", "text")
        .await
        .json();
    let code = app.last_code("+31612345678").await;
    let mut other = signed_in(&app, "mallory").await;
    assert_eq!(
        other
            .start_phone("phone", "NL", "0612345678", "text")
            .await
            .status,
        StatusCode::CREATED
    );
    // My code still works, and my own resend is not in their cooldown.
    assert_eq!(
        owner
            .submit_code(mine["challenge_id"].as_str().unwrap(), &code)
            .await
            .status,
        StatusCode::OK
    );
    let mut third = signed_in(&app, "bob").await;
    let mut alsomine = signed_in(&app, "carol").await;
    assert_eq!(
        third
            .start_phone("phone", "NL", "0612345670", "text")
            .await
            .status,
        StatusCode::CREATED
    );
    assert_eq!(
        alsomine
            .start_phone("phone", "NL", "0612345670", "text")
            .await
            .status,
        StatusCode::CREATED
    );
}

async fn s18_registering_a_sign_in_method_gives_the_session_a_new_id(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = signed_in(&app, "adele").await;
    let before = browser.cookies.clone();
    let stale = twin(&app, &browser);
    browser.register_phone("phone", "NL", "0612345678").await;
    assert_ne!(before, browser.cookies);
    let mut stale = stale;
    assert_eq!(
        stale.get("/api/me/security-info").await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        browser.get("/api/me/security-info").await.status,
        StatusCode::OK
    );
}

/// Apps that count only for password reset: adding one rotates nothing,
/// so parallel requests of one session all reach the limit check.
async fn method_limits_hold_one_at_a_time_and_in_parallel(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    set_policy(&app, |p| {
        p.methods = vec![
            MethodRule::full(models::MethodKind::Phone),
            MethodRule {
                kind: models::MethodKind::AuthenticatorApp,
                mfa: false,
                sspr: true,
            },
            MethodRule::full(models::MethodKind::SecurityQuestions),
        ];
    })
    .await;
    let mut browser = signed_in(&app, "adele").await;
    // One at a time: eight setups begun, five apps at most.
    let mut setups = Vec::new();
    for _ in 0..8 {
        setups.push(
            browser
                .post("/api/me/authenticator", serde_json::json!({}))
                .await
                .json(),
        );
    }
    let mut added = 0;
    for setup in &setups {
        let secret = setup["secret"].as_str().unwrap().replace(' ', "");
        let code = crate::authenticator::code_at(&secret, app.clock.now());
        let done = browser
            .post(
                &format!(
                    "/api/me/authenticator/{}/code",
                    setup["pending_id"].as_str().unwrap()
                ),
                serde_json::json!({ "code": code }),
            )
            .await;
        if done.status == StatusCode::OK {
            added += 1;
        } else {
            assert_eq!(done.code(), "method-unavailable");
        }
    }
    assert_eq!(added, 5);

    // In parallel: a new person, twelve setups finished together.
    let mut browser = signed_in(&app, "bob").await;
    let mut setups = Vec::new();
    for _ in 0..12 {
        setups.push(
            browser
                .post("/api/me/authenticator", serde_json::json!({}))
                .await
                .json(),
        );
    }
    let tasks: Vec<_> = setups
        .into_iter()
        .map(|setup| {
            let mut b = twin(&app, &browser);
            let secret = setup["secret"].as_str().unwrap().replace(' ', "");
            let code = crate::authenticator::code_at(&secret, app.clock.now());
            async move {
                b.post(
                    &format!(
                        "/api/me/authenticator/{}/code",
                        setup["pending_id"].as_str().unwrap()
                    ),
                    serde_json::json!({ "code": code }),
                )
                .await
                .status
            }
        })
        .collect();
    let statuses = futures_join_all(tasks).await;
    assert_eq!(
        statuses.iter().filter(|s| **s == StatusCode::OK).count(),
        5,
        "{statuses:?}"
    );
    let info = browser.get("/api/me/security-info").await.json();
    assert_eq!(method_ids(&info, "authenticator-app").len(), 5);

    // Ten parallel saves of security questions: one set.
    let answers = serde_json::json!({ "answers": [
        { "question": "city-born", "answer": "Utrecht" },
        { "question": "first-pet", "answer": "Bello" },
        { "question": "first-school", "answer": "De Regenboog" },
    ]});
    let tasks: Vec<_> = (0..10)
        .map(|_| {
            let mut b = twin(&app, &browser);
            let answers = answers.clone();
            async move { b.post("/api/me/security-questions", answers).await }
        })
        .collect();
    let responses = futures_join_all(tasks).await;
    let saved = responses
        .iter()
        .filter(|r| r.status == StatusCode::OK)
        .count();
    assert_eq!(
        saved,
        1,
        "{:?}",
        responses.iter().map(|r| r.code()).collect::<Vec<_>>()
    );
    let info = browser.get("/api/me/security-info").await.json();
    assert_eq!(method_ids(&info, "security-questions").len(), 1);
}

async fn one_phone_from_two_challenges_begun_together(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    set_policy(&app, |p| {
        p.limits.resend_cooldown_seconds = 0;
        p.methods.push(MethodRule::full(models::MethodKind::Email));
    })
    .await;
    let mut browser = signed_in(&app, "adele").await;
    let first = browser
        .start_phone("phone", "NL", "0612345678", "text")
        .await
        .json();
    let first_code = app.last_code("+31612345678").await;
    let second = browser
        .start_phone("phone", "NL", "0612345679", "text")
        .await
        .json();
    let second_code = app.last_code("+31612345679").await;
    let done = browser
        .submit_code(first["challenge_id"].as_str().unwrap(), &first_code)
        .await;
    assert_eq!(done.status, StatusCode::OK);
    let over = browser
        .submit_code(second["challenge_id"].as_str().unwrap(), &second_code)
        .await;
    assert_eq!(over.code(), "method-unavailable");
    // The same for email addresses.
    let a = browser
        .post(
            "/api/me/email/challenges",
            serde_json::json!({ "address": "a@fabrikam.example" }),
        )
        .await
        .json();
    let b = browser
        .post(
            "/api/me/email/challenges",
            serde_json::json!({ "address": "b@fabrikam.example" }),
        )
        .await
        .json();
    let code_a = crate::helpers::last_email_code(&app.store, "a@fabrikam.example").await;
    let code_b = crate::helpers::last_email_code(&app.store, "b@fabrikam.example").await;
    assert_eq!(
        browser
            .submit_code(a["challenge_id"].as_str().unwrap(), &code_a)
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        browser
            .submit_code(b["challenge_id"].as_str().unwrap(), &code_b)
            .await
            .code(),
        "method-unavailable"
    );
    let info = browser.get("/api/me/security-info").await.json();
    assert_eq!(method_ids(&info, "phone").len(), 1);
    assert_eq!(method_ids(&info, "email").len(), 1);
}

async fn s6_parallel_wrong_passwords_stay_within_the_limits(backend: Backend) {
    // The test configuration allows 3 failures per account, 6 per address.
    let app = TestApp::spawn(backend).await;
    let account = app.user("adele").await;
    let mut browser = app.browser();
    browser.session().await;
    let tasks: Vec<_> = (0..40)
        .map(|_| {
            let mut b = browser.clone();
            let account = account.clone();
            async move { b.sign_in(&account, "Wrong-Password-1").await.status }
        })
        .collect();
    let statuses = futures_join_all(tasks).await;
    let checked = statuses
        .iter()
        .filter(|s| **s == StatusCode::UNAUTHORIZED)
        .count();
    assert_eq!(checked, 3, "{statuses:?}");
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
            .count(),
        37
    );
    // Per address: 40 accounts from one address, 6 checked.
    let mut accounts = Vec::new();
    for n in 0..40 {
        accounts.push(app.user(&format!("user{n}")).await);
    }
    let mut browser = app.browser();
    browser.address = "198.51.100.9".into();
    browser.session().await;
    let tasks: Vec<_> = accounts
        .into_iter()
        .map(|account| {
            let mut b = browser.clone();
            async move { b.sign_in(&account, "Wrong-Password-1").await.status }
        })
        .collect();
    let statuses = futures_join_all(tasks).await;
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::UNAUTHORIZED)
            .count(),
        6,
        "{statuses:?}"
    );
}

async fn s6_parallel_wrong_app_codes_stay_within_the_account_limit(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    set_policy(&app, |p| p.limits.failures_per_account = 20).await;
    let mut browser = signed_in(&app, "adele").await;
    let setup = browser
        .post("/api/me/authenticator", serde_json::json!({}))
        .await
        .json();
    let pending = setup["pending_id"].as_str().unwrap().to_owned();
    let secret = setup["secret"].as_str().unwrap().replace(' ', "");
    let right = crate::authenticator::code_at(&secret, app.clock.now());
    let wrong = if right == "000000" {
        "111111"
    } else {
        "000000"
    };
    let tasks: Vec<_> = (0..50)
        .map(|_| {
            let mut b = twin(&app, &browser);
            let pending = pending.clone();
            async move {
                b.post(
                    &format!("/api/me/authenticator/{pending}/code"),
                    serde_json::json!({ "code": wrong }),
                )
                .await
                .code()
            }
        })
        .collect();
    let codes = futures_join_all(tasks).await;
    assert_eq!(
        codes.iter().filter(|c| *c == "wrong-code").count(),
        20,
        "{codes:?}"
    );
    assert_eq!(
        codes.iter().filter(|c| *c == "too-many-attempts").count(),
        30
    );
    let id = user_id(&app, "adele").await;
    let counter = app
        .store
        .counter(&format!("verify:user:{id}"), app.clock.now() - 3600)
        .await
        .unwrap();
    assert_eq!(counter.count, 20, "the counter is exact");
}

async fn s17_toll_fraud_numbers_are_refused_before_any_provider_call(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = signed_in(&app, "adele").await;
    for (typed, e164) in [
        ("0900 1234567", "+319001234567"),
        ("+44 909 8790000", "+449098790000"),
        ("+881 612345678", "+881612345678"),
        ("+371 90001234", "+37190001234"),
    ] {
        for (kind, delivery) in [("phone", "text"), ("phone", "call")] {
            let refused = browser.start_phone(kind, "NL", typed, delivery).await;
            assert_eq!(
                refused.json(),
                serde_json::json!({ "code": "number-type-not-allowed", "field": "phone_number" }),
                "{typed}"
            );
        }
        assert!(
            app.store.sim_inbox(e164).await.unwrap().is_empty(),
            "{typed}"
        );
    }
    // With only NL allowed, a non-geographic number typed with region NL
    // is not Dutch: the number's own region decides.
    set_policy(&app, |p| {
        p.allowed_countries = vec!["NL".into()];
        p.refused_number_types.clear();
    })
    .await;
    let refused = browser
        .start_phone("phone", "NL", "+881 612345678", "text")
        .await;
    assert_eq!(refused.code(), "country-not-allowed");
    assert!(
        app.store
            .sim_inbox("+881612345678")
            .await
            .unwrap()
            .is_empty()
    );
}

async fn s23_personal_api_answers_are_never_cached(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = signed_in(&app, "adele").await;
    for path in [
        "/api/session",
        "/api/me/security-info",
        "/api/me/step-up",
        "/api/nothing-here",
    ] {
        let response = browser.get(path).await;
        assert_eq!(
            response
                .headers
                .get("cache-control")
                .map(|v| v.to_str().unwrap()),
            Some("no-store"),
            "{path}"
        );
    }
}

async fn s24_bad_path_ids_and_the_api_root_answer_with_codes(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = signed_in(&app, "adele").await;
    for (method, path) in [
        (Method::DELETE, "/api/me/methods/%ff"),
        (Method::GET, "/api/me/challenges/%ff"),
        (Method::POST, "/api/me/challenges/%ff/resend"),
        (Method::POST, "/api/me/authenticator/%ff/code"),
        (Method::POST, "/api/me/security-keys/%ff"),
    ] {
        let body = (method == Method::POST)
            .then(|| serde_json::json!({ "code": "123456", "credential_json": "{}" }));
        let response = browser.send(method, path, body, &[]).await;
        assert_eq!(response.status, StatusCode::BAD_REQUEST, "{path}");
        assert_eq!(response.code(), "malformed-request", "{path}");
    }
    for path in ["/api/", "/api"] {
        let root = browser.get(path).await;
        assert_eq!(root.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(root.code(), "not-found", "{path}");
    }
}

async fn policy_limits_have_upper_bounds(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.admin("megan").await;
    let mut browser = app.browser();
    browser.sign_in(&admin, PASSWORD).await;
    for field in [
        serde_json::json!({ "code_tries": 1_000_000 }),
        serde_json::json!({ "step_up_minutes": i64::MAX }),
        serde_json::json!({ "limits": { "failures_per_account": 1_000_000_000 } }),
    ] {
        let refused = browser
            .send(Method::PUT, "/api/admin/policy", Some(field.clone()), &[])
            .await;
        assert_eq!(
            (refused.status, refused.code()),
            (StatusCode::BAD_REQUEST, "invalid-policy".to_owned()),
            "{field}"
        );
    }
    assert_eq!(
        browser.get("/api/admin/policy").await.json()["code_tries"],
        5
    );
}

async fn s17_the_per_number_and_global_limits_hold_in_parallel(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    set_policy(&app, |p| {
        p.limits.per_number = 3;
        p.limits.global = 5;
    })
    .await;
    // Ten people text one number together: three texts.
    let mut people = Vec::new();
    for n in 0..10 {
        people.push(signed_in(&app, &format!("person{n}")).await);
    }
    let tasks: Vec<_> = people
        .iter()
        .map(|browser| {
            let mut b = twin(&app, browser);
            async move {
                b.start_phone("phone", "NL", "0612345678", "text")
                    .await
                    .status
            }
        })
        .collect();
    let statuses = futures_join_all(tasks).await;
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::CREATED)
            .count(),
        3,
        "{statuses:?}"
    );
    assert_eq!(app.store.sim_inbox("+31612345678").await.unwrap().len(), 3);
    // The same ten, each to a number of their own: the global cap of five
    // (three texts were sent already).
    let tasks: Vec<_> = people
        .iter()
        .enumerate()
        .map(|(n, browser)| {
            let mut b = twin(&app, browser);
            async move {
                b.start_phone("phone", "NL", &format!("06123458{n:02}"), "text")
                    .await
                    .status
            }
        })
        .collect();
    let statuses = futures_join_all(tasks).await;
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::CREATED)
            .count(),
        2,
        "{statuses:?}"
    );
}

/// The ranking `models::next_default` gives both sides: the Delete dialog
/// names what the server then sets (two phones of the same strength).
async fn s14_of_equally_strong_methods_the_older_becomes_the_default(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = signed_in(&app, "adele").await;
    // The office phone first (the default), then a phone and an alternate
    // phone, equally strong: the older of the two takes over.
    let info = browser
        .register_phone("office-phone", "NL", "0201234567")
        .await;
    let office = method_ids(&info, "office-phone")[0].clone();
    app.clock.advance(5);
    let info = browser.register_phone("phone", "NL", "0612345678").await;
    let phone = method_ids(&info, "phone")[0].clone();
    app.clock.advance(5);
    browser
        .register_phone("alternate-phone", "NL", "0612345679")
        .await;
    let after = delete(&mut browser, &office).await.json();
    assert_eq!(after["default_method"]["method_id"], phone.as_str());
    assert_eq!(after["default_method"]["delivery"], "call");
}

async fn s17_the_per_address_limit_holds_in_parallel(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    set_policy(&app, |p| p.limits.per_address = 4).await;
    // Ten people behind one address, each to a number of their own.
    let mut people = Vec::new();
    for n in 0..10 {
        people.push(signed_in(&app, &format!("person{n}")).await);
    }
    let tasks: Vec<_> = people
        .iter()
        .enumerate()
        .map(|(n, browser)| {
            let mut b = twin(&app, browser);
            async move {
                b.start_phone("phone", "NL", &format!("06123459{n:02}"), "text")
                    .await
                    .code()
            }
        })
        .collect();
    let codes = futures_join_all(tasks).await;
    assert_eq!(
        codes.iter().filter(|c| c.is_empty()).count(),
        4,
        "{codes:?}"
    );
    assert_eq!(
        codes.iter().filter(|c| *c == "text-limit-reached").count(),
        6,
        "{codes:?}"
    );
}

async fn one_phone_from_two_challenges_finished_together(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = signed_in(&app, "adele").await;
    let mut finishes = Vec::new();
    for number in ["0612345678", "0612345679"] {
        let started = browser
            .start_phone("phone", "NL", number, "text")
            .await
            .json();
        let e164 = format!("+31{}", &number[1..]);
        let code = app.last_code(&e164).await;
        finishes.push((started["challenge_id"].as_str().unwrap().to_owned(), code));
    }
    let tasks: Vec<_> = finishes
        .into_iter()
        .map(|(id, code)| {
            let mut b = twin(&app, &browser);
            async move { (b.submit_code(&id, &code).await.status, b.cookies) }
        })
        .collect();
    let outcomes = futures_join_all(tasks).await;
    let winners: Vec<_> = outcomes
        .iter()
        .filter(|(s, _)| *s == StatusCode::OK)
        .collect();
    assert_eq!(
        winners.len(),
        1,
        "{:?}",
        outcomes.iter().map(|(s, _)| s).collect::<Vec<_>>()
    );
    browser.cookies = winners[0].1.clone();
    let info = browser.get("/api/me/security-info").await.json();
    assert_eq!(method_ids(&info, "phone").len(), 1);
}

/// Defect 14: an alternate phone needs a phone (SPEC §2), so the phone is
/// not deleted while one exists — one at a time and all at once.
async fn defect14_the_phone_stays_while_an_alternate_phone_needs_it(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = signed_in(&app, "adele").await;
    browser.register_phone("phone", "NL", "0612345678").await;
    browser
        .register_phone("office-phone", "NL", "0201234567")
        .await;
    let info = browser
        .register_phone("alternate-phone", "NL", "0612345679")
        .await;
    let phone = method_ids(&info, "phone")[0].clone();
    let alternate = method_ids(&info, "alternate-phone")[0].clone();
    let refused = delete(&mut browser, &phone).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert_eq!(refused.code(), "delete-alternate-phone-first");

    // Both deleted at once, many times over: never an alternate phone alone.
    let tasks: Vec<_> = (0..20)
        .map(|n| {
            let mut b = twin(&app, &browser);
            let id = if n % 2 == 0 {
                phone.clone()
            } else {
                alternate.clone()
            };
            async move { delete(&mut b, &id).await.status }
        })
        .collect();
    futures_join_all(tasks).await;
    let info = browser.get("/api/me/security-info").await.json();
    let alone =
        !method_ids(&info, "alternate-phone").is_empty() && method_ids(&info, "phone").is_empty();
    assert!(!alone, "an alternate phone without a phone: {info}");
}

/// S24 over every route (N10): each path of the OpenAPI description with
/// a parameter, called with that parameter not UTF-8 (`%ff`), answers with
/// a JSON code: 400 `malformed-request` for a signed-in person, and a 4xx
/// with a code for anyone (who may be refused before the path is read).
async fn s24_every_route_parses_its_path_the_same_way(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let description = app.browser().get("/api/openapi.json").await.json();
    let paths = description["paths"].as_object().unwrap();
    let mut walked = 0;
    for (path, operations) in paths {
        if !path.contains('{') {
            continue;
        }
        let malformed: String = path
            .split('/')
            .map(|segment| {
                if segment.starts_with('{') {
                    "%ff"
                } else {
                    segment
                }
            })
            .collect::<Vec<_>>()
            .join("/");
        for method in operations.as_object().unwrap().keys() {
            let method: Method = method.to_uppercase().parse().unwrap();
            let body = (method != Method::GET).then(|| serde_json::json!({}));
            let mut anyone = app.browser();
            anyone.session().await;
            let response = anyone
                .send(method.clone(), &malformed, body.clone(), &[])
                .await;
            assert!(
                response.status.is_client_error() && !response.code().is_empty(),
                "{method} {malformed}: {} {}",
                response.status,
                String::from_utf8_lossy(&response.body)
            );
            // The carrier's webhooks are refused for their signature first.
            if !path.starts_with("/api/twilio/") {
                let mut person = signed_in(&app, &format!("p{walked}")).await;
                let response = person.send(method.clone(), &malformed, body, &[]).await;
                assert_eq!(
                    (response.status, response.code()),
                    (StatusCode::BAD_REQUEST, "malformed-request".to_owned()),
                    "{method} {malformed}"
                );
            }
            walked += 1;
        }
    }
    assert!(walked >= 9, "{walked} operations with a path parameter");
    assert!(paths.contains_key("/api/organizations/{id}/logo"));
}
