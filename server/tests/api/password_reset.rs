//! Self-service password reset (S28–S30, S15 end to end): the account step
//! reveals nothing; each step is recorded on the server-side reset, once
//! per method; the new password follows the rules, ends every session and
//! is announced on every channel.

use axum::http::{Method, StatusCode};
use secinfo_server::clock::Clock;
use secinfo_server::policy::{MethodRule, Policy};
use serde_json::{Value, json};

use crate::authenticator::code_at;
use crate::helpers::{Backend, Browser, PASSWORD, TestApp, count, futures_join_all, test_policy};

crate::on_both_backends!(
    s28_unknown_and_method_less_accounts_get_the_same_answers_as_a_known_one,
    s29_one_method_resets_the_password_and_the_reset_is_single_use,
    s29_two_methods_must_be_distinct_and_each_is_recorded_once,
    s29_a_reset_verifies_only_with_its_own_accounts_methods,
    s29_administrators_need_two_methods_and_never_security_questions,
    s29_a_reset_lapses_after_fifteen_minutes,
    s29_parallel_new_passwords_use_the_reset_once,
    s15_security_questions_alone_never_reset_a_password,
    s30_a_common_password_or_the_account_name_is_refused_and_the_reset_goes_on,
    s30_a_reset_signs_out_every_session_and_tells_every_channel,
    a_reset_reaches_nothing_but_its_verification,
    s6_a_stranger_resetting_cannot_lock_the_owner_out,
    s6_parallel_wrong_codes_on_one_reset_stay_within_its_budget,
    s6_parallel_wrong_codes_from_one_address_stay_within_its_budget,
    s28_a_stranger_cannot_use_up_the_owners_reset_starts,
    s28_parallel_reset_starts_stay_within_the_address_limits,
    s29_parallel_verifications_with_one_method_record_it_once,
    s29_one_number_is_one_destination_however_many_methods_name_it,
    s29_parallel_steps_reaching_one_destination_record_once,
    s30_breached_passwords_and_their_shapes_are_refused_on_every_route,
    s30_well_known_passwords_of_each_language_are_refused,
    an_administrator_is_told_what_a_reset_needs_as_the_reset_says,
    s28_a_first_call_rings_alike_and_only_the_owners_phone_finishes_it,
    s6_parallel_wrong_first_codes_take_the_codes_tries_once,
    s28_parallel_first_contacts_send_one,
    s28_a_first_number_is_typed_whole_and_checked_for_its_form_only,
    s29_registering_a_number_already_registered_says_which_method_it_is,
);

const NEW_PASSWORD: &str = "Quiet-Meadow-Lantern-81";
const SESSION: &str = "__Host-secinfo-session";

fn policy_with(kinds: &[models::MethodKind], required: usize) -> Policy {
    let mut policy = test_policy();
    for kind in kinds {
        if !policy.methods.iter().any(|r| r.kind == *kind) {
            policy.methods.push(MethodRule::full(*kind));
        }
    }
    policy.reset_methods_required = required;
    policy
}

/// A person with a phone (registered through its text); returns the
/// account and the phone's method id.
async fn person_with_phone(app: &TestApp, name: &str, number: &str) -> (String, String) {
    let account = app.user(name).await;
    let mut browser = app.browser();
    browser.sign_in(&account, PASSWORD).await;
    let info = browser.register_phone("phone", "NL", number).await;
    (
        account,
        info["methods"][0]["id"].as_str().unwrap().to_owned(),
    )
}

/// Adds an authenticator app to a signed-in, verified browser; returns its
/// secret.
async fn add_app(app: &TestApp, browser: &mut Browser) -> String {
    let started = browser
        .post("/api/me/authenticator", json!({}))
        .await
        .json();
    let secret = started["secret"].as_str().unwrap().to_owned();
    let id = started["pending_id"].as_str().unwrap();
    let done = browser
        .post(
            &format!("/api/me/authenticator/{id}/code"),
            json!({ "code": code_at(&secret, app.clock.now()) }),
        )
        .await;
    assert_eq!(
        done.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&done.body)
    );
    secret
}

/// Saves three security questions; returns the response.
async fn post_questions(browser: &mut Browser) -> crate::helpers::Response {
    browser
        .post(
            "/api/me/security-questions",
            json!({ "answers": [
                { "question": "city-born", "answer": "Den Haag" },
                { "question": "first-pet", "answer": "Minoes" },
                { "question": "first-car", "answer": "Saab 900" },
            ]}),
        )
        .await
}

async fn add_questions(browser: &mut Browser) {
    let saved = post_questions(browser).await;
    assert_eq!(
        saved.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&saved.body)
    );
}

/// A browser that began resetting `account`.
async fn resetting(app: &TestApp, account: &str) -> Browser {
    let mut browser = app.browser();
    browser.session().await;
    let started = browser
        .post("/api/password-reset", json!({ "account_name": account }))
        .await;
    assert_eq!(started.status, StatusCode::NO_CONTENT);
    browser
}

/// Texts the phone and types its code, on a reset.
async fn verify_by_text(
    app: &TestApp,
    browser: &mut Browser,
    method_id: &str,
    e164: &str,
) -> Value {
    // Past the cooldown of the text that registered the phone.
    app.clock.advance(31);
    let state = browser.get("/api/password-reset").await.json();
    if state["verified"] == 0 {
        return first_proof_by_text(app, browser, e164).await;
    }
    let sent = browser
        .post(
            "/api/me/step-up",
            json!({ "method_id": method_id, "delivery": "text" }),
        )
        .await;
    assert_eq!(
        sent.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&sent.body)
    );
    let sent = sent.json();
    assert!(
        sent["destination"].as_str().unwrap().contains('•'),
        "masked: {sent}"
    );
    let challenge = sent["challenge_id"].as_str().unwrap();
    let code = app.last_code(e164).await;
    let done = browser.submit_code(challenge, &code).await;
    assert_eq!(
        done.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&done.body)
    );
    // A reset learns nothing of the security info it verifies with.
    assert_eq!(done.json()["methods"], json!([]));
    browser.get("/api/password-reset").await.json()
}

/// A reset's first proof (N2): the whole number typed, the code texted to
/// it typed back. Returns where the reset stands.
async fn first_proof_by_text(app: &TestApp, browser: &mut Browser, e164: &str) -> Value {
    let done = first_proof_contact(app, browser, e164).await;
    assert_eq!(
        done.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&done.body)
    );
    done.json()
}

/// The first proof by text, its last answer as it came.
async fn first_proof_contact(
    app: &TestApp,
    browser: &mut Browser,
    e164: &str,
) -> crate::helpers::Response {
    let before = app.store.sim_inbox(e164).await.unwrap().len();
    let sent = contact(browser, "text", e164).await;
    assert_eq!(sent.status, StatusCode::CREATED);
    let id = sent.json()["challenge_id"].as_str().unwrap().to_owned();
    let code = crate::helpers::new_code(&app.store, e164, before).await;
    contact_code(browser, &id, &code).await
}

async fn contact(browser: &mut Browser, channel: &str, to: &str) -> crate::helpers::Response {
    browser
        .post(
            "/api/password-reset/contact",
            json!({ "channel": channel, "to": to }),
        )
        .await
}

async fn contact_code(browser: &mut Browser, id: &str, code: &str) -> crate::helpers::Response {
    browser
        .post(
            &format!("/api/password-reset/contact/{id}/code"),
            json!({ "code": code }),
        )
        .await
}

/// A reset's first proof with an app's code.
async fn reset_app_code(browser: &mut Browser, code: &str) -> StatusCode {
    browser
        .post("/api/password-reset/authenticator", json!({ "code": code }))
        .await
        .status
}

async fn set_password(browser: &mut Browser, password: &str) -> crate::helpers::Response {
    browser
        .send(
            Method::PUT,
            "/api/password-reset/password",
            Some(json!({ "new_password": password })),
            &[],
        )
        .await
}

async fn signs_in_with(app: &TestApp, account: &str, password: &str) -> StatusCode {
    app.browser().sign_in(account, password).await.status
}

/// What a client could tell one answer from another by: the status, the
/// headers (a cookie's name and attributes, not its value), and the body
/// with its fresh ids set aside.
fn seen(response: &crate::helpers::Response) -> (StatusCode, Vec<String>, Value) {
    let mut headers: Vec<String> = response
        .headers
        .iter()
        .map(|(name, value)| match name.as_str() {
            "set-cookie" => {
                let value = value.to_str().unwrap();
                let (cookie, attributes) = value.split_once(';').unwrap_or((value, ""));
                format!(
                    "set-cookie: {}…;{attributes}",
                    cookie.split('=').next().unwrap()
                )
            }
            // Random per request, whoever asks: it tells nothing.
            "x-request-id" => "x-request-id: …".to_owned(),
            _ => format!("{name}: {}", value.to_str().unwrap_or("?")),
        })
        .collect();
    headers.sort();
    let mut body = serde_json::from_slice(&response.body).unwrap_or(Value::Null);
    if let Some(id) = body.get_mut("challenge_id") {
        *id = json!("…");
    }
    (response.status, headers, body)
}

/// N2: a known account with a phone, one without methods and an unknown
/// one are alike through the whole first step — the start, where the reset
/// stands, what the method routes say, a code sent to the owner's own
/// number, a wrong code, a wrong app code, a resend too soon, and the
/// questions — while the owner's phone does get its code.
async fn s28_unknown_and_method_less_accounts_get_the_same_answers_as_a_known_one(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let (known, _) = person_with_phone(&app, "adele", "0612345678").await;
    let method_less = app.user("megan").await;
    // Past the cooldown of the text that registered the phone.
    app.clock.advance(31);
    let texts_before = app.store.sim_inbox("+31612345678").await.unwrap().len();
    let mut answers = Vec::new();
    for (n, account) in [
        known.as_str(),
        method_less.as_str(),
        "nobody@contoso.example",
    ]
    .into_iter()
    .enumerate()
    {
        let mut browser = app.browser();
        browser.address = format!("198.51.100.{}", n + 1);
        browser.session().await;
        let mut seen_here = Vec::new();
        let started = browser
            .post("/api/password-reset", json!({ "account_name": account }))
            .await;
        seen_here.push(seen(&started));
        seen_here.push(seen(&browser.get("/api/password-reset").await));
        seen_here.push(seen(&browser.get("/api/me/step-up").await));
        seen_here.push(seen(&browser.get("/api/password-reset/questions").await));
        let sent = contact(&mut browser, "text", "+31 6 12345678").await;
        seen_here.push(seen(&sent));
        let id = sent.json()["challenge_id"].as_str().unwrap().to_owned();
        seen_here.push(seen(&contact_code(&mut browser, &id, "12345").await));
        seen_here.push(seen(
            &browser
                .post(
                    &format!("/api/password-reset/contact/{id}/resend"),
                    json!({}),
                )
                .await,
        ));
        seen_here.push(seen(
            &browser
                .post(
                    "/api/password-reset/authenticator",
                    json!({ "code": "000000" }),
                )
                .await,
        ));
        seen_here.push(seen(&browser.get("/api/password-reset").await));
        seen_here.push(seen(&set_password(&mut browser, NEW_PASSWORD).await));
        answers.push(seen_here);
    }
    assert_eq!(answers[0], answers[1], "known and method-less");
    assert_eq!(answers[0], answers[2], "known and unknown");
    let state = &answers[0][1];
    assert_eq!(state.0, StatusCode::OK);
    assert_eq!(
        state.2,
        json!({ "first_ways": ["text", "call", "authenticator-app"], "options": [], "required": 1,
                "verified": 0, "ready": false, "min_length": 12 })
    );
    assert_eq!(answers[0][4].0, StatusCode::CREATED);
    assert_eq!(answers[0][4].2["destination"], "+31 612345678");
    // The owner's number got the one code, after the answer.
    crate::helpers::new_code(&app.store, "+31612345678", texts_before).await;
    assert_eq!(
        app.store.sim_inbox("+31612345678").await.unwrap().len(),
        texts_before + 1
    );
}

async fn s29_one_method_resets_the_password_and_the_reset_is_single_use(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (account, phone) = person_with_phone(&app, "adele", "0612345678").await;
    let mut browser = resetting(&app, &account).await;
    // Nothing before a verification.
    let early = set_password(&mut browser, NEW_PASSWORD).await;
    assert_eq!(early.status, StatusCode::FORBIDDEN);
    assert_eq!(early.code(), "reset-not-verified");

    let state = verify_by_text(&app, &mut browser, &phone, "+31612345678").await;
    assert_eq!(state["ready"], true);
    assert_eq!(state["verified"], 1);
    let done = set_password(&mut browser, NEW_PASSWORD).await;
    assert_eq!(
        done.status,
        StatusCode::NO_CONTENT,
        "{}",
        String::from_utf8_lossy(&done.body)
    );
    assert_eq!(
        signs_in_with(&app, &account, PASSWORD).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        signs_in_with(&app, &account, NEW_PASSWORD).await,
        StatusCode::OK
    );

    // Replayed: the reset is gone.
    let replay = set_password(&mut browser, "Another-Quiet-Meadow-82").await;
    assert_eq!(replay.status, StatusCode::UNAUTHORIZED);
    assert_eq!(replay.code(), "reset-expired");
    assert_eq!(
        signs_in_with(&app, &account, NEW_PASSWORD).await,
        StatusCode::OK
    );

    let user = app
        .store
        .user_by_account_name(&models::AccountName::parse(&account).unwrap())
        .await
        .unwrap()
        .unwrap();
    let audit = app.store.audit_of_user(&user.id).await.unwrap();
    let resets = audit.iter().filter(|row| row.0 == "password-reset").count();
    assert_eq!(resets, 1, "{audit:?}");
}

async fn s29_two_methods_must_be_distinct_and_each_is_recorded_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let account = app.user("adele").await;
    let mut owner = app.browser();
    owner.sign_in(&account, PASSWORD).await;
    let info = owner.register_phone("phone", "NL", "0612345678").await;
    let phone = info["methods"][0]["id"].as_str().unwrap().to_owned();
    let secret = add_app(&app, &mut owner).await;
    app.store
        .set_policy(&crate::helpers::contoso(), &policy_with(&[], 2))
        .await
        .unwrap();

    let mut browser = resetting(&app, &account).await;
    let state = browser.get("/api/password-reset").await.json();
    assert_eq!(state["required"], 2);
    let state = verify_by_text(&app, &mut browser, &phone, "+31612345678").await;
    assert_eq!(state["verified"], 1);
    assert_eq!(state["ready"], false);
    // The phone is not offered again, and not taken again.
    let kinds: Vec<&str> = state["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["authenticator-app"]);
    let again = browser
        .post(
            "/api/me/step-up",
            json!({ "method_id": phone, "delivery": "call" }),
        )
        .await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    let early = set_password(&mut browser, NEW_PASSWORD).await;
    assert_eq!(early.code(), "reset-not-verified");

    // The app is the second, distinct method.
    app.clock.advance(60);
    let app_id = state["options"][0]["method_id"].clone();
    let verified = browser
        .post(
            "/api/me/step-up/authenticator",
            json!({ "method_id": app_id, "code": code_at(&secret, app.clock.now()) }),
        )
        .await;
    assert_eq!(
        verified.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&verified.body)
    );
    let state = browser.get("/api/password-reset").await.json();
    assert_eq!(state["verified"], 2);
    assert_eq!(state["ready"], true);
    assert_eq!(
        set_password(&mut browser, NEW_PASSWORD).await.status,
        StatusCode::NO_CONTENT
    );
}

async fn s29_a_reset_verifies_only_with_its_own_accounts_methods(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (adele, _) = person_with_phone(&app, "adele", "0612345678").await;
    let (_, lars_phone) = person_with_phone(&app, "lars", "0687654321").await;
    let mut browser = resetting(&app, &adele).await;
    app.clock.advance(31);
    let texts_before = app.store.sim_inbox("+31687654321").await.unwrap().len();
    // Before a first proof no method id is taken (N2); Lars's number typed
    // whole is answered as any number, and nothing is sent to it.
    let other = browser
        .post(
            "/api/me/step-up",
            json!({ "method_id": lars_phone, "delivery": "text" }),
        )
        .await;
    assert_eq!(other.status, StatusCode::UNAUTHORIZED);
    let typed = contact(&mut browser, "text", "+31687654321").await;
    assert_eq!(typed.status, StatusCode::CREATED);
    // After a proof with Adele's own phone, Lars's method is not hers.
    app.clock.advance(31);
    verify_by_text(&app, &mut browser, "", "+31612345678").await;
    let other = browser
        .post(
            "/api/me/step-up",
            json!({ "method_id": lars_phone, "delivery": "text" }),
        )
        .await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let texts_after = app.store.sim_inbox("+31687654321").await.unwrap().len();
    assert_eq!(
        texts_before, texts_after,
        "nothing sent to another account's phone"
    );
    // A reset of an unknown account verifies nothing at all.
    let mut nobody = resetting(&app, "nobody@contoso.example").await;
    let refused = nobody
        .post(
            "/api/me/step-up",
            json!({ "method_id": lars_phone, "delivery": "text" }),
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        set_password(&mut nobody, NEW_PASSWORD).await.code(),
        "reset-not-verified"
    );
}

async fn s29_administrators_need_two_methods_and_never_security_questions(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    use models::MethodKind::SecurityQuestions;
    app.store
        .set_policy(
            &crate::helpers::contoso(),
            &policy_with(&[SecurityQuestions], 1),
        )
        .await
        .unwrap();
    // An admin with a phone and an app: two steps, and questions not offered.
    let admin = app.admin("megan").await;
    let mut owner = app.browser();
    owner.sign_in(&admin, PASSWORD).await;
    let info = owner.register_phone("phone", "NL", "0612345678").await;
    let phone = info["methods"][0]["id"].as_str().unwrap().to_owned();
    add_app(&app, &mut owner).await;
    let mut browser = resetting(&app, &admin).await;
    let state = verify_by_text(&app, &mut browser, &phone, "+31612345678").await;
    assert_eq!(state["required"], 2);
    assert_eq!(
        state["ready"], false,
        "one method is not enough for an admin"
    );
    assert_eq!(
        set_password(&mut browser, NEW_PASSWORD).await.code(),
        "reset-not-verified"
    );

    // An admin whose second method would be questions cannot reset at all.
    let admin2 = app.admin("isaiah").await;
    let mut owner = app.browser();
    owner.sign_in(&admin2, PASSWORD).await;
    owner.register_phone("phone", "NL", "0611111111").await;
    let questions = post_questions(&mut owner).await;
    // Admins cannot register questions in the first place.
    assert_ne!(questions.status, StatusCode::OK);
    let mut browser = resetting(&app, &admin2).await;
    app.clock.advance(31);
    let refused = first_proof_contact(&app, &mut browser, "+31611111111").await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(refused.code(), "reset-not-possible");
    assert!(browser.get("/api/password-reset/questions").await.status == StatusCode::NOT_FOUND);
}

async fn s29_a_reset_lapses_after_fifteen_minutes(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (account, phone) = person_with_phone(&app, "adele", "0612345678").await;
    let mut browser = resetting(&app, &account).await;
    verify_by_text(&app, &mut browser, &phone, "+31612345678").await;
    app.clock.advance(15 * 60);
    let late = set_password(&mut browser, NEW_PASSWORD).await;
    assert_eq!(late.status, StatusCode::UNAUTHORIZED);
    assert_eq!(late.code(), "reset-expired");
    assert_eq!(
        signs_in_with(&app, &account, PASSWORD).await,
        StatusCode::OK
    );
}

async fn s29_parallel_new_passwords_use_the_reset_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (account, phone) = person_with_phone(&app, "adele", "0612345678").await;
    let mut browser = resetting(&app, &account).await;
    verify_by_text(&app, &mut browser, &phone, "+31612345678").await;
    let attempts: Vec<_> = (0..10)
        .map(|n| {
            let mut browser = browser.clone();
            async move {
                set_password(&mut browser, &format!("Quiet-Meadow-Lantern-{n}x"))
                    .await
                    .status
            }
        })
        .collect();
    let statuses = futures_join_all(attempts).await;
    let done = statuses
        .iter()
        .filter(|s| **s == StatusCode::NO_CONTENT)
        .count();
    assert_eq!(done, 1, "{statuses:?}");
    let winners: Vec<String> = (0..10)
        .map(|n| format!("Quiet-Meadow-Lantern-{n}x"))
        .collect();
    let mut works = 0;
    for password in &winners {
        if signs_in_with(&app, &account, password).await == StatusCode::OK {
            works += 1;
        }
        app.clock.advance(16 * 60); // past the sign-in limit's window
    }
    assert_eq!(works, 1);
}

async fn s15_security_questions_alone_never_reset_a_password(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    use models::MethodKind::SecurityQuestions;
    app.store
        .set_policy(
            &crate::helpers::contoso(),
            &policy_with(&[SecurityQuestions], 1),
        )
        .await
        .unwrap();
    let account = app.user("adele").await;
    let mut owner = app.browser();
    owner.sign_in(&account, PASSWORD).await;
    let info = owner.register_phone("phone", "NL", "0612345678").await;
    let phone = info["methods"][0]["id"].as_str().unwrap().to_owned();
    add_questions(&mut owner).await;

    // Where one method resets the password, questions could never be it:
    // they are not offered at all (walk issue, item 5: "step 2 of 1").
    let mut one_step = resetting(&app, &account).await;
    // Before a first proof, nothing is asked of the person's (N2).
    assert_eq!(
        one_step.get("/api/password-reset/questions").await.code(),
        "reset-not-verified"
    );
    let state = one_step.get("/api/password-reset").await.json();
    assert!(
        !state["first_ways"]
            .as_array()
            .unwrap()
            .contains(&json!("security-questions"))
    );
    let state = verify_by_text(&app, &mut one_step, &phone, "+31612345678").await;
    assert_eq!(state["ready"], true);
    assert!(
        state["options"]
            .as_array()
            .unwrap()
            .iter()
            .all(|o| o["kind"] != "security-questions"),
        "{state}"
    );
    let asked = one_step.get("/api/password-reset/questions").await;
    assert_eq!(asked.status, StatusCode::NOT_FOUND);

    // Where two are asked for, questions are one of them.
    app.store
        .set_policy(
            &crate::helpers::contoso(),
            &policy_with(&[SecurityQuestions], 2),
        )
        .await
        .unwrap();
    let mut browser = resetting(&app, &account).await;
    let state = verify_by_text(&app, &mut browser, &phone, "+31612345678").await;
    assert_eq!(state["verified"], 1);
    let asked = browser.get("/api/password-reset/questions").await.json();
    let asked: Vec<String> = asked["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(asked.len(), 3);
    // Asked again: the same questions.
    let again = browser.get("/api/password-reset/questions").await.json();
    assert_eq!(again["questions"].as_array().unwrap().len(), 3);
    let answer = |q: &str| match q {
        "city-born" => "  den   HAAG ",
        "first-pet" => "Minoes",
        _ => "Saab 900",
    };
    // A wrong answer: refused, without saying which.
    let wrong: Vec<Value> = asked
        .iter()
        .map(|q| json!({ "question": q, "answer": if q == "first-pet" { "Garfield" } else { answer(q) } }))
        .collect();
    let refused = browser
        .post("/api/password-reset/questions", json!({ "answers": wrong }))
        .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        refused.json(),
        json!({ "code": "wrong-answers", "field": "answer" })
    );
    let right: Vec<Value> = asked
        .iter()
        .map(|q| json!({ "question": q, "answer": answer(q) }))
        .collect();
    let state = browser
        .post("/api/password-reset/questions", json!({ "answers": right }))
        .await;
    assert_eq!(
        state.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&state.body)
    );
    let state = state.json();
    assert_eq!(state["verified"], 2);
    assert_eq!(state["ready"], true);
    assert_eq!(
        set_password(&mut browser, NEW_PASSWORD).await.status,
        StatusCode::NO_CONTENT
    );
}

async fn s30_a_common_password_or_the_account_name_is_refused_and_the_reset_goes_on(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let (account, phone) = person_with_phone(&app, "adele", "0612345678").await;
    let mut browser = resetting(&app, &account).await;
    verify_by_text(&app, &mut browser, &phone, "+31612345678").await;
    for (password, code) in [
        ("password1234", "password-too-common"),
        ("Short-1", "password-too-short"),
        (account.as_str(), "password-is-account-name"),
    ] {
        let refused = set_password(&mut browser, password).await;
        assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{password}");
        assert_eq!(
            refused.json(),
            json!({ "code": code, "field": "new_password" })
        );
    }
    let strength = browser
        .post(
            "/api/password-reset/strength",
            json!({ "password": "password1234" }),
        )
        .await
        .json();
    assert!(strength["score"].as_u64().unwrap() < 3);
    assert_eq!(
        set_password(&mut browser, NEW_PASSWORD).await.status,
        StatusCode::NO_CONTENT
    );
}

async fn s30_a_reset_signs_out_every_session_and_tells_every_channel(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    use models::MethodKind::Email;
    app.store
        .set_policy(&crate::helpers::contoso(), &policy_with(&[Email], 1))
        .await
        .unwrap();
    let account = app.user("adele").await;
    let mut owner = app.browser();
    owner.sign_in(&account, PASSWORD).await;
    owner.register_phone("phone", "NL", "0612345678").await;
    let started = owner
        .post(
            "/api/me/email/challenges",
            json!({ "address": "adele@fabrikam.example" }),
        )
        .await;
    let challenge = started.json()["challenge_id"].as_str().unwrap().to_owned();
    let code = crate::helpers::last_email_code(&app.store, "adele@fabrikam.example").await;
    assert_eq!(
        owner.submit_code(&challenge, &code).await.status,
        StatusCode::OK
    );
    let mut elsewhere = app.browser();
    elsewhere.sign_in(&account, PASSWORD).await;
    assert_eq!(
        elsewhere.get("/api/me/password").await.status,
        StatusCode::OK
    );

    // The reset verifies with the email address this time (past the
    // cooldown of the code that registered it).
    app.clock.advance(31);
    let mut browser = resetting(&app, &account).await;
    let state = browser.get("/api/password-reset").await.json();
    assert_eq!(
        state["first_ways"],
        json!(["text", "call", "email", "authenticator-app"])
    );
    let before = app
        .store
        .mailbox("adele@fabrikam.example")
        .await
        .unwrap()
        .len();
    // Typed whole, in any case.
    let sent = contact(&mut browser, "email", "Adele@Fabrikam.example").await;
    assert_eq!(
        sent.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&sent.body)
    );
    let challenge = sent.json()["challenge_id"].as_str().unwrap().to_owned();
    let code = crate::helpers::new_email_code(&app.store, "adele@fabrikam.example", before).await;
    let mail = app.store.mailbox("adele@fabrikam.example").await.unwrap();
    assert!(
        mail[0].body.contains("reset the password"),
        "{}",
        mail[0].body
    );
    assert_eq!(
        contact_code(&mut browser, &challenge, &code).await.status,
        StatusCode::OK
    );
    assert_eq!(
        set_password(&mut browser, NEW_PASSWORD).await.status,
        StatusCode::NO_CONTENT
    );
    assert!(
        !browser.cookies.contains_key(SESSION),
        "the reset's cookie is gone"
    );

    for mut gone in [owner, elsewhere] {
        assert_eq!(
            gone.get("/api/me/password").await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    let mail = app.store.mailbox("adele@fabrikam.example").await.unwrap();
    assert!(
        mail[0].subject.contains("password was reset") && mail[0].body.contains(&account),
        "{:?}",
        mail[0].subject
    );
    let texts = app.store.sim_inbox("+31612345678").await.unwrap();
    assert!(
        texts[0].body.contains("was just reset"),
        "{}",
        texts[0].body
    );
}

async fn a_reset_reaches_nothing_but_its_verification(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (account, _) = person_with_phone(&app, "adele", "0612345678").await;
    let mut browser = resetting(&app, &account).await;
    // Even once it is proved.
    verify_by_text(&app, &mut browser, "", "+31612345678").await;
    // Nobody is signed in, as far as the client is told.
    let session = browser.session().await;
    assert!(session["user"].is_null());
    for path in [
        "/api/me/security-info",
        "/api/me/password",
        "/api/me/security-questions",
    ] {
        let refused = browser.get(path).await;
        assert_eq!(refused.status, StatusCode::UNAUTHORIZED, "{path}");
    }
    let refused = browser
        .post(
            "/api/me/phone/challenges",
            json!({ "kind": "phone", "region": "NL", "number": "0699999999", "delivery": "text" }),
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    // Recovery codes are for sign-in only (S31).
    let refused = browser
        .post(
            "/api/me/step-up/recovery-code",
            json!({ "code": "ABCD-EFGH-JKLM" }),
        )
        .await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);
}

/// A person with an authenticator app, signing in in two steps, whose
/// reset needs one method; returns the account, the app's id and secret.
async fn owner_with_app(app: &TestApp) -> (String, String, String) {
    let account = app.user("adele").await;
    let mut browser = app.browser();
    browser.sign_in(&account, PASSWORD).await;
    let secret = add_app(app, &mut browser).await;
    let mut policy = policy_with(&[], 1);
    policy.two_step_sign_in = true;
    app.store
        .set_policy(&crate::helpers::contoso(), &policy)
        .await
        .unwrap();
    let id: String = sqlx::query_scalar("SELECT id FROM methods WHERE kind = 'authenticator-app'")
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    (account, id, secret)
}

/// A code that is not the app's now (nor in the steps beside it).
fn wrong_app_code(app: &TestApp, secret: &str) -> String {
    let now = app.clock.now();
    let near: Vec<String> = (-1..=1).map(|s| code_at(secret, now + 30 * s)).collect();
    (0..)
        .map(|n| format!("{:06}", 123_456 + n))
        .find(|c| !near.contains(c))
        .unwrap()
}

async fn app_code_on(browser: &mut Browser, method_id: &str, code: &str) -> StatusCode {
    browser
        .post(
            "/api/me/step-up/authenticator",
            json!({ "method_id": method_id, "code": code }),
        )
        .await
        .status
}

/// N1: knowing only the account name, a stranger begins resets and types
/// a hundred wrong app codes. Each reset ends after its own small budget;
/// nothing of it reaches the owner's sign-in, and the owner's own reset
/// from another address goes through.
async fn s6_a_stranger_resetting_cannot_lock_the_owner_out(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (account, app_id, secret) = owner_with_app(&app).await;
    let wrong = wrong_app_code(&app, &secret);

    let mut refused_at = Vec::new();
    for _ in 0..3 {
        let mut stranger = app.browser();
        stranger.address = "198.51.100.9".into();
        stranger.session().await;
        stranger
            .post("/api/password-reset", json!({ "account_name": account }))
            .await;
        let mut tries = Vec::new();
        for _ in 0..34 {
            tries.push(reset_app_code(&mut stranger, &wrong).await);
        }
        refused_at.push(
            tries
                .iter()
                .position(|s| *s == StatusCode::TOO_MANY_REQUESTS)
                .unwrap_or(tries.len()),
        );
        assert!(
            tries[..refused_at[refused_at.len() - 1]]
                .iter()
                .all(|s| *s == StatusCode::BAD_REQUEST)
        );
    }
    // Ten on each reset, and twenty from the address in the hour.
    assert_eq!(refused_at, [10, 10, 0]);

    // The owner: the right password, then the right code.
    app.clock.advance(30);
    let mut owner = app.browser();
    let signed_in = owner.sign_in(&account, PASSWORD).await;
    assert_eq!(signed_in.json()["verification_required"], true);
    let code = code_at(&secret, app.clock.now());
    assert_eq!(
        app_code_on(&mut owner, &app_id, &code).await,
        StatusCode::OK
    );

    // And their own reset, from their own address.
    app.clock.advance(30);
    let mut reset = resetting(&app, &account).await;
    let code = code_at(&secret, app.clock.now());
    assert_eq!(reset_app_code(&mut reset, &code).await, StatusCode::OK);
    assert_eq!(reset.get("/api/password-reset").await.json()["ready"], true);
    assert_eq!(
        set_password(&mut reset, NEW_PASSWORD).await.status,
        StatusCode::NO_CONTENT
    );
}

/// N1 in parallel: thirty wrong codes on one reset at once count exactly
/// its ten, and none against the person's sign-in.
async fn s6_parallel_wrong_codes_on_one_reset_stay_within_its_budget(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (account, _, secret) = owner_with_app(&app).await;
    let wrong = wrong_app_code(&app, &secret);
    let stranger = resetting(&app, &account).await;
    let tasks: Vec<_> = (0..30)
        .map(|_| {
            let mut b = stranger.clone();
            let code = wrong.clone();
            async move { reset_app_code(&mut b, &code).await }
        })
        .collect();
    let statuses = futures_join_all(tasks).await;
    assert_eq!(
        count(&statuses, StatusCode::BAD_REQUEST),
        10,
        "{statuses:?}"
    );
    assert_eq!(
        count(&statuses, StatusCode::TOO_MANY_REQUESTS),
        20,
        "{statuses:?}"
    );
    let sign_in_count: Option<i64> =
        sqlx::query_scalar("SELECT failures FROM throttle WHERE bucket LIKE 'verify:user:%'")
            .fetch_optional(app.store.pool())
            .await
            .unwrap();
    assert_eq!(
        sign_in_count.unwrap_or(0),
        0,
        "nothing counted against the sign-in"
    );
}

/// N1 in parallel: three resets from one address, thirty wrong codes at
/// once: the address's twenty count, whatever each reset still allows.
async fn s6_parallel_wrong_codes_from_one_address_stay_within_its_budget(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (account, _, secret) = owner_with_app(&app).await;
    let wrong = wrong_app_code(&app, &secret);
    let mut resets = Vec::new();
    for _ in 0..3 {
        resets.push(resetting(&app, &account).await);
    }
    let tasks: Vec<_> = (0..36)
        .map(|n| {
            let mut b = resets[n % 3].clone();
            let code = wrong.clone();
            async move { reset_app_code(&mut b, &code).await }
        })
        .collect();
    let statuses = futures_join_all(tasks).await;
    assert_eq!(
        count(&statuses, StatusCode::BAD_REQUEST),
        20,
        "{statuses:?}"
    );
}

/// N9: beginning resets of someone else's account from one address uses
/// up that address's starts, never the owner's.
async fn s28_a_stranger_cannot_use_up_the_owners_reset_starts(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (account, _) = person_with_phone(&app, "adele", "0612345678").await;
    let start = |address: &'static str| {
        let mut b = app.browser();
        b.address = address.into();
        let account = account.clone();
        async move {
            b.session().await;
            b.post("/api/password-reset", json!({ "account_name": account }))
                .await
                .status
        }
    };
    // The tests' configuration allows three per account and address.
    for _ in 0..3 {
        assert_eq!(start("198.51.100.9").await, StatusCode::NO_CONTENT);
    }
    assert_eq!(start("198.51.100.9").await, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(start("203.0.113.7").await, StatusCode::NO_CONTENT);
}

/// N9 in parallel: ten starts at once from one address, three through;
/// the owner's own start after them goes through.
async fn s28_parallel_reset_starts_stay_within_the_address_limits(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (account, _) = person_with_phone(&app, "adele", "0612345678").await;
    let mut stranger = app.browser();
    stranger.address = "198.51.100.9".into();
    stranger.session().await;
    let tasks: Vec<_> = (0..10)
        .map(|_| {
            let mut b = stranger.clone();
            let account = account.clone();
            async move {
                b.post("/api/password-reset", json!({ "account_name": account }))
                    .await
                    .status
            }
        })
        .collect();
    let statuses = futures_join_all(tasks).await;
    assert_eq!(count(&statuses, StatusCode::NO_CONTENT), 3, "{statuses:?}");
    let mut owner = app.browser();
    owner.session().await;
    let own = owner
        .post("/api/password-reset", json!({ "account_name": account }))
        .await;
    assert_eq!(own.status, StatusCode::NO_CONTENT);
}

/// S29 at the statement: ten right answers to one reset's questions at
/// once pass every check before any is recorded; the reset records the
/// method once, and only one request is told it verified.
async fn s29_parallel_verifications_with_one_method_record_it_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    use models::MethodKind::SecurityQuestions;
    app.store
        .set_policy(
            &crate::helpers::contoso(),
            &policy_with(&[SecurityQuestions], 2),
        )
        .await
        .unwrap();
    let account = app.user("adele").await;
    let mut owner = app.browser();
    owner.sign_in(&account, PASSWORD).await;
    owner.register_phone("phone", "NL", "0612345678").await;
    add_questions(&mut owner).await;

    let mut browser = resetting(&app, &account).await;
    verify_by_text(&app, &mut browser, "", "+31612345678").await;
    let asked = browser.get("/api/password-reset/questions").await.json();
    let right: Vec<Value> = asked["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            let answer = match q["id"].as_str().unwrap() {
                "city-born" => "Den Haag",
                "first-pet" => "Minoes",
                _ => "Saab 900",
            };
            json!({ "question": q["id"], "answer": answer })
        })
        .collect();
    let tasks: Vec<_> = (0..10)
        .map(|_| {
            let mut b = browser.clone();
            let answers = right.clone();
            async move {
                b.post(
                    "/api/password-reset/questions",
                    json!({ "answers": answers }),
                )
                .await
                .status
            }
        })
        .collect();
    let statuses = futures_join_all(tasks).await;
    assert_eq!(count(&statuses, StatusCode::OK), 1, "{statuses:?}");
    let recorded: String = sqlx::query_scalar("SELECT verified FROM password_resets")
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert_eq!(recorded.split_whitespace().count(), 2, "{recorded:?}");
    let state = browser.get("/api/password-reset").await.json();
    assert_eq!(
        (state["verified"].as_u64(), state["ready"].as_bool()),
        (Some(2), Some(true))
    );
}

/// N8: one number registered as a phone and as an office phone is one
/// destination. After a text to it, the reset neither offers nor takes a
/// call to it as the second method.
async fn s29_one_number_is_one_destination_however_many_methods_name_it(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.admin("megan").await;
    let mut owner = app.browser();
    owner.sign_in(&admin, PASSWORD).await;
    let info = owner.register_phone("phone", "NL", "0612345678").await;
    let phone = info["methods"][0]["id"].as_str().unwrap().to_owned();
    app.clock.advance(31);
    let info = owner
        .register_phone("office-phone", "NL", "0612345678")
        .await;
    // The coverage counts as the reset does: one number, one method.
    assert_eq!(info["coverage"]["sspr_methods"], 1, "{}", info["coverage"]);
    assert_eq!(info["coverage"]["sspr_missing"], 1);
    let office = info["methods"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["kind"] == "office-phone")
        .expect("the office phone")["id"]
        .as_str()
        .unwrap()
        .to_owned();

    let mut browser = resetting(&app, &admin).await;
    let state = verify_by_text(&app, &mut browser, &phone, "+31612345678").await;
    assert_eq!(state["required"], 2);
    assert_eq!(state["verified"], 1);
    assert!(
        state["options"]
            .as_array()
            .unwrap()
            .iter()
            .all(|o| o["method_id"] != office.as_str()),
        "{state}"
    );
    app.clock.advance(31);
    let call = browser
        .post(
            "/api/me/step-up",
            json!({ "method_id": office, "delivery": "call" }),
        )
        .await;
    assert_eq!(call.status, StatusCode::NOT_FOUND);
    assert_eq!(
        browser.get("/api/password-reset").await.json()["ready"],
        false
    );
}

/// N8 at the statement: ten methods reaching one destination recorded on
/// one reset at once: one is taken; another destination still is.
async fn s29_parallel_steps_reaching_one_destination_record_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let account = app.user("adele").await;
    app.store
        .start_password_reset(
            secinfo_server::store::NewPasswordReset {
                token_digest: &secinfo_server::store::SessionKey::new("reset-1"),
                account_name: &account,
                client_address: "203.0.113.7",
                user_agent: "test",
                expires_at: crate::helpers::T0 + 900,
            },
            crate::helpers::T0,
        )
        .await
        .unwrap();
    let tasks: Vec<_> = (0..10)
        .map(|n| {
            let store = app.store.clone();
            async move {
                store
                    .record_reset_step(
                        &secinfo_server::store::SessionKey::new("reset-1"),
                        &format!("method{n}"),
                        "0123abcd",
                        crate::helpers::T0,
                    )
                    .await
                    .unwrap()
            }
        })
        .collect();
    let recorded = futures_join_all(tasks).await;
    assert_eq!(recorded.iter().filter(|r| **r).count(), 1, "{recorded:?}");
    assert!(
        app.store
            .record_reset_step(
                &secinfo_server::store::SessionKey::new("reset-1"),
                "method10",
                "4567ef01",
                crate::helpers::T0
            )
            .await
            .unwrap()
    );
}

/// The passwords the outside probe set on real resets (N3): each on the
/// breached list or of its shapes — keyboard walks, a season with a year,
/// the organization's own name with a year. Refused at the reset and at a
/// change alike, and the meter rates each as the refusal does.
const PROBES_PASSWORDS: [&str; 8] = [
    "1qaz@WSX3edc",
    "!QAZ2wsx#EDC",
    "Summer2024!!",
    "Spring2025!!",
    "Winter2024!!",
    "Autumn2024!!",
    "Admin@123456",
    "Contoso2024!",
];

async fn s30_breached_passwords_and_their_shapes_are_refused_on_every_route(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (account, phone) = person_with_phone(&app, "adele", "0612345678").await;
    let mut reset = resetting(&app, &account).await;
    verify_by_text(&app, &mut reset, &phone, "+31612345678").await;
    // Someone without methods yet changes theirs without a step-up.
    let other = app.user("isaiah").await;
    let mut signed_in = app.browser();
    signed_in.sign_in(&other, PASSWORD).await;
    for password in PROBES_PASSWORDS {
        let refused = set_password(&mut reset, password).await;
        assert_eq!(refused.code(), "password-too-common", "reset: {password}");
        let changed = signed_in
            .send(
                Method::PUT,
                "/api/me/password",
                Some(json!({ "current_password": PASSWORD, "new_password": password })),
                &[],
            )
            .await;
        assert_eq!(changed.code(), "password-too-common", "change: {password}");
        for (browser, path) in [
            (&mut reset, "/api/password-reset/strength"),
            (&mut signed_in, "/api/me/password/strength"),
        ] {
            let rated = browser
                .post(path, json!({ "password": password }))
                .await
                .json();
            assert_eq!(rated["score"], 0, "{path}: {password}");
        }
    }
    assert_eq!(
        set_password(&mut reset, NEW_PASSWORD).await.status,
        StatusCode::NO_CONTENT
    );
}

/// Well-known passwords of each language the product speaks are refused
/// and rated as the refusal says, at a change as at a reset (walk issue,
/// item 2): a common word of the language dressed with digits and symbols.
async fn s30_well_known_passwords_of_each_language_are_refused(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let account = app.user("adele").await;
    let mut browser = app.browser();
    browser.sign_in(&account, PASSWORD).await;
    for (locale, password) in [
        ("en", "Sunshine2024!"),
        ("en", "Football#123"),
        ("nl-NL", "Wachtwoord123"),
        ("nl-NL", "Voetbal2024!"),
        ("sv-SE", "Lösenord2026!"),
        ("sv-SE", "Sommarstugan1"),
    ] {
        let rated = browser
            .post("/api/me/password/strength", json!({ "password": password }))
            .await
            .json();
        assert_eq!(rated["score"], 0, "{locale}: {password}");
        let changed = browser
            .send(
                Method::PUT,
                "/api/me/password",
                Some(json!({ "current_password": PASSWORD, "new_password": password })),
                &[],
            )
            .await;
        assert_eq!(
            changed.code(),
            "password-too-common",
            "{locale}: {password}"
        );
    }
}

/// Walk issue, item 1: an administrator with one method is told a reset
/// needs one more (and the interrupt asks for it), as the reset itself
/// says; with a second, all three agree it is ready.
async fn an_administrator_is_told_what_a_reset_needs_as_the_reset_says(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut policy = policy_with(&[], 1);
    policy.registration_required = 1;
    app.store
        .set_policy(&crate::helpers::contoso(), &policy)
        .await
        .unwrap();
    let admin = app.admin("megan").await;
    let mut owner = app.browser();
    owner.sign_in(&admin, PASSWORD).await;
    let info = owner.register_phone("phone", "NL", "0612345678").await;
    assert_eq!(
        info["coverage"],
        json!({ "mfa_methods": 1, "sspr_methods": 1, "sspr_required": 2, "sspr_missing": 1 })
    );
    assert_eq!(info["required"], 1);
    // Said once the phone proved who is resetting (N2).
    let mut reset = resetting(&app, &admin).await;
    app.clock.advance(31);
    let proved = first_proof_contact(&app, &mut reset, "+31612345678").await;
    assert_eq!(proved.code(), "reset-not-possible");

    add_app(&app, &mut owner).await;
    let info = owner.get("/api/me/security-info").await.json();
    assert_eq!(info["coverage"]["sspr_missing"], 0);
    let mut reset = resetting(&app, &admin).await;
    app.clock.advance(31);
    let proved = first_proof_contact(&app, &mut reset, "+31612345678").await;
    assert_eq!(proved.status, StatusCode::OK);
    assert_eq!(proved.json()["required"], 2);
}

/// N2: a first call to the owner's number is answered and confirmed on the
/// owner's phone, and proves the reset; one to a number that is nobody's
/// rings alike and is given up as unanswered.
async fn s28_a_first_call_rings_alike_and_only_the_owners_phone_finishes_it(backend: Backend) {
    use secinfo_server::providers::telephony::{CallEvent, call_event};
    let app = TestApp::spawn(backend).await;
    let (account, _) = person_with_phone(&app, "adele", "0612345678").await;
    app.clock.advance(31);
    let mut owner = resetting(&app, &account).await;
    let mut nobody = resetting(&app, "nobody@contoso.example").await;
    let sent = contact(&mut owner, "call", "+31612345678").await;
    let decoy = contact(&mut nobody, "call", "+31612345678").await;
    assert_eq!(seen(&sent), seen(&decoy));
    let id = sent.json()["challenge_id"].as_str().unwrap().to_owned();
    let decoy_id = decoy.json()["challenge_id"].as_str().unwrap().to_owned();
    let progress = |browser: &mut Browser, id: &str| {
        let path = format!("/api/password-reset/contact/{id}");
        let mut browser = browser.clone();
        async move { browser.get(&path).await.json() }
    };
    let ringing = json!({ "status": "ringing", "done": false });
    assert_eq!(progress(&mut nobody, &decoy_id).await, ringing);
    // The call goes out after the answer: wait for it to be placed.
    for _ in 0..500 {
        let inbox = app.store.sim_inbox("+31612345678").await.unwrap();
        if inbox.iter().any(|e| e.kind == "call") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    assert_eq!(progress(&mut owner, &id).await, ringing);
    call_event(&app.store, &id, CallEvent::Answered)
        .await
        .unwrap();
    call_event(&app.store, &id, CallEvent::Key('#'))
        .await
        .unwrap();
    assert_eq!(
        progress(&mut owner, &id).await,
        json!({ "status": "confirmed", "done": true })
    );
    let state = owner.get("/api/password-reset").await.json();
    assert_eq!(
        (state["verified"].as_u64(), state["ready"].as_bool()),
        (Some(1), Some(true))
    );
    app.clock.advance(61);
    assert_eq!(
        progress(&mut nobody, &decoy_id).await,
        json!({ "status": "no-answer", "done": false })
    );
    assert_eq!(
        nobody.get("/api/password-reset").await.json()["verified"],
        0
    );
}

/// S6 at the statement: thirty wrong first codes at once, on a reset of a
/// known account and of an unknown one, take the code's five tries once
/// each (`take_reset_contact_try`), and the rest are refused alike.
async fn s6_parallel_wrong_first_codes_take_the_codes_tries_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (account, _) = person_with_phone(&app, "adele", "0612345678").await;
    app.clock.advance(31);
    let mut outcomes = Vec::new();
    for (n, name) in [account.as_str(), "nobody@contoso.example"]
        .into_iter()
        .enumerate()
    {
        let mut browser = app.browser();
        browser.address = format!("198.51.100.{}", n + 1);
        browser.session().await;
        browser
            .post("/api/password-reset", json!({ "account_name": name }))
            .await;
        let sent = contact(&mut browser, "text", "+31612345678").await;
        let id = sent.json()["challenge_id"].as_str().unwrap().to_owned();
        let tasks: Vec<_> = (0..30)
            .map(|n| {
                let mut b = browser.clone();
                let id = id.clone();
                async move {
                    let answer = contact_code(&mut b, &id, &format!("{:06}", 100_000 + n)).await;
                    (answer.status, answer.code())
                }
            })
            .collect();
        let answers = futures_join_all(tasks).await;
        let wrong = answers.iter().filter(|a| a.1 == "wrong-code").count();
        let used_up = answers.iter().filter(|a| a.1 == "too-many-tries").count();
        outcomes.push((wrong, used_up));
    }
    // Five tries; the reset's ten failures let five more be told so.
    assert_eq!(outcomes, [(5, 5), (5, 5)]);
}

/// Ten first codes asked for at once on one reset: one goes, the others
/// wait for the cooldown, whatever the account.
async fn s28_parallel_first_contacts_send_one(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (account, _) = person_with_phone(&app, "adele", "0612345678").await;
    app.clock.advance(31);
    let before = app.store.sim_inbox("+31612345678").await.unwrap().len();
    let browser = resetting(&app, &account).await;
    let tasks: Vec<_> = (0..10)
        .map(|_| {
            let mut b = browser.clone();
            async move { contact(&mut b, "text", "+31612345678").await.status }
        })
        .collect();
    let statuses = futures_join_all(tasks).await;
    assert_eq!(count(&statuses, StatusCode::CREATED), 1, "{statuses:?}");
    crate::helpers::new_code(&app.store, "+31612345678", before).await;
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert_eq!(
        app.store.sim_inbox("+31612345678").await.unwrap().len(),
        before + 1
    );
}

/// The number is typed whole, with its country code: a national number
/// gets a clear error at its field, alike for every account.
async fn s28_a_first_number_is_typed_whole_and_checked_for_its_form_only(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.store
        .set_policy(
            &crate::helpers::contoso(),
            &policy_with(&[models::MethodKind::Email], 1),
        )
        .await
        .unwrap();
    let (account, _) = person_with_phone(&app, "adele", "0612345678").await;
    for name in [account.as_str(), "nobody@contoso.example"] {
        let mut browser = resetting(&app, name).await;
        for (typed, code) in [
            ("0612345678", "phone-number-needs-country-code"),
            ("", "phone-number-required"),
            ("+31 6 123", "invalid-phone-number"),
        ] {
            let refused = contact(&mut browser, "text", typed).await;
            assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{typed}");
            assert_eq!(
                refused.json(),
                json!({ "code": code, "field": "phone_number" })
            );
        }
        let refused = contact(&mut browser, "email", "adele@").await;
        assert_eq!(refused.json()["field"], "email");
        // 00 stands for +.
        assert_eq!(
            contact(&mut browser, "text", "0031 6 12345678")
                .await
                .status,
            StatusCode::CREATED
        );
    }
}

/// N8: registering a number that is already one of the person's methods
/// is allowed, and the answer says which method it already is (the wizard
/// tells the person it counts once for a reset); a new number says nothing.
async fn s29_registering_a_number_already_registered_says_which_method_it_is(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.admin("megan").await;
    let mut owner = app.browser();
    owner.sign_in(&admin, PASSWORD).await;
    owner.register_phone("phone", "NL", "0612345678").await;
    app.clock.advance(31);
    let start = |number: &'static str| {
        let mut owner = owner.clone();
        async move {
            owner
                .post(
                    "/api/me/phone/challenges",
                    json!({ "kind": "office-phone", "region": "NL", "number": number, "delivery": "call" }),
                )
                .await
                .json()
        }
    };
    assert_eq!(start("+31 6 12345678").await["also_registered_as"], "phone");
    app.clock.advance(31);
    assert_eq!(start("0687654321").await["also_registered_as"], Value::Null);
}
