//! Phone methods through the API and the simulated carrier.

use axum::http::{Method, StatusCode};
use secinfo_server::providers::telephony::{CallEvent, call_event};

use crate::helpers::{Backend, PASSWORD, T0, TestApp, futures_join_all};

crate::on_both_backends!(
    text_path_registers_a_phone_and_makes_it_the_default,
    call_path_registers_when_pound_is_pressed,
    a_wrong_key_or_no_answer_fails_the_call,
    s2_codes_expire_after_ten_minutes,
    s3_codes_are_single_use_and_bound_to_their_challenge,
    s6_five_wrong_tries_per_code,
    s7_parallel_valid_code_succeeds_once,
    s7_parallel_wrong_codes_count_exactly,
    s4_the_database_holds_no_plain_code,
    invalid_numbers_are_refused_at_the_field,
    the_seeds_extension_is_removed_but_an_office_phone_keeps_it,
    s17_limits_and_the_country_allow_list,
    s13_another_users_method_is_not_found,
    s14_the_last_required_method_stays_and_the_default_moves,
    s11_changes_need_a_recent_verification,
    change_default_lists_only_phone_deliveries_it_has,
    change_number_keeps_the_old_one_until_verified,
    s12_every_change_is_recorded,
    texts_and_calls_speak_the_users_language,
);

/// The id of the user's method of `kind` in a SecurityInfo response.
fn id_of(info: &serde_json::Value, kind: &str) -> String {
    let methods = info["methods"].as_array().unwrap();
    methods
        .iter()
        .find(|m| m["kind"] == kind)
        .expect("method of that kind")["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn signed_in(app: &TestApp, name: &str) -> crate::helpers::Browser {
    let account = app.user(name).await;
    let mut browser = app.browser();
    assert_eq!(
        browser.sign_in(&account, PASSWORD).await.status,
        StatusCode::OK
    );
    browser
}

async fn text_path_registers_a_phone_and_makes_it_the_default(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = signed_in(&app, "adele").await;
    let started = browser
        .start_phone("phone", "NL", "06 12345678", "text")
        .await;
    assert_eq!(started.status, StatusCode::CREATED);
    let json = started.json();
    assert_eq!(json["destination"], "+31 612345678");
    assert_eq!(json["extension_removed"], false);
    let code = app.last_code("+31612345678").await;
    let done = browser
        .submit_code(json["challenge_id"].as_str().unwrap(), &code)
        .await;
    assert_eq!(done.status, StatusCode::OK);
    let info = done.json();
    assert_eq!(info["methods"][0]["kind"], "phone");
    assert_eq!(info["methods"][0]["detail"], "+31 612345678");
    assert_eq!(info["methods"][0]["delivery"], "text");
    assert_eq!(
        info["default_method"]["method_id"],
        info["methods"][0]["id"]
    );
    assert_eq!(info["default_method"]["delivery"], "text");
    // Now an alternate phone can be added, the phone cannot be added twice.
    assert_eq!(
        info["addable"],
        serde_json::json!(["authenticator-app", "alternate-phone", "office-phone"])
    );
}

async fn call_path_registers_when_pound_is_pressed(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = signed_in(&app, "adele").await;
    let started = browser
        .start_phone("phone", "US", "+1 4255551234", "call")
        .await
        .json();
    let challenge = started["challenge_id"].as_str().unwrap();
    let inbox = app.store.sim_inbox("+14255551234").await.unwrap();
    assert_eq!(inbox[0].kind, "call");
    assert!(
        inbox[0].body.contains("press the pound key"),
        "{}",
        inbox[0].body
    );
    let progress = browser
        .get(&format!("/api/me/challenges/{challenge}"))
        .await
        .json();
    assert_eq!(
        progress,
        serde_json::json!({ "status": "ringing", "done": false })
    );
    call_event(&app.store, challenge, CallEvent::Answered)
        .await
        .unwrap();
    assert_eq!(
        browser
            .get(&format!("/api/me/challenges/{challenge}"))
            .await
            .json()["status"],
        "answered"
    );
    call_event(&app.store, challenge, CallEvent::Key('#'))
        .await
        .unwrap();
    let progress = browser
        .get(&format!("/api/me/challenges/{challenge}"))
        .await
        .json();
    assert_eq!(
        progress,
        serde_json::json!({ "status": "confirmed", "done": true })
    );
    let info = browser.get("/api/me/security-info").await.json();
    assert_eq!(info["methods"][0]["delivery"], "call");
    assert_eq!(info["default_method"]["delivery"], "call");
    // Polling again does not register twice.
    assert_eq!(
        browser
            .get(&format!("/api/me/challenges/{challenge}"))
            .await
            .json()["done"],
        true
    );
    assert_eq!(
        browser.get("/api/me/security-info").await.json()["methods"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

async fn a_wrong_key_or_no_answer_fails_the_call(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = signed_in(&app, "adele").await;
    let started = browser
        .start_phone("phone", "SE", "070-123 45 67", "call")
        .await
        .json();
    let challenge = started["challenge_id"].as_str().unwrap().to_owned();
    call_event(&app.store, &challenge, CallEvent::Answered)
        .await
        .unwrap();
    call_event(&app.store, &challenge, CallEvent::Key('5'))
        .await
        .unwrap();
    // A later # on the same call changes nothing.
    call_event(&app.store, &challenge, CallEvent::Key('#'))
        .await
        .unwrap();
    let progress = browser
        .get(&format!("/api/me/challenges/{challenge}"))
        .await
        .json();
    assert_eq!(
        progress,
        serde_json::json!({ "status": "wrong-key", "done": false })
    );
    assert!(
        browser.get("/api/me/security-info").await.json()["methods"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    app.clock.advance(31);
    let again = browser
        .post(
            &format!("/api/me/challenges/{challenge}/resend"),
            serde_json::json!({}),
        )
        .await;
    assert_eq!(again.status, StatusCode::CREATED);
    let second = again.json()["challenge_id"].as_str().unwrap().to_owned();
    app.clock.advance(61);
    let progress = browser
        .get(&format!("/api/me/challenges/{second}"))
        .await
        .json();
    assert_eq!(progress["status"], "no-answer");
}

async fn s2_codes_expire_after_ten_minutes(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = signed_in(&app, "adele").await;
    let first = browser
        .start_phone("phone", "NL", "0612345678", "text")
        .await
        .json();
    let code = app.last_code("+31612345678").await;
    app.clock.advance(10 * 60 + 1);
    let late = browser
        .submit_code(first["challenge_id"].as_str().unwrap(), &code)
        .await;
    assert_eq!(
        late.json(),
        serde_json::json!({ "code": "code-expired", "field": "code" })
    );

    let second = browser
        .post(
            &format!(
                "/api/me/challenges/{}/resend",
                first["challenge_id"].as_str().unwrap()
            ),
            serde_json::json!({}),
        )
        .await
        .json();
    let code = app.last_code("+31612345678").await;
    app.clock.advance(9 * 60 + 59);
    let in_time = browser
        .submit_code(second["challenge_id"].as_str().unwrap(), &code)
        .await;
    assert_eq!(in_time.status, StatusCode::OK);
}

async fn s3_codes_are_single_use_and_bound_to_their_challenge(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut adele = signed_in(&app, "adele").await;
    let mut bert = signed_in(&app, "bert").await;
    let a = adele
        .start_phone("phone", "NL", "0612345678", "text")
        .await
        .json();
    let a_code = app.last_code("+31612345678").await;
    let b = bert
        .start_phone("phone", "NL", "0612345679", "text")
        .await
        .json();
    let a_id = a["challenge_id"].as_str().unwrap();
    let b_id = b["challenge_id"].as_str().unwrap();
    // Adele's code on Bert's challenge, and Adele's challenge from Bert's session.
    assert_eq!(bert.submit_code(b_id, &a_code).await.code(), "wrong-code");
    assert_eq!(
        bert.submit_code(a_id, &a_code).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        adele.submit_code(a_id, &a_code).await.status,
        StatusCode::OK
    );
    // Replay.
    assert_eq!(
        adele.submit_code(a_id, &a_code).await.code(),
        "code-expired"
    );
}

async fn s6_five_wrong_tries_per_code(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = signed_in(&app, "adele").await;
    let started = browser
        .start_phone("phone", "NL", "0612345678", "text")
        .await
        .json();
    let id = started["challenge_id"].as_str().unwrap();
    let code = app.last_code("+31612345678").await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for _ in 0..5 {
        assert_eq!(browser.submit_code(id, wrong).await.code(), "wrong-code");
    }
    assert_eq!(
        browser.submit_code(id, &code).await.code(),
        "too-many-tries",
        "the 6th try is refused, even right"
    );

    // The account-wide count survives a new challenge (S6, 100 per hour).
    let mut policy = crate::helpers::test_policy();
    // 6 failures so far (the refused 6th try counts too); 2 more reach 8.
    policy.limits.failures_per_account = 8;
    policy.limits.resend_cooldown_seconds = 0;
    app.store
        .set_policy(&crate::helpers::contoso(), &policy)
        .await
        .unwrap();
    let again = browser
        .post(
            &format!("/api/me/challenges/{id}/resend"),
            serde_json::json!({}),
        )
        .await
        .json();
    let id = again["challenge_id"].as_str().unwrap();
    assert_eq!(browser.submit_code(id, wrong).await.code(), "wrong-code");
    assert_eq!(browser.submit_code(id, wrong).await.code(), "wrong-code");
    let code = app.last_code("+31612345678").await;
    assert_eq!(
        browser.submit_code(id, &code).await.code(),
        "too-many-attempts"
    );
}

async fn s7_parallel_valid_code_succeeds_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let account = app.user("adele").await;
    let mut browser = app.browser();
    browser.sign_in(&account, PASSWORD).await;
    let started = browser
        .start_phone("phone", "NL", "0612345678", "text")
        .await
        .json();
    let id = started["challenge_id"].as_str().unwrap().to_owned();
    let code = app.last_code("+31612345678").await;
    let tasks: Vec<_> = (0..50)
        .map(|_| {
            let mut b = app.browser();
            b.cookies = browser.cookies.clone();
            b.csrf = browser.csrf.clone();
            let (id, code) = (id.clone(), code.clone());
            async move {
                let status = b.submit_code(&id, &code).await.status;
                (status, b.cookies)
            }
        })
        .collect();
    let outcomes = futures_join_all(tasks).await;
    let statuses: Vec<StatusCode> = outcomes.iter().map(|(s, _)| *s).collect();
    let ok = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    assert_eq!(ok, 1, "{statuses:?}");
    // Registering the phone verified the session under a new id (S18):
    // the winner holds it.
    let winner = outcomes
        .into_iter()
        .find(|(s, _)| *s == StatusCode::OK)
        .unwrap();
    browser.cookies = winner.1;
    assert_eq!(
        browser.get("/api/me/security-info").await.json()["methods"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

async fn s7_parallel_wrong_codes_count_exactly(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = signed_in(&app, "adele").await;
    let started = browser
        .start_phone("phone", "NL", "0612345678", "text")
        .await
        .json();
    let id = started["challenge_id"].as_str().unwrap().to_owned();
    let code = app.last_code("+31612345678").await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let n = 4;
    let tasks: Vec<_> = (0..n)
        .map(|_| {
            let mut b = app.browser();
            b.cookies = browser.cookies.clone();
            b.csrf = browser.csrf.clone();
            let id = id.clone();
            async move { b.submit_code(&id, wrong).await.status }
        })
        .collect();
    futures_join_all(tasks).await;
    let challenge = app.store.challenge_by_id(&id).await.unwrap().unwrap();
    assert_eq!(challenge.attempts, n);
    let user_id: String = sqlx::query_scalar("SELECT user_id FROM challenges WHERE id = $1")
        .bind(&id)
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    let failures = app
        .store
        .counter(&format!("verify:user:{user_id}"), T0 - 3600)
        .await
        .unwrap();
    assert_eq!(failures.count, n);
}

async fn s4_the_database_holds_no_plain_code(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = signed_in(&app, "adele").await;
    browser
        .start_phone("phone", "NL", "0612345678", "text")
        .await;
    let code = app.last_code("+31612345678").await;
    let rows: Vec<(String, Option<String>, String)> =
        sqlx::query_as("SELECT id, code_digest, payload FROM challenges")
            .fetch_all(app.store.pool())
            .await
            .unwrap();
    for (id, digest, payload) in rows {
        assert!(!id.contains(&code) && !payload.contains(&code));
        assert!(!digest.unwrap().contains(&code));
    }
}

async fn invalid_numbers_are_refused_at_the_field(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = signed_in(&app, "adele").await;
    let response = browser.start_phone("phone", "NL", "12", "text").await;
    assert_eq!(response.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        response.json(),
        serde_json::json!({ "code": "invalid-phone-number", "field": "phone_number" })
    );
    assert_eq!(
        browser
            .start_phone("phone", "ZZ", "0612345678", "text")
            .await
            .code(),
        "invalid-region"
    );
    assert_eq!(
        browser
            .start_phone("office-phone", "NL", "0612345678", "text")
            .await
            .code(),
        "delivery-unavailable"
    );
    assert_eq!(
        browser
            .start_phone("alternate-phone", "NL", "0612345678", "call")
            .await
            .code(),
        "phone-required-first"
    );
    assert!(
        app.store
            .sim_inbox("+31612345678")
            .await
            .unwrap()
            .is_empty(),
        "nothing was sent"
    );
}

async fn the_seeds_extension_is_removed_but_an_office_phone_keeps_it(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = signed_in(&app, "adele").await;
    let started = browser
        .start_phone("phone", "US", "+1 4255551234X12345", "call")
        .await
        .json();
    assert_eq!(started["extension_removed"], true);
    assert_eq!(started["destination"], "+1 4255551234");
    let call = &app.store.sim_inbox("+14255551234").await.unwrap()[0];
    assert_eq!(
        call.extension, None,
        "the extension is removed before any call"
    );

    let started = browser
        .start_phone("office-phone", "US", "+1 4255550000 x777", "call")
        .await
        .json();
    assert_eq!(started["extension_removed"], false);
    let challenge = started["challenge_id"].as_str().unwrap();
    let call = &app.store.sim_inbox("+14255550000").await.unwrap()[0];
    assert_eq!(
        call.extension.as_deref(),
        Some("777"),
        "an office phone dials its extension"
    );
    call_event(&app.store, challenge, CallEvent::Answered)
        .await
        .unwrap();
    call_event(&app.store, challenge, CallEvent::Key('#'))
        .await
        .unwrap();
    browser
        .get(&format!("/api/me/challenges/{challenge}"))
        .await;
    let info = browser.get("/api/me/security-info").await.json();
    assert_eq!(info["methods"][0]["detail"], "+1 4255550000 x777");
}

async fn s17_limits_and_the_country_allow_list(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut policy = crate::helpers::test_policy();
    policy.limits.per_number = 2;
    policy.limits.resend_cooldown_seconds = 30;
    policy.allowed_countries = vec!["NL".into(), "SE".into()];
    app.store
        .set_policy(&crate::helpers::contoso(), &policy)
        .await
        .unwrap();
    let mut browser = signed_in(&app, "adele").await;

    let refused = browser
        .start_phone("phone", "US", "+1 4255551234", "text")
        .await;
    assert_eq!(
        refused.json(),
        serde_json::json!({ "code": "country-not-allowed", "field": "region" })
    );
    assert!(
        app.store
            .sim_inbox("+14255551234")
            .await
            .unwrap()
            .is_empty(),
        "refused before any provider call"
    );

    let first = browser
        .start_phone("phone", "NL", "0612345678", "text")
        .await
        .json();
    let id = first["challenge_id"].as_str().unwrap().to_owned();
    let too_soon = browser
        .post(
            &format!("/api/me/challenges/{id}/resend"),
            serde_json::json!({}),
        )
        .await;
    assert_eq!(too_soon.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(too_soon.code(), "resend-too-soon");
    app.clock.advance(31);
    let second = browser
        .post(
            &format!("/api/me/challenges/{id}/resend"),
            serde_json::json!({}),
        )
        .await;
    assert_eq!(second.status, StatusCode::CREATED);
    // One live code per number: the first code no longer works.
    let codes = app.store.sim_inbox("+31612345678").await.unwrap();
    assert_eq!(codes.len(), 2);
    // The first challenge was replaced: it is never sent again (F2).
    let replaced = browser
        .post(
            &format!("/api/me/challenges/{id}/resend"),
            serde_json::json!({}),
        )
        .await;
    assert_eq!(replaced.status, StatusCode::NOT_FOUND);
    let id = second.json()["challenge_id"].as_str().unwrap().to_owned();
    app.clock.advance(31);
    let third = browser
        .post(
            &format!("/api/me/challenges/{id}/resend"),
            serde_json::json!({}),
        )
        .await;
    assert_eq!(third.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(third.code(), "text-limit-reached");
    assert_eq!(
        app.store.sim_inbox("+31612345678").await.unwrap().len(),
        2,
        "nothing sent over the limit"
    );
}

async fn s13_another_users_method_is_not_found(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut adele = signed_in(&app, "adele").await;
    let info = adele.register_phone("phone", "NL", "0612345678").await;
    let id = info["methods"][0]["id"].as_str().unwrap().to_owned();
    assert!(id.len() >= 22, "ids are not guessable: {id}");
    let mut bert = signed_in(&app, "bert").await;
    let response = bert
        .send(Method::DELETE, &format!("/api/me/methods/{id}"), None, &[])
        .await;
    assert_eq!(response.status, StatusCode::NOT_FOUND);
    assert_eq!(
        adele.get("/api/me/security-info").await.json()["methods"][0]["id"],
        id.as_str()
    );
}

async fn s14_the_last_required_method_stays_and_the_default_moves(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = signed_in(&app, "adele").await;
    let info = browser.register_phone("phone", "NL", "0612345678").await;
    let phone = info["methods"][0]["id"].as_str().unwrap().to_owned();
    let response = browser
        .send(
            Method::DELETE,
            &format!("/api/me/methods/{phone}"),
            None,
            &[],
        )
        .await;
    assert_eq!(response.status, StatusCode::CONFLICT);
    assert_eq!(response.code(), "last-required-method");

    let info = browser
        .register_phone("office-phone", "NL", "0201234567")
        .await;
    let office = id_of(&info, "office-phone");
    assert_eq!(info["default_method"]["method_id"], phone.as_str());
    let response = browser
        .send(
            Method::DELETE,
            &format!("/api/me/methods/{phone}"),
            None,
            &[],
        )
        .await;
    assert_eq!(response.status, StatusCode::OK);
    let info = response.json();
    assert_eq!(
        info["default_method"],
        serde_json::json!({ "method_id": office, "delivery": "call" })
    );
}

async fn s11_changes_need_a_recent_verification(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = signed_in(&app, "adele").await;
    browser.register_phone("phone", "NL", "0612345678").await;
    // A new password-only session.
    let account = "adele@contoso.example";
    let mut fresh = app.browser();
    fresh.sign_in(account, PASSWORD).await;
    let response = fresh.get("/api/me/security-info").await;
    assert_eq!(response.status, StatusCode::FORBIDDEN);
    assert_eq!(response.code(), "step-up-required");
    let info_id: String = sqlx::query_scalar("SELECT id FROM methods")
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert_eq!(
        fresh
            .send(
                Method::DELETE,
                &format!("/api/me/methods/{info_id}"),
                None,
                &[]
            )
            .await
            .code(),
        "step-up-required"
    );
    assert_eq!(
        fresh
            .start_phone("office-phone", "NL", "0201234567", "call")
            .await
            .code(),
        "step-up-required"
    );

    // Step up with a text: a new session id, and access.
    let options = fresh.get("/api/me/step-up").await.json();
    assert_eq!(options[0]["masked"], "+31 612••••78");
    let before = fresh.cookies["__Host-secinfo-session"].clone();
    app.clock.advance(31);
    let started = fresh
        .post(
            "/api/me/step-up",
            serde_json::json!({ "method_id": info_id, "delivery": "text" }),
        )
        .await;
    assert_eq!(started.status, StatusCode::CREATED);
    let id = started.json()["challenge_id"].as_str().unwrap().to_owned();
    let code = app.last_code("+31612345678").await;
    assert_eq!(fresh.submit_code(&id, &code).await.status, StatusCode::OK);
    assert_ne!(
        fresh.cookies["__Host-secinfo-session"], before,
        "new session id after step-up"
    );
    assert_eq!(
        fresh.get("/api/me/security-info").await.status,
        StatusCode::OK
    );

    // And it wears off.
    app.clock.advance(11 * 60);
    assert_eq!(
        fresh.get("/api/me/security-info").await.code(),
        "step-up-required"
    );
}

async fn change_default_lists_only_phone_deliveries_it_has(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = signed_in(&app, "adele").await;
    let info = browser.register_phone("phone", "NL", "0612345678").await;
    let phone = info["methods"][0]["id"].as_str().unwrap().to_owned();
    let info = browser
        .register_phone("office-phone", "NL", "0201234567")
        .await;
    let office = id_of(&info, "office-phone");
    let set =
        |id: &str, delivery: &str| serde_json::json!({ "method_id": id, "delivery": delivery });
    let response = browser
        .send(
            Method::PUT,
            "/api/me/default-method",
            Some(set(&office, "text")),
            &[],
        )
        .await;
    assert_eq!(response.code(), "delivery-unavailable");
    let response = browser
        .send(
            Method::PUT,
            "/api/me/default-method",
            Some(set(&phone, "call")),
            &[],
        )
        .await;
    assert_eq!(response.json()["default_method"], set(&phone, "call"));
    let response = browser
        .send(
            Method::PUT,
            "/api/me/default-method",
            Some(set("nope", "call")),
            &[],
        )
        .await;
    assert_eq!(response.status, StatusCode::NOT_FOUND);
}

async fn change_number_keeps_the_old_one_until_verified(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = signed_in(&app, "adele").await;
    let info = browser.register_phone("phone", "NL", "0612345678").await;
    let id = info["methods"][0]["id"].as_str().unwrap().to_owned();
    app.clock.advance(31);
    let body = serde_json::json!({ "kind": "phone", "region": "SE", "number": "070-123 45 67", "delivery": "text", "replaces": id });
    let started = browser.post("/api/me/phone/challenges", body).await.json();
    let info = browser.get("/api/me/security-info").await.json();
    assert_eq!(
        info["methods"][0]["detail"], "+31 612345678",
        "old number kept until the new one is verified"
    );
    let code = app.last_code("+46701234567").await;
    let info = browser
        .submit_code(started["challenge_id"].as_str().unwrap(), &code)
        .await
        .json();
    assert_eq!(info["methods"].as_array().unwrap().len(), 1);
    assert_eq!(info["methods"][0]["id"], id.as_str());
    assert_eq!(info["methods"][0]["detail"], "+46 701234567");
    assert_eq!(info["default_method"]["method_id"], id.as_str());
}

async fn s12_every_change_is_recorded(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = signed_in(&app, "adele").await;
    let info = browser.register_phone("phone", "NL", "0612345678").await;
    let phone = info["methods"][0]["id"].as_str().unwrap().to_owned();
    let info = browser
        .register_phone("office-phone", "NL", "0201234567")
        .await;
    let office = id_of(&info, "office-phone");
    let body = serde_json::json!({ "method_id": office, "delivery": "call" });
    browser
        .send(Method::PUT, "/api/me/default-method", Some(body), &[])
        .await;
    browser
        .send(
            Method::DELETE,
            &format!("/api/me/methods/{phone}"),
            None,
            &[],
        )
        .await;
    let user_id: String =
        sqlx::query_scalar("SELECT id FROM users WHERE account_name = 'adele@contoso.example'")
            .fetch_one(app.store.pool())
            .await
            .unwrap();
    let trail = app
        .store
        .audit_of_user(&models::PersonId::new(user_id))
        .await
        .unwrap();
    let actions: Vec<&str> = trail.iter().map(|(a, _, _)| a.as_str()).collect();
    for expected in ["method-added", "default-changed", "method-deleted"] {
        assert!(actions.contains(&expected), "{actions:?}");
    }
    assert_eq!(actions.len(), 4);
    assert!(trail.iter().all(|(_, _, address)| address == "203.0.113.7"));
}

async fn texts_and_calls_speak_the_users_language(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = signed_in(&app, "lars").await;
    browser
        .send(
            Method::PUT,
            "/api/me/locale",
            Some(serde_json::json!({ "locale": "sv-SE" })),
            &[],
        )
        .await;
    browser
        .start_phone("phone", "SE", "0701234567", "text")
        .await;
    let text = &app.store.sim_inbox("+46701234567").await.unwrap()[0];
    assert!(
        text.body.contains("är din verifieringskod"),
        "{}",
        text.body
    );
    let mut sanne = signed_in(&app, "sanne").await;
    let nl = sanne.send(Method::POST, "/api/me/phone/challenges", Some(serde_json::json!({ "kind": "phone", "region": "NL", "number": "0612345670", "delivery": "call" })), &[("accept-language", "nl-NL,nl;q=0.9")]).await;
    assert_eq!(nl.status, StatusCode::CREATED);
    let call = &app.store.sim_inbox("+31612345670").await.unwrap()[0];
    assert!(call.body.contains("Druk op het hekje"), "{}", call.body);
}
