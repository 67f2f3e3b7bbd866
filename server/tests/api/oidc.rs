//! secinfo as an OpenID Connect provider (`oidc.rs`): an application's
//! request, answered with a code or a sign-in first; the code redeemed
//! for an ID token (ES256, or RS256 for an application that asks) and an
//! access token; UserInfo. S37.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::helpers::{
    Backend, Browser, PASSWORD, Response, TestApp, futures_join_all, test_policy,
};
use crate::people::admin_signed_in;

crate::on_both_backends!(
    s37_an_application_signs_a_person_in_and_reads_who_they_are,
    s37_a_code_is_used_once_and_its_replay_voids_what_it_gave,
    s37_a_code_is_bound_to_its_client_redirect_address_verifier_and_minute,
    s37_redirect_addresses_are_matched_exactly_and_nothing_is_sent_to_another,
    s37_fifty_parallel_redemptions_of_one_code_give_one_token,
    s37_a_public_application_must_use_pkce_and_has_no_secret,
    without_a_session_the_person_signs_in_first_and_prompt_none_says_so,
    a_second_step_is_told_as_multi_factor,
    prompt_login_ends_the_session_and_the_request_comes_back_without_it,
    a_person_of_another_organization_is_not_signed_in_to_this_application,
    only_administrators_register_applications_with_exact_https_addresses,
    signing_keys_rotate_on_command_and_by_age_and_stay_published_while_their_tokens_live,
    s42_a_refresh_token_is_used_once_and_its_reuse_ends_the_whole_family,
    s42_ten_parallel_uses_of_one_refresh_token_give_one,
    s42_signing_out_everywhere_or_being_disabled_ends_what_applications_hold,
    a_confidential_application_introspects_and_revokes_only_its_own_tokens,
    an_application_signs_its_person_out_of_secinfo_with_their_id_token,
    acr_values_asking_for_two_steps_have_the_person_verify_again,
    acr_values_asking_for_a_passkey_accept_only_a_key_and_offer_one,
    an_id_token_hint_for_someone_else_asks_for_a_sign_in,
    form_post_answers_by_a_form_that_the_page_posts,
    backchannel_logout_tells_the_application_each_session_that_ends,
    parallel_deliverers_send_each_logout_once,
    an_administrator_replaces_a_secret_and_disables_an_application,
    a_new_password_tells_the_applications_of_the_other_sessions,
    an_application_requires_a_sign_in_and_is_given_only_its_scopes,
    tokens_redeemed_while_an_application_is_disabled_do_not_outlive_it,
    an_application_that_asks_for_rs256_is_given_rs256_tokens_and_logouts,
    rs256_keys_rotate_beside_es256_on_command_and_by_age,
    a_session_that_lapses_or_a_person_deleted_is_told_to_the_applications,
    a_session_a_pass_started_is_told_when_the_pass_is_taken_replaced_or_expires,
);

const REDIRECT: &str = "https://payroll.contoso.example/oidc/callback";
const SIGNED_OUT: &str = "https://payroll.contoso.example/signed-out";
const VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-secinfo-tests";

fn challenge(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

struct Application {
    id: String,
    secret: Option<String>,
}

/// An application registered by `admin` as `application` describes it.
async fn registered_as(admin: &mut Browser, application: Value) -> Application {
    let registered = admin.post("/api/admin/applications", application).await;
    assert_eq!(
        registered.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&registered.body)
    );
    let registered = registered.json();
    Application {
        id: registered["client_id"].as_str().unwrap().to_owned(),
        secret: registered["client_secret"].as_str().map(str::to_owned),
    }
}

async fn register(admin: &mut Browser, public: bool) -> Application {
    registered_as(
        admin,
        json!({
            "name": "Payroll",
            "redirect_uris": [REDIRECT, "http://localhost:8091/cb"],
            "logout_uris": [SIGNED_OUT],
            "public": public,
        }),
    )
    .await
}

fn query(app: &Application, extra: &str) -> String {
    format!(
        "response_type=code&client_id={}&redirect_uri={}&scope=openid%20profile%20email&state=st%3Aate&nonce=n-0S6_WzA2Mj&code_challenge={}&code_challenge_method=S256{extra}",
        app.id,
        urlencoded(REDIRECT),
        challenge(VERIFIER)
    )
}

fn urlencoded(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

async fn authorize(browser: &mut Browser, query: &str) -> Response {
    if browser.csrf.is_none() {
        browser.session().await;
    }
    browser
        .post("/api/oidc/authorization", json!({ "query": query }))
        .await
}

/// The code of an answer that goes back to the application, checking
/// `state` and `iss` came with it.
fn code_of(answer: &Value) -> String {
    let to = answer["return"]["to"]
        .as_str()
        .unwrap_or_else(|| panic!("{answer}"));
    let (base, query) = to.split_once('?').unwrap();
    assert_eq!(base, REDIRECT);
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    assert_eq!(get("state").as_deref(), Some("st:ate"), "state carried");
    assert_eq!(get("iss").as_deref(), Some("http://localhost:8080"));
    assert_eq!(get("error"), None, "{to}");
    get("code").unwrap()
}

fn error_of(answer: &Value) -> String {
    let to = answer["return"]["to"]
        .as_str()
        .unwrap_or_else(|| panic!("{answer}"));
    let (_, query) = to.split_once('?').unwrap();
    form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "error")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

/// A form POST as an application sends it, without cookies.
async fn form_post(
    app: &TestApp,
    path: &str,
    pairs: &[(&str, &str)],
    authorization: Option<String>,
) -> Response {
    app.browser()
        .dispatch(form_request(path, pairs, authorization))
        .await
}

fn form_request(
    path: &str,
    pairs: &[(&str, &str)],
    authorization: Option<String>,
) -> Request<Body> {
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish();
    let mut request = Request::builder()
        .method(Method::POST)
        .uri(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(value) = authorization {
        request = request.header(header::AUTHORIZATION, value);
    }
    request.body(Body::from(body)).unwrap()
}

fn basic(application: &Application) -> Option<String> {
    let secret = application.secret.as_deref().unwrap_or_default();
    Some(format!(
        "Basic {}",
        STANDARD.encode(format!("{}:{}", application.id, urlencoded(secret)))
    ))
}

async fn redeem(app: &TestApp, application: &Application, code: &str) -> Response {
    form_post(
        app,
        "/oauth2/token",
        &[
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", REDIRECT),
            ("code_verifier", VERIFIER),
        ],
        basic(application),
    )
    .await
}

async fn userinfo(app: &TestApp, token: &str) -> Response {
    let request = Request::builder()
        .uri("/oauth2/userinfo")
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .body(Body::empty())
        .unwrap();
    app.browser().dispatch(request).await
}

/// The claims of an ID token (or a logout token) whose signature, ES256
/// or RS256 as its header says, a key of the JWKS of that algorithm
/// verifies.
async fn verified_claims(app: &TestApp, id_token: &str) -> Value {
    let mut parts = id_token.split('.');
    let (header, payload, signature) = (
        parts.next().unwrap(),
        parts.next().unwrap(),
        parts.next().unwrap(),
    );
    let header: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(header).unwrap()).unwrap();
    let jwks = app.browser().get("/oauth2/jwks").await.json();
    let key = jwks["keys"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kid"] == header["kid"])
        .expect("the signing key is published");
    assert_eq!(
        key["alg"], header["alg"],
        "the key is of the token's algorithm"
    );
    let member = |name: &str| URL_SAFE_NO_PAD.decode(key[name].as_str().unwrap()).unwrap();
    let signed = format!("{}.{}", id_token.split('.').next().unwrap(), payload);
    let signature = URL_SAFE_NO_PAD.decode(signature).unwrap();
    let valid = match header["alg"].as_str() {
        Some("ES256") => {
            assert_eq!(
                (key["kty"].as_str(), key["crv"].as_str()),
                (Some("EC"), Some("P-256"))
            );
            let point = [vec![4u8], member("x"), member("y")].concat();
            ring::signature::UnparsedPublicKey::new(
                &ring::signature::ECDSA_P256_SHA256_FIXED,
                point,
            )
            .verify(signed.as_bytes(), &signature)
        }
        Some("RS256") => {
            assert_eq!(key["kty"], "RSA");
            assert_eq!(member("n").len(), 256, "2048 bits");
            ring::signature::RsaPublicKeyComponents {
                n: member("n"),
                e: member("e"),
            }
            .verify(
                &ring::signature::RSA_PKCS1_2048_8192_SHA256,
                signed.as_bytes(),
                &signature,
            )
        }
        other => panic!("signed with {other:?}"),
    };
    valid.expect("a valid signature");
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap()
}

/// A JWT's header.
fn header_of(jwt: &str) -> Value {
    part_of(jwt, 0)
}

/// A JWT's claims, read without checking its signature (where the test is
/// about which token was sent, not whether it verifies).
fn payload_of(jwt: &str) -> Value {
    part_of(jwt, 1)
}

fn part_of(jwt: &str, n: usize) -> Value {
    serde_json::from_slice(
        &URL_SAFE_NO_PAD
            .decode(jwt.split('.').nth(n).unwrap())
            .unwrap(),
    )
    .unwrap()
}

/// An administrator's application and a person signed in to secinfo.
async fn signed_in_with_application(app: &TestApp, public: bool) -> (Application, Browser) {
    let mut admin = admin_signed_in(app).await;
    let application = register(&mut admin, public).await;
    let account = app.user("adele").await;
    let mut person = app.browser();
    assert_eq!(
        person.sign_in(&account, PASSWORD).await.status,
        StatusCode::OK
    );
    (application, person)
}

async fn s37_an_application_signs_a_person_in_and_reads_who_they_are(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let discovery = app
        .browser()
        .get("/.well-known/openid-configuration")
        .await
        .json();
    assert_eq!(discovery["issuer"], "http://localhost:8080");
    assert_eq!(
        discovery["token_endpoint"],
        "http://localhost:8080/oauth2/token"
    );
    assert_eq!(discovery["response_types_supported"], json!(["code"]));
    assert_eq!(
        discovery["id_token_signing_alg_values_supported"],
        json!(["ES256", "RS256"])
    );

    let (application, mut person) = signed_in_with_application(&app, false).await;
    let answer = authorize(&mut person, &query(&application, "")).await;
    assert_eq!(answer.status, StatusCode::OK);
    let code = code_of(&answer.json());
    // Only the digest is kept.
    let stored: Vec<String> = sqlx::query_scalar("SELECT digest FROM oidc_codes")
        .fetch_all(app.store.pool())
        .await
        .unwrap();
    assert_eq!(stored.len(), 1);
    assert_ne!(stored[0], code);

    let tokens = redeem(&app, &application, &code).await;
    assert_eq!(
        tokens.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&tokens.body)
    );
    assert_eq!(
        tokens.headers.get(header::CACHE_CONTROL).unwrap(),
        "no-store"
    );
    let tokens = tokens.json();
    assert_eq!(tokens["token_type"], "Bearer");
    let claims = verified_claims(&app, tokens["id_token"].as_str().unwrap()).await;
    assert_eq!(claims["iss"], "http://localhost:8080");
    assert_eq!(claims["aud"], application.id.as_str());
    assert_eq!(claims["nonce"], "n-0S6_WzA2Mj");
    assert_eq!(claims["amr"], json!(["pwd"]));
    assert_eq!(claims["acr"], "urn:secinfo:acr:single-factor");
    assert_eq!(claims["preferred_username"], "adele@contoso.example");
    assert_eq!(claims["name"], "adele");
    let sub = claims["sub"].as_str().unwrap().to_owned();
    let access = tokens["access_token"].as_str().unwrap();
    let hash = Sha256::digest(access.as_bytes());
    assert_eq!(claims["at_hash"], URL_SAFE_NO_PAD.encode(&hash[..16]));

    // UserInfo: the same person, by GET with the header and by POST with
    // the token in the form.
    let info = userinfo(&app, access).await;
    assert_eq!(info.status, StatusCode::OK);
    let info = info.json();
    assert_eq!(info["sub"], sub.as_str());
    assert_eq!(info["preferred_username"], "adele@contoso.example");
    let posted = form_post(&app, "/oauth2/userinfo", &[("access_token", access)], None).await;
    assert_eq!(posted.json()["sub"], sub.as_str());
    let refused = userinfo(&app, "not-a-token").await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    assert!(
        refused
            .headers
            .get(header::WWW_AUTHENTICATE)
            .unwrap()
            .to_str()
            .unwrap()
            .contains("invalid_token")
    );

    // The person's activity says they signed in to an application.
    let lines: Vec<String> =
        sqlx::query_scalar("SELECT detail FROM audit WHERE action = 'signed-in-to-application'")
            .fetch_all(app.store.pool())
            .await
            .unwrap();
    assert_eq!(lines, vec!["Payroll".to_owned()]);
}

async fn s37_a_code_is_used_once_and_its_replay_voids_what_it_gave(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (application, mut person) = signed_in_with_application(&app, false).await;
    let code = code_of(
        &authorize(&mut person, &query(&application, ""))
            .await
            .json(),
    );
    let first = redeem(&app, &application, &code).await;
    assert_eq!(first.status, StatusCode::OK);
    let access = first.json()["access_token"].as_str().unwrap().to_owned();
    assert_eq!(userinfo(&app, &access).await.status, StatusCode::OK);

    let again = redeem(&app, &application, &code).await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST);
    assert_eq!(again.json()["error"], "invalid_grant");
    // Whoever replayed it may have stolen it: what it gave is void.
    assert_eq!(
        userinfo(&app, &access).await.status,
        StatusCode::UNAUTHORIZED
    );
}

async fn s37_a_code_is_bound_to_its_client_redirect_address_verifier_and_minute(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (application, mut person) = signed_in_with_application(&app, false).await;
    let mut admin = admin_signed_in_again(&app).await;
    let other = register(&mut admin, false).await;

    // Another client, with its own right secret: refused, and the code is
    // still its own client's.
    let code = code_of(
        &authorize(&mut person, &query(&application, ""))
            .await
            .json(),
    );
    let stolen = redeem(&app, &other, &code).await;
    assert_eq!(stolen.json()["error"], "invalid_grant");
    assert_eq!(
        redeem(&app, &application, &code).await.status,
        StatusCode::OK
    );

    // A wrong secret: the client is not proved.
    let code = code_of(
        &authorize(&mut person, &query(&application, ""))
            .await
            .json(),
    );
    let impostor = Application {
        id: application.id.clone(),
        secret: Some("wrong".into()),
    };
    let refused = redeem(&app, &impostor, &code).await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    assert_eq!(refused.json()["error"], "invalid_client");

    // A redirect address one character off, or a wrong verifier.
    for pairs in [
        [
            (
                "redirect_uri",
                "https://payroll.contoso.example/oidc/callbacK",
            ),
            ("code_verifier", VERIFIER),
        ],
        [
            ("redirect_uri", REDIRECT),
            (
                "code_verifier",
                "another-verifier-of-the-right-length-0123456789",
            ),
        ],
    ] {
        let code = code_of(
            &authorize(&mut person, &query(&application, ""))
                .await
                .json(),
        );
        let mut form = vec![
            ("grant_type", "authorization_code"),
            ("code", code.as_str()),
        ];
        form.extend(pairs);
        let refused = form_post(&app, "/oauth2/token", &form, basic(&application)).await;
        assert_eq!(refused.json()["error"], "invalid_grant", "{pairs:?}");
    }

    // A minute later, a code is no more.
    let code = code_of(
        &authorize(&mut person, &query(&application, ""))
            .await
            .json(),
    );
    app.clock.advance(61);
    assert_eq!(
        redeem(&app, &application, &code).await.json()["error"],
        "invalid_grant"
    );
}

/// A second administrator's browser (the first was made by
/// `signed_in_with_application`).
async fn admin_signed_in_again(app: &TestApp) -> Browser {
    let admin = app.admin("megan-two").await;
    let mut browser = app.browser();
    assert_eq!(
        browser.sign_in(&admin, PASSWORD).await.status,
        StatusCode::OK
    );
    browser
}

async fn s37_redirect_addresses_are_matched_exactly_and_nothing_is_sent_to_another(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let (application, mut person) = signed_in_with_application(&app, false).await;
    for redirect in [
        "https://payroll.contoso.example/oidc/callback/",
        "https://payroll.contoso.example/oidc/callbacK",
        "https://payroll.contoso.example/oidc/callback?x=1",
        "https://evil.example/oidc/callback",
    ] {
        let query = query(&application, "").replace(&urlencoded(REDIRECT), &urlencoded(redirect));
        let answer = authorize(&mut person, &query).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{redirect}");
        assert_eq!(answer.code(), "redirect-not-registered");
    }
    let unknown = authorize(
        &mut person,
        &query(&application, "").replace(&application.id, "someone-else"),
    )
    .await;
    assert_eq!(unknown.code(), "unknown-application");
    let twice = authorize(&mut person, &query(&application, "&state=again")).await;
    assert_eq!(
        twice.code(),
        "unknown-application",
        "a parameter given twice"
    );
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM oidc_codes")
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert_eq!(count, 0, "no code was issued");

    // Once the address is known to be registered, errors go back there.
    let implicit = query(&application, "").replace("response_type=code", "response_type=token");
    let answer = authorize(&mut person, &implicit).await.json();
    assert_eq!(error_of(&answer), "unsupported_response_type");
    let no_openid =
        query(&application, "").replace("scope=openid%20profile%20email", "scope=profile");
    assert_eq!(
        error_of(&authorize(&mut person, &no_openid).await.json()),
        "invalid_scope"
    );
}

async fn s37_fifty_parallel_redemptions_of_one_code_give_one_token(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (application, mut person) = signed_in_with_application(&app, false).await;
    let code = code_of(
        &authorize(&mut person, &query(&application, ""))
            .await
            .json(),
    );
    let attempts = (0..50)
        .map(|_| {
            let mut client = app.browser();
            let request = form_request(
                "/oauth2/token",
                &[
                    ("grant_type", "authorization_code"),
                    ("code", &code),
                    ("redirect_uri", REDIRECT),
                    ("code_verifier", VERIFIER),
                ],
                basic(&application),
            );
            async move { client.dispatch(request).await }
        })
        .collect();
    let answers = futures_join_all(attempts).await;
    let winners: Vec<&Response> = answers
        .iter()
        .filter(|a| a.status == StatusCode::OK)
        .collect();
    assert_eq!(winners.len(), 1, "exactly one token response");
    // The replays void what the one redemption gave.
    let access = winners[0].json()["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        userinfo(&app, &access).await.status,
        StatusCode::UNAUTHORIZED
    );
}

async fn s37_a_public_application_must_use_pkce_and_has_no_secret(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (application, mut person) = signed_in_with_application(&app, true).await;
    assert!(application.secret.is_none());
    let without = query(&application, "")
        .replace(&format!("&code_challenge={}", challenge(VERIFIER)), "")
        .replace("&code_challenge_method=S256", "");
    assert_eq!(
        error_of(&authorize(&mut person, &without).await.json()),
        "invalid_request"
    );
    let plain = query(&application, "")
        .replace("code_challenge_method=S256", "code_challenge_method=plain");
    assert_eq!(
        error_of(&authorize(&mut person, &plain).await.json()),
        "invalid_request"
    );
    let code = code_of(
        &authorize(&mut person, &query(&application, ""))
            .await
            .json(),
    );
    let tokens = form_post(
        &app,
        "/oauth2/token",
        &[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", REDIRECT),
            ("code_verifier", VERIFIER),
            ("client_id", &application.id),
        ],
        None,
    )
    .await;
    assert_eq!(tokens.status, StatusCode::OK);
}

async fn without_a_session_the_person_signs_in_first_and_prompt_none_says_so(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = admin_signed_in(&app).await;
    let application = register(&mut admin, false).await;
    let mut stranger = app.browser();
    let answer = authorize(
        &mut stranger,
        &query(&application, "&login_hint=adele%40contoso.example"),
    )
    .await
    .json();
    assert_eq!(answer["sign-in"]["application"], "Payroll");
    assert_eq!(answer["sign-in"]["login_hint"], "adele@contoso.example");
    assert!(answer["sign-in"].is_object(), "{answer}");
    assert!(
        answer["sign-in"]["next"]
            .as_str()
            .unwrap()
            .starts_with("/oauth2/authorize?response_type=code&client_id=")
    );
    let none = authorize(&mut stranger, &query(&application, "&prompt=none")).await;
    assert_eq!(error_of(&none.json()), "login_required");
}

async fn a_second_step_is_told_as_multi_factor(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = admin_signed_in(&app).await;
    let application = register(&mut admin, false).await;
    let account = app.user("adele").await;
    let mut person = app.browser();
    person.sign_in(&account, PASSWORD).await;
    person.register_phone("phone", "NL", "0612345678").await;
    let policy = secinfo_server::policy::Policy {
        two_step_sign_in: true,
        ..test_policy()
    };
    app.store
        .set_policy(&crate::helpers::contoso(), &policy)
        .await
        .unwrap();
    app.clock.advance(3600);
    let mut person = app.browser();
    let signed_in = person.sign_in(&account, PASSWORD).await.json();
    assert_eq!(signed_in["verification_required"], true);
    // Waiting for the second step is no sign-in yet.
    let waiting = authorize(&mut person, &query(&application, ""))
        .await
        .json();
    assert!(waiting["sign-in"].is_object(), "{waiting}");
    let options = person.get("/api/me/step-up").await.json();
    let method = options[0]["method_id"].as_str().unwrap().to_owned();
    let started = person
        .post(
            "/api/me/step-up",
            json!({ "method_id": method, "delivery": "text" }),
        )
        .await;
    assert_eq!(started.status, StatusCode::CREATED);
    let challenge = started.json()["challenge_id"].as_str().unwrap().to_owned();
    let code = app.last_code("+31612345678").await;
    assert_eq!(
        person.submit_code(&challenge, &code).await.status,
        StatusCode::OK
    );
    let code = code_of(
        &authorize(&mut person, &query(&application, ""))
            .await
            .json(),
    );
    let tokens = redeem(&app, &application, &code).await.json();
    let claims = verified_claims(&app, tokens["id_token"].as_str().unwrap()).await;
    assert_eq!(claims["amr"], json!(["pwd", "sms", "mfa"]));
    assert_eq!(claims["acr"], "urn:secinfo:acr:multi-factor");
}

async fn prompt_login_ends_the_session_and_the_request_comes_back_without_it(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (application, mut person) = signed_in_with_application(&app, false).await;
    let answer = authorize(&mut person, &query(&application, "&prompt=login"))
        .await
        .json();
    assert!(answer["sign-in"].is_object(), "{answer}");
    let next = answer["sign-in"]["next"].as_str().unwrap();
    assert!(!next.contains("prompt"), "{next}");
    assert!(person.session().await["user"].is_null(), "signed out");

    // max_age: a sign-in older than asked for is made again too.
    let (_, mut person) = (0, app.browser());
    person.sign_in("adele@contoso.example", PASSWORD).await;
    app.clock.advance(120);
    let answer = authorize(&mut person, &query(&application, "&max_age=60"))
        .await
        .json();
    assert!(answer["sign-in"].is_object(), "{answer}");
    let mut person = app.browser();
    person.sign_in("adele@contoso.example", PASSWORD).await;
    let code = code_of(
        &authorize(&mut person, &query(&application, "&max_age=60"))
            .await
            .json(),
    );
    let tokens = redeem(&app, &application, &code).await.json();
    let claims = verified_claims(&app, tokens["id_token"].as_str().unwrap()).await;
    assert_eq!(claims["auth_time"], claims["iat"]);
}

async fn a_person_of_another_organization_is_not_signed_in_to_this_application(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = admin_signed_in(&app).await;
    let application = register(&mut admin, false).await;
    app.organization("fabrikam", &test_policy()).await;
    let account = app.user_of("fabrikam", "lee", false).await;
    let mut person = app.browser();
    person.sign_in(&account, PASSWORD).await;
    let answer = authorize(&mut person, &query(&application, "")).await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    assert_eq!(answer.code(), "application-of-another-organization");
}

async fn only_administrators_register_applications_with_exact_https_addresses(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let account = app.user("adele").await;
    let mut member = app.browser();
    member.sign_in(&account, PASSWORD).await;
    let refused = member
        .post(
            "/api/admin/applications",
            json!({ "name": "Payroll", "redirect_uris": [REDIRECT] }),
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    let mut admin = admin_signed_in(&app).await;
    for (body, code, index) in [
        (
            json!({ "name": " ", "redirect_uris": [REDIRECT] }),
            "application-name-required",
            None,
        ),
        (
            json!({ "name": "Payroll", "redirect_uris": [] }),
            "invalid-redirect-uri",
            Some(0),
        ),
        (
            json!({ "name": "Payroll", "redirect_uris": [REDIRECT, "http://payroll.contoso.example/cb"] }),
            "invalid-redirect-uri",
            Some(1),
        ),
        (
            json!({ "name": "Payroll", "redirect_uris": ["https://payroll.contoso.example/cb#x"] }),
            "invalid-redirect-uri",
            Some(0),
        ),
    ] {
        let answer = admin.post("/api/admin/applications", body).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST);
        assert_eq!(answer.code(), code);
        assert_eq!(answer.json()["index"].as_u64(), index.map(|i: u64| i));
    }
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM oidc_clients")
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert_eq!(count, 0);
    let registered = register(&mut admin, false).await;
    let digest: String = sqlx::query_scalar("SELECT secret_digest FROM oidc_clients")
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert_ne!(
        Some(digest),
        registered.secret,
        "the secret is kept as a digest"
    );

    // Listed for administrators, never with the secret.
    let listed = admin.get("/api/admin/applications").await;
    assert_eq!(listed.status, StatusCode::OK);
    let listed = listed.json();
    assert_eq!(listed[0]["client_id"], registered.id.as_str());
    assert_eq!(listed[0]["name"], "Payroll");
    assert_eq!(listed[0]["public"], false);
    let body = listed.to_string();
    assert!(!body.contains(registered.secret.as_deref().unwrap()));
    assert_eq!(
        member.get("/api/admin/applications").await.status,
        StatusCode::FORBIDDEN
    );
}

/// A fresh ID token for a person signed in now, and its key's id.
async fn id_token_now(app: &TestApp, application: &Application) -> (String, String) {
    let mut person = app.browser();
    assert_eq!(
        person
            .sign_in("adele@contoso.example", PASSWORD)
            .await
            .status,
        StatusCode::OK
    );
    let code = code_of(&authorize(&mut person, &query(application, "")).await.json());
    let tokens = redeem(app, application, &code).await.json();
    let id_token = tokens["id_token"].as_str().unwrap().to_owned();
    let kid = header_of(&id_token)["kid"].as_str().unwrap().to_owned();
    (id_token, kid)
}

async fn published_kids(app: &TestApp) -> Vec<String> {
    let jwks = app.browser().get("/oauth2/jwks").await.json();
    jwks["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kid"].as_str().unwrap().to_owned())
        .collect()
}

async fn signing_keys_rotate_on_command_and_by_age_and_stay_published_while_their_tokens_live(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let (application, _) = signed_in_with_application(&app, false).await;
    let (_, first) = id_token_now(&app, &application).await;
    // `secinfo-server keys rotate`.
    let rotated = secinfo_server::oidc_keys::rotate(&app.state, models::oidc::TokenSigning::Es256)
        .await
        .unwrap();
    let (token, second) = id_token_now(&app, &application).await;
    assert_eq!(second, rotated);
    assert_ne!(second, first);
    verified_claims(&app, &token).await;
    let kids = published_kids(&app).await;
    assert!(kids.contains(&first) && kids.contains(&second), "{kids:?}");

    // Thirty days on, the next signature makes a key of its own; the one
    // before stays published while tokens it signed may live.
    app.clock.advance(30 * 24 * 3600 + 60);
    let (_, third) = id_token_now(&app, &application).await;
    assert!(![first.clone(), second.clone()].contains(&third));
    let kids = published_kids(&app).await;
    assert!(kids.contains(&second) && kids.contains(&third), "{kids:?}");
    app.clock.advance(2 * 3600);
    assert_eq!(published_kids(&app).await, vec![third]);
}

/// Tokens for a person signed in now, with `offline_access`.
async fn offline_tokens(app: &TestApp, application: &Application) -> Value {
    let mut person = app.browser();
    assert_eq!(
        person
            .sign_in("adele@contoso.example", PASSWORD)
            .await
            .status,
        StatusCode::OK
    );
    let query = query(application, "").replace(
        "scope=openid%20profile%20email",
        "scope=openid%20profile%20offline_access",
    );
    let code = code_of(&authorize(&mut person, &query).await.json());
    let tokens = redeem(app, application, &code).await;
    assert_eq!(tokens.status, StatusCode::OK);
    let tokens = tokens.json();
    assert!(tokens["refresh_token"].is_string(), "{tokens}");
    tokens
}

async fn use_refresh_token(app: &TestApp, application: &Application, token: &str) -> Response {
    form_post(
        app,
        "/oauth2/token",
        &[("grant_type", "refresh_token"), ("refresh_token", token)],
        basic(application),
    )
    .await
}

async fn s42_a_refresh_token_is_used_once_and_its_reuse_ends_the_whole_family(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (application, _) = signed_in_with_application(&app, false).await;
    // Without offline_access, no refresh token.
    let (_, _) = id_token_now(&app, &application).await;
    let tokens = offline_tokens(&app, &application).await;
    let first = tokens["refresh_token"].as_str().unwrap().to_owned();

    let next = use_refresh_token(&app, &application, &first).await;
    assert_eq!(next.status, StatusCode::OK);
    let next = next.json();
    let second = next["refresh_token"].as_str().unwrap().to_owned();
    assert_ne!(second, first, "rotated at each use");
    let claims = verified_claims(&app, next["id_token"].as_str().unwrap()).await;
    assert!(claims["auth_time"].is_i64(), "the sign-in's time, kept");
    let access = next["access_token"].as_str().unwrap().to_owned();
    assert_eq!(userinfo(&app, &access).await.status, StatusCode::OK);
    // Another client cannot use it.
    let mut admin = admin_signed_in_again(&app).await;
    let other = register(&mut admin, false).await;
    assert_eq!(
        use_refresh_token(&app, &other, &second).await.json()["error"],
        "invalid_grant"
    );

    // The first, spent, shown again: refused, and the family's newest
    // with it, and the access tokens it gave.
    let reused = use_refresh_token(&app, &application, &first).await;
    assert_eq!(reused.json()["error"], "invalid_grant");
    assert_eq!(
        use_refresh_token(&app, &application, &second).await.json()["error"],
        "invalid_grant"
    );
    assert_eq!(
        userinfo(&app, &access).await.status,
        StatusCode::UNAUTHORIZED
    );
}

async fn s42_ten_parallel_uses_of_one_refresh_token_give_one(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (application, _) = signed_in_with_application(&app, false).await;
    let tokens = offline_tokens(&app, &application).await;
    let token = tokens["refresh_token"].as_str().unwrap().to_owned();
    let attempts = (0..10)
        .map(|_| {
            let mut client = app.browser();
            let request = form_request(
                "/oauth2/token",
                &[("grant_type", "refresh_token"), ("refresh_token", &token)],
                basic(&application),
            );
            async move { client.dispatch(request).await.status }
        })
        .collect();
    let statuses = futures_join_all(attempts).await;
    assert_eq!(
        statuses.iter().filter(|s| **s == StatusCode::OK).count(),
        1,
        "{statuses:?}"
    );
}

async fn s42_signing_out_everywhere_or_being_disabled_ends_what_applications_hold(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let (application, mut person) = signed_in_with_application(&app, false).await;
    let tokens = offline_tokens(&app, &application).await;
    let access = tokens["access_token"].as_str().unwrap().to_owned();
    assert_eq!(
        person
            .send(Method::DELETE, "/api/me/sessions", None, &[])
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        userinfo(&app, &access).await.status,
        StatusCode::UNAUTHORIZED
    );
    let refresh = tokens["refresh_token"].as_str().unwrap();
    assert_eq!(
        use_refresh_token(&app, &application, refresh).await.json()["error"],
        "invalid_grant"
    );

    // Disabled by an administrator: the same.
    let tokens = offline_tokens(&app, &application).await;
    let mut admin = admin_signed_in_again(&app).await;
    let id = crate::people::id_of(&app, "adele@contoso.example").await;
    let disabled = admin
        .send(
            Method::PUT,
            &format!("/api/admin/people/{id}/status"),
            Some(json!({ "status": "disabled" })),
            &[],
        )
        .await;
    assert!(disabled.status.is_success(), "{}", disabled.status);
    let enabled = admin
        .send(
            Method::PUT,
            &format!("/api/admin/people/{id}/status"),
            Some(json!({ "status": "active" })),
            &[],
        )
        .await;
    assert!(enabled.status.is_success());
    // Enabled again, nothing comes back.
    assert_eq!(
        userinfo(&app, tokens["access_token"].as_str().unwrap())
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        use_refresh_token(
            &app,
            &application,
            tokens["refresh_token"].as_str().unwrap()
        )
        .await
        .json()["error"],
        "invalid_grant"
    );
}

async fn a_confidential_application_introspects_and_revokes_only_its_own_tokens(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (application, _) = signed_in_with_application(&app, false).await;
    let tokens = offline_tokens(&app, &application).await;
    let access = tokens["access_token"].as_str().unwrap().to_owned();
    let refresh = tokens["refresh_token"].as_str().unwrap().to_owned();
    let introspect = |client: &Application, token: &str, hint: &str| {
        let client_auth = basic(client);
        let token = token.to_owned();
        let hint = hint.to_owned();
        let app = &app;
        async move {
            form_post(
                app,
                "/oauth2/introspect",
                &[("token", &token), ("token_type_hint", &hint)],
                client_auth,
            )
            .await
            .json()
        }
    };
    let seen = introspect(&application, &access, "access_token").await;
    assert_eq!(seen["active"], true);
    assert_eq!(seen["client_id"], application.id.as_str());
    assert_eq!(seen["username"], "adele@contoso.example");
    // A wrong hint is only where to look first.
    assert_eq!(
        introspect(&application, &access, "refresh_token").await["active"],
        true
    );
    assert_eq!(
        introspect(&application, &refresh, "").await["token_type"],
        "refresh_token"
    );
    // Another application does not see it; a public one may not ask.
    let mut admin = admin_signed_in_again(&app).await;
    let other = register(&mut admin, false).await;
    assert_eq!(introspect(&other, &access, "").await["active"], false);
    let public = register(&mut admin, true).await;
    let refused = form_post(
        &app,
        "/oauth2/introspect",
        &[("token", &access), ("client_id", &public.id)],
        None,
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);

    // Another application's revocation does nothing; its own ends it.
    let revoke = |client: &Application, token: &str| {
        let client_auth = basic(client);
        let token = token.to_owned();
        let app = &app;
        async move { form_post(app, "/oauth2/revoke", &[("token", &token)], client_auth).await }
    };
    assert_eq!(revoke(&other, &access).await.status, StatusCode::OK);
    assert_eq!(userinfo(&app, &access).await.status, StatusCode::OK);
    assert_eq!(revoke(&application, &access).await.status, StatusCode::OK);
    assert_eq!(
        userinfo(&app, &access).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(introspect(&application, &access, "").await["active"], false);
    // A refresh token revoked ends its grant: the access tokens with it.
    let tokens = offline_tokens(&app, &application).await;
    let access = tokens["access_token"].as_str().unwrap();
    assert_eq!(
        revoke(&application, tokens["refresh_token"].as_str().unwrap())
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        userinfo(&app, access).await.status,
        StatusCode::UNAUTHORIZED
    );
    // An unknown token: answered alike.
    assert_eq!(revoke(&application, "unknown").await.status, StatusCode::OK);
}

async fn an_application_signs_its_person_out_of_secinfo_with_their_id_token(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (application, mut person) = signed_in_with_application(&app, false).await;
    let code = code_of(
        &authorize(&mut person, &query(&application, ""))
            .await
            .json(),
    );
    let tokens = redeem(&app, &application, &code).await.json();
    let id_token = tokens["id_token"].as_str().unwrap();
    let same_browser = person.clone();
    let logout = |query: String| {
        let mut browser = same_browser.clone();
        async move {
            browser
                .post("/api/oidc/logout", json!({ "query": query }))
                .await
        }
    };
    let back = format!(
        "client_id={}&post_logout_redirect_uri={}&state=bye",
        application.id,
        urlencoded(SIGNED_OUT)
    );
    // Without the person's ID token nobody is signed out (a page could
    // send anybody here), and an unregistered address is refused.
    let without = logout(back.clone()).await;
    assert_eq!(
        without.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&without.body)
    );
    assert!(!person.session().await["user"].is_null(), "still signed in");
    let unregistered = logout(format!(
        "id_token_hint={id_token}&post_logout_redirect_uri={}",
        urlencoded("https://evil.example/")
    ))
    .await;
    assert_eq!(unregistered.code(), "redirect-not-registered");
    let forged = logout(format!("id_token_hint={}x&{back}", id_token)).await;
    assert_eq!(forged.status, StatusCode::OK);
    assert!(
        !person.session().await["user"].is_null(),
        "a forged hint signs nobody out"
    );

    let done = logout(format!("id_token_hint={id_token}&{back}")).await;
    assert_eq!(done.status, StatusCode::OK);
    assert_eq!(
        done.json()["to"],
        format!("{SIGNED_OUT}?state=bye").as_str()
    );
    assert!(person.session().await["user"].is_null(), "signed out");
    let discovery = app
        .browser()
        .get("/.well-known/openid-configuration")
        .await
        .json();
    assert_eq!(
        discovery["end_session_endpoint"],
        "http://localhost:8080/oauth2/logout"
    );
}

const MULTI_FACTOR: &str = "&acr_values=urn%3Asecinfo%3Aacr%3Amulti-factor";
const PHISHING_RESISTANT: &str =
    "&acr_values=urn%3Aexample%3Aunknown%20urn%3Asecinfo%3Aacr%3Aphishing-resistant";

async fn acr_values_asking_for_two_steps_have_the_person_verify_again(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (application, mut person) = signed_in_with_application(&app, false).await;
    // A password alone, and no method to verify with: the application
    // hears that its demand cannot be met here.
    let answer = authorize(&mut person, &query(&application, MULTI_FACTOR))
        .await
        .json();
    assert_eq!(error_of(&answer), "unmet_authentication_requirements");

    person.register_phone("phone", "NL", "0612345678").await;
    let mut person = app.browser();
    person.sign_in("adele@contoso.example", PASSWORD).await;
    let answer = authorize(&mut person, &query(&application, MULTI_FACTOR))
        .await
        .json();
    assert_eq!(
        answer,
        json!({ "step-up": { "application": "Payroll", "proof": "another-method" } })
    );
    // Without a page to ask on, the application is told so.
    let answer = authorize(
        &mut person,
        &query(&application, &format!("{MULTI_FACTOR}&prompt=none")),
    )
    .await
    .json();
    assert_eq!(error_of(&answer), "interaction_required");
    // A value we do not know asks for nothing.
    let answer = authorize(
        &mut person,
        &query(&application, "&acr_values=urn%3Aexample%3Agold"),
    )
    .await
    .json();
    code_of(&answer);

    app.clock.advance(60);
    let options = person.get("/api/me/step-up").await.json();
    let method = options[0]["method_id"].as_str().unwrap().to_owned();
    let started = person
        .post(
            "/api/me/step-up",
            json!({ "method_id": method, "delivery": "text" }),
        )
        .await;
    let challenge = started.json()["challenge_id"]
        .as_str()
        .unwrap_or_else(|| panic!("{}", String::from_utf8_lossy(&started.body)))
        .to_owned();
    let code = app.last_code("+31612345678").await;
    assert_eq!(
        person.submit_code(&challenge, &code).await.status,
        StatusCode::OK
    );
    let code = code_of(
        &authorize(&mut person, &query(&application, MULTI_FACTOR))
            .await
            .json(),
    );
    let tokens = redeem(&app, &application, &code).await.json();
    let claims = verified_claims(&app, tokens["id_token"].as_str().unwrap()).await;
    assert_eq!(claims["acr"], "urn:secinfo:acr:multi-factor");
    assert_eq!(claims["amr"], json!(["pwd", "sms", "mfa"]));
}

async fn acr_values_asking_for_a_passkey_accept_only_a_key_and_offer_one(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = admin_signed_in(&app).await;
    let application = register(&mut admin, false).await;
    // Two steps with a texted code are not enough; without a key, the
    // person is offered to add one (the policy allows keys).
    let mut lars = crate::security_key::signed_in_with_passkey(&app, "lars", "0687654321").await;
    let mut person = app.browser();
    let account = app.user("adele").await;
    person.sign_in(&account, PASSWORD).await;
    person.register_phone("phone", "NL", "0612345678").await;
    let answer = authorize(&mut person, &query(&application, PHISHING_RESISTANT))
        .await
        .json();
    assert_eq!(answer["step-up"]["proof"], "new-security-key", "{answer}");

    // Lars has a passkey: signed in by password, he is asked for it…
    let mut by_password = app.browser();
    by_password.sign_in("lars@contoso.example", PASSWORD).await;
    let answer = authorize(&mut by_password, &query(&application, PHISHING_RESISTANT))
        .await
        .json();
    assert_eq!(answer["step-up"]["proof"], "security-key", "{answer}");
    // …and signed in with it, the application has what it asked for.
    let code = code_of(
        &authorize(&mut lars, &query(&application, PHISHING_RESISTANT))
            .await
            .json(),
    );
    let tokens = redeem(&app, &application, &code).await.json();
    let claims = verified_claims(&app, tokens["id_token"].as_str().unwrap()).await;
    assert_eq!(claims["acr"], "urn:secinfo:acr:phishing-resistant");
    assert_eq!(claims["amr"], json!(["hwk", "mfa"]));

    // Where the policy allows no keys, nothing here can meet it.
    app.store
        .set_policy(&crate::helpers::contoso(), &test_policy())
        .await
        .unwrap();
    let answer = authorize(&mut person, &query(&application, PHISHING_RESISTANT))
        .await
        .json();
    assert_eq!(error_of(&answer), "unmet_authentication_requirements");
}

async fn an_id_token_hint_for_someone_else_asks_for_a_sign_in(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (application, mut adele) = signed_in_with_application(&app, false).await;
    let code = code_of(&authorize(&mut adele, &query(&application, "")).await.json());
    let tokens = redeem(&app, &application, &code).await.json();
    let hint = tokens["id_token"].as_str().unwrap().to_owned();
    // Her own hint: on at once, even without a page.
    let own = query(&application, &format!("&prompt=none&id_token_hint={hint}"));
    code_of(&authorize(&mut adele, &own).await.json());

    let lars = app.user("lars").await;
    let mut lars_browser = app.browser();
    lars_browser.sign_in(&lars, PASSWORD).await;
    let answer = authorize(&mut lars_browser, &own).await.json();
    assert_eq!(error_of(&answer), "login_required", "not Lars for Adele");
    let answer = authorize(
        &mut lars_browser,
        &query(&application, &format!("&id_token_hint={hint}")),
    )
    .await
    .json();
    assert!(answer["sign-in"].is_object(), "{answer}");
    // A hint we did not sign is refused.
    let forged = format!("{}x", &hint[..hint.len() - 1]);
    let answer = authorize(
        &mut adele,
        &query(&application, &format!("&id_token_hint={forged}")),
    )
    .await
    .json();
    assert_eq!(error_of(&answer), "invalid_request");
}

/// The request posted to `/oauth2/authorize` by a page of `origin`.
async fn posted(browser: &mut Browser, query: &str, origin: &str) -> Response {
    browser
        .post_form("/oauth2/authorize", query, &[("origin", origin)])
        .await
}

async fn form_post_answers_by_a_form_that_the_page_posts(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (application, mut person) = signed_in_with_application(&app, false).await;
    let asked = query(&application, "&response_mode=form_post");
    // The page's question gets no code: it is told to post the request.
    assert_eq!(authorize(&mut person, &asked).await.json(), json!("post"));

    let page = posted(&mut person, &asked, "http://localhost:8080").await;
    assert_eq!(page.status, StatusCode::OK);
    let csp = page.headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.contains("form-action https://payroll.contoso.example;"),
        "{csp}"
    );
    assert_eq!(page.headers[header::CACHE_CONTROL], "no-store");
    let html = String::from_utf8(page.body.clone()).unwrap();
    assert!(
        html.contains(
            r#"<form method="post" action="https://payroll.contoso.example/oidc/callback">"#
        ),
        "{html}"
    );
    assert!(html.contains(r#"name="state" value="st:ate""#), "{html}");
    let code = html
        .split(r#"name="code" value=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_owned();
    let tokens = redeem(&app, &application, &code).await;
    assert_eq!(tokens.status, StatusCode::OK);

    // From another site (no session comes with it anyway), or without a
    // session, the request goes to the sign-in page, which asks again.
    for (browser, origin) in [
        (&mut person, "https://evil.example"),
        (&mut app.browser(), "http://localhost:8080"),
    ] {
        let sent = posted(browser, &asked, origin).await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER);
        assert_eq!(
            sent.headers[header::LOCATION].to_str().unwrap(),
            format!("/oauth2/authorize?{asked}")
        );
    }
    // A body no form sends (a line break, bytes beyond ASCII) is refused,
    // never a server error.
    for body in [
        "client_id=a\r\nLocation: https://evil.example",
        "client_id=\u{e9}",
    ] {
        let sent = posted(&mut person, body, "http://localhost:8080").await;
        assert_eq!(sent.status, StatusCode::BAD_REQUEST, "{body:?}");
    }
    // An error goes back posted too.
    let refused = query(&application, "&response_mode=form_post&prompt=none%20login");
    let html = String::from_utf8(
        posted(&mut person, &refused, "http://localhost:8080")
            .await
            .body
            .to_vec(),
    )
    .unwrap();
    assert!(
        html.contains(r#"name="error" value="invalid_request""#),
        "{html}"
    );
}

/// An application's back-channel logout address: a server of its own on
/// the loopback, which keeps the logout tokens posted to it.
async fn logout_receiver() -> (String, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    let received = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let kept = received.clone();
    let router = axum::Router::new().route(
        "/backchannel",
        axum::routing::post(
            move |axum::Form(form): axum::Form<std::collections::HashMap<String, String>>| {
                let kept = kept.clone();
                async move {
                    kept.lock().unwrap().push(form["logout_token"].clone());
                    StatusCode::OK
                }
            },
        ),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await });
    (
        format!("http://127.0.0.1:{}/backchannel", address.port()),
        received,
    )
}

async fn register_with_backchannel(admin: &mut Browser, uri: &str) -> Application {
    registered_as(
        admin,
        json!({ "name": "Payroll", "redirect_uris": [REDIRECT], "backchannel_logout_uri": uri }),
    )
    .await
}

/// Signs the person in to the application; the ID token's claims.
async fn signed_in_to(app: &TestApp, application: &Application, person: &mut Browser) -> Value {
    let code = code_of(&authorize(person, &query(application, "")).await.json());
    let tokens = redeem(app, application, &code).await.json();
    verified_claims(app, tokens["id_token"].as_str().unwrap()).await
}

async fn deliver(app: &TestApp) -> usize {
    secinfo_server::backchannel_logout::deliver_due(&app.state, &reqwest::Client::new())
        .await
        .unwrap()
}

async fn backchannel_logout_tells_the_application_each_session_that_ends(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (uri, received) = logout_receiver().await;
    let mut admin = admin_signed_in(&app).await;
    let application = register_with_backchannel(&mut admin, &uri).await;
    let discovery = app
        .browser()
        .get("/.well-known/openid-configuration")
        .await
        .json();
    assert_eq!(discovery["backchannel_logout_supported"], true);
    assert_eq!(discovery["backchannel_logout_session_supported"], true);

    let account = app.user("adele").await;
    let mut person = app.browser();
    person.sign_in(&account, PASSWORD).await;
    let claims = signed_in_to(&app, &application, &mut person).await;
    let sid = claims["sid"]
        .as_str()
        .expect("the ID token names its session")
        .to_owned();
    assert_eq!(
        deliver(&app).await,
        0,
        "nothing is owed while the session lives"
    );

    // Signing out of secinfo: the application hears of that session.
    person.send(Method::DELETE, "/api/session", None, &[]).await;
    assert_eq!(deliver(&app).await, 1);
    let token = received.lock().unwrap()[0].clone();
    let header: Value = serde_json::from_slice(
        &URL_SAFE_NO_PAD
            .decode(token.split('.').next().unwrap())
            .unwrap(),
    )
    .unwrap();
    assert_eq!(header["typ"], "logout+jwt");
    let logout = verified_claims(&app, &token).await;
    assert_eq!(logout["iss"], "http://localhost:8080");
    assert_eq!(logout["aud"], application.id.as_str());
    assert_eq!(logout["sub"], claims["sub"]);
    assert_eq!(logout["sid"], sid.as_str());
    assert!(logout["events"]["http://schemas.openid.net/event/backchannel-logout"].is_object());
    assert!(logout["nonce"].is_null() && logout["jti"].is_string());
    assert_eq!(deliver(&app).await, 0, "sent once");

    // Signing out everywhere names the person, every session of theirs.
    let mut person = app.browser();
    person.sign_in(&account, PASSWORD).await;
    signed_in_to(&app, &application, &mut person).await;
    let mut elsewhere = app.browser();
    elsewhere.sign_in(&account, PASSWORD).await;
    signed_in_to(&app, &application, &mut elsewhere).await;
    person
        .send(Method::DELETE, "/api/me/sessions", None, &[])
        .await;
    assert_eq!(deliver(&app).await, 1, "one logout for the person");
    let second = received.lock().unwrap()[1].clone();
    let logout = verified_claims(&app, &second).await;
    assert_eq!(logout["sub"], claims["sub"]);
    assert!(logout["sid"].is_null(), "every session: {logout}");

    // An application that does not answer is tried again later, a few
    // times, then given up.
    let silent = register_with_backchannel(&mut admin, "http://127.0.0.1:9/nobody").await;
    let mut person = app.browser();
    person.sign_in(&account, PASSWORD).await;
    signed_in_to(&app, &silent, &mut person).await;
    person.send(Method::DELETE, "/api/session", None, &[]).await;
    for attempt in 0..secinfo_server::backchannel_logout::ATTEMPTS {
        assert_eq!(deliver(&app).await, 0);
        assert_eq!(deliver(&app).await, 0, "not again before it is due");
        app.clock.advance(60 << attempt);
    }
    let owed: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM oidc_logout_outbox")
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert_eq!(owed, 0, "given up after its attempts");
}

async fn parallel_deliverers_send_each_logout_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (uri, received) = logout_receiver().await;
    let mut admin = admin_signed_in(&app).await;
    let application = register_with_backchannel(&mut admin, &uri).await;
    let account = app.user("adele").await;
    for _ in 0..5 {
        let mut person = app.browser();
        person.sign_in(&account, PASSWORD).await;
        signed_in_to(&app, &application, &mut person).await;
        person.send(Method::DELETE, "/api/session", None, &[]).await;
    }
    // Ten instances look at once: each logout is claimed by one.
    let deliverers = (0..10)
        .map(|_| {
            let state = app.state.clone();
            async move {
                secinfo_server::backchannel_logout::deliver_due(&state, &reqwest::Client::new())
                    .await
                    .unwrap()
            }
        })
        .collect();
    let sent: usize = futures_join_all(deliverers).await.into_iter().sum();
    assert_eq!(sent, 5);
    assert_eq!(received.lock().unwrap().len(), 5);
}

async fn an_administrator_replaces_a_secret_and_disables_an_application(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (application, mut person) = signed_in_with_application(&app, false).await;
    let mut admin = admin_signed_in_again(&app).await;
    let code = code_of(
        &authorize(&mut person, &query(&application, ""))
            .await
            .json(),
    );
    let before = redeem(&app, &application, &code).await.json();
    let access = before["access_token"].as_str().unwrap().to_owned();

    // A new secret: the old one no longer proves the application, the new
    // one does; what it was given stays.
    let replaced = admin
        .post(
            &format!("/api/admin/applications/{}/secret", application.id),
            json!(null),
        )
        .await;
    assert_eq!(
        replaced.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&replaced.body)
    );
    let renewed = Application {
        id: application.id.clone(),
        secret: replaced.json()["client_secret"].as_str().map(str::to_owned),
    };
    assert_ne!(renewed.secret, application.secret);
    let code = code_of(
        &authorize(&mut person, &query(&application, ""))
            .await
            .json(),
    );
    assert_eq!(
        redeem(&app, &application, &code).await.status,
        StatusCode::UNAUTHORIZED
    );
    let code = code_of(
        &authorize(&mut person, &query(&application, ""))
            .await
            .json(),
    );
    assert_eq!(redeem(&app, &renewed, &code).await.status, StatusCode::OK);
    assert_eq!(userinfo(&app, &access).await.status, StatusCode::OK);

    // Disabled: nobody signs in to it, and its tokens end.
    let disabled = admin
        .send(
            Method::PUT,
            &format!("/api/admin/applications/{}/disabled", application.id),
            Some(json!({ "disabled": true })),
            &[],
        )
        .await;
    assert_eq!(disabled.status, StatusCode::OK);
    assert_eq!(disabled.json()["disabled"], true);
    let refused = authorize(&mut person, &query(&application, "")).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert_eq!(refused.json()["code"], "unknown-application");
    assert_eq!(
        userinfo(&app, &access).await.status,
        StatusCode::UNAUTHORIZED
    );
    let listed = admin.get("/api/admin/applications").await.json();
    assert_eq!(listed[0]["disabled"], true);
    // Enabled again, it signs people in again.
    admin
        .send(
            Method::PUT,
            &format!("/api/admin/applications/{}/disabled", application.id),
            Some(json!({ "disabled": false })),
            &[],
        )
        .await;
    code_of(
        &authorize(&mut person, &query(&application, ""))
            .await
            .json(),
    );

    // A public application has no secret to replace; another
    // organization's administrator finds no application.
    let public = register(&mut admin, true).await;
    let refused = admin
        .post(
            &format!("/api/admin/applications/{}/secret", public.id),
            json!(null),
        )
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert_eq!(refused.json()["code"], "application-is-public");
    let fabrikam = secinfo_server::policy::Policy::default();
    app.organization("fabrikam", &fabrikam).await;
    let stranger = app.user_of("fabrikam", "stranger", true).await;
    let mut stranger_browser = app.browser();
    stranger_browser.sign_in(&stranger, PASSWORD).await;
    for (method, path, body) in [
        (
            Method::POST,
            format!("/api/admin/applications/{}/secret", application.id),
            None,
        ),
        (
            Method::PUT,
            format!("/api/admin/applications/{}/disabled", application.id),
            Some(json!({ "disabled": true })),
        ),
    ] {
        let answer = stranger_browser.send(method, &path, body, &[]).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{path}");
    }
    // The person's activity tells what was done, and by whom.
    let rows: Vec<String> = sqlx::query_scalar(
        "SELECT action FROM audit WHERE action LIKE 'application-%' ORDER BY at, action",
    )
    .fetch_all(app.store.pool())
    .await
    .unwrap();
    for action in [
        "application-secret-replaced",
        "application-disabled",
        "application-enabled",
    ] {
        assert!(rows.iter().any(|row| row == action), "{action} in {rows:?}");
    }
}

async fn a_new_password_tells_the_applications_of_the_other_sessions(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (uri, received) = logout_receiver().await;
    let mut admin = admin_signed_in(&app).await;
    let application = register_with_backchannel(&mut admin, &uri).await;
    let account = app.user("adele").await;
    let mut here = app.browser();
    here.sign_in(&account, PASSWORD).await;
    let mut elsewhere = app.browser();
    elsewhere.sign_in(&account, PASSWORD).await;
    let ended = signed_in_to(&app, &application, &mut elsewhere).await;
    signed_in_to(&app, &application, &mut here).await;
    let changed = here
        .send(
            Method::PUT,
            "/api/me/password",
            Some(json!({ "current_password": PASSWORD, "new_password": "violet anchor maple drizzle 42" })),
            &[],
        )
        .await;
    assert_eq!(
        changed.status,
        StatusCode::NO_CONTENT,
        "{}",
        String::from_utf8_lossy(&changed.body)
    );
    // The session that changed it stays; the other ended, and its
    // application hears of that one.
    assert_eq!(deliver(&app).await, 1);
    let token = received.lock().unwrap()[0].clone();
    let logout = verified_claims(&app, &token).await;
    assert_eq!(logout["sid"], ended["sid"]);
}

async fn an_application_requires_a_sign_in_and_is_given_only_its_scopes(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = admin_signed_in(&app).await;
    let registered = admin
        .post(
            "/api/admin/applications",
            json!({
                "name": "Approvals", "redirect_uris": [REDIRECT],
                "scopes": ["profile"], "requires": "multi-factor",
            }),
        )
        .await
        .json();
    let application = Application {
        id: registered["client_id"].as_str().unwrap().to_owned(),
        secret: registered["client_secret"].as_str().map(str::to_owned),
    };
    let listed = admin.get("/api/admin/applications").await.json();
    assert_eq!(listed[0]["scopes"], json!(["openid", "profile"]));
    assert_eq!(listed[0]["requires"], "multi-factor");

    let account = app.user("adele").await;
    let mut person = app.browser();
    person.sign_in(&account, PASSWORD).await;
    person.register_phone("phone", "NL", "0612345678").await;
    let mut person = app.browser();
    person.sign_in(&account, PASSWORD).await;
    // Its request asks for nothing more: the application's own demand holds.
    let answer = authorize(&mut person, &query(&application, ""))
        .await
        .json();
    assert_eq!(answer["step-up"]["proof"], "another-method", "{answer}");
    app.clock.advance(60);
    let options = person.get("/api/me/step-up").await.json();
    let method = options[0]["method_id"].as_str().unwrap().to_owned();
    let started = person
        .post(
            "/api/me/step-up",
            json!({ "method_id": method, "delivery": "text" }),
        )
        .await
        .json();
    let code = app.last_code("+31612345678").await;
    person
        .submit_code(started["challenge_id"].as_str().unwrap(), &code)
        .await;
    // Asked for openid, profile and email: it is given what it may have.
    let code = code_of(
        &authorize(&mut person, &query(&application, ""))
            .await
            .json(),
    );
    let tokens = redeem(&app, &application, &code).await.json();
    assert_eq!(tokens["scope"], "openid profile");
    let claims = verified_claims(&app, tokens["id_token"].as_str().unwrap()).await;
    assert_eq!(claims["acr"], "urn:secinfo:acr:multi-factor");
    assert!(claims["email"].is_null());
    // The person sees which application they signed in to, and when.
    let seen = person.get("/api/me/applications").await.json();
    assert_eq!(
        seen,
        json!([{ "name": "Approvals", "at": app.state.now() }])
    );
    assert_eq!(
        app.browser().get("/api/me/applications").await.status,
        StatusCode::UNAUTHORIZED
    );
}

async fn tokens_redeemed_while_an_application_is_disabled_do_not_outlive_it(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (application, mut person) = signed_in_with_application(&app, false).await;
    let mut admin = admin_signed_in_again(&app).await;
    let mut codes = Vec::new();
    for _ in 0..10 {
        let asked = query(&application, "").replace(
            "scope=openid%20profile%20email",
            "scope=openid%20offline_access",
        );
        codes.push(code_of(&authorize(&mut person, &asked).await.json()));
    }
    // Ten redemptions and the disabling at once: whichever a redemption
    // read first, nothing it gave works once the application is disabled.
    let redemptions = codes
        .into_iter()
        .map(|code| {
            let request = form_request(
                "/oauth2/token",
                &[
                    ("grant_type", "authorization_code"),
                    ("code", &code),
                    ("redirect_uri", REDIRECT),
                    ("code_verifier", VERIFIER),
                ],
                basic(&application),
            );
            let mut browser = app.browser();
            async move { browser.dispatch(request).await }
        })
        .collect();
    let path = format!("/api/admin/applications/{}/disabled", application.id);
    let disable = admin.send(Method::PUT, &path, Some(json!({ "disabled": true })), &[]);
    let (answers, disabled) = tokio::join!(futures_join_all(redemptions), disable);
    assert_eq!(disabled.status, StatusCode::OK);
    for answer in answers.into_iter().filter(|a| a.status == StatusCode::OK) {
        let tokens = answer.json();
        let access = tokens["access_token"].as_str().unwrap();
        assert_eq!(
            userinfo(&app, access).await.status,
            StatusCode::UNAUTHORIZED
        );
        let refresh = tokens["refresh_token"].as_str().unwrap();
        let refreshed = use_refresh_token(&app, &application, refresh).await;
        assert_ne!(refreshed.status, StatusCode::OK);
    }
}

async fn signing_keys(app: &TestApp) -> Vec<Value> {
    app.browser().get("/oauth2/jwks").await.json()["keys"]
        .as_array()
        .unwrap()
        .clone()
}

fn of_alg(keys: &[Value], alg: &str) -> Vec<String> {
    keys.iter()
        .filter(|k| k["alg"] == alg)
        .map(|k| k["kid"].as_str().unwrap().to_owned())
        .collect()
}

/// An application registered to have its tokens signed RS256.
async fn rs256_application(admin: &mut Browser, backchannel: Option<&str>) -> Application {
    registered_as(
        admin,
        json!({
            "name": "Timesheets",
            "redirect_uris": [REDIRECT],
            "backchannel_logout_uri": backchannel,
            "id_token_signed_response_alg": "RS256",
        }),
    )
    .await
}

async fn an_application_that_asks_for_rs256_is_given_rs256_tokens_and_logouts(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    assert!(
        of_alg(&signing_keys(&app).await, "RS256").is_empty(),
        "no RSA key while no application asks for one"
    );

    let (uri, received) = logout_receiver().await;
    let (es256, mut person) = signed_in_with_application(&app, false).await;
    let mut admin = admin_signed_in_again(&app).await;
    let rs256 = rs256_application(&mut admin, Some(&uri)).await;
    // Its key is published from its registration, before any token.
    let keys = signing_keys(&app).await;
    assert_eq!(of_alg(&keys, "RS256").len(), 1, "{keys:?}");
    assert_eq!(of_alg(&keys, "ES256").len(), 1, "{keys:?}");
    let rsa = keys.iter().find(|k| k["alg"] == "RS256").unwrap();
    assert_eq!(
        (rsa["kty"].as_str(), rsa["e"].as_str()),
        (Some("RSA"), Some("AQAB"))
    );
    assert_eq!(rsa["use"], "sig");
    assert!(
        rsa.get("d").is_none() && rsa.get("p").is_none(),
        "no private member"
    );

    // Each application's ID token in its own algorithm.
    let code = code_of(&authorize(&mut person, &query(&rs256, "")).await.json());
    let tokens = redeem(&app, &rs256, &code).await.json();
    let id_token = tokens["id_token"].as_str().unwrap().to_owned();
    assert_eq!(header_of(&id_token)["alg"], "RS256");
    let claims = verified_claims(&app, &id_token).await;
    assert_eq!(claims["aud"], rs256.id.as_str());
    assert_eq!(claims["nonce"], "n-0S6_WzA2Mj");
    let code = code_of(&authorize(&mut person, &query(&es256, "")).await.json());
    let tokens = redeem(&app, &es256, &code).await.json();
    assert_eq!(
        header_of(tokens["id_token"].as_str().unwrap())["alg"],
        "ES256"
    );

    // Its ID token is honoured as a hint, and tampered with it is not.
    let hinted = format!("&prompt=none&id_token_hint={id_token}");
    code_of(&authorize(&mut person, &query(&rs256, &hinted)).await.json());
    let mut forged = id_token.clone().into_bytes();
    let last = forged.len() - 2;
    forged[last] = if forged[last] == b'A' { b'B' } else { b'A' };
    let forged = String::from_utf8(forged).unwrap();
    let hinted = format!("&prompt=none&id_token_hint={forged}");
    assert_eq!(
        error_of(&authorize(&mut person, &query(&rs256, &hinted)).await.json()),
        "invalid_request"
    );

    // The administrators see how it signs.
    let listed = admin.get("/api/admin/applications").await.json();
    let signing_of = |id: &str| {
        listed
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["client_id"] == id)
            .unwrap()["id_token_signed_response_alg"]
            .clone()
    };
    assert_eq!(signing_of(&rs256.id), "RS256");
    assert_eq!(signing_of(&es256.id), "ES256");
    // An algorithm we do not sign with is refused, not taken as ES256.
    let refused = admin
        .post(
            "/api/admin/applications",
            json!({ "name": "Legacy", "redirect_uris": [REDIRECT], "id_token_signed_response_alg": "HS256" }),
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused.json()["code"], "malformed-request");

    // Its logout token is signed as its ID tokens are.
    person.send(Method::DELETE, "/api/session", None, &[]).await;
    assert_eq!(deliver(&app).await, 1);
    let token = received.lock().unwrap()[0].clone();
    let header = header_of(&token);
    assert_eq!(
        (header["alg"].as_str(), header["typ"].as_str()),
        (Some("RS256"), Some("logout+jwt"))
    );
    let logout = verified_claims(&app, &token).await;
    assert_eq!(logout["aud"], rs256.id.as_str());
    assert_eq!(logout["sid"], claims["sid"]);
}

async fn rs256_keys_rotate_beside_es256_on_command_and_by_age(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.user("adele").await;
    let rs256 = rs256_application(&mut admin_signed_in(&app).await, None).await;
    let keys = signing_keys(&app).await;
    let (first_ec, first_rsa) = (of_alg(&keys, "ES256"), of_alg(&keys, "RS256"));

    // `keys rotate` makes one of each algorithm in use.
    let rotated = secinfo_server::oidc_keys::rotate_in_use(&app.state)
        .await
        .unwrap();
    assert_eq!(rotated.len(), 2, "{rotated:?}");
    let (_, kid) = id_token_now(&app, &rs256).await;
    assert!(rotated.contains(&kid) && !first_rsa.contains(&kid));
    let keys = signing_keys(&app).await;
    assert_eq!(
        (of_alg(&keys, "ES256").len(), of_alg(&keys, "RS256").len()),
        (first_ec.len() + 1, 2)
    );

    // Thirty days on, its next token makes an RSA key of its own.
    app.clock.advance(30 * 24 * 3600 + 60);
    let (token, third) = id_token_now(&app, &rs256).await;
    assert_eq!(header_of(&token)["alg"], "RS256");
    assert!(!rotated.contains(&third) && !first_rsa.contains(&third));
    verified_claims(&app, &token).await;
    let keys = signing_keys(&app).await;
    assert!(of_alg(&keys, "RS256").contains(&third), "{keys:?}");
}

/// Housekeeping as the server runs it every ten minutes, at the test
/// configuration's limits.
async fn forget_lapsed_sessions(app: &TestApp) -> u64 {
    let now = app.state.now();
    let (idle, absolute) = secinfo_server::session::limits(&app.state.config);
    app.store
        .delete_expired_sessions(now - idle, now - absolute, now)
        .await
        .unwrap()
}

async fn a_session_that_lapses_or_a_person_deleted_is_told_to_the_applications(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (uri, received) = logout_receiver().await;
    let mut admin = admin_signed_in(&app).await;
    let application = register_with_backchannel(&mut admin, &uri).await;
    let account = app.user("adele").await;
    let mut sids = Vec::new();
    for _ in 0..2 {
        let mut person = app.browser();
        person.sign_in(&account, PASSWORD).await;
        let claims = signed_in_to(&app, &application, &mut person).await;
        sids.push(claims["sid"].as_str().unwrap().to_owned());
    }

    // Both sessions lapse by idleness; two instances' housekeeping at once
    // owe one logout for each.
    let (idle, _) = secinfo_server::session::limits(&app.state.config);
    app.clock.advance(idle + 60);
    admin = admin_signed_in_again(&app).await;
    let (first, second) = tokio::join!(forget_lapsed_sessions(&app), forget_lapsed_sessions(&app));
    assert!(first + second >= 2, "{first} + {second}");
    assert_eq!(deliver(&app).await, 2);
    let mut told: Vec<String> = Vec::new();
    for token in received.lock().unwrap().iter() {
        told.push(payload_of(token)["sid"].as_str().unwrap().to_owned());
    }
    told.sort();
    sids.sort();
    assert_eq!(told, sids);
    assert_eq!(forget_lapsed_sessions(&app).await, 0);
    assert_eq!(deliver(&app).await, 0, "told once");

    // A person deleted while signed in: the application is told of them.
    let mut person = app.browser();
    person.sign_in(&account, PASSWORD).await;
    let claims = signed_in_to(&app, &application, &mut person).await;
    let id = crate::people::id_of(&app, &account).await;
    let deleted = admin
        .send(
            Method::DELETE,
            &format!("/api/admin/people/{id}"),
            None,
            &[],
        )
        .await;
    assert!(deleted.status.is_success(), "{}", deleted.status);
    assert_eq!(deliver(&app).await, 1);
    let token = received.lock().unwrap()[2].clone();
    let logout = verified_claims(&app, &token).await;
    assert_eq!(logout["sub"], claims["sub"]);
    assert!(logout["sid"].is_null(), "every session of theirs: {logout}");
}

async fn a_session_a_pass_started_is_told_when_the_pass_is_taken_replaced_or_expires(
    backend: Backend,
) {
    use crate::temporary_access_pass::pass_for;
    let app = TestApp::spawn(backend).await;
    let (uri, received) = logout_receiver().await;
    let mut admin = admin_signed_in(&app).await;
    let application = register_with_backchannel(&mut admin, &uri).await;
    let account = app.user("adele").await;
    let id = crate::people::id_of(&app, &account).await;
    let told_sid = |n: usize| payload_of(&received.lock().unwrap()[n])["sid"].clone();
    let by_pass = async |pass: String| {
        let mut person = app.browser();
        person.sign_in(&account, &pass).await;
        let sid = signed_in_to(&app, &application, &mut person).await["sid"].clone();
        (person, sid)
    };

    // Taken away by an administrator.
    let (_, sid) = by_pass(pass_for(&app, &account, None, false).await).await;
    let revoked = admin
        .send(
            Method::DELETE,
            &format!("/api/admin/people/{id}/temporary-access-pass"),
            None,
            &[],
        )
        .await;
    assert!(revoked.status.is_success(), "{}", revoked.status);
    assert_eq!(deliver(&app).await, 1, "told at once");
    assert_eq!(told_sid(0), sid);

    // Replaced by a new one.
    let (_, sid) = by_pass(pass_for(&app, &account, None, false).await).await;
    pass_for(&app, &account, None, false).await;
    assert_eq!(deliver(&app).await, 1, "told at once");
    assert_eq!(told_sid(1), sid);

    // Expired (an hour), in use until then: told when housekeeping
    // forgets the session, which idleness alone would not have ended.
    let (mut person, sid) = by_pass(pass_for(&app, &account, Some(60), false).await).await;
    for _ in 0..2 {
        app.clock.advance(25 * 60);
        let seen = person.get("/api/me/temporary-access-pass").await;
        assert_eq!(seen.status, StatusCode::OK, "in use");
    }
    app.clock.advance(11 * 60);
    assert!(person.session().await["user"].is_null(), "expired");
    forget_lapsed_sessions(&app).await;
    assert_eq!(deliver(&app).await, 1);
    assert_eq!(told_sid(2), sid);
}
