//! Email methods through the API: the dev mailbox, the codes' rules
//! (S2–S7, shared with texted codes), the account-domain rule, S5, and
//! delivery over SMTP to a real listener.

use axum::http::{Method, StatusCode};
use secinfo_server::config::{MailConfig, SmtpConfig, SmtpTls};
use secinfo_server::policy::MethodRule;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

use crate::helpers::{Backend, Browser, PASSWORD, TestApp, futures_join_all, last_email_code};

crate::on_both_backends!(
    an_email_code_registers_a_password_reset_method,
    the_organizations_own_domain_and_bad_addresses_are_refused_at_the_field,
    s5_email_is_offered_after_stronger_methods_and_never_verifies_a_sign_in,
    email_codes_expire_are_single_use_and_allow_five_tries,
    s7_parallel_valid_email_code_succeeds_once,
    s17_email_resend_cooldown_and_limits,
    emails_speak_the_users_language,
    smtp_delivers_the_code_to_a_real_listener,
    smtp_mails_letters_before_the_at_only_where_the_server_can,
    s12_changes_are_announced_to_the_address_that_existed_before,
    an_internationalized_domain_is_mailed_in_ascii_and_shown_as_written,
);

async fn an_internationalized_domain_is_mailed_in_ascii_and_shown_as_written(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = signed_in(&app, "adele").await;
    // A letter beyond ASCII before the @ is an address too (walk issue,
    // item 11): the local part stays as written, the domain goes ASCII.
    let letters = start_email(&mut browser, "ädele@fabrikäm.example").await;
    assert_eq!(letters.status, StatusCode::CREATED);
    last_email_code(&app.store, "ädele@xn--fabrikm-bxa.example").await;
    app.clock.advance(61);

    let started = start_email(&mut browser, "adele@Fabrikäm.example").await;
    assert_eq!(started.status, StatusCode::CREATED);
    let json = started.json();
    assert_eq!(json["destination"], "adele@fabrikäm.example");
    // The mail went to the domain's ASCII form.
    let code = last_email_code(&app.store, "adele@xn--fabrikm-bxa.example").await;
    let done = browser
        .submit_code(json["challenge_id"].as_str().unwrap(), &code)
        .await;
    assert_eq!(done.status, StatusCode::OK);
    assert_eq!(
        done.json()["methods"][0]["detail"],
        "adele@fabrikäm.example"
    );
}

const HOME: &str = "adele.vance@fabrikam.example";

async fn allow_email(app: &TestApp) {
    let mut policy = crate::helpers::test_policy();
    policy
        .methods
        .push(MethodRule::full(models::MethodKind::Email));
    app.store
        .set_policy(&crate::helpers::contoso(), &policy)
        .await
        .unwrap();
}

async fn signed_in(app: &TestApp, name: &str) -> Browser {
    allow_email(app).await;
    let account = app.user(name).await;
    let mut browser = app.browser();
    assert_eq!(
        browser.sign_in(&account, PASSWORD).await.status,
        StatusCode::OK
    );
    browser
}

async fn start_email(browser: &mut Browser, address: &str) -> crate::helpers::Response {
    browser
        .post(
            "/api/me/email/challenges",
            serde_json::json!({ "address": address }),
        )
        .await
}

async fn an_email_code_registers_a_password_reset_method(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = signed_in(&app, "adele").await;
    let started = start_email(&mut browser, "  adele.vance@Fabrikam.Example ").await;
    assert_eq!(started.status, StatusCode::CREATED);
    let json = started.json();
    assert_eq!(json["destination"], HOME);
    assert_eq!(json["channel"], "email");
    let mail = &app.store.mailbox(HOME).await.unwrap()[0];
    assert_eq!(mail.subject, "Your secinfo verification code");
    let code = last_email_code(&app.store, HOME).await;
    assert!(mail.body.contains("expires in 10 minutes"), "{}", mail.body);
    let done = browser
        .submit_code(json["challenge_id"].as_str().unwrap(), &code)
        .await;
    assert_eq!(done.status, StatusCode::OK);
    let info = done.json();
    let method = &info["methods"][0];
    assert_eq!(method["kind"], "email");
    assert_eq!(method["detail"], HOME);
    assert!(info["default_method"].is_null(), "email is never a default");
    assert_eq!(info["coverage"]["sspr_methods"], 1);
    assert_eq!(info["coverage"]["mfa_methods"], 0);
    assert!(
        !info["addable"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("email")),
        "one email address"
    );
    // Change: the old address stays until the new one is verified.
    let id = method["id"].as_str().unwrap().to_owned();
    let changed = browser
        .post(
            "/api/me/email/challenges",
            serde_json::json!({ "address": "adele@tailspin.example", "replaces": id }),
        )
        .await;
    assert_eq!(changed.status, StatusCode::CREATED);
    let still = browser.get("/api/me/security-info").await.json();
    assert_eq!(still["methods"][0]["detail"], HOME);
    let code = last_email_code(&app.store, "adele@tailspin.example").await;
    let done = browser
        .submit_code(changed.json()["challenge_id"].as_str().unwrap(), &code)
        .await
        .json();
    assert_eq!(done["methods"].as_array().unwrap().len(), 1);
    assert_eq!(done["methods"][0]["id"], id.as_str());
    assert_eq!(done["methods"][0]["detail"], "adele@tailspin.example");
}

async fn the_organizations_own_domain_and_bad_addresses_are_refused_at_the_field(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = signed_in(&app, "adele").await;
    for (address, code) in [
        ("adele@contoso.example", "email-in-account-domain"),
        ("Adele@CONTOSO.example", "email-in-account-domain"),
        ("adele@mail.contoso.example", "email-in-account-domain"),
        ("", "email-required"),
        ("adele@", "invalid-email"),
        ("adele@fabrikam", "invalid-email"),
        (
            "adele@fabrikam.example\r\nBcc: x@y.example",
            "invalid-email",
        ),
    ] {
        let refused = start_email(&mut browser, address).await;
        assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{address}");
        assert_eq!(refused.code(), code, "{address}");
        assert_eq!(refused.json()["field"], "email");
    }
    let sent: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM dev_mailbox")
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert_eq!(sent, 0, "nothing is sent for a refused address");
    // A policy without email refuses it as a method.
    app.store
        .set_policy(&crate::helpers::contoso(), &crate::helpers::test_policy())
        .await
        .unwrap();
    let refused = start_email(&mut browser, HOME).await;
    assert_eq!(refused.code(), "method-unavailable");
}

async fn s5_email_is_offered_after_stronger_methods_and_never_verifies_a_sign_in(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = signed_in(&app, "adele").await;
    let info = browser.get("/api/me/security-info").await.json();
    assert_eq!(
        info["addable"],
        serde_json::json!(["authenticator-app", "phone", "office-phone", "email"])
    );
    browser.register_phone("phone", "NL", "0612345678").await;
    let started = start_email(&mut browser, HOME).await.json();
    let code = last_email_code(&app.store, HOME).await;
    let info = browser
        .submit_code(started["challenge_id"].as_str().unwrap(), &code)
        .await
        .json();
    let email = info["methods"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["kind"] == "email")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        info["default_method"]["delivery"], "text",
        "phone stays default"
    );
    // Not in the change-default list, and refused as a default.
    let options = browser.get("/api/me/step-up/options").await;
    assert!(!options.body.is_empty());
    assert!(!String::from_utf8_lossy(&options.body).contains(&email));
    let refused = browser
        .send(
            Method::PUT,
            "/api/me/default-method",
            Some(serde_json::json!({ "method_id": email })),
            &[],
        )
        .await;
    assert!(refused.status.is_client_error(), "{}", refused.status);
    // And no step-up with it.
    let step_up = browser
        .post(
            "/api/me/step-up",
            serde_json::json!({ "method_id": email, "delivery": "text" }),
        )
        .await;
    assert_eq!(step_up.status, StatusCode::NOT_FOUND);
}

async fn email_codes_expire_are_single_use_and_allow_five_tries(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = signed_in(&app, "adele").await;
    // S2: 10 minutes.
    let first = start_email(&mut browser, HOME).await.json();
    let code = last_email_code(&app.store, HOME).await;
    app.clock.advance(10 * 60 + 1);
    let late = browser
        .submit_code(first["challenge_id"].as_str().unwrap(), &code)
        .await;
    assert_eq!(late.code(), "code-expired");
    // S4: only a keyed digest is stored.
    let second = start_email(&mut browser, HOME).await.json();
    let id = second["challenge_id"].as_str().unwrap().to_owned();
    let code = last_email_code(&app.store, HOME).await;
    let stored: String = sqlx::query_scalar("SELECT code_digest FROM challenges WHERE id = $1")
        .bind(&id)
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert!(!stored.contains(&code));
    // S6: five wrong tries, then the code is spent even when right.
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for _ in 0..5 {
        assert_eq!(browser.submit_code(&id, wrong).await.code(), "wrong-code");
    }
    assert_eq!(
        browser.submit_code(&id, &code).await.code(),
        "too-many-tries"
    );
    // S3: a right code works once.
    app.clock.advance(120);
    let third = start_email(&mut browser, HOME).await.json();
    let id = third["challenge_id"].as_str().unwrap().to_owned();
    let code = last_email_code(&app.store, HOME).await;
    assert_eq!(browser.submit_code(&id, &code).await.status, StatusCode::OK);
    assert_eq!(
        browser.submit_code(&id, &code).await.status,
        StatusCode::BAD_REQUEST
    );
}

async fn s7_parallel_valid_email_code_succeeds_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let browser = signed_in(&app, "adele").await;
    let mut starter = browser.clone();
    let started = start_email(&mut starter, HOME).await.json();
    let id = started["challenge_id"].as_str().unwrap().to_owned();
    let code = last_email_code(&app.store, HOME).await;
    let tasks: Vec<_> = (0..30)
        .map(|_| {
            let mut b = browser.clone();
            let (id, code) = (id.clone(), code.clone());
            async move { b.submit_code(&id, &code).await.status }
        })
        .collect();
    let statuses = futures_join_all(tasks).await;
    let ok = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    assert_eq!(ok, 1, "{statuses:?}");
    let methods: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM methods")
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert_eq!(methods, 1);
}

async fn s17_email_resend_cooldown_and_limits(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut policy = crate::helpers::test_policy();
    policy
        .methods
        .push(MethodRule::full(models::MethodKind::Email));
    policy.limits.per_number = 2;
    app.store
        .set_policy(&crate::helpers::contoso(), &policy)
        .await
        .unwrap();
    let account = app.user("adele").await;
    let mut browser = app.browser();
    browser.sign_in(&account, PASSWORD).await;
    let first = start_email(&mut browser, HOME).await.json();
    let id = first["challenge_id"].as_str().unwrap();
    let early = browser
        .post(
            &format!("/api/me/challenges/{id}/resend"),
            serde_json::json!({}),
        )
        .await;
    assert_eq!(early.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(early.code(), "resend-too-soon");
    app.clock.advance(61);
    let again = browser
        .post(
            &format!("/api/me/challenges/{id}/resend"),
            serde_json::json!({}),
        )
        .await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert_eq!(again.json()["channel"], "email");
    app.clock.advance(61);
    let over = start_email(&mut browser, HOME).await;
    assert_eq!(over.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(over.code(), "email-limit-reached");
    assert_eq!(app.store.mailbox(HOME).await.unwrap().len(), 2);
}

async fn emails_speak_the_users_language(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = signed_in(&app, "sanne").await;
    browser
        .send(
            Method::PUT,
            "/api/me/locale",
            Some(serde_json::json!({ "locale": "nl-NL" })),
            &[],
        )
        .await;
    start_email(&mut browser, "sanne@fabrikam.example").await;
    let mail = &app.store.mailbox("sanne@fabrikam.example").await.unwrap()[0];
    assert_eq!(mail.subject, "Uw verificatiecode voor secinfo");
    assert!(
        mail.body.contains("De code verloopt over 10 minuten"),
        "{}",
        mail.body
    );
    let mut lars = app.browser();
    let account = app.user("lars").await;
    lars.sign_in(&account, PASSWORD).await;
    lars.send(
        Method::POST,
        "/api/me/email/challenges",
        Some(serde_json::json!({ "address": "lars@fabrikam.example" })),
        &[("accept-language", "sv-SE,sv;q=0.9")],
    )
    .await;
    let mail = &app.store.mailbox("lars@fabrikam.example").await.unwrap()[0];
    assert_eq!(mail.subject, "Din verifieringskod för secinfo");
}

/// What a minimal SMTP server received in one session.
#[derive(Debug, Default)]
struct Received {
    mail_from: String,
    rcpt_to: Vec<String>,
    data: String,
}

/// Accepts one SMTP session on `listener` and returns what it received.
async fn smtp_sink(listener: tokio::net::TcpListener, smtputf8: bool) -> Received {
    let (stream, _) = listener.accept().await.unwrap();
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read).lines();
    let mut received = Received::default();
    write.write_all(b"220 sink.test ESMTP\r\n").await.unwrap();
    while let Some(line) = lines.next_line().await.unwrap() {
        let upper = line.to_ascii_uppercase();
        let reply: &[u8] = if upper.starts_with("EHLO") || upper.starts_with("HELO") {
            if smtputf8 {
                b"250-sink.test\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n"
            } else {
                b"250-sink.test\r\n250 8BITMIME\r\n"
            }
        } else if upper.starts_with("MAIL FROM:") {
            received.mail_from = line[10..].trim().to_owned();
            b"250 OK\r\n"
        } else if upper.starts_with("RCPT TO:") {
            received.rcpt_to.push(line[8..].trim().to_owned());
            b"250 OK\r\n"
        } else if upper == "DATA" {
            write.write_all(b"354 go ahead\r\n").await.unwrap();
            while let Some(data) = lines.next_line().await.unwrap() {
                if data == "." {
                    break;
                }
                received.data.push_str(&data);
                received.data.push('\n');
            }
            // The transport pools its connection rather than quitting:
            // one message is all this sink waits for.
            write.write_all(b"250 queued\r\n").await.unwrap();
            break;
        } else if upper == "QUIT" {
            write.write_all(b"221 bye\r\n").await.unwrap();
            break;
        } else {
            b"250 OK\r\n"
        };
        write.write_all(reply).await.unwrap();
    }
    received
}

/// A server that mails by SMTP to a sink listening on a free local port
/// (offering SMTPUTF8 or not); the sink answers with what it received.
async fn app_mailing_a_sink(
    backend: Backend,
    smtputf8: bool,
) -> (TestApp, tokio::task::JoinHandle<Received>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let sink = tokio::spawn(smtp_sink(listener, smtputf8));
    let app = TestApp::spawn_with(backend, |config| {
        config.mail = MailConfig::Smtp(SmtpConfig {
            host: "127.0.0.1".into(),
            port,
            tls: SmtpTls::None,
            username: String::new(),
            password: String::new(),
            from: "Contoso security info <security@contoso.example>".into(),
        });
    })
    .await;
    (app, sink)
}

async fn smtp_delivers_the_code_to_a_real_listener(backend: Backend) {
    let (app, sink) = app_mailing_a_sink(backend, false).await;
    let mut browser = signed_in(&app, "adele").await;
    let started = start_email(&mut browser, HOME).await;
    assert_eq!(
        started.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&started.body)
    );
    let received = tokio::time::timeout(std::time::Duration::from_secs(20), sink)
        .await
        .expect("the mail arrives")
        .unwrap();
    assert_eq!(received.mail_from, "<security@contoso.example>");
    assert_eq!(received.rcpt_to, vec![format!("<{HOME}>")]);
    assert!(
        received.data.contains(&format!("To: {HOME}")),
        "{}",
        received.data
    );
    assert!(
        received
            .data
            .contains("Subject: Your secinfo verification code"),
        "{}",
        received.data
    );
    let code = received
        .data
        .split_whitespace()
        .find(|w| w.len() == 6 && w.chars().all(|c| c.is_ascii_digit()))
        .expect("the code is in the message")
        .to_owned();
    // Nothing went to the dev mailbox; the code from the real mail works.
    assert!(app.store.mailbox(HOME).await.unwrap().is_empty());
    let done = browser
        .submit_code(started.json()["challenge_id"].as_str().unwrap(), &code)
        .await;
    assert_eq!(done.status, StatusCode::OK);
}

async fn s12_changes_are_announced_to_the_address_that_existed_before(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = signed_in(&app, "adele").await;
    // No method required, so that the phone may go although the email
    // cannot verify a sign-in (F17 keeps it otherwise).
    let mut policy = crate::helpers::test_policy();
    policy
        .methods
        .push(MethodRule::full(models::MethodKind::Email));
    policy.registration_required = 0;
    app.store
        .set_policy(&crate::helpers::contoso(), &policy)
        .await
        .unwrap();
    let started = start_email(&mut browser, HOME).await.json();
    let code = last_email_code(&app.store, HOME).await;
    browser
        .submit_code(started["challenge_id"].as_str().unwrap(), &code)
        .await;
    // Adding the address itself is not announced to it: only the code came.
    assert_eq!(app.store.mailbox(HOME).await.unwrap().len(), 1);

    let info = browser.register_phone("phone", "NL", "0612345678").await;
    let inbox = app.store.mailbox(HOME).await.unwrap();
    assert_eq!(inbox.len(), 2);
    assert_eq!(inbox[0].subject, "Your secinfo security info was changed");
    assert!(
        inbox[0].body.contains("A sign-in method was added"),
        "{}",
        inbox[0].body
    );
    assert!(
        !inbox[0].body.contains("612345678"),
        "no details of the change"
    );

    let phone = info["methods"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["kind"] == "phone")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    browser
        .send(
            Method::PUT,
            "/api/me/locale",
            Some(serde_json::json!({ "locale": "sv-SE" })),
            &[],
        )
        .await;
    let deleted = browser
        .send(
            Method::DELETE,
            &format!("/api/me/methods/{phone}"),
            None,
            &[],
        )
        .await;
    assert_eq!(deleted.status, StatusCode::OK);
    let inbox = app.store.mailbox(HOME).await.unwrap();
    assert_eq!(inbox.len(), 3);
    assert!(
        inbox[0]
            .body
            .contains("En inloggningsmetod har tagits bort"),
        "{}",
        inbox[0].body
    );

    // Changing the address tells the old one, not the new one.
    let email = deleted.json()["methods"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["kind"] == "email")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.clock.advance(61);
    let changed = browser
        .post(
            "/api/me/email/challenges",
            serde_json::json!({ "address": "adele@tailspin.example", "replaces": email }),
        )
        .await
        .json();
    let code = last_email_code(&app.store, "adele@tailspin.example").await;
    browser
        .submit_code(changed["challenge_id"].as_str().unwrap(), &code)
        .await;
    let old = app.store.mailbox(HOME).await.unwrap();
    assert_eq!(old.len(), 4);
    assert!(old[0].body.contains("har ändrats"), "{}", old[0].body);
    assert_eq!(
        app.store
            .mailbox("adele@tailspin.example")
            .await
            .unwrap()
            .len(),
        1,
        "only the code"
    );

    // Deleting it tells the address that goes (with a phone left, so
    // that the organization's one required method remains).
    browser.register_phone("phone", "NL", "0612345679").await;
    let deleted = browser
        .send(
            Method::DELETE,
            &format!("/api/me/methods/{email}"),
            None,
            &[],
        )
        .await;
    assert_eq!(deleted.status, StatusCode::OK);
    let gone = app.store.mailbox("adele@tailspin.example").await.unwrap();
    assert_eq!(
        gone.len(),
        3,
        "the code, the phone added, the address deleted"
    );
    assert!(gone[0].body.contains("har tagits bort"), "{}", gone[0].body);
}

/// Walk issue, item 11: an address with å before the @ is an address; a
/// mail server that offers SMTPUTF8 gets it as written (and the parameter),
/// one that does not is never sent it, and the person is told so at the
/// field.
async fn smtp_mails_letters_before_the_at_only_where_the_server_can(backend: Backend) {
    const ASA: &str = "åsa.öberg@fabrikam.example";
    for smtputf8 in [true, false] {
        let (app, sink) = app_mailing_a_sink(backend, smtputf8).await;
        let mut browser = signed_in(&app, "lars").await;
        let started = start_email(&mut browser, ASA).await;
        // Closing the transport's pooled connection ends the session.
        drop(browser);
        drop(app);
        let received = tokio::time::timeout(std::time::Duration::from_secs(20), sink)
            .await
            .expect("the session ends")
            .unwrap();
        if smtputf8 {
            assert_eq!(
                started.status,
                StatusCode::CREATED,
                "{}",
                String::from_utf8_lossy(&started.body)
            );
            assert!(
                received.mail_from.contains("SMTPUTF8"),
                "{}",
                received.mail_from
            );
            assert_eq!(received.rcpt_to, vec![format!("<{ASA}>")]);
        } else {
            assert_eq!(started.status, StatusCode::BAD_REQUEST);
            assert_eq!(
                started.json(),
                serde_json::json!({ "code": "email-local-part-unsupported", "field": "email" })
            );
            assert!(received.rcpt_to.is_empty(), "nothing was sent");
        }
    }
}
