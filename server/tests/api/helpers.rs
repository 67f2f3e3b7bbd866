use models::{OrganizationId, PersonId};
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use secinfo_server::clock::ManualClock;
use secinfo_server::config::{Config, Mode};
use secinfo_server::policy::Policy;
use secinfo_server::store::Store;
use secinfo_server::{AppState, app, passwords, secret};
use serde_json::Value;

pub const ORIGIN: &str = "http://localhost:8080";
pub const PASSWORD: &str = "Correct-Horse-42";
pub const T0: i64 = 1_800_000_000;

#[derive(Clone, Copy, Debug)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Generates one `#[tokio::test]` per backend for each listed test
/// function `async fn name(backend: Backend)`.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $( #[tokio::test] async fn $name() { super::$name($crate::helpers::Backend::Sqlite).await } )*
        }
        mod postgres {
            $( #[tokio::test] async fn $name() {
                if $crate::helpers::postgres_admin_url().is_some() {
                    super::$name($crate::helpers::Backend::Postgres).await
                }
            } )*
        }
    };
}

/// The PostgreSQL server for tests (`cargo xtask test` starts a throwaway
/// one). Without it the PostgreSQL variants are skipped, unless
/// `SECINFO_REQUIRE_POSTGRES` says they must run.
pub fn postgres_admin_url() -> Option<String> {
    match std::env::var("SECINFO_TEST_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            assert!(
                std::env::var_os("SECINFO_REQUIRE_POSTGRES").is_none(),
                "SECINFO_REQUIRE_POSTGRES is set but SECINFO_TEST_POSTGRES_URL is not"
            );
            eprintln!("note: SECINFO_TEST_POSTGRES_URL unset, PostgreSQL variant skipped");
            None
        }
    }
}

/// A fresh, empty database of the given kind.
pub async fn fresh_store(backend: Backend) -> (Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = match backend {
        Backend::Sqlite => format!("sqlite://{}/test.db", dir.path().display()),
        Backend::Postgres => {
            let admin = postgres_admin_url().expect("checked by the macro");
            let name = format!(
                "t_{}",
                secret::random_token(9)
                    .unwrap()
                    .to_lowercase()
                    .replace(['-', '_'], "x")
            );
            sqlx::any::install_default_drivers();
            let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect(&admin)
                .await
                .expect("admin connection");
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                .execute(&mut conn)
                .await
                .expect("create database");
            let base = admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin);
            format!("{base}/{name}")
        }
    };
    (Store::connect(&url).await.expect("connect"), dir)
}

pub struct TestApp {
    pub router: Router,
    /// The server's state, for what a test does as the server itself (the
    /// command line's bootstrap).
    pub state: AppState,
    pub store: Store,
    pub clock: ManualClock,
    _dir: tempfile::TempDir,
}

pub fn test_config(dir: &std::path::Path) -> Config {
    let mut config = Config {
        mode: Mode::Test,
        static_dir: dir.to_path_buf(),
        ..Config::default()
    };
    config.signin.account_failures = 3;
    config.signin.address_failures = 6;
    config
}

/// The policy tests start from: the product's defaults with two-step
/// sign-in off, so that a password reaches what a test is about (the
/// step-up among it); the two-step tests turn it on.
pub fn test_policy() -> Policy {
    Policy {
        two_step_sign_in: false,
        ..Policy::default()
    }
}

/// The organization every test app has, and its people by default.
pub fn contoso() -> OrganizationId {
    OrganizationId::new("contoso")
}

impl TestApp {
    pub async fn spawn(backend: Backend) -> TestApp {
        Self::spawn_with(backend, |_| {}).await
    }

    pub async fn spawn_with(backend: Backend, adjust: impl FnOnce(&mut Config)) -> TestApp {
        let (store, dir) = fresh_store(backend).await;
        let app = TestApp::serving(store, dir, adjust);
        let contoso = contoso();
        app.store
            .upsert_organization(&contoso, "Contoso", "contoso.example", T0)
            .await
            .unwrap();
        app.store
            .set_policy(&contoso, &test_policy())
            .await
            .unwrap();
        app
    }

    /// A server on a database that already holds what it holds (an
    /// upgraded fixture), its client's pages in `dir`.
    pub fn serving(
        store: Store,
        dir: tempfile::TempDir,
        adjust: impl FnOnce(&mut Config),
    ) -> TestApp {
        std::fs::write(dir.path().join("index.html"), "<!doctype html><html><head><script type=\"module\">boot()</script></head><body></body></html>").unwrap();
        std::fs::write(dir.path().join("signin.html"), "<!doctype html><html><head><script type=\"module\">bootSignIn()</script></head><body></body></html>").unwrap();
        std::fs::write(dir.path().join("admin.html"), "<!doctype html><html><head><script type=\"module\">bootAdmin()</script></head><body></body></html>").unwrap();
        let mut config = test_config(dir.path());
        adjust(&mut config);
        config.validate().expect("valid test configuration");
        let clock = ManualClock::starting_at(T0);
        let state = AppState::new(config, store.clone(), Arc::new(clock.clone()));
        TestApp {
            router: app(state.clone()),
            state,
            store,
            clock,
            _dir: dir,
        }
    }

    /// Creates a user with `PASSWORD`; returns their account name.
    pub async fn user(&self, name: &str) -> String {
        self.user_with_role(name, false).await
    }

    /// Creates an admin of the organization.
    pub async fn admin(&self, name: &str) -> String {
        self.user_with_role(name, true).await
    }

    async fn user_with_role(&self, name: &str, is_admin: bool) -> String {
        self.user_of("contoso", name, is_admin).await
    }

    /// Another organization beside Contoso, with the tests' policy; its
    /// people's accounts end in `@{id}.example`.
    pub async fn organization(&self, id: &str, policy: &Policy) {
        let organization = OrganizationId::new(id);
        self.store
            .upsert_organization(&organization, id, &format!("{id}.example"), T0)
            .await
            .unwrap();
        self.store.set_policy(&organization, policy).await.unwrap();
    }

    /// Creates a person of `organization` with `PASSWORD`; returns their
    /// account name.
    pub async fn user_of(&self, organization: &str, name: &str, is_admin: bool) -> String {
        let account =
            models::AccountName::parse(&format!("{name}@{organization}.example")).unwrap();
        let hash = passwords::hash(PASSWORD.into()).await.unwrap();
        let id = PersonId::new(secret::new_id().unwrap());
        let created = self
            .store
            .insert_user(
                secinfo_server::store::NewUser {
                    id: &id,
                    organization_id: &OrganizationId::new(organization),
                    account_name: &account,
                    display_name: name,
                    password_hash: &hash,
                    locale: None,
                    role: if is_admin {
                        models::Role::Administrator
                    } else {
                        models::Role::Member
                    },
                },
                T0,
            )
            .await
            .unwrap();
        assert!(created);
        account.to_string()
    }

    /// The code in the newest text the simulated carrier delivered to `e164`.
    pub async fn last_code(&self, e164: &str) -> String {
        last_code(&self.store, e164).await
    }

    pub fn browser(&self) -> Browser {
        Browser {
            router: self.router.clone(),
            store: self.store.clone(),
            cookies: BTreeMap::new(),
            csrf: None,
            address: "203.0.113.7".into(),
        }
    }

    /// Rows in every table, to prove that a request wrote nothing.
    pub async fn row_counts(&self) -> Vec<(String, i64)> {
        let mut counts = Vec::new();
        for table in ["organizations", "users", "sessions", "throttle", "methods"] {
            let sql = match table {
                "organizations" => "SELECT COUNT(*) FROM organizations",
                "users" => "SELECT COUNT(*) FROM users",
                "sessions" => "SELECT COUNT(*) FROM sessions",
                "throttle" => "SELECT COUNT(*) FROM throttle",
                _ => "SELECT COUNT(*) FROM methods",
            };
            let n: i64 = sqlx::query_scalar(sql)
                .fetch_one(self.store.pool())
                .await
                .unwrap();
            counts.push((table.to_owned(), n));
        }
        counts
    }
}

pub struct Response {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Response {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|_| panic!("not JSON: {}", String::from_utf8_lossy(&self.body)))
    }

    pub fn code(&self) -> String {
        self.json()["code"].as_str().unwrap_or_default().to_owned()
    }

    pub fn set_cookies(&self) -> Vec<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .map(|v| v.to_str().unwrap().to_owned())
            .collect()
    }
}

/// A browser-like client: keeps cookies, sends our Origin and echoes the
/// CSRF token the way the real client does.
#[derive(Clone)]
pub struct Browser {
    router: Router,
    store: Store,
    pub cookies: BTreeMap<String, String>,
    pub csrf: Option<String>,
    pub address: String,
}

/// A request's body.
enum Sent {
    Json(Value),
    Form(String),
}

impl Browser {
    /// Sends this browser's next requests to another server instance.
    pub fn use_router(&mut self, router: Router) {
        self.router = router;
    }

    pub async fn send(
        &mut self,
        method: Method,
        path: &str,
        body: Option<Value>,
        extra: &[(&str, &str)],
    ) -> Response {
        self.send_body(method, path, body.map(Sent::Json), extra)
            .await
    }

    /// A form a page of ours posts (its cookies, and `extra` headers).
    pub async fn post_form(&mut self, path: &str, form: &str, extra: &[(&str, &str)]) -> Response {
        self.send_body(Method::POST, path, Some(Sent::Form(form.to_owned())), extra)
            .await
    }

    async fn send_body(
        &mut self,
        method: Method,
        path: &str,
        body: Option<Sent>,
        extra: &[(&str, &str)],
    ) -> Response {
        let mut request = Request::builder().method(method.clone()).uri(path);
        if !self.cookies.is_empty() {
            let cookie = self
                .cookies
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("; ");
            request = request.header(header::COOKIE, cookie);
        }
        if method != Method::GET {
            if !extra
                .iter()
                .any(|(name, _)| name.eq_ignore_ascii_case("origin"))
            {
                request = request.header(header::ORIGIN, ORIGIN);
            }
            if let Some(token) = &self.csrf {
                request = request.header("x-csrf-token", token);
            }
        }
        for (name, value) in extra {
            request = request.header(*name, *value);
        }
        let body = match body {
            Some(Sent::Json(json)) => {
                request = request.header(header::CONTENT_TYPE, "application/json");
                Body::from(json.to_string())
            }
            Some(Sent::Form(form)) => {
                request = request.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
                Body::from(form)
            }
            None => Body::empty(),
        };
        let mut request = request.body(body).unwrap();
        let addr: SocketAddr = format!("{}:40000", self.address).parse().unwrap();
        request.extensions_mut().insert(ConnectInfo(addr));
        self.dispatch(request).await
    }

    pub async fn dispatch(&mut self, request: Request<Body>) -> Response {
        let response = tower::ServiceExt::oneshot(self.router.clone(), request)
            .await
            .unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec();
        for set in headers.get_all(header::SET_COOKIE) {
            let set = set.to_str().unwrap();
            let pair = set.split(';').next().unwrap();
            let (name, value) = pair.split_once('=').unwrap();
            if value.is_empty() || set.contains("Max-Age=0") {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_owned(), value.to_owned());
            }
        }
        Response {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&mut self, path: &str) -> Response {
        self.send(Method::GET, path, None, &[]).await
    }

    /// `GET /api/session`, remembering the CSRF token as the client does.
    pub async fn session(&mut self) -> Value {
        let response = self.get("/api/session").await;
        assert_eq!(response.status, StatusCode::OK);
        let json = response.json();
        self.csrf = json["csrf_token"].as_str().map(str::to_owned);
        json
    }

    pub async fn post(&mut self, path: &str, body: Value) -> Response {
        self.send(Method::POST, path, Some(body), &[]).await
    }

    /// Starts setting up a phone; returns the response.
    pub async fn start_phone(
        &mut self,
        kind: &str,
        region: &str,
        number: &str,
        delivery: &str,
    ) -> Response {
        self.post("/api/me/phone/challenges", serde_json::json!({ "kind": kind, "region": region, "number": number, "delivery": delivery }))
            .await
    }

    pub async fn submit_code(&mut self, challenge: &str, code: &str) -> Response {
        self.post(
            &format!("/api/me/challenges/{challenge}/code"),
            serde_json::json!({ "code": code }),
        )
        .await
    }

    /// Registers a phone through the simulated carrier's text.
    pub async fn register_phone(&mut self, kind: &str, region: &str, number: &str) -> Value {
        let delivery = if kind == "phone" { "text" } else { "call" };
        let started = self.start_phone(kind, region, number, delivery).await;
        assert_eq!(
            started.status,
            StatusCode::CREATED,
            "{}",
            String::from_utf8_lossy(&started.body)
        );
        let challenge = started.json()["challenge_id"].as_str().unwrap().to_owned();
        let e164 = self
            .store
            .challenge_by_id(&challenge)
            .await
            .unwrap()
            .expect("challenge")
            .destination
            .address()
            .to_owned();
        if delivery == "text" {
            let code = last_code(&self.store, &e164).await;
            let done = self.submit_code(&challenge, &code).await;
            assert_eq!(
                done.status,
                StatusCode::OK,
                "{}",
                String::from_utf8_lossy(&done.body)
            );
            done.json()
        } else {
            use secinfo_server::providers::telephony::{CallEvent, call_event};
            call_event(&self.store, &challenge, CallEvent::Answered)
                .await
                .unwrap();
            call_event(&self.store, &challenge, CallEvent::Key('#'))
                .await
                .unwrap();
            let progress = self
                .get(&format!("/api/me/challenges/{challenge}"))
                .await
                .json();
            assert_eq!(progress["done"], true);
            self.get("/api/me/security-info").await.json()
        }
    }

    pub async fn sign_in(&mut self, account: &str, password: &str) -> Response {
        if self.csrf.is_none() {
            self.session().await;
        }
        let response = self
            .send(
                Method::POST,
                "/api/session",
                Some(serde_json::json!({ "account_name": account, "password": password })),
                &[],
            )
            .await;
        if response.status == StatusCode::OK {
            self.csrf = response.json()["csrf_token"].as_str().map(str::to_owned);
        }
        response
    }
}

/// The code in the newest text the simulated carrier delivered to `e164`.
/// The code of the first text to `e164` after the `before` it already
/// had: a reset's first code is sent after its answer (N2), so it is
/// waited for, a few seconds at most.
pub async fn new_code(store: &Store, e164: &str, before: usize) -> String {
    for _ in 0..500 {
        if store.sim_inbox(e164).await.unwrap().len() > before {
            return last_code(store, e164).await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("no new text to {e164}");
}

pub async fn last_code(store: &Store, e164: &str) -> String {
    let inbox = store.sim_inbox(e164).await.unwrap();
    let text = inbox
        .iter()
        .find(|e| e.kind == "text")
        .expect("a text was delivered");
    text.body
        .split_whitespace()
        .find(|w| w.len() == 6 && w.chars().all(|c| c.is_ascii_digit()))
        .expect("a 6-digit code")
        .to_owned()
}

/// How many of the statuses parallel requests got are `status`.
pub fn count(statuses: &[StatusCode], status: StatusCode) -> usize {
    statuses.iter().filter(|s| **s == status).count()
}

/// Runs the futures concurrently on the runtime's threads.
pub async fn futures_join_all<F>(futures: Vec<F>) -> Vec<F::Output>
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    let handles: Vec<_> = futures.into_iter().map(tokio::spawn).collect();
    let mut out = Vec::new();
    for handle in handles {
        out.push(handle.await.unwrap());
    }
    out
}

/// The code in the newest email the dev mailbox received for `address`.
/// `new_code` for an email address.
pub async fn new_email_code(store: &Store, address: &str, before: usize) -> String {
    for _ in 0..500 {
        if store.mailbox(address).await.unwrap().len() > before {
            return last_email_code(store, address).await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("no new email to {address}");
}

pub async fn last_email_code(store: &Store, address: &str) -> String {
    let inbox = store.mailbox(address).await.unwrap();
    let mail = inbox.first().expect("an email was delivered");
    mail.body
        .split_whitespace()
        .find(|w| w.len() == 6 && w.chars().all(|c| c.is_ascii_digit()))
        .expect("a 6-digit code")
        .to_owned()
}
