use axum::http::StatusCode;

use crate::helpers::{Backend, PASSWORD, TestApp, futures_join_all};

crate::on_both_backends!(
    right_password_signs_in,
    wrong_password_is_refused_at_the_password_field,
    unknown_account_looks_like_a_wrong_password,
    bad_account_name_is_refused_at_its_field,
    wrong_passwords_are_throttled_per_account,
    wrong_passwords_are_throttled_per_client_address,
    s18_session_cookie_flags_and_new_id_at_sign_in,
    s20_sessions_expire_when_idle_and_in_all,
    sign_out_ends_the_session,
    s20_sign_out_everywhere_ends_every_session,
    the_session_says_when_a_step_up_comes_first,
    an_older_password_hash_is_renewed_at_sign_in,
    parallel_sign_ins_with_an_older_hash_leave_one_that_signs_in,
    a_renewal_never_overwrites_a_password_changed_meanwhile,
);

async fn s20_sign_out_everywhere_ends_every_session(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let account = app.user("adele").await;
    let other = app.user("bert").await;
    let mut laptop = app.browser();
    let mut phone = app.browser();
    let mut bert = app.browser();
    laptop.sign_in(&account, PASSWORD).await;
    phone.sign_in(&account, PASSWORD).await;
    bert.sign_in(&other, PASSWORD).await;
    let response = laptop
        .send(axum::http::Method::DELETE, "/api/me/sessions", None, &[])
        .await;
    assert_eq!(response.status, StatusCode::NO_CONTENT);
    assert!(laptop.session().await["user"].is_null());
    assert!(
        phone.session().await["user"].is_null(),
        "the other browser is signed out too"
    );
    assert!(
        !bert.session().await["user"].is_null(),
        "other users are not"
    );
}

async fn right_password_signs_in(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let account = app.user("adele").await;
    let mut browser = app.browser();
    let response = browser.sign_in(&account, PASSWORD).await;
    assert_eq!(response.status, StatusCode::OK);
    let json = response.json();
    assert_eq!(json["user"]["account_name"], account);
    assert_eq!(json["user"]["organization"], "Contoso");
    let session = browser.session().await;
    assert_eq!(session["user"]["display_name"], "adele");
}

async fn wrong_password_is_refused_at_the_password_field(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let account = app.user("adele").await;
    let mut browser = app.browser();
    let response = browser.sign_in(&account, "nope").await;
    assert_eq!(response.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        response.json(),
        serde_json::json!({ "code": "invalid-credentials", "field": "password" })
    );
    assert!(browser.session().await["user"].is_null());
    // The failure is in the account's trail (written beside the answer).
    let user = app
        .store
        .user_by_account_name(&models::AccountName::parse(&account).unwrap())
        .await
        .unwrap()
        .unwrap();
    let mut trail = Vec::new();
    for _ in 0..100 {
        trail = app.store.audit_of_user(&user.id).await.unwrap();
        if !trail.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(
        trail.first().map(|t| t.0.as_str()),
        Some("sign-in-failed"),
        "{trail:?}"
    );
}

async fn unknown_account_looks_like_a_wrong_password(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = app.browser();
    let response = browser.sign_in("nobody@contoso.example", PASSWORD).await;
    assert_eq!(response.status, StatusCode::UNAUTHORIZED);
    assert_eq!(response.code(), "invalid-credentials");
}

async fn bad_account_name_is_refused_at_its_field(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = app.browser();
    let response = browser.sign_in("not an account", PASSWORD).await;
    assert_eq!(response.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        response.json(),
        serde_json::json!({ "code": "invalid-account-name", "field": "account_name" })
    );
    let response = browser.sign_in("  ", PASSWORD).await;
    assert_eq!(response.code(), "account-name-required");
    let response = browser.sign_in("adele@contoso.example", "").await;
    assert_eq!(
        response.json(),
        serde_json::json!({ "code": "password-required", "field": "password" })
    );
}

async fn wrong_passwords_are_throttled_per_account(backend: Backend) {
    let app = TestApp::spawn(backend).await; // 3 failures per account per 15 minutes
    let account = app.user("adele").await;
    let mut browser = app.browser();
    for _ in 0..3 {
        assert_eq!(
            browser.sign_in(&account, "wrong").await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    // From another address too, and even with the right password.
    let mut other = app.browser();
    other.address = "198.51.100.9".into();
    let response = other.sign_in(&account, PASSWORD).await;
    assert_eq!(response.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(response.code(), "too-many-attempts");
    let retry_after: u64 = response.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry_after > 0 && retry_after <= 15 * 60, "{retry_after}");
    assert_eq!(response.json()["retry_after"], retry_after);

    app.clock.advance(15 * 60 + 1);
    assert_eq!(
        other.sign_in(&account, PASSWORD).await.status,
        StatusCode::OK
    );
}

async fn wrong_passwords_are_throttled_per_client_address(backend: Backend) {
    let app = TestApp::spawn(backend).await; // 6 failures per address
    let mut accounts = Vec::new();
    for name in ["a1", "a2", "a3"] {
        accounts.push(app.user(name).await);
    }
    let mut browser = app.browser();
    for account in &accounts {
        for _ in 0..2 {
            assert_eq!(
                browser.sign_in(account, "wrong").await.status,
                StatusCode::UNAUTHORIZED
            );
        }
    }
    let fresh = app.user("fresh").await;
    assert_eq!(
        browser.sign_in(&fresh, PASSWORD).await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
    let mut elsewhere = app.browser();
    elsewhere.address = "198.51.100.10".into();
    assert_eq!(
        elsewhere.sign_in(&fresh, PASSWORD).await.status,
        StatusCode::OK
    );
}

async fn s18_session_cookie_flags_and_new_id_at_sign_in(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let account = app.user("adele").await;
    let mut browser = app.browser();
    let first = browser.sign_in(&account, PASSWORD).await;
    let cookie = first
        .set_cookies()
        .into_iter()
        .find(|c| c.starts_with("__Host-secinfo-session="))
        .expect("session cookie with the __Host- prefix");
    for flag in ["HttpOnly", "SameSite=Strict", "Secure", "Path=/"] {
        assert!(cookie.contains(flag), "{flag} missing in {cookie}");
    }
    assert!(!cookie.contains("Domain="), "{cookie}");
    let first_token = browser.cookies["__Host-secinfo-session"].clone();
    let stolen = browser.cookies.clone();

    let second = browser.sign_in(&account, PASSWORD).await;
    assert_eq!(second.status, StatusCode::OK);
    let second_token = browser.cookies["__Host-secinfo-session"].clone();
    assert_ne!(
        first_token, second_token,
        "a new session id at every sign-in"
    );

    // The earlier session (a fixated or stolen id) is dead.
    let mut attacker = app.browser();
    attacker.cookies = stolen;
    assert!(attacker.session().await["user"].is_null());
    assert!(!browser.session().await["user"].is_null());
    // The database keeps only a digest of the token.
    let digests: Vec<String> = sqlx::query_scalar("SELECT token_digest FROM sessions")
        .fetch_all(app.store.pool())
        .await
        .unwrap();
    assert_eq!(digests.len(), 1);
    assert!(!digests.contains(&second_token));
}

async fn s20_sessions_expire_when_idle_and_in_all(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let account = app.user("adele").await;
    let mut browser = app.browser();
    browser.sign_in(&account, PASSWORD).await;

    app.clock.advance(29 * 60);
    assert_eq!(
        browser.get("/api/me/security-info").await.status,
        StatusCode::OK
    );
    app.clock.advance(29 * 60);
    assert_eq!(
        browser.get("/api/me/security-info").await.status,
        StatusCode::OK,
        "activity keeps it alive"
    );
    app.clock.advance(31 * 60);
    let response = browser.get("/api/me/security-info").await;
    assert_eq!(response.status, StatusCode::UNAUTHORIZED);
    assert_eq!(response.code(), "not-signed-in");

    // Absolute limit: active every 20 minutes, still over after 12 hours.
    browser.sign_in(&account, PASSWORD).await;
    for _ in 0..35 {
        app.clock.advance(20 * 60);
        assert_eq!(
            browser.get("/api/me/security-info").await.status,
            StatusCode::OK
        );
    }
    app.clock.advance(20 * 60 + 1);
    assert_eq!(
        browser.get("/api/me/security-info").await.status,
        StatusCode::UNAUTHORIZED
    );
}

async fn sign_out_ends_the_session(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let account = app.user("adele").await;
    let mut browser = app.browser();
    browser.sign_in(&account, PASSWORD).await;
    let copy = browser.cookies.clone();
    let response = browser
        .send(axum::http::Method::DELETE, "/api/session", None, &[])
        .await;
    assert_eq!(response.status, StatusCode::NO_CONTENT);
    assert!(browser.session().await["user"].is_null());
    let mut replay = app.browser();
    replay.cookies = copy;
    assert_eq!(
        replay.get("/api/me/security-info").await.status,
        StatusCode::UNAUTHORIZED
    );
}

/// Defect 16: the client learns from `GET /api/session` that security info
/// will ask for a verification, so it asks first instead of being refused.
async fn the_session_says_when_a_step_up_comes_first(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let account = app.user("adele").await;
    let mut browser = app.browser();
    let signed_in = browser.sign_in(&account, PASSWORD).await;
    // No method yet: nothing to step up with.
    assert_eq!(signed_in.json()["step_up_required"], false);
    browser.register_phone("phone", "NL", "0612345678").await;
    assert_eq!(
        browser.session().await["step_up_required"],
        false,
        "just verified"
    );

    let mut later = app.browser();
    let signed_in = later.sign_in(&account, PASSWORD).await;
    assert_eq!(signed_in.json()["step_up_required"], true);
    assert_eq!(later.session().await["step_up_required"], true);
    assert_eq!(
        later.get("/api/me/security-info").await.code(),
        "step-up-required"
    );
    // The window lapses for the first browser too.
    app.clock.advance(11 * 60);
    assert_eq!(browser.session().await["step_up_required"], true);
}

/// What new hashes are made with (`passwords`), as their PHC string says it.
const NEW_PARAMS: &str = "m=9216,t=4,p=1";

/// Gives `name` a hash of `PASSWORD` made with the argon2 crate's defaults
/// (19 MiB × 2), as hashes were before; returns the person's id.
async fn with_older_hash(app: &TestApp, name: &str) -> (String, models::PersonId) {
    use argon2::password_hash::PasswordHasher;
    let account = app.user(name).await;
    let user = stored_user(app, &account).await;
    let older = argon2::Argon2::default()
        .hash_password(PASSWORD.as_bytes())
        .unwrap()
        .to_string();
    assert!(
        app.store
            .renew_password_hash(&user.id, &user.password_hash, &older)
            .await
            .unwrap()
    );
    (account, user.id)
}

async fn stored_user(app: &TestApp, account: &str) -> secinfo_server::store::UserRecord {
    let account = models::AccountName::parse(account).unwrap();
    app.store
        .user_by_account_name(&account)
        .await
        .unwrap()
        .unwrap()
}

/// The stored hash once it has today's parameters (the renewal runs after
/// the sign-in's answer); fails after five seconds.
async fn renewed_hash(app: &TestApp, account: &str) -> String {
    for _ in 0..100 {
        let hash = stored_user(app, account).await.password_hash;
        if hash.contains(NEW_PARAMS) {
            return hash;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the older hash of {account} was not renewed");
}

async fn an_older_password_hash_is_renewed_at_sign_in(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (account, _) = with_older_hash(&app, "adele").await;
    assert!(
        !stored_user(&app, &account)
            .await
            .password_hash
            .contains(NEW_PARAMS)
    );
    let mut laptop = app.browser();
    assert_eq!(
        laptop.sign_in(&account, PASSWORD).await.status,
        StatusCode::OK
    );
    renewed_hash(&app, &account).await;
    // The password did not change: the session stays, the password signs in, a wrong one not.
    assert!(!laptop.session().await["user"].is_null());
    assert_eq!(
        app.browser().sign_in(&account, PASSWORD).await.status,
        StatusCode::OK
    );
    assert_eq!(
        app.browser()
            .sign_in(&account, "Wrong-Horse-42")
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}

async fn parallel_sign_ins_with_an_older_hash_leave_one_that_signs_in(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (account, _) = with_older_hash(&app, "adele").await;
    // As many as the account's limit lets through at once (3 in tests).
    let tasks: Vec<_> = (0..3)
        .map(|_| {
            let mut browser = app.browser();
            let account = account.clone();
            async move { browser.sign_in(&account, PASSWORD).await.status }
        })
        .collect();
    let statuses = futures_join_all(tasks).await;
    assert!(
        statuses.iter().all(|s| *s == StatusCode::OK),
        "{statuses:?}"
    );
    let renewed = renewed_hash(&app, &account).await;
    // Each sign-in renewed at most once, only from the hash it checked: the
    // first renewal won, the others found it changed and left it.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(stored_user(&app, &account).await.password_hash, renewed);
    assert_eq!(
        app.browser().sign_in(&account, PASSWORD).await.status,
        StatusCode::OK
    );
}

async fn a_renewal_never_overwrites_a_password_changed_meanwhile(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (account, id) = with_older_hash(&app, "adele").await;
    let checked = stored_user(&app, &account).await.password_hash;
    // The password changes between the sign-in's check and its renewal.
    app.store
        .set_password_hash(
            &id,
            "$argon2id$v=19$m=9216,t=4,p=1$c2FsdHNhbHQ$changed",
            None,
        )
        .await
        .unwrap();
    assert!(
        !app.store
            .renew_password_hash(
                &id,
                &checked,
                "$argon2id$v=19$m=9216,t=4,p=1$c2FsdHNhbHQ$renewed"
            )
            .await
            .unwrap()
    );
    assert!(
        stored_user(&app, &account)
            .await
            .password_hash
            .ends_with("$changed")
    );
}
