//! The Twilio adapter against a local stand-in that records what it gets.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use axum::routing::post;
use secinfo_server::config::{TelephonyConfig, TwilioConfig};
use secinfo_server::providers::twilio::signature;

use crate::helpers::{Backend, ORIGIN, PASSWORD, TestApp};

crate::on_both_backends!(texts_and_calls_reach_twilio_and_its_webhooks_are_signed);

#[derive(Clone, Debug)]
struct Received {
    path: String,
    authorization: String,
    form: BTreeMap<String, String>,
}

type Log = Arc<Mutex<Vec<Received>>>;

async fn record(
    State(log): State<Log>,
    uri: axum::http::Uri,
    headers: HeaderMap,
    body: String,
) -> (StatusCode, &'static str) {
    let form = body
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| (decode(k), decode(v)))
        .collect();
    let authorization = headers
        .get(header::AUTHORIZATION)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    log.lock().unwrap().push(Received {
        path: uri.path().to_owned(),
        authorization,
        form,
    });
    (StatusCode::CREATED, "{}")
}

fn decode(s: &str) -> String {
    let s = s.replace('+', " ");
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

async fn texts_and_calls_reach_twilio_and_its_webhooks_are_signed(backend: Backend) {
    let log: Log = Arc::default();
    let stand_in = axum::Router::new()
        .route("/2010-04-01/Accounts/{sid}/{resource}", post(record))
        .with_state(log.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, stand_in).await.unwrap() });

    let app = TestApp::spawn_with(backend, |c| {
        c.telephony = TelephonyConfig::Twilio(TwilioConfig {
            api_base: base.clone(),
            account_sid: "AC123".into(),
            auth_token: "secret-token".into(),
            from_number: "+15005550006".into(),
        })
    })
    .await;
    let account = app.user("adele").await;
    let mut browser = app.browser();
    browser.sign_in(&account, PASSWORD).await;

    browser
        .start_phone("phone", "NL", "0612345678", "text")
        .await;
    let text = log.lock().unwrap()[0].clone();
    assert_eq!(text.path, "/2010-04-01/Accounts/AC123/Messages.json");
    assert_eq!(
        text.authorization,
        format!("Basic {}", base64_encode("AC123:secret-token"))
    );
    assert_eq!(text.form["To"], "+31612345678");
    assert_eq!(text.form["From"], "+15005550006");
    assert!(
        text.form["Body"]
            .split_whitespace()
            .any(|w| w.len() == 6 && w.chars().all(|c| c.is_ascii_digit()))
    );

    let started = browser
        .start_phone("office-phone", "US", "+1 4255550000 x12", "call")
        .await
        .json();
    let challenge = started["challenge_id"].as_str().unwrap().to_owned();
    let call = log.lock().unwrap()[1].clone();
    assert_eq!(call.path, "/2010-04-01/Accounts/AC123/Calls.json");
    assert_eq!(call.form["To"], "+14255550000");
    assert_eq!(call.form["SendDigits"], "ww12");
    assert!(call.form["Twiml"].contains("<Gather input=\"dtmf\" numDigits=\"1\""));
    assert!(call.form["Twiml"].contains(&format!("{ORIGIN}/api/twilio/calls/{challenge}/gather")));
    assert_eq!(
        call.form["StatusCallback"],
        format!("{ORIGIN}/api/twilio/calls/{challenge}/status")
    );

    // Twilio reports the key: a forged request is refused, a signed one counts.
    let path = format!("/api/twilio/calls/{challenge}/gather");
    let mut params = BTreeMap::new();
    params.insert("Digits".to_owned(), "#".to_owned());
    params.insert("CallSid".to_owned(), "CA1".to_owned());
    let good = signature("secret-token", &format!("{ORIGIN}{path}"), &params);
    let webhook = |sig: &str| {
        Request::builder()
            .method(Method::POST)
            .uri(&path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("x-twilio-signature", sig)
            .body(Body::from("Digits=%23&CallSid=CA1"))
            .unwrap()
    };
    let forged = browser
        .dispatch(webhook("AAAAAAAAAAAAAAAAAAAAAAAAAAA="))
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert_eq!(
        browser
            .get(&format!("/api/me/challenges/{challenge}"))
            .await
            .json()["status"],
        "ringing"
    );
    let signed = browser.dispatch(webhook(&good)).await;
    assert_eq!(
        signed.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&signed.body)
    );
    assert!(String::from_utf8_lossy(&signed.body).contains("<Hangup/>"));
    let progress = browser
        .get(&format!("/api/me/challenges/{challenge}"))
        .await
        .json();
    assert_eq!(
        progress,
        serde_json::json!({ "status": "confirmed", "done": true })
    );
}

fn base64_encode(s: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(s)
}
