//! What an operator's machinery asks: health, readiness, metrics, the
//! request id; and the command line's backup.

use axum::http::{Method, StatusCode};

use crate::helpers::*;
use crate::on_both_backends;

const METRICS_TOKEN: &str = "metrics-token-of-the-operator-0123456789";

async fn live_and_ready_answer_with_what_they_checked(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = app.browser();
    let live = browser.get("/health/live").await;
    assert_eq!(live.status, StatusCode::OK);
    assert_eq!(live.body, b"ok");
    let ready = browser.get("/health/ready").await;
    assert_eq!(ready.status, StatusCode::OK);
    let json = ready.json();
    assert_eq!(json["ready"], true);
    assert_eq!(json["database"], "ok");
    assert_eq!(json["migrations"], "ok");
    assert_eq!(json["telephony"], "simulated");
    assert_eq!(json["mail"], "dev mailbox");
    assert_eq!(ready.headers["cache-control"], "no-store");
}

async fn not_ready_while_the_database_is_away(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.store.pool().close().await;
    let ready = app.browser().get("/health/ready").await;
    assert_eq!(ready.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(ready.json()["database"], "unreachable");
    // Alive all the same: a restart would not bring the database back.
    assert_eq!(
        app.browser().get("/health/live").await.status,
        StatusCode::OK
    );
}

/// The value of the first sample of `name` whose labels include every
/// one of `labels`, 0 where there is none yet.
fn sample(page: &str, name: &str, labels: &[&str]) -> f64 {
    page.lines()
        .filter(|line| !line.starts_with('#'))
        .filter(|line| {
            line.starts_with(&format!("{name}{{")) || line.starts_with(&format!("{name} "))
        })
        .find(|line| labels.iter().all(|l| line.contains(l)))
        .and_then(|line| line.rsplit(' ').next())
        .map_or(0.0, |v| v.parse().unwrap())
}

async fn scrape(browser: &mut Browser) -> String {
    let page = browser
        .send(
            Method::GET,
            "/metrics",
            None,
            &[("authorization", &format!("Bearer {METRICS_TOKEN}"))],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain")
    );
    String::from_utf8(page.body).unwrap()
}

/// S43: `/metrics` is not public, and what it counts moves with what
/// happens; no label carries what a request carried.
async fn s43_metrics_need_the_token_and_count_a_sign_in(backend: Backend) {
    let app = TestApp::spawn_with(backend, |config| {
        config.metrics.token = METRICS_TOKEN.into();
    })
    .await;
    let mut browser = app.browser();
    assert_eq!(
        browser.get("/metrics").await.status,
        StatusCode::UNAUTHORIZED
    );
    let wrong = browser
        .send(
            Method::GET,
            "/metrics",
            None,
            &[(
                "authorization",
                "Bearer metrics-token-of-the-operator-0123456788",
            )],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);

    let before = scrape(&mut browser).await;
    let account = app.user("mila").await;
    let mut mila = app.browser();
    assert_eq!(
        mila.sign_in(&account, PASSWORD).await.status,
        StatusCode::OK
    );
    assert_eq!(
        mila.sign_in(&account, "Wrong-Horse-43").await.status,
        StatusCode::UNAUTHORIZED
    );
    mila.sign_in(&account, PASSWORD).await;
    mila.register_phone("phone", "NL", "0612345678").await;
    let after = scrape(&mut browser).await;

    let sign_ins = [
        r#"route="/api/session""#,
        r#"method="POST""#,
        r#"status="200""#,
    ];
    assert!(
        sample(&after, "secinfo_http_requests_total", &sign_ins)
            >= sample(&before, "secinfo_http_requests_total", &sign_ins) + 2.0,
        "{after}"
    );
    let refused = [r#"route="/api/session""#, r#"status="401""#];
    assert!(
        sample(&after, "secinfo_http_requests_total", &refused)
            > sample(&before, "secinfo_http_requests_total", &refused)
    );
    let latency = [
        r#"route="/api/session""#,
        r#"method="POST""#,
        r#"le="+Inf""#,
    ];
    assert!(
        sample(
            &after,
            "secinfo_http_request_duration_seconds_bucket",
            &latency
        ) >= sample(
            &before,
            "secinfo_http_request_duration_seconds_bucket",
            &latency
        ) + 3.0
    );
    for (name, labels) in [
        (
            "secinfo_verifications_total",
            &[r#"method="pwd""#, r#"result="verified""#][..],
        ),
        (
            "secinfo_verifications_total",
            &[r#"method="pwd""#, r#"result="wrong_password""#],
        ),
        (
            "secinfo_codes_sent_total",
            &[r#"channel="text""#, r#"country="NL""#],
        ),
    ] {
        assert!(
            sample(&after, name, labels) > sample(&before, name, labels),
            "{name} {labels:?} did not move"
        );
    }
    assert!(sample(&after, "secinfo_sessions_open", &[]) >= 1.0);
    assert!(after.contains("secinfo_db_pool_connections{state=\"in_use\"}"));
    assert!(after.contains("secinfo_password_hashing_wait_seconds_bucket"));
    // A route's template is the label, never a path with an id in it.
    assert!(!after.contains("/api/me/challenges/0"));
    assert!(after.contains(r#"route="/api/me/challenges/{id}/code""#));
    assert!(!after.contains(PASSWORD));
    assert!(!after.contains("612345678"));
    // An API address that is none is counted as such, not as a file.
    browser.get("/api/no-such-thing/42").await;
    let unknown = scrape(&mut browser).await;
    assert!(unknown.contains(r#"route="/api/(none)""#), "{unknown}");
    assert!(!unknown.contains("no-such-thing"));
    // A page of the client is counted as a page, apart from its files.
    let pages = [r#"route="page""#, r#"method="GET""#, r#"status="200""#];
    let before = sample(&unknown, "secinfo_http_requests_total", &pages);
    assert_eq!(browser.get("/signin").await.status, StatusCode::OK);
    let seen = scrape(&mut browser).await;
    assert_eq!(
        sample(&seen, "secinfo_http_requests_total", &pages),
        before + 1.0,
        "{seen}"
    );
}

async fn metrics_are_no_page_without_a_token(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    assert_eq!(
        app.browser().get("/metrics").await.status,
        StatusCode::NOT_FOUND
    );
}

async fn a_request_id_is_kept_when_plain_and_made_otherwise(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut browser = app.browser();
    let made = browser.get("/health/live").await;
    let id = made.headers["x-request-id"].to_str().unwrap().to_owned();
    assert!(id.len() >= 12, "{id}");
    let again = browser.get("/health/live").await;
    assert_ne!(again.headers["x-request-id"], id.as_str());
    let kept = browser
        .send(
            Method::GET,
            "/api/session",
            None,
            &[("x-request-id", "proxy-7f3a.1")],
        )
        .await;
    assert_eq!(kept.headers["x-request-id"], "proxy-7f3a.1");
    let replaced = browser
        .send(
            Method::GET,
            "/api/session",
            None,
            &[("x-request-id", "two words")],
        )
        .await;
    assert_ne!(replaced.headers["x-request-id"], "two words");
}

on_both_backends!(
    live_and_ready_answer_with_what_they_checked,
    not_ready_while_the_database_is_away,
    s43_metrics_need_the_token_and_count_a_sign_in,
    metrics_are_no_page_without_a_token,
    a_request_id_is_kept_when_plain_and_made_otherwise,
    a_database_migrated_further_by_a_newer_binary_is_served,
);

/// A backup taken while the server writes is one instant of the database:
/// every write acknowledged before it began is in it, and it restores into
/// a database that opens and holds the same.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_online_backup_during_writes_loses_nothing_and_restores() {
    use secinfo_server::backup;
    use secinfo_server::store::{AuditEntry, Store};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

    let app = TestApp::spawn(Backend::Sqlite).await;
    let account = app.user("writer").await;
    let user = app
        .store
        .user_by_account_name(&models::AccountName::parse(&account).unwrap())
        .await
        .unwrap()
        .unwrap();
    let acknowledged = Arc::new(AtomicUsize::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let mut writers = Vec::new();
    for writer in 0..4 {
        let (store, id, acknowledged, stop) = (
            app.store.clone(),
            user.id.clone(),
            acknowledged.clone(),
            stop.clone(),
        );
        writers.push(tokio::spawn(async move {
            let mut n = 0;
            while !stop.load(Ordering::SeqCst) {
                let detail = format!("write {writer}-{n}");
                let entry = AuditEntry {
                    user_id: &id,
                    subject_id: None,
                    action: "method-added",
                    method_id: None,
                    detail: &detail,
                    client_address: "127.0.0.1",
                    user_agent: "backup test",
                };
                store.audit(entry, T0).await.unwrap();
                acknowledged.fetch_add(1, Ordering::SeqCst);
                n += 1;
            }
        }));
    }
    while acknowledged.load(Ordering::SeqCst) < 200 {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("nightly/secinfo-backup.db");
    let before = acknowledged.load(Ordering::SeqCst);
    let bytes = backup::backup(&app.store, &path).await.unwrap();
    let during = acknowledged.load(Ordering::SeqCst);
    // The writers went on while it was taken.
    while acknowledged.load(Ordering::SeqCst) < during + 100 {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    stop.store(true, Ordering::SeqCst);
    for writer in writers {
        writer.await.unwrap();
    }
    assert!(bytes > 0);
    let count = |store: Store| async move {
        let n: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM audit WHERE user_agent = 'backup test'")
                .fetch_one(store.pool())
                .await
                .unwrap();
        usize::try_from(n).unwrap()
    };
    let live = count(app.store.clone()).await;
    assert_eq!(live, acknowledged.load(Ordering::SeqCst));

    let in_backup = count(
        Store::open(&format!("sqlite://{}?mode=ro", path.display()))
            .await
            .unwrap(),
    )
    .await;
    assert!(
        (before..=during).contains(&in_backup),
        "backup holds {in_backup}, written before it {before}, by its end {during}"
    );
    assert!(
        in_backup < live,
        "the writes after the backup are not in it"
    );

    // A backup never overwrites a file.
    assert!(matches!(
        backup::backup(&app.store, &path).await,
        Err(backup::BackupError::Exists(_))
    ));

    // Restored where a server would look, with a stale write-ahead log
    // beside it that must not be replayed.
    let restored = folder.path().join("restored.db");
    std::fs::write(folder.path().join("restored.db-wal"), b"stale").unwrap();
    let url = format!("sqlite://{}", restored.display());
    backup::restore(&path, &url).await.unwrap();
    let store = Store::connect(&url).await.unwrap();
    assert_eq!(count(store.clone()).await, in_backup);
    assert!(
        store
            .user_by_account_name(&models::AccountName::parse(&account).unwrap())
            .await
            .unwrap()
            .is_some()
    );

    // What is not a backup is refused, and nothing is replaced.
    let junk = folder.path().join("junk.db");
    std::fs::write(&junk, b"not a database").unwrap();
    assert!(matches!(
        backup::restore(&junk, &url).await,
        Err(backup::BackupError::NotABackup(..))
    ));
    assert_eq!(count(store).await, in_backup);
}

/// Runs the server binary with `args` and only the `SECINFO_*` variables
/// given; answers its exit status, standard output and standard error.
fn run_binary(args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_secinfo-server"));
    command.args(args);
    for (name, _) in std::env::vars() {
        if name.starts_with("SECINFO_") {
            command.env_remove(name);
        }
    }
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command.output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// `check-config` says every problem in a line of its own, and `serve`
/// refuses to start on the very same lines.
#[test]
fn check_config_names_every_problem_and_serve_refuses_on_the_same() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("secinfo.toml");
    std::fs::write(
        &file,
        "mode = \"production\"\ndemo_seed = true\nsecret_key = \"short\"\n[session]\nidle_minutes = 0\nabsolute_hours = 12\n",
    )
    .unwrap();
    let file = file.to_str().unwrap();
    let (status, out, _) = run_binary(&["check-config", file], &[]);
    assert_eq!(status, 1);
    let problems: Vec<&str> = out.lines().collect();
    for expected in [
        "demo_seed is a development seam",
        "the simulated carrier is a development seam",
        "the dev mailbox is a development seam",
        "secret_key of at least 32 characters",
        "session limits must be positive",
    ] {
        assert!(
            problems
                .iter()
                .any(|line| line.starts_with(&format!("{file}: ")) && line.contains(expected)),
            "{expected:?} not in {out}"
        );
    }
    let (status, _, err) = run_binary(&["serve"], &[("SECINFO_CONFIG", file)]);
    assert_eq!(status, 1);
    for line in &problems {
        let problem = line.trim_start_matches(&format!("{file}: "));
        assert!(
            err.contains(problem),
            "serve did not say {problem:?}: {err}"
        );
    }

    let typo = folder.path().join("typo.toml");
    std::fs::write(
        &typo,
        "mode = \"staging\"\n[signin]\nwindow_minutes = \"fifteen\"\n",
    )
    .unwrap();
    let (status, out, _) = run_binary(&["check-config", typo.to_str().unwrap()], &[]);
    assert_eq!(status, 1);
    assert!(out.contains("staging"), "{out}");

    let good = folder.path().join("good.toml");
    std::fs::write(&good, "mode = \"development\"\n").unwrap();
    let (status, out, _) = run_binary(&["check-config", good.to_str().unwrap()], &[]);
    assert_eq!(status, 0, "{out}");
    assert!(out.contains("the configuration is good"));
}

/// The operator's commands on a database file: the version and schema,
/// the migrations, a backup through the command line.
#[test]
fn version_migrate_and_backup_from_the_command_line() {
    let folder = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/data/secinfo.db", folder.path().display());
    let env = [
        ("SECINFO_MODE", "development"),
        ("SECINFO_DATABASE_URL", url.as_str()),
    ];
    let (status, out, _) = run_binary(&["version"], &[]);
    assert_eq!(status, 0);
    let schema = secinfo_server::store::Store::schema_version().to_string();
    assert!(
        out.starts_with("secinfo-server ") && out.contains(&schema),
        "{out}"
    );

    let target = folder.path().join("backups/early.db");
    let (status, _, err) = run_binary(&["backup", target.to_str().unwrap()], &env);
    assert_eq!(status, 1, "a database that is not there is not backed up");
    assert!(err.contains("no database there"), "{err}");
    assert!(!target.exists());
    let (status, out, _) = run_binary(&["migrate", "status"], &env);
    assert_eq!(status, 0, "{out}");
    assert!(out.lines().all(|l| !l.contains(" applied ")), "{out}");
    assert!(out.contains("to apply: secinfo-server migrate apply"));
    let (status, out, err) = run_binary(&["migrate", "apply"], &env);
    assert_eq!(status, 0, "{err}");
    assert!(out.contains(&format!("the schema is at {schema}")), "{out}");
    let (_, out, _) = run_binary(&["migrate", "status"], &env);
    assert!(out.lines().all(|l| l.contains(" applied ")), "{out}");

    let target = folder.path().join("backups/one.db");
    let (status, out, err) = run_binary(&["backup", target.to_str().unwrap()], &env);
    assert_eq!(status, 0, "{err}");
    assert!(out.starts_with("Backed up to"), "{out}");
    let (status, _, err) = run_binary(&["backup", target.to_str().unwrap()], &env);
    assert_eq!(status, 1);
    assert!(err.contains("already exists"), "{err}");
    let (status, _, err) = run_binary(&["migrate"], &env);
    assert_eq!(status, 1);
    assert!(err.contains("migrate needs status or apply"), "{err}");
}

/// Upgrades: a binary serves a database that a newer binary migrated
/// further (old and new side by side), names that migration, and is ready.
async fn a_database_migrated_further_by_a_newer_binary_is_served(backend: Backend) {
    use secinfo_server::store::Store;
    let app = TestApp::spawn(backend).await;
    let newer = Store::schema_version() + 1;
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
         VALUES ($1, 'a newer binary''s', TRUE, $2, 1)",
    )
    .bind(newer)
    .bind(vec![0u8; 48])
    .execute(app.store.pool())
    .await
    .unwrap();
    // Starting again (the old binary restarted during a rolling upgrade)
    // applies nothing and refuses nothing.
    app.store.migrate().await.unwrap();
    let migrations = app.store.migrations().await.unwrap();
    let unknown: Vec<_> = migrations.iter().filter(|m| !m.known).collect();
    assert_eq!(unknown.len(), 1);
    assert_eq!(unknown[0].version, newer);
    assert!(migrations.iter().all(|m| m.applied));
    let ready = app.browser().get("/health/ready").await;
    assert_eq!(ready.status, StatusCode::OK);
    assert_eq!(ready.json()["migrations"], "ok");
}
