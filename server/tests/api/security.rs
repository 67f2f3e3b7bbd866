use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};

use crate::helpers::{Backend, PASSWORD, TestApp};

crate::on_both_backends!(
    s19_state_changes_need_the_csrf_token_and_our_origin,
    s21_anonymous_gets_write_nothing,
    s23_security_headers_on_pages_and_api,
    s24_bad_bodies_get_4xx_codes,
    unknown_api_paths_and_methods_get_codes,
    test_fixtures_are_not_mounted_in_production,
);

async fn s19_state_changes_need_the_csrf_token_and_our_origin(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let account = app.user("adele").await;
    let body = serde_json::json!({ "account_name": account, "password": PASSWORD });

    // No token at all.
    let mut browser = app.browser();
    let response = browser
        .send(Method::POST, "/api/session", Some(body.clone()), &[])
        .await;
    assert_eq!(response.status, StatusCode::FORBIDDEN);
    assert_eq!(response.code(), "csrf-rejected");

    // A token that is not this browser's cookie.
    browser.session().await;
    browser.csrf = Some("x".repeat(43));
    assert_eq!(
        browser
            .send(Method::POST, "/api/session", Some(body.clone()), &[])
            .await
            .status,
        StatusCode::FORBIDDEN
    );

    // The right token from a foreign origin.
    browser.session().await;
    let response = browser
        .send(
            Method::POST,
            "/api/session",
            Some(body.clone()),
            &[("origin", "https://evil.example")],
        )
        .await;
    assert_eq!(response.status, StatusCode::FORBIDDEN);

    // Signed in, a cross-site request without the token changes nothing.
    assert_eq!(
        browser.sign_in(&account, PASSWORD).await.status,
        StatusCode::OK
    );
    let token = browser.csrf.take();
    let response = browser
        .send(
            Method::PUT,
            "/api/me/locale",
            Some(serde_json::json!({ "locale": "sv-SE" })),
            &[],
        )
        .await;
    assert_eq!(response.status, StatusCode::FORBIDDEN);
    assert!(browser.session().await["user"]["locale"].is_null());
    browser.csrf = token;
    let response = browser
        .send(
            Method::PUT,
            "/api/me/locale",
            Some(serde_json::json!({ "locale": "sv-SE" })),
            &[],
        )
        .await;
    assert_eq!(response.status, StatusCode::NO_CONTENT);
}

async fn s21_anonymous_gets_write_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let account = app.user("adele").await;
    let before = app.row_counts().await;
    let mut browser = app.browser();
    for _ in 0..20 {
        for path in [
            "/",
            "/signin",
            "/security-info",
            "/api/session",
            "/api/health",
            "/api/openapi.json",
            "/api/me/security-info",
        ] {
            let response = browser.get(path).await;
            assert!(
                response.status.is_success()
                    || response.status == StatusCode::UNAUTHORIZED
                    || response.status == StatusCode::SEE_OTHER,
                "{path}"
            );
        }
        browser.cookies.clear();
    }
    // Also with a made-up or expired session cookie.
    browser
        .cookies
        .insert("__Host-secinfo-session".into(), "forged".into());
    browser.get("/api/session").await;
    assert_eq!(app.row_counts().await, before);
    // The counter is real: a sign-in does write.
    browser.sign_in(&account, PASSWORD).await;
    assert_ne!(app.row_counts().await, before);
}

async fn s23_security_headers_on_pages_and_api(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = app.browser();
    for path in [
        "/",
        "/signin",
        "/security-info",
        "/api/health",
        "/api/session",
    ] {
        let response = browser.get(path).await;
        let csp = response.headers[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(csp.contains("'wasm-unsafe-eval'"));
        assert!(!csp.contains("'unsafe-inline'") && !csp.contains("'unsafe-eval'"));
        assert!(
            csp.contains("'sha256-"),
            "the inline loader script is allowed by hash"
        );
        assert_eq!(response.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert_eq!(response.headers[header::REFERRER_POLICY], "no-referrer");
        assert!(
            response
                .headers
                .get(header::STRICT_TRANSPORT_SECURITY)
                .is_none(),
            "no HSTS over plain http"
        );
    }
    // The three entries' loader scripts are allowed, and nothing else inline.
    let csp = browser.get("/signin").await.headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(csp.matches("'sha256-").count(), 3, "{csp}");
    let page = browser.get("/reset-password").await;
    assert_eq!(page.status, StatusCode::OK, "SPA deep links are 200");
    assert_eq!(page.headers[header::CACHE_CONTROL], "no-cache");
    assert!(String::from_utf8_lossy(&page.body).contains("boot()"));

    let https = TestApp::spawn_with(backend, |c| {
        c.public_origin = "https://secinfo.contoso.example".into()
    })
    .await;
    let response = https.browser().get("/api/health").await;
    assert!(
        response.headers[header::STRICT_TRANSPORT_SECURITY]
            .to_str()
            .unwrap()
            .contains("max-age=")
    );
}

async fn s24_bad_bodies_get_4xx_codes(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = app.browser();
    browser.session().await;
    let token = browser.csrf.clone().unwrap();
    let cookie = browser
        .cookies
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("; ");
    let request = |content_type: &str, body: Body| {
        Request::builder()
            .method(Method::POST)
            .uri("/api/session")
            .header(header::ORIGIN, crate::helpers::ORIGIN)
            .header("x-csrf-token", &token)
            .header(header::COOKIE, &cookie)
            .header(header::CONTENT_TYPE, content_type)
            .body(body)
            .unwrap()
    };
    let cases: Vec<(Request<Body>, StatusCode, &str)> = vec![
        (
            request("application/json", Body::from("{not json")),
            StatusCode::BAD_REQUEST,
            "malformed-request",
        ),
        (
            request("application/json", Body::from(r#"{"account_name": 5}"#)),
            StatusCode::UNPROCESSABLE_ENTITY,
            "malformed-request",
        ),
        (
            request(
                "application/json",
                Body::from(r#"{"account_name":"a","password":"b","locale":"de"}"#),
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
            "malformed-request",
        ),
        (
            request("text/plain", Body::from("{}")),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported-media-type",
        ),
        (
            request(
                "application/json",
                Body::from(format!(
                    r#"{{"account_name":"{}","password":"x"}}"#,
                    "a".repeat(70_000)
                )),
            ),
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload-too-large",
        ),
        (
            request("application/json", Body::from(vec![0xff, 0xfe, 0x00])),
            StatusCode::BAD_REQUEST,
            "malformed-request",
        ),
    ];
    for (request, status, code) in cases {
        let response = browser.dispatch(request).await;
        assert_eq!(
            response.status,
            status,
            "{}",
            String::from_utf8_lossy(&response.body)
        );
        assert_eq!(response.code(), code);
    }
}

async fn unknown_api_paths_and_methods_get_codes(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = app.browser();
    let response = browser.get("/api/no-such-thing").await;
    assert_eq!(response.status, StatusCode::NOT_FOUND);
    assert_eq!(response.code(), "not-found");
    browser.session().await;
    let response = browser.send(Method::PATCH, "/api/session", None, &[]).await;
    assert_eq!(response.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(response.code(), "method-not-allowed");
    let openapi = browser.get("/api/openapi.json").await.json();
    assert!(openapi["paths"]["/api/session"]["post"].is_object());
}

async fn test_fixtures_are_not_mounted_in_production(backend: Backend) {
    let production = TestApp::spawn_with(backend, |c| {
        c.mode = secinfo_server::config::Mode::Production;
        c.secret_key = "k".repeat(32);
        c.telephony =
            secinfo_server::config::TelephonyConfig::Twilio(secinfo_server::config::TwilioConfig {
                api_base: "http://127.0.0.1:9".into(),
                account_sid: "AC0".into(),
                auth_token: "token".into(),
                from_number: "+15005550006".into(),
            });
        c.mail = secinfo_server::config::MailConfig::Smtp(secinfo_server::config::SmtpConfig {
            host: "127.0.0.1".into(),
            port: 9,
            tls: secinfo_server::config::SmtpTls::None,
            username: String::new(),
            password: String::new(),
            from: "security@contoso.example".into(),
        });
    })
    .await;
    let mut browser = production.browser();
    browser.session().await;
    let body = serde_json::json!({ "account_name": "x@contoso.example", "password": "p", "display_name": "X" });
    let response = browser
        .send(Method::POST, "/api/test/users", Some(body.clone()), &[])
        .await;
    assert_eq!(response.status, StatusCode::NOT_FOUND);
    // Nor the simulated carrier's handset: the path falls through to the client.
    let handset = browser.get("/dev/handset?number=%2B31612345678").await;
    assert!(!String::from_utf8_lossy(&handset.body).contains("Test handset"));
    // Nor the dev mailbox.
    let mailbox = browser
        .get("/dev/mailbox?address=a%40fabrikam.example")
        .await;
    assert!(!String::from_utf8_lossy(&mailbox.body).contains("Dev mailbox"));

    let test = TestApp::spawn(backend).await;
    let mut browser = test.browser();
    let mailbox = browser
        .get("/dev/mailbox?address=a%40fabrikam.example")
        .await;
    assert!(String::from_utf8_lossy(&mailbox.body).contains("Dev mailbox a@fabrikam.example"));
    browser.session().await;
    assert_eq!(
        browser
            .send(Method::POST, "/api/test/users", Some(body), &[])
            .await
            .status,
        StatusCode::CREATED
    );
    assert_eq!(
        browser.sign_in("x@contoso.example", "p").await.status,
        StatusCode::OK
    );
}
