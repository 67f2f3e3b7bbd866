//! Security keys through the API (SPEC §6, S22), with a minimal software
//! authenticator written here: "none" attestation, a P-256 public key
//! (the curve's generator, a valid point), flags and sign count as chosen.

use std::sync::Arc;

use axum::http::StatusCode;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use secinfo_server::clock::ManualClock;
use secinfo_server::policy::MethodRule;
use secinfo_server::{AppState, app};
use sha2::{Digest, Sha256};

use crate::helpers::{Backend, Browser, ORIGIN, PASSWORD, T0, TestApp, test_config};

crate::on_both_backends!(
    s22_a_key_registers_once_with_origin_and_rp_id_checked,
    s22_ceremonies_expire_and_are_single_use,
    security_keys_need_another_method_a_name_and_stop_at_ten,
    a_pass_s_sign_in_registers_a_passkey_first,
    another_instance_finishes_the_ceremony,
    s22_a_credential_registered_to_another_account_is_refused,
    security_keys_stop_at_ten_when_ceremonies_finish_together,
    s32_a_passkey_signs_in_without_an_account_name_and_counts_for_both_factors,
    s32_replay_a_lower_count_a_missing_verification_and_strangers_are_refused_alike,
    s27_a_security_key_is_the_second_step_of_a_sign_in,
    s32_parallel_refused_passkeys_stay_within_the_address_limit,
    s32_parallel_passkey_sign_ins_with_one_count_succeed_once,
    s22_parallel_second_steps_with_one_count_succeed_once,
);

const GX: &str = "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296";
const GY: &str = "4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5";

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

fn cbor_bytes(bytes: &[u8]) -> Vec<u8> {
    let mut out = match bytes.len() {
        n if n < 24 => vec![0x40 + n as u8],
        n if n < 256 => vec![0x58, n as u8],
        n => vec![0x59, (n >> 8) as u8, n as u8],
    };
    out.extend_from_slice(bytes);
    out
}

fn cbor_text(text: &str) -> Vec<u8> {
    let mut out = vec![0x60 + text.len() as u8];
    out.extend_from_slice(text.as_bytes());
    out
}

/// What the authenticator and browser do differently in a test.
struct Answer<'a> {
    origin: &'a str,
    rp_id: &'a str,
    credential_id: &'a [u8],
    sign_count: u32,
}

impl Default for Answer<'_> {
    fn default() -> Self {
        Answer {
            origin: ORIGIN,
            rp_id: "localhost",
            credential_id: b"credential-0001",
            sign_count: 7,
        }
    }
}

/// `PublicKeyCredential.toJSON()` for the given creation options.
fn credential(options_json: &str, answer: &Answer) -> String {
    let options: serde_json::Value = serde_json::from_str(options_json).unwrap();
    let challenge = options["publicKey"]["challenge"].as_str().unwrap();
    let client_data = serde_json::json!({
        "type": "webauthn.create",
        "challenge": challenge,
        "origin": answer.origin,
        "crossOrigin": false,
    })
    .to_string();
    let mut cose_key = vec![0xa5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21];
    cose_key.extend(cbor_bytes(&hex(GX)));
    cose_key.push(0x22);
    cose_key.extend(cbor_bytes(&hex(GY)));
    let mut auth_data = Sha256::digest(answer.rp_id.as_bytes()).to_vec();
    auth_data.push(0x45); // user present, user verified, attested credential data
    auth_data.extend(answer.sign_count.to_be_bytes());
    auth_data.extend([0u8; 16]); // AAGUID
    auth_data.extend((answer.credential_id.len() as u16).to_be_bytes());
    auth_data.extend(answer.credential_id);
    auth_data.extend(cose_key);
    let mut attestation = vec![0xa3];
    attestation.extend(cbor_text("fmt"));
    attestation.extend(cbor_text("none"));
    attestation.extend(cbor_text("attStmt"));
    attestation.push(0xa0);
    attestation.extend(cbor_text("authData"));
    attestation.extend(cbor_bytes(&auth_data));
    let id = URL_SAFE_NO_PAD.encode(answer.credential_id);
    serde_json::json!({
        "id": id,
        "rawId": id,
        "type": "public-key",
        "response": {
            "clientDataJSON": URL_SAFE_NO_PAD.encode(client_data),
            "attestationObject": URL_SAFE_NO_PAD.encode(attestation),
            "transports": ["usb"],
        },
        "clientExtensionResults": {},
    })
    .to_string()
}

/// Keys allowed, and two-step verification at sign-in on.
async fn two_step_with_keys(app: &TestApp) {
    let mut policy = crate::helpers::test_policy();
    policy
        .methods
        .push(MethodRule::full(models::MethodKind::SecurityKey));
    policy.two_step_sign_in = true;
    app.store
        .set_policy(&crate::helpers::contoso(), &policy)
        .await
        .unwrap();
}

async fn allow_keys(app: &TestApp) {
    let mut policy = crate::helpers::test_policy();
    policy
        .methods
        .push(MethodRule::full(models::MethodKind::SecurityKey));
    app.store
        .set_policy(&crate::helpers::contoso(), &policy)
        .await
        .unwrap();
}

async fn with_phone(app: &TestApp, name: &str) -> Browser {
    with_phone_number(app, name, "0612345678").await
}

async fn with_phone_number(app: &TestApp, name: &str, number: &str) -> Browser {
    allow_keys(app).await;
    let account = app.user(name).await;
    let mut browser = app.browser();
    browser.sign_in(&account, PASSWORD).await;
    browser.register_phone("phone", "NL", number).await;
    browser
}

async fn start(browser: &mut Browser, name: &str) -> crate::helpers::Response {
    browser
        .post("/api/me/security-keys", serde_json::json!({ "name": name }))
        .await
}

async fn finish(
    browser: &mut Browser,
    pending: &str,
    credential: String,
) -> crate::helpers::Response {
    browser
        .post(
            &format!("/api/me/security-keys/{pending}"),
            serde_json::json!({ "credential_json": credential }),
        )
        .await
}

/// Starts a ceremony; returns its id and the options.
async fn begin(browser: &mut Browser, name: &str) -> (String, String) {
    let started = start(browser, name).await;
    assert_eq!(
        started.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&started.body)
    );
    let json = started.json();
    (
        json["ceremony_id"].as_str().unwrap().to_owned(),
        json["options_json"].as_str().unwrap().to_owned(),
    )
}

async fn s22_a_key_registers_once_with_origin_and_rp_id_checked(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = with_phone(&app, "adele").await;
    let (pending, options) = begin(&mut browser, "Blue USB key").await;
    let parsed: serde_json::Value = serde_json::from_str(&options).unwrap();
    let public_key = &parsed["publicKey"];
    assert_eq!(public_key["rp"]["id"], "localhost");
    assert!(public_key["timeout"].as_u64().unwrap() <= 300_000);
    let challenge = URL_SAFE_NO_PAD
        .decode(public_key["challenge"].as_str().unwrap())
        .unwrap();
    assert!(
        challenge.len() >= 16,
        "a random challenge of 128 bits or more"
    );
    assert_eq!(public_key["user"]["name"], "adele@contoso.example");

    // Another origin: refused, and the ceremony is spent.
    let evil = Answer {
        origin: "http://localhost.evil.example:8080",
        ..Answer::default()
    };
    let refused = finish(&mut browser, &pending, credential(&options, &evil)).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert_eq!(refused.code(), "security-key-rejected");
    let replay = finish(
        &mut browser,
        &pending,
        credential(&options, &Answer::default()),
    )
    .await;
    assert_eq!(replay.status, StatusCode::NOT_FOUND);

    // Another RP id: refused.
    let (pending, options) = begin(&mut browser, "Blue USB key").await;
    let other_rp = Answer {
        rp_id: "evil.example",
        ..Answer::default()
    };
    let refused = finish(&mut browser, &pending, credential(&options, &other_rp)).await;
    assert_eq!(refused.code(), "security-key-rejected");

    // The right answer registers the key, named, with its sign count.
    let (pending, options) = begin(&mut browser, "  Blue   USB key ").await;
    let done = finish(
        &mut browser,
        &pending,
        credential(&options, &Answer::default()),
    )
    .await;
    assert_eq!(
        done.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&done.body)
    );
    let info = done.json();
    let key = info["methods"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["kind"] == "security-key")
        .expect("the key is listed")
        .clone();
    assert_eq!(key["detail"], "Blue USB key");
    let data: String = sqlx::query_scalar("SELECT data FROM methods WHERE id = $1")
        .bind(key["id"].as_str().unwrap())
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    let data: serde_json::Value = serde_json::from_str(&data).unwrap();
    assert_eq!(data["passkey"]["cred"]["counter"], 7, "{data}");
    // The same key again is excluded and refused.
    let (pending, options) = begin(&mut browser, "Again").await;
    let parsed: serde_json::Value = serde_json::from_str(&options).unwrap();
    assert_eq!(
        parsed["publicKey"]["excludeCredentials"][0]["id"],
        URL_SAFE_NO_PAD.encode(b"credential-0001")
    );
    let again = finish(
        &mut browser,
        &pending,
        credential(&options, &Answer::default()),
    )
    .await;
    assert_eq!(again.code(), "security-key-rejected");
    // Someone else cannot finish this user's ceremony.
    let (pending, options) = begin(&mut browser, "Mine").await;
    let mut other = with_phone_number(&app, "megan", "0612345679").await;
    let stolen = finish(
        &mut other,
        &pending,
        credential(&options, &Answer::default()),
    )
    .await;
    assert_eq!(stolen.status, StatusCode::NOT_FOUND);
}

async fn s22_ceremonies_expire_and_are_single_use(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = with_phone(&app, "adele").await;
    let (pending, options) = begin(&mut browser, "Blue USB key").await;
    app.clock.advance(5 * 60 + 1);
    // Still within the step-up window of the phone registration.
    let late = finish(
        &mut browser,
        &pending,
        credential(&options, &Answer::default()),
    )
    .await;
    assert_eq!(late.status, StatusCode::NOT_FOUND);
    let (pending, options) = begin(&mut browser, "Blue USB key").await;
    let answer = credential(&options, &Answer::default());
    let first = finish(&mut browser, &pending, answer.clone()).await;
    assert_eq!(first.status, StatusCode::OK);
    let second = finish(&mut browser, &pending, answer).await;
    assert_eq!(second.status, StatusCode::NOT_FOUND);
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM webauthn_ceremonies")
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert_eq!(left, 0);
}

async fn security_keys_need_another_method_a_name_and_stop_at_ten(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    allow_keys(&app).await;
    let account = app.user("adele").await;
    let mut browser = app.browser();
    browser.sign_in(&account, PASSWORD).await;
    let info = browser.get("/api/me/security-info").await.json();
    assert!(
        !info["addable"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("security-key"))
    );
    assert_eq!(
        start(&mut browser, "Key").await.code(),
        "other-method-first"
    );
    browser.register_phone("phone", "NL", "0612345678").await;
    let info = browser.get("/api/me/security-info").await.json();
    assert_eq!(info["addable"][0], "authenticator-app");
    assert_eq!(info["addable"][1], "security-key", "S5: before the phones");
    for (name, code) in [
        ("   ", "key-name-required"),
        (&"k".repeat(65)[..], "key-name-too-long"),
    ] {
        let refused = start(&mut browser, name).await;
        assert_eq!(refused.code(), code);
        assert_eq!(refused.json()["field"], "key_name");
    }
    for n in 0..9u8 {
        let (pending, options) = begin(&mut browser, &format!("Key {n}")).await;
        let id = format!("credential-{n:04}");
        let answer = Answer {
            credential_id: id.as_bytes(),
            ..Answer::default()
        };
        let done = finish(&mut browser, &pending, credential(&options, &answer)).await;
        assert_eq!(done.status, StatusCode::OK);
    }
    // Two ceremonies begun at nine keys: only one of them makes the tenth.
    let (first, first_options) = begin(&mut browser, "Key 9").await;
    let (second, second_options) = begin(&mut browser, "Key 10").await;
    let ninth = Answer {
        credential_id: b"credential-0009",
        ..Answer::default()
    };
    let tenth = Answer {
        credential_id: b"credential-0010",
        ..Answer::default()
    };
    let done = finish(&mut browser, &first, credential(&first_options, &ninth)).await;
    assert_eq!(done.status, StatusCode::OK);
    let over = finish(&mut browser, &second, credential(&second_options, &tenth)).await;
    assert_eq!(over.code(), "method-unavailable");
    let info = browser.get("/api/me/security-info").await.json();
    assert!(
        !info["addable"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("security-key"))
    );
    assert_eq!(
        start(&mut browser, "Eleven").await.code(),
        "method-unavailable"
    );
    // The strongest method becomes the default when the phone goes.
    let phone = info["methods"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["kind"] == "phone")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let deleted = browser
        .send(
            axum::http::Method::DELETE,
            &format!("/api/me/methods/{phone}"),
            None,
            &[],
        )
        .await
        .json();
    let default = deleted["default_method"]["method_id"].as_str().unwrap();
    let kind = deleted["methods"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == default)
        .unwrap()["kind"]
        .clone();
    assert_eq!(kind, "security-key");
}

async fn another_instance_finishes_the_ceremony(backend: Backend) {
    let key = "a-shared-secret-key-of-32-chars!".to_owned();
    let a = TestApp::spawn_with(backend, |c| c.secret_key = key.clone()).await;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("index.html"), "<!doctype html>").unwrap();
    let mut config = test_config(dir.path());
    config.secret_key = key;
    let b_router = app(AppState::new(
        config,
        a.store.clone(),
        Arc::new(ManualClock::starting_at(T0)),
    ));
    let mut on_a = with_phone(&a, "adele").await;
    let (pending, options) = begin(&mut on_a, "Blue USB key").await;
    let mut on_b = on_a.clone();
    on_b.use_router(b_router);
    let done = finish(
        &mut on_b,
        &pending,
        credential(&options, &Answer::default()),
    )
    .await;
    assert_eq!(
        done.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&done.body)
    );
}

async fn s22_a_credential_registered_to_another_account_is_refused(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut adele = with_phone_number(&app, "adele", "0612345678").await;
    let mut bob = app.browser();
    bob.sign_in(&app.user("bob").await, PASSWORD).await;
    bob.register_phone("phone", "NL", "0612345679").await;
    let same = Answer {
        credential_id: b"shared-credential",
        ..Answer::default()
    };
    let (pending, options) = begin(&mut adele, "Adele's key").await;
    let done = finish(&mut adele, &pending, credential(&options, &same)).await;
    assert_eq!(done.status, StatusCode::OK);
    // A key stored before the column existed is filled in at start.
    sqlx::query("UPDATE methods SET credential_id = NULL")
        .execute(app.store.pool())
        .await
        .unwrap();
    app.store.backfill_credential_ids().await.unwrap();
    let filled: Option<String> =
        sqlx::query_scalar("SELECT credential_id FROM methods WHERE kind = 'security-key'")
            .fetch_one(app.store.pool())
            .await
            .unwrap();
    assert_eq!(
        filled.as_deref(),
        Some(URL_SAFE_NO_PAD.encode(b"shared-credential").as_str())
    );
    let (pending, options) = begin(&mut bob, "Bob's key").await;
    let refused = finish(&mut bob, &pending, credential(&options, &same)).await;
    assert_eq!(refused.code(), "security-key-rejected");
    let info = bob.get("/api/me/security-info").await.json();
    assert!(
        !info["methods"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["kind"] == "security-key")
    );
}

/// Keys that count only for password reset: adding one rotates no session,
/// so every parallel finish of one session reaches the limit check.
async fn security_keys_stop_at_ten_when_ceremonies_finish_together(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut policy = crate::helpers::test_policy();
    policy.methods.push(MethodRule {
        kind: models::MethodKind::SecurityKey,
        mfa: false,
        sspr: true,
    });
    app.store
        .set_policy(&crate::helpers::contoso(), &policy)
        .await
        .unwrap();
    let mut browser = app.browser();
    browser.sign_in(&app.user("adele").await, PASSWORD).await;
    browser.register_phone("phone", "NL", "0612345678").await;
    let mut ceremonies = Vec::new();
    for n in 0..14u8 {
        ceremonies.push(begin(&mut browser, &format!("Key {n}")).await);
    }
    let tasks: Vec<_> = ceremonies
        .into_iter()
        .enumerate()
        .map(|(n, (pending, options))| {
            let mut b = app.browser();
            b.cookies = browser.cookies.clone();
            b.csrf = browser.csrf.clone();
            async move {
                let id = format!("parallel-{n:04}");
                let answer = Answer {
                    credential_id: id.as_bytes(),
                    ..Answer::default()
                };
                finish(&mut b, &pending, credential(&options, &answer))
                    .await
                    .status
            }
        })
        .collect();
    let statuses = crate::helpers::futures_join_all(tasks).await;
    let added = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    assert_eq!(added, 10, "{statuses:?}");
    let info = browser.get("/api/me/security-info").await.json();
    let keys = info["methods"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["kind"] == "security-key")
        .count();
    assert_eq!(keys, 10);
}

// ---- Passkey sign-in (S32) --------------------------------------------

/// The order of P-256's group.
const N: &str = "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551";

/// a + b of two 256-bit big-endian numbers, and whether it overflowed.
fn add256(a: &[u8], b: &[u8]) -> (Vec<u8>, bool) {
    let mut out = vec![0u8; 32];
    let mut carry = 0u16;
    for i in (0..32).rev() {
        let sum = u16::from(a[i]) + u16::from(b[i]) + carry;
        out[i] = sum as u8;
        carry = sum >> 8;
    }
    (out, carry == 1)
}

/// a − b modulo 2²⁵⁶.
fn sub256(a: &[u8], b: &[u8]) -> Vec<u8> {
    let mut out = vec![0u8; 32];
    let mut borrow = 0i16;
    for i in (0..32).rev() {
        let mut d = i16::from(a[i]) - i16::from(b[i]) - borrow;
        borrow = i16::from(d < 0);
        if d < 0 {
            d += 256;
        }
        out[i] = d as u8;
    }
    out
}

/// x mod n for x < 2n (`overflow`: x is 2²⁵⁶ more than its bytes say).
fn mod_n(x: Vec<u8>, overflow: bool) -> Vec<u8> {
    let n = hex(N);
    if overflow || x.as_slice() >= n.as_slice() {
        sub256(&x, &n)
    } else {
        x
    }
}

fn der_integer(bytes: &[u8]) -> Vec<u8> {
    let mut v: Vec<u8> = bytes.iter().copied().skip_while(|b| *b == 0).collect();
    if v.first().is_none_or(|b| b & 0x80 != 0) {
        v.insert(0, 0);
    }
    let mut out = vec![0x02, v.len() as u8];
    out.extend(v);
    out
}

/// An ECDSA P-256 signature by the key registered above: its private key
/// is 1 (the public key is the generator), and with the nonce 1 too,
/// r = Gx and s = z + r (mod n) — a valid signature, computed by hand.
fn sign(message: &[u8]) -> Vec<u8> {
    let z: Vec<u8> = Sha256::digest(message).to_vec();
    let z = mod_n(z, false);
    let r = hex(GX);
    let (sum, overflow) = add256(&z, &r);
    let s = mod_n(sum, overflow);
    let mut body = der_integer(&r);
    body.extend(der_integer(&s));
    let mut out = vec![0x30, body.len() as u8];
    out.extend(body);
    out
}

/// What the passkey's authenticator and browser answer to a sign-in.
struct Assertion<'a> {
    credential_id: &'a [u8],
    user_handle: &'a str,
    sign_count: u32,
    user_verified: bool,
}

/// `PublicKeyCredential.toJSON()` of an assertion for the request options.
fn assertion(options_json: &str, answer: &Assertion) -> String {
    let options: serde_json::Value = serde_json::from_str(options_json).unwrap();
    let challenge = options["publicKey"]["challenge"].as_str().unwrap();
    let client_data = serde_json::json!({
        "type": "webauthn.get",
        "challenge": challenge,
        "origin": ORIGIN,
        "crossOrigin": false,
    })
    .to_string();
    let mut auth_data = Sha256::digest(b"localhost").to_vec();
    auth_data.push(if answer.user_verified { 0x05 } else { 0x01 });
    auth_data.extend(answer.sign_count.to_be_bytes());
    let mut signed = auth_data.clone();
    signed.extend(Sha256::digest(client_data.as_bytes()));
    let id = URL_SAFE_NO_PAD.encode(answer.credential_id);
    serde_json::json!({
        "id": id,
        "rawId": id,
        "type": "public-key",
        "response": {
            "authenticatorData": URL_SAFE_NO_PAD.encode(&auth_data),
            "clientDataJSON": URL_SAFE_NO_PAD.encode(client_data),
            "signature": URL_SAFE_NO_PAD.encode(sign(&signed)),
            "userHandle": answer.user_handle,
        },
        "clientExtensionResults": {},
    })
    .to_string()
}

/// Registers the default answer's key (sign count 7) for a new person with
/// a phone; returns their account and the key's user handle.
async fn person_with_passkey(app: &TestApp, name: &str, number: &str) -> (String, String) {
    let mut browser = with_phone_number(app, name, number).await;
    let (pending, options) = begin(&mut browser, "Laptop").await;
    let parsed: serde_json::Value = serde_json::from_str(&options).unwrap();
    assert_eq!(
        parsed["publicKey"]["authenticatorSelection"]["residentKey"], "preferred",
        "asked as discoverable"
    );
    let handle = parsed["publicKey"]["user"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let answer = Answer {
        credential_id: name.as_bytes(),
        ..Answer::default()
    };
    let done = finish(&mut browser, &pending, credential(&options, &answer)).await;
    assert_eq!(
        done.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&done.body)
    );
    (format!("{name}@contoso.example"), handle)
}

/// A person with a phone and a passkey (keys allowed), and a browser
/// signed in with that passkey (both steps at once).
pub(crate) async fn signed_in_with_passkey(app: &TestApp, name: &str, number: &str) -> Browser {
    let (_, handle) = person_with_passkey(app, name, number).await;
    let mut browser = app.browser();
    let (id, options) = passkey_options(&mut browser).await;
    let answer = Assertion {
        credential_id: name.as_bytes(),
        user_handle: &handle,
        sign_count: 8,
        user_verified: true,
    };
    let signed_in = passkey_sign_in(&mut browser, &id, assertion(&options, &answer)).await;
    assert_eq!(signed_in.status, StatusCode::OK);
    browser
}

/// Asks for a passkey sign-in; returns the ceremony id and the options.
async fn passkey_options(browser: &mut Browser) -> (String, String) {
    browser.session().await;
    let started = browser
        .post("/api/session/passkey", serde_json::json!({}))
        .await;
    assert_eq!(
        started.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&started.body)
    );
    let json = started.json();
    (
        json["ceremony_id"].as_str().unwrap().to_owned(),
        json["options_json"].as_str().unwrap().to_owned(),
    )
}

/// Answers a passkey sign-in; a success brings a new CSRF token, as at
/// any sign-in, which the browser keeps.
async fn passkey_sign_in(
    browser: &mut Browser,
    id: &str,
    credential: String,
) -> crate::helpers::Response {
    let response = browser
        .post(
            &format!("/api/session/passkey/{id}"),
            serde_json::json!({ "credential_json": credential }),
        )
        .await;
    if response.status == StatusCode::OK {
        browser.csrf = response.json()["csrf_token"].as_str().map(str::to_owned);
    }
    response
}

async fn s32_a_passkey_signs_in_without_an_account_name_and_counts_for_both_factors(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let (account, handle) = person_with_passkey(&app, "adele", "0612345678").await;
    // Two-step sign-in on: the passkey is both steps at once.
    two_step_with_keys(&app).await;

    let mut browser = app.browser();
    let (id, options) = passkey_options(&mut browser).await;
    let parsed: serde_json::Value = serde_json::from_str(&options).unwrap();
    assert_eq!(parsed["publicKey"]["userVerification"], "required");
    assert!(
        parsed["publicKey"]["allowCredentials"]
            .as_array()
            .is_none_or(Vec::is_empty),
        "no account, so no credentials named: {parsed}"
    );
    let answer = Assertion {
        credential_id: b"adele",
        user_handle: &handle,
        sign_count: 8,
        user_verified: true,
    };
    let signed_in = passkey_sign_in(&mut browser, &id, assertion(&options, &answer)).await;
    assert_eq!(
        signed_in.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&signed_in.body)
    );
    let json = signed_in.json();
    assert_eq!(json["user"]["account_name"], account.as_str());
    assert_eq!(json["verification_required"], false);
    // Verified: the Security info page opens without a step-up.
    assert_eq!(
        browser.get("/api/me/security-info").await.status,
        StatusCode::OK
    );
}

async fn s32_replay_a_lower_count_a_missing_verification_and_strangers_are_refused_alike(
    backend: Backend,
) {
    // Six refusals from one address: within its limit of failures.
    let app = TestApp::spawn_with(backend, |config| config.signin.address_failures = 20).await;
    let (_, adele) = person_with_passkey(&app, "adele", "0612345678").await;
    let (_, lars) = person_with_passkey(&app, "lars", "0687654321").await;
    let mut browser = app.browser();
    let good = |sign_count| Assertion {
        credential_id: b"adele",
        user_handle: &adele,
        sign_count,
        user_verified: true,
    };

    let (id, options) = passkey_options(&mut browser).await;
    let first = assertion(&options, &good(8));
    assert_eq!(
        passkey_sign_in(&mut browser, &id, first.clone())
            .await
            .status,
        StatusCode::OK
    );
    let mut refusals = Vec::new();
    // The same answer again: its challenge was used up.
    refusals.push(("replay", passkey_sign_in(&mut browser, &id, first).await));
    // A cloned authenticator: its count does not go beyond the stored 8.
    let (id, options) = passkey_options(&mut browser).await;
    refusals.push((
        "lower count",
        passkey_sign_in(&mut browser, &id, assertion(&options, &good(5))).await,
    ));
    // Without user verification: not both factors.
    let (id, options) = passkey_options(&mut browser).await;
    let unverified = Assertion {
        user_verified: false,
        ..good(20)
    };
    refusals.push((
        "no user verification",
        passkey_sign_in(&mut browser, &id, assertion(&options, &unverified)).await,
    ));
    // Adele's credential with Lars's user handle: bound to its one user.
    let (id, options) = passkey_options(&mut browser).await;
    let swapped = Assertion {
        user_handle: &lars,
        ..good(21)
    };
    refusals.push((
        "another user's handle",
        passkey_sign_in(&mut browser, &id, assertion(&options, &swapped)).await,
    ));
    // A credential nobody registered.
    let (id, options) = passkey_options(&mut browser).await;
    let stranger = Assertion {
        credential_id: b"nobody",
        ..good(22)
    };
    refusals.push((
        "unknown credential",
        passkey_sign_in(&mut browser, &id, assertion(&options, &stranger)).await,
    ));
    // After five minutes the challenge is gone.
    let (id, options) = passkey_options(&mut browser).await;
    app.clock.advance(5 * 60);
    refusals.push((
        "lapsed",
        passkey_sign_in(&mut browser, &id, assertion(&options, &good(23))).await,
    ));
    for (what, refused) in refusals {
        assert_eq!(refused.status, StatusCode::UNAUTHORIZED, "{what}");
        assert_eq!(
            refused.json(),
            serde_json::json!({ "code": "passkey-not-accepted" }),
            "{what}"
        );
    }
    // The right key still works, with a higher count.
    let (id, options) = passkey_options(&mut browser).await;
    let again = passkey_sign_in(&mut browser, &id, assertion(&options, &good(30))).await;
    assert_eq!(
        again.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&again.body)
    );
}

async fn s27_a_security_key_is_the_second_step_of_a_sign_in(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (account, handle) = person_with_passkey(&app, "adele", "0612345678").await;
    two_step_with_keys(&app).await;

    let mut browser = app.browser();
    let signed_in = browser.sign_in(&account, PASSWORD).await;
    assert_eq!(signed_in.json()["verification_required"], true);
    assert_eq!(
        browser.get("/api/me/security-info").await.status,
        StatusCode::UNAUTHORIZED
    );
    let started = browser
        .post("/api/me/step-up/security-key", serde_json::json!({}))
        .await;
    assert_eq!(
        started.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&started.body)
    );
    let started = started.json();
    let options = started["options_json"].as_str().unwrap();
    let parsed: serde_json::Value = serde_json::from_str(options).unwrap();
    assert_eq!(
        parsed["publicKey"]["allowCredentials"][0]["id"],
        URL_SAFE_NO_PAD.encode(b"adele"),
        "the person's own key is asked for"
    );
    let answer = Assertion {
        credential_id: b"adele",
        user_handle: &handle,
        sign_count: 8,
        user_verified: true,
    };
    let id = started["ceremony_id"].as_str().unwrap();
    let done = browser
        .post(
            &format!("/api/me/step-up/security-key/{id}"),
            serde_json::json!({ "credential_json": assertion(options, &answer) }),
        )
        .await;
    assert_eq!(
        done.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&done.body)
    );
    assert_eq!(browser.session().await["verification_required"], false);
    assert_eq!(
        browser.get("/api/me/security-info").await.status,
        StatusCode::OK
    );
}

async fn s32_parallel_refused_passkeys_stay_within_the_address_limit(backend: Backend) {
    // The test configuration allows 6 failures per address.
    let app = TestApp::spawn(backend).await;
    let (_, handle) = person_with_passkey(&app, "adele", "0612345678").await;
    let mut browser = app.browser();
    let mut answers = Vec::new();
    for n in 0..12u32 {
        let (id, options) = passkey_options(&mut browser).await;
        let stranger = Assertion {
            credential_id: b"nobody",
            user_handle: &handle,
            sign_count: n + 8,
            user_verified: true,
        };
        answers.push((id, assertion(&options, &stranger)));
    }
    let attempts: Vec<_> = answers
        .into_iter()
        .map(|(id, credential)| {
            let mut browser = browser.clone();
            async move { passkey_sign_in(&mut browser, &id, credential).await.status }
        })
        .collect();
    let statuses = crate::helpers::futures_join_all(attempts).await;
    let refused = statuses
        .iter()
        .filter(|s| **s == StatusCode::UNAUTHORIZED)
        .count();
    let throttled = statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!((refused, throttled), (6, 6), "{statuses:?}");
}

fn successes(statuses: &[StatusCode]) -> usize {
    crate::helpers::count(statuses, StatusCode::OK)
}

/// N6: answers that all carry one sign count, as a cloned authenticator's
/// would, each on a ceremony of its own and from an address of its own,
/// arriving together: one signs in, every round.
async fn s32_parallel_passkey_sign_ins_with_one_count_succeed_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (_, handle) = person_with_passkey(&app, "adele", "0612345678").await;
    two_step_with_keys(&app).await;
    for round in 0..5u32 {
        let mut answers = Vec::new();
        for n in 0..10 {
            let mut browser = app.browser();
            browser.address = format!("198.51.{round}.{n}");
            let (id, options) = passkey_options(&mut browser).await;
            let answer = Assertion {
                credential_id: b"adele",
                user_handle: &handle,
                sign_count: 8 + round,
                user_verified: true,
            };
            answers.push((browser, id, assertion(&options, &answer)));
        }
        let attempts: Vec<_> = answers
            .into_iter()
            .map(|(mut browser, id, credential)| async move {
                passkey_sign_in(&mut browser, &id, credential).await.status
            })
            .collect();
        let statuses = crate::helpers::futures_join_all(attempts).await;
        assert_eq!(successes(&statuses), 1, "round {round}: {statuses:?}");
    }
}

/// N6 at the second step of a sign-in: five sign-ins waiting for it answer
/// with one count together: one finishes, every round.
async fn s22_parallel_second_steps_with_one_count_succeed_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (account, handle) = person_with_passkey(&app, "adele", "0612345678").await;
    two_step_with_keys(&app).await;
    for round in 0..5u32 {
        let mut answers = Vec::new();
        for _ in 0..5 {
            let mut browser = app.browser();
            let signed_in = browser.sign_in(&account, PASSWORD).await;
            assert_eq!(signed_in.json()["verification_required"], true);
            let started = browser
                .post("/api/me/step-up/security-key", serde_json::json!({}))
                .await
                .json();
            let options = started["options_json"].as_str().unwrap().to_owned();
            let id = started["ceremony_id"].as_str().unwrap().to_owned();
            let answer = Assertion {
                credential_id: b"adele",
                user_handle: &handle,
                sign_count: 8 + round,
                user_verified: true,
            };
            answers.push((browser, id, assertion(&options, &answer)));
        }
        let attempts: Vec<_> = answers
            .into_iter()
            .map(|(mut browser, id, credential)| async move {
                browser
                    .post(
                        &format!("/api/me/step-up/security-key/{id}"),
                        serde_json::json!({ "credential_json": credential }),
                    )
                    .await
                    .status
            })
            .collect();
        let statuses = crate::helpers::futures_join_all(attempts).await;
        assert_eq!(successes(&statuses), 1, "round {round}: {statuses:?}");
    }
}

/// Signed in with a Temporary Access Pass, which proved the person as a
/// method would, a passkey is what the registration proposes first (as
/// Entra's), and it registers without another method; signed in with a
/// password, the rule stands.
async fn a_pass_s_sign_in_registers_a_passkey_first(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    allow_keys(&app).await;
    let account = app.user("adele").await;
    let person = app
        .store
        .user_by_account_name(&models::AccountName::parse(&account).unwrap())
        .await
        .unwrap()
        .unwrap();
    let admin = models::PersonId::new("an-administrator");
    let pass = secinfo_server::temporary_access_pass::issue(
        &app.state,
        &person,
        secinfo_server::temporary_access_pass::Issuer::Administrator(&admin),
        None,
        true,
    )
    .await
    .unwrap()
    .pass;
    let mut with_password = app.browser();
    with_password.sign_in(&account, PASSWORD).await;
    let info = with_password.get("/api/me/security-info").await.json();
    assert_ne!(info["suggested"], "security-key");
    assert_eq!(
        start(&mut with_password, "Key").await.code(),
        "other-method-first"
    );

    let mut with_pass = app.browser();
    assert_eq!(
        with_pass.sign_in(&account, &pass).await.status,
        StatusCode::OK
    );
    let info = with_pass.get("/api/me/security-info").await.json();
    assert_eq!(info["suggested"], "security-key", "{info}");
    let (pending, options) = begin(&mut with_pass, "Desk key").await;
    let answer = credential(&options, &Answer::default());
    assert_eq!(
        finish(&mut with_pass, &pending, answer).await.status,
        StatusCode::OK
    );
    let info = with_pass.get("/api/me/security-info").await.json();
    assert_eq!(info["methods"][0]["kind"], "security-key", "{info}");
}
