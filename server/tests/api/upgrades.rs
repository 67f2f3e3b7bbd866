//! Upgrades from every released schema with data in it: a fixture per
//! released schema version (`server/tests/fixtures/schema-<version>.sql`,
//! the rows a database of that version held) is loaded into a database
//! migrated to that version, then migrated to this binary's schema and
//! served: its people sign in with their passwords and are offered their
//! methods,
//! its administrator finds the organization's application.
//!
//! At a release, `write_a_fixture_of_this_schema` makes the next fixture
//! (docs/developing.md says how).

use std::path::PathBuf;

use axum::http::StatusCode;
use secinfo_server::store::Store;

use crate::helpers::*;

fn fixtures() -> Vec<(i64, PathBuf)> {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut found: Vec<(i64, PathBuf)> = std::fs::read_dir(&folder)
        .unwrap()
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let version = name
                .strip_prefix("schema-")?
                .strip_suffix(".sql")?
                .parse()
                .ok()?;
            Some((version, entry.path()))
        })
        .collect();
    found.sort();
    found
}

#[tokio::test]
async fn every_released_schema_with_data_upgrades_and_serves() {
    let fixtures = fixtures();
    assert!(!fixtures.is_empty(), "no fixture in server/tests/fixtures");
    for (version, path) in fixtures {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/upgraded.db", dir.path().display());
        let store = Store::open(&url).await.unwrap();
        sqlx::migrate!("./migrations")
            .run_to(version, store.pool())
            .await
            .unwrap_or_else(|e| panic!("migrating to {version}: {e}"));
        // The rows in one transaction, their references checked at its
        // end (the dump lists tables by name, not by what refers to what).
        let rows = std::fs::read_to_string(&path).unwrap();
        let mut tx = store.pool().begin().await.unwrap();
        sqlx::query("PRAGMA defer_foreign_keys = ON")
            .execute(&mut *tx)
            .await
            .unwrap();
        sqlx::raw_sql(sqlx::AssertSqlSafe(rows))
            .execute(&mut *tx)
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        tx.commit().await.unwrap();
        store.migrate().await.unwrap();
        assert!(
            store.migrations().await.unwrap().iter().all(|m| m.applied),
            "schema {version} did not reach this binary's"
        );
        let app = TestApp::serving(store, dir, |_| {});

        let mut adele = app.browser();
        let signed_in = adele.sign_in("adele@contoso.example", PASSWORD).await;
        assert_eq!(signed_in.status, StatusCode::OK, "from schema {version}");
        // Her methods, as the step-up before Security info offers them.
        let options = adele.get("/api/me/step-up").await;
        assert_eq!(options.status, StatusCode::OK, "from schema {version}");
        let kinds: Vec<String> = options
            .json()
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["kind"].as_str().unwrap().to_owned())
            .collect();
        assert!(
            kinds.contains(&"phone".to_owned()) && kinds.contains(&"alternate-phone".to_owned()),
            "from schema {version}: {kinds:?}"
        );

        let mut megan = app.browser();
        assert_eq!(
            megan
                .sign_in("megan@contoso.example", PASSWORD)
                .await
                .status,
            StatusCode::OK
        );
        let applications = megan.get("/api/admin/applications").await;
        assert_eq!(applications.status, StatusCode::OK, "from schema {version}");
        assert_eq!(
            applications.json()[0]["name"],
            "Payroll",
            "from schema {version}"
        );
    }
}

/// Writes a database of this schema with data in it to
/// `$SECINFO_FIXTURE_OUT` (a SQLite file, for `docs/developing.md`'s
/// release step): an administrator, a person with a mobile phone and an
/// alternate phone, signed in; an application with a
/// code issued to the person.
#[tokio::test]
#[ignore = "makes a fixture at a release: SECINFO_FIXTURE_OUT=… cargo test … -- --ignored"]
async fn write_a_fixture_of_this_schema() {
    let out = std::env::var("SECINFO_FIXTURE_OUT").expect("SECINFO_FIXTURE_OUT");
    let app = TestApp::spawn(Backend::Sqlite).await;
    let megan = app.admin("megan").await;
    let adele = app.user("adele").await;
    let mut admin = app.browser();
    assert_eq!(admin.sign_in(&megan, PASSWORD).await.status, StatusCode::OK);
    let registered = admin
        .post(
            "/api/admin/applications",
            serde_json::json!({
                "name": "Payroll",
                "redirect_uris": ["https://payroll.contoso.example/oidc/callback"],
                "public": false,
            }),
        )
        .await;
    assert_eq!(registered.status, StatusCode::OK);
    let client_id = registered.json()["client_id"].as_str().unwrap().to_owned();

    let mut person = app.browser();
    assert_eq!(
        person.sign_in(&adele, PASSWORD).await.status,
        StatusCode::OK
    );
    person.register_phone("phone", "NL", "0612345678").await;
    person
        .register_phone("alternate-phone", "NL", "0201234567")
        .await;
    let query = format!(
        "response_type=code&client_id={client_id}&redirect_uri=https%3A%2F%2Fpayroll.contoso.example%2Foidc%2Fcallback&scope=openid&state=s&nonce=n&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
    );
    let answer = person
        .post(
            "/api/oidc/authorization",
            serde_json::json!({ "query": query }),
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    secinfo_server::backup::backup(&app.store, std::path::Path::new(&out))
        .await
        .unwrap();
}

/// A rolling upgrade: two instances on one database (the one of this
/// binary, and a newer one carrying one more migration, which it applies
/// while both serve) answer every request, and the older instance stays
/// ready beside the schema it does not know.
async fn instances_serve_side_by_side_while_a_newer_migration_runs(backend: Backend) {
    use sqlx::SqlSafeStr;
    use sqlx::migrate::{Migration, MigrationType};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

    let older = TestApp::spawn(backend).await;
    let newer = TestApp::serving(older.store.clone(), tempfile::tempdir().unwrap(), |_| {});
    let answered = Arc::new(AtomicUsize::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let mut people = Vec::new();
    for n in 0..4 {
        let mut browser = if n % 2 == 0 {
            older.browser()
        } else {
            newer.browser()
        };
        // A person each: parallel sign-ins of one account would meet its
        // limit, which counts an attempt until its password proves right.
        let account = older.user(&format!("person{n}")).await;
        let (answered, stop) = (answered.clone(), stop.clone());
        people.push(tokio::spawn(async move {
            let mut failed = Vec::new();
            while !stop.load(Ordering::SeqCst) {
                browser.cookies.clear();
                browser.csrf = None;
                let signed_in = browser.sign_in(&account, PASSWORD).await;
                let session = browser.get("/api/session").await;
                let applications = browser.get("/api/me/applications").await;
                for answer in [&signed_in, &session, &applications] {
                    if answer.status != StatusCode::OK {
                        failed.push((
                            answer.status,
                            String::from_utf8_lossy(&answer.body).into_owned(),
                        ));
                    }
                }
                answered.fetch_add(3, Ordering::SeqCst);
            }
            failed
        }));
    }
    while answered.load(Ordering::SeqCst) < 30 {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    // The newer binary's migration: a column and an index on a table that
    // every sign-in reads and writes.
    let mut newer_migrations = sqlx::migrate!("./migrations");
    let version = Store::schema_version() + 1;
    newer_migrations.migrations.to_mut().push(Migration::new(
        version,
        "a newer binary's column".into(),
        MigrationType::Simple,
        "ALTER TABLE users ADD COLUMN nickname TEXT; \
         CREATE INDEX users_by_nickname ON users (nickname);"
            .into_sql_str(),
        false,
    ));
    newer_migrations.set_ignore_missing(true);
    newer_migrations.run(newer.store.pool()).await.unwrap();
    // An older instance restarting meanwhile starts.
    older.store.migrate().await.unwrap();
    let after = answered.load(Ordering::SeqCst);
    while answered.load(Ordering::SeqCst) < after + 30 {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    stop.store(true, Ordering::SeqCst);
    for person in people {
        let failed = person.await.unwrap();
        assert!(failed.is_empty(), "{failed:?}");
    }
    let known: Vec<_> = older
        .store
        .migrations()
        .await
        .unwrap()
        .into_iter()
        .filter(|m| !m.known)
        .collect();
    assert_eq!(known.len(), 1, "the newer migration is applied and named");
    assert_eq!(
        older.browser().get("/health/ready").await.status,
        StatusCode::OK
    );
}

crate::on_both_backends!(instances_serve_side_by_side_while_a_newer_migration_runs);
