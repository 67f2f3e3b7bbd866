//! Authenticator apps through the API (S8–S10 end to end).

use axum::http::StatusCode;
use secinfo_server::clock::Clock;
use totp_rs::{Algorithm, Builder, Secret};

use crate::helpers::{Backend, PASSWORD, T0, TestApp};

crate::on_both_backends!(
    an_authenticator_app_is_added_with_its_current_code,
    s9_a_totp_code_is_accepted_once_per_time_step,
    s10_the_secret_is_encrypted_and_never_returned_again,
    apps_are_named_so_that_the_person_tells_them_apart,
);

/// The code an app would show for the secret (as shown to the person) at `time`.
pub(crate) fn code_at(secret: &str, time: i64) -> String {
    let bytes = Secret::try_from_base32(secret.replace(' ', "")).unwrap();
    let totp = Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_step_duration(30)
        .with_secret(bytes.as_ref().to_vec())
        .build()
        .unwrap();
    totp.generate(time as u64).to_string()
}

async fn setup(app: &TestApp, name: &str) -> (crate::helpers::Browser, serde_json::Value) {
    let account = app.user(name).await;
    let mut browser = app.browser();
    browser.sign_in(&account, PASSWORD).await;
    let started = browser
        .post("/api/me/authenticator", serde_json::json!({}))
        .await;
    assert_eq!(
        started.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&started.body)
    );
    (browser, started.json())
}

async fn an_authenticator_app_is_added_with_its_current_code(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (mut browser, setup) = setup(&app, "adele").await;
    assert!(
        setup["uri"]
            .as_str()
            .unwrap()
            .starts_with("otpauth://totp/Contoso:adele%40contoso.example?")
    );
    assert!(setup["qr_svg"].as_str().unwrap().contains("<svg"));
    assert_eq!(setup["account_name"], "adele@contoso.example");
    let secret = setup["secret"].as_str().unwrap();
    assert_eq!(secret.split(' ').count(), 8, "grouped in fours: {secret}");
    let id = setup["pending_id"].as_str().unwrap();

    let wrong = browser
        .post(
            &format!("/api/me/authenticator/{id}/code"),
            serde_json::json!({ "code": "000000" }),
        )
        .await;
    if code_at(secret, T0) != "000000" {
        assert_eq!(
            wrong.json(),
            serde_json::json!({ "code": "wrong-code", "field": "code" })
        );
    }
    let done = browser
        .post(
            &format!("/api/me/authenticator/{id}/code"),
            serde_json::json!({ "code": code_at(secret, T0) }),
        )
        .await;
    assert_eq!(done.status, StatusCode::OK);
    let info = done.json();
    assert_eq!(info["methods"][0]["kind"], "authenticator-app");
    assert_eq!(
        info["default_method"]["method_id"],
        info["methods"][0]["id"]
    );
    // Up to five apps can be added; the pending one is gone.
    assert!(
        info["addable"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("authenticator-app"))
    );
    let again = browser
        .post(
            &format!("/api/me/authenticator/{id}/code"),
            serde_json::json!({ "code": code_at(secret, T0) }),
        )
        .await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
}

async fn s9_a_totp_code_is_accepted_once_per_time_step(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (mut browser, setup) = setup(&app, "adele").await;
    let secret = setup["secret"].as_str().unwrap().to_owned();
    let id = setup["pending_id"].as_str().unwrap();
    let info = browser
        .post(
            &format!("/api/me/authenticator/{id}/code"),
            serde_json::json!({ "code": code_at(&secret, T0) }),
        )
        .await
        .json();
    let method = info["methods"][0]["id"].as_str().unwrap().to_owned();

    // A new, password-only session must step up; the code just used is refused.
    let mut fresh = app.browser();
    fresh.sign_in("adele@contoso.example", PASSWORD).await;
    assert_eq!(
        fresh.get("/api/me/security-info").await.code(),
        "step-up-required"
    );
    let options = fresh.get("/api/me/step-up").await.json();
    assert_eq!(options[0]["kind"], "authenticator-app");
    let body = |code: String| serde_json::json!({ "method_id": method, "code": code });
    let reused = fresh
        .post("/api/me/step-up/authenticator", body(code_at(&secret, T0)))
        .await;
    assert_eq!(
        reused.json(),
        serde_json::json!({ "code": "code-used", "field": "code" })
    );
    let user_id: String = sqlx::query_scalar("SELECT user_id FROM methods WHERE id = $1")
        .bind(&method)
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    let trail = app
        .store
        .audit_of_user(&models::PersonId::new(user_id))
        .await
        .unwrap();
    assert!(
        trail
            .iter()
            .any(|(action, _, _)| action == "totp-reuse-refused"),
        "the refusal is recorded"
    );

    app.clock.advance(30);
    let next = code_at(&secret, T0 + 30);
    assert_eq!(
        fresh
            .post("/api/me/step-up/authenticator", body(next.clone()))
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        fresh.get("/api/me/security-info").await.status,
        StatusCode::OK
    );
    // The same code again within its step, from another session: refused.
    let mut third = app.browser();
    third.sign_in("adele@contoso.example", PASSWORD).await;
    assert_eq!(
        third
            .post("/api/me/step-up/authenticator", body(next))
            .await
            .code(),
        "code-used"
    );
}

async fn s10_the_secret_is_encrypted_and_never_returned_again(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (mut browser, setup) = setup(&app, "adele").await;
    let secret = setup["secret"].as_str().unwrap().replace(' ', "");
    let id = setup["pending_id"].as_str().unwrap();
    browser
        .post(
            &format!("/api/me/authenticator/{id}/code"),
            serde_json::json!({ "code": code_at(&secret, T0) }),
        )
        .await;

    let raw = Secret::try_from_base32(&secret).unwrap();
    let raw_hex: String = raw.as_ref().iter().map(|b| format!("{b:02x}")).collect();
    let rows: Vec<(String, String)> = sqlx::query_as("SELECT detail, data FROM methods")
        .fetch_all(app.store.pool())
        .await
        .unwrap();
    for (detail, data) in &rows {
        for text in [detail, data] {
            assert!(
                !text.contains(&secret) && !text.to_lowercase().contains(&raw_hex),
                "secret readable in {text}"
            );
        }
    }
    let pending: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM pending_authenticators")
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert_eq!(pending, 0);
    let info = String::from_utf8(browser.get("/api/me/security-info").await.body).unwrap();
    assert!(
        !info.contains(&secret) && !info.contains("otpauth"),
        "{info}"
    );
    let openapi = browser.get("/api/openapi.json").await.json();
    let security_info_schema = openapi["components"]["schemas"]["SecurityInfo"].to_string();
    assert!(
        !security_info_schema.contains("secret"),
        "{security_info_schema}"
    );
}

/// Walk issue, item 9: a second app unnamed is numbered in the person's
/// language; a name given is kept (spaces tidied); a name too long is
/// refused at its field before the code is tried, and the set-up goes on.
async fn apps_are_named_so_that_the_person_tells_them_apart(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (mut browser, _) = setup(&app, "adele").await;
    let mut details = Vec::new();
    for (n, name) in [None, None, Some("  Work   phone "), Some(&*"x".repeat(65))]
        .into_iter()
        .enumerate()
    {
        let started = browser
            .post("/api/me/authenticator", serde_json::json!({}))
            .await
            .json();
        let secret = started["secret"].as_str().unwrap().to_owned();
        let id = started["pending_id"].as_str().unwrap().to_owned();
        // Each app's code in a time step of its own (S9 is per app, but the
        // clock moves on as a person would).
        app.clock.advance(30 * (n as i64 + 1));
        let done = browser
            .post(
                &format!("/api/me/authenticator/{id}/code"),
                serde_json::json!({ "code": code_at(&secret, app.clock.now()), "name": name }),
            )
            .await;
        if n == 3 {
            assert_eq!(done.status, StatusCode::BAD_REQUEST);
            assert_eq!(
                done.json(),
                serde_json::json!({ "code": "key-name-too-long", "field": "key_name" })
            );
            // The code was not tried: it still adds the app, unnamed.
            let again = browser
                .post(
                    &format!("/api/me/authenticator/{id}/code"),
                    serde_json::json!({ "code": code_at(&secret, app.clock.now()) }),
                )
                .await;
            assert_eq!(again.status, StatusCode::OK);
            break;
        }
        assert_eq!(
            done.status,
            StatusCode::OK,
            "{}",
            String::from_utf8_lossy(&done.body)
        );
        let info = done.json();
        details = info["methods"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["kind"] == "authenticator-app")
            .map(|m| m["detail"].as_str().unwrap().to_owned())
            .collect();
    }
    assert_eq!(details, ["", "Authenticator app 2", "Work phone"]);
}
