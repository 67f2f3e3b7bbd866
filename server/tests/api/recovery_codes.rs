//! Recovery codes (S31): ten codes shown once, stored only as digests,
//! each single use by one atomic operation (also when fifty requests bring
//! the same code at once), all invalidated by generating again; never the
//! default, offered last, and each use recorded and announced.

use axum::http::{Method, StatusCode};

use secinfo_server::policy::MethodRule;

use crate::helpers::{Backend, Browser, PASSWORD, TestApp, futures_join_all, test_policy};

crate::on_both_backends!(
    s31_codes_are_shown_once_stored_as_digests_and_each_verifies_once,
    s31_fifty_parallel_uses_of_one_code_succeed_once,
    s31_generating_again_invalidates_the_old_codes,
    s31_parallel_generations_leave_one_set_whose_codes_work,
    recovery_codes_come_after_another_method_and_are_never_the_default,
);

const SESSION: &str = "__Host-secinfo-session";

/// The tests' policy with recovery codes allowed (two-step sign-in as given).
fn allowing_codes(two_step_sign_in: bool) -> secinfo_server::policy::Policy {
    let mut policy = secinfo_server::policy::Policy {
        two_step_sign_in,
        ..test_policy()
    };
    policy
        .methods
        .push(MethodRule::full(models::MethodKind::RecoveryCodes));
    policy
}

/// A person with a phone, signed in and verified; returns the browser.
async fn with_phone(app: &TestApp, name: &str, number: &str) -> (String, Browser) {
    app.store
        .set_policy(&crate::helpers::contoso(), &allowing_codes(false))
        .await
        .unwrap();
    let account = app.user(name).await;
    let mut browser = app.browser();
    browser.sign_in(&account, PASSWORD).await;
    browser.register_phone("phone", "NL", number).await;
    (account, browser)
}

async fn generate(browser: &mut Browser) -> Vec<String> {
    let made = browser
        .post("/api/me/recovery-codes", serde_json::json!({}))
        .await;
    assert_eq!(
        made.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&made.body)
    );
    made.json()["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_owned())
        .collect()
}

async fn use_code(browser: &mut Browser, code: &str) -> crate::helpers::Response {
    browser
        .post(
            "/api/me/step-up/recovery-code",
            serde_json::json!({ "code": code }),
        )
        .await
}

async fn s31_codes_are_shown_once_stored_as_digests_and_each_verifies_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (account, mut browser) = with_phone(&app, "adele", "0612345678").await;
    let codes = generate(&mut browser).await;
    assert_eq!(codes.len(), 10);
    let info = browser.get("/api/me/security-info").await.json();
    let row = info["methods"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["kind"] == "recovery-codes")
        .unwrap()
        .clone();
    assert_eq!(row["remaining"], 10);
    assert_ne!(
        info["default_method"]["method_id"], row["id"],
        "the phone stays the default"
    );

    // The database holds digests only, nowhere a code.
    let digests: Vec<String> = sqlx::query_scalar("SELECT digest FROM recovery_codes")
        .fetch_all(app.store.pool())
        .await
        .unwrap();
    assert_eq!(digests.len(), 10);
    let data: String = sqlx::query_scalar("SELECT data FROM methods WHERE kind = 'recovery-codes'")
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    for code in &codes {
        let plain = code.replace('-', "");
        assert!(!data.contains(&plain) && !data.contains(code.as_str()));
        assert!(digests.iter().all(|d| !d.contains(&plain)));
    }

    // At sign-in, offered last; typed loosely, it finishes the sign-in.
    app.store
        .set_policy(&crate::helpers::contoso(), &allowing_codes(true))
        .await
        .unwrap();
    let mut pending = app.browser();
    assert_eq!(
        pending.sign_in(&account, PASSWORD).await.json()["verification_required"],
        true
    );
    let options = pending.get("/api/me/step-up").await.json();
    let last = options.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["kind"], "recovery-codes");
    let before = pending.cookies[SESSION].clone();
    let loose = codes[0].to_lowercase().replace('-', " ");
    assert_eq!(use_code(&mut pending, &loose).await.status, StatusCode::OK);
    assert_ne!(pending.cookies[SESSION], before);
    assert_eq!(pending.session().await["verification_required"], false);

    // The same code again: refused; another one: accepted.
    let mut again = app.browser();
    again.sign_in(&account, PASSWORD).await;
    assert_eq!(use_code(&mut again, &codes[0]).await.code(), "wrong-code");
    assert_eq!(use_code(&mut again, &codes[1]).await.status, StatusCode::OK);
    let info = again.get("/api/me/security-info").await.json();
    let row = info["methods"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["kind"] == "recovery-codes")
        .unwrap()
        .clone();
    assert_eq!(row["remaining"], 8);

    // Each use is recorded.
    let uses: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit WHERE action = 'recovery-code-used'")
            .fetch_one(app.store.pool())
            .await
            .unwrap();
    assert_eq!(uses, 2);
}

async fn s31_fifty_parallel_uses_of_one_code_succeed_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (account, mut browser) = with_phone(&app, "adele", "0612345679").await;
    // Forty-nine wrong tries are counted; this test is about the one right.
    let mut policy = allowing_codes(false);
    policy.limits.failures_per_account = 1000;
    app.store
        .set_policy(&crate::helpers::contoso(), &policy)
        .await
        .unwrap();
    let codes = generate(&mut browser).await;
    let code = codes[3].clone();
    // Fifty sessions of their own: a success rotates only its own session,
    // so what lets one through is the statement that uses the code.
    let mut sessions = Vec::new();
    for _ in 0..50 {
        let mut other = app.browser();
        assert_eq!(
            other.sign_in(&account, PASSWORD).await.status,
            StatusCode::OK
        );
        sessions.push(other);
    }
    let attempts = sessions
        .into_iter()
        .map(|mut browser| {
            let code = code.clone();
            async move { use_code(&mut browser, &code).await.status }
        })
        .collect();
    let statuses = futures_join_all(attempts).await;
    let accepted = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    assert_eq!(accepted, 1, "{statuses:?}");
    let used: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM recovery_codes WHERE used_at IS NOT NULL")
            .fetch_one(app.store.pool())
            .await
            .unwrap();
    assert_eq!(used, 1);
}

async fn s31_generating_again_invalidates_the_old_codes(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (_, mut browser) = with_phone(&app, "adele", "0612345670").await;
    let old = generate(&mut browser).await;
    let new = generate(&mut browser).await;
    assert!(old.iter().all(|c| !new.contains(c)));
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM recovery_codes")
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert_eq!(rows, 10, "the old set is gone");
    let methods: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM methods WHERE kind = 'recovery-codes'")
            .fetch_one(app.store.pool())
            .await
            .unwrap();
    assert_eq!(methods, 1, "one set per person");
    assert_eq!(use_code(&mut browser, &old[0]).await.code(), "wrong-code");
    assert_eq!(use_code(&mut browser, &new[0]).await.status, StatusCode::OK);
}

async fn recovery_codes_come_after_another_method_and_are_never_the_default(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.store
        .set_policy(&crate::helpers::contoso(), &allowing_codes(false))
        .await
        .unwrap();
    let account = app.user("newcomer").await;
    let mut browser = app.browser();
    browser.sign_in(&account, PASSWORD).await;
    let refused = browser
        .post("/api/me/recovery-codes", serde_json::json!({}))
        .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert_eq!(refused.code(), "other-method-first");

    let (_, mut browser) = with_phone(&app, "adele", "0612345671").await;
    generate(&mut browser).await;
    let info = browser.get("/api/me/security-info").await.json();
    let codes_id = info["methods"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["kind"] == "recovery-codes")
        .unwrap()["id"]
        .clone();
    let made_default = browser
        .send(
            Method::PUT,
            "/api/me/default-method",
            Some(serde_json::json!({ "method_id": codes_id })),
            &[],
        )
        .await;
    assert_eq!(made_default.code(), "method-unavailable");
}

async fn s31_parallel_generations_leave_one_set_whose_codes_work(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (_, mut browser) = with_phone(&app, "adele", "0612345672").await;
    let tries = (0..10)
        .map(|_| {
            let mut browser = browser.clone();
            async move {
                let made = browser
                    .post("/api/me/recovery-codes", serde_json::json!({}))
                    .await;
                (made.status == StatusCode::CREATED).then(|| made.json()["codes"][0].clone())
            }
        })
        .collect();
    let shown: Vec<serde_json::Value> = futures_join_all(tries)
        .await
        .into_iter()
        .flatten()
        .collect();
    assert!(!shown.is_empty());
    let sets: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM methods WHERE kind = 'recovery-codes'")
            .fetch_one(app.store.pool())
            .await
            .unwrap();
    let codes: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM recovery_codes")
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert_eq!((sets, codes), (1, 10), "one set per person, never two");
    // Every response that showed codes was right when it answered: the last
    // one to commit holds the set that works, the others were replaced.
    let mut working = 0;
    for code in &shown {
        if use_code(&mut browser, code.as_str().unwrap()).await.status == StatusCode::OK {
            working += 1;
        }
    }
    assert_eq!(working, 1, "{shown:?}");
}
