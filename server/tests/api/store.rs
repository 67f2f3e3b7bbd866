//! Store round trips, run on both databases.

use models::{AccountName, Locale};
use models::{OrganizationId, PersonId};
use secinfo_server::store::NewSession;
use secinfo_server::store::SessionKey;

use crate::helpers::{Backend, T0, fresh_store};

crate::on_both_backends!(
    users_round_trip,
    sessions_round_trip,
    throttle_counts_every_parallel_failure,
    throttle_windows_restart,
    deleting_a_user_removes_their_rows,
    hot_statements_find_their_rows_by_index,
);

/// Each statement a signed-in request, sign-in or code check runs finds its
/// rows through an index: its cost stays flat as people and audit rows grow
/// (the bench shows the figures at 100,000 people). The planner is asked
/// about the very statements the store runs, with literals for parameters;
/// PostgreSQL is told to avoid sequential scans, which it then still does
/// only where no index could serve.
async fn hot_statements_find_their_rows_by_index(backend: Backend) {
    let (store, _dir) = fresh_store(backend).await;
    let mut connection = store.pool().acquire().await.unwrap();
    if matches!(backend, Backend::Postgres) {
        sqlx::query("SET enable_seqscan = off")
            .execute(&mut *connection)
            .await
            .unwrap();
    }
    for (name, statement) in secinfo_server::store::HOT_STATEMENTS {
        if let Some(plan) = full_scan(&mut connection, backend, statement).await {
            panic!("{name} scans a whole table:\n{plan}");
        }
    }
    // The check sees a scan where there is one: audit rows by their detail
    // have no index.
    assert!(
        full_scan(
            &mut connection,
            backend,
            "SELECT id FROM audit WHERE detail = $1"
        )
        .await
        .is_some()
    );
}

/// The plan of `statement` if it reads a whole table.
async fn full_scan(
    connection: &mut sqlx::pool::PoolConnection<sqlx::Any>,
    backend: Backend,
    statement: &str,
) -> Option<String> {
    use sqlx::Row;
    let (explain, scan) = match backend {
        Backend::Sqlite => ("EXPLAIN QUERY PLAN", "SCAN "),
        Backend::Postgres => ("EXPLAIN", "Seq Scan"),
    };
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "{explain} {}",
        with_literals(statement)
    )))
    .fetch_all(&mut **connection)
    .await
    .unwrap_or_else(|e| panic!("{statement}: {e}"));
    // SQLite's plan text is the last column, PostgreSQL's the only one.
    let plan: Vec<String> = rows
        .iter()
        .map(|row| row.try_get::<String, _>(row.len() - 1).unwrap())
        .collect();
    assert!(!plan.is_empty(), "{statement}: no plan");
    plan.iter()
        .any(|line| {
            line.trim_start()
                .trim_start_matches("->")
                .trim_start()
                .starts_with(scan)
        })
        .then(|| plan.join("\n"))
}

/// `$1`, `$2`… replaced by the literal '0', which both databases take for
/// text or number as the column needs.
fn with_literals(statement: &str) -> String {
    let mut out = String::with_capacity(statement.len());
    let mut chars = statement.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '$' && chars.peek().is_some_and(char::is_ascii_digit) {
            while chars.peek().is_some_and(char::is_ascii_digit) {
                chars.next();
            }
            out.push_str("'0'");
        } else {
            out.push(c);
        }
    }
    out
}

async fn users_round_trip(backend: Backend) {
    let (store, _dir) = fresh_store(backend).await;
    let org = OrganizationId::new("org");
    store
        .upsert_organization(&org, "Örg & Co", "org.example", T0)
        .await
        .unwrap();
    let name = AccountName::parse("Björn@Org.Example").unwrap();
    let (u1, u2) = (PersonId::new("u1"), PersonId::new("u2"));
    let new = |id| secinfo_server::store::NewUser {
        id,
        organization_id: &org,
        account_name: &name,
        display_name: "Björn Ångström",
        password_hash: "$argon2id$fake",
        locale: Some(Locale::SvSe),
        role: models::Role::Administrator,
    };
    assert!(store.insert_user(new(&u1), T0).await.unwrap());
    assert!(
        !store.insert_user(new(&u2), T0).await.unwrap(),
        "account names are unique"
    );
    let user = store.user_by_account_name(&name).await.unwrap().unwrap();
    assert_eq!(user.id, u1);
    assert_eq!(user.organization_name, "Örg & Co");
    assert_eq!(user.account_name.as_str(), "björn@org.example");
    assert_eq!(user.display_name, "Björn Ångström");
    assert_eq!(user.locale, Some(Locale::SvSe));
    assert!(user.is_admin);
    store.set_user_locale(&u1, Locale::NlNl).await.unwrap();
    assert_eq!(
        store
            .user_by_account_name(&name)
            .await
            .unwrap()
            .unwrap()
            .locale,
        Some(Locale::NlNl)
    );
    assert!(
        store
            .user_by_account_name(&AccountName::parse("nobody").unwrap())
            .await
            .unwrap()
            .is_none()
    );
}

async fn seed_user(store: &secinfo_server::store::Store, id: &'static str) {
    store
        .upsert_organization(&OrganizationId::new("org"), "Org", "org.example", T0)
        .await
        .unwrap();
    let name = AccountName::parse(&format!("{id}@org.example")).unwrap();
    store
        .insert_user(
            secinfo_server::store::NewUser {
                id: &PersonId::new(id),
                organization_id: &OrganizationId::new("org"),
                account_name: &name,
                display_name: id,
                password_hash: "h",
                locale: None,
                role: models::Role::Member,
            },
            T0,
        )
        .await
        .unwrap();
}

async fn sessions_round_trip(backend: Backend) {
    let (store, _dir) = fresh_store(backend).await;
    seed_user(&store, "u1").await;
    let session = NewSession {
        token_digest: &SessionKey::new("d1"),
        user_id: &PersonId::new("u1"),
        client_address: "203.0.113.1",
        user_agent: "test",
        pending_until: None,
        verified_at: 0,
        pending_locale: None,
        pass: None,
        amr: "pwd",
        sid: "test-session",
    };
    store.insert_session(session, T0).await.unwrap();
    let found = store
        .session(&SessionKey::new("d1"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!((found.created_at, found.last_seen_at), (T0, T0));
    assert_eq!(found.user.id, PersonId::new("u1"));
    store
        .touch_session(&SessionKey::new("d1"), T0 + 90)
        .await
        .unwrap();
    assert_eq!(
        store
            .session(&SessionKey::new("d1"))
            .await
            .unwrap()
            .unwrap()
            .last_seen_at,
        T0 + 90
    );
    assert_eq!(
        store
            .delete_expired_sessions(T0 + 60, T0 - 1, T0 + 100)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        store
            .delete_expired_sessions(T0 + 91, T0 - 1, T0 + 100)
            .await
            .unwrap(),
        1
    );
    assert!(
        store
            .session(&SessionKey::new("d1"))
            .await
            .unwrap()
            .is_none()
    );
    for digest in ["a", "b"] {
        let s = NewSession {
            token_digest: &SessionKey::new(digest),
            user_id: &PersonId::new("u1"),
            client_address: "x",
            user_agent: "y",
            pending_until: None,
            verified_at: 0,
            pending_locale: None,
            pass: None,
            amr: "pwd",
            sid: "test-session",
        };
        store.insert_session(s, T0).await.unwrap();
    }
    assert_eq!(
        store
            .delete_sessions_of_user(&PersonId::new("u1"))
            .await
            .unwrap(),
        2
    );
}

async fn throttle_counts_every_parallel_failure(backend: Backend) {
    let (store, _dir) = fresh_store(backend).await;
    let tasks: Vec<_> = (0..25)
        .map(|_| {
            let store = store.clone();
            tokio::spawn(async move { store.bump_counter("bucket", T0, T0 - 900).await.unwrap() })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    assert_eq!(store.counter("bucket", T0 - 900).await.unwrap().count, 25);
}

async fn throttle_windows_restart(backend: Backend) {
    let (store, _dir) = fresh_store(backend).await;
    store.bump_counter("b", T0, T0 - 900).await.unwrap();
    store
        .bump_counter("b", T0 + 10, T0 + 10 - 900)
        .await
        .unwrap();
    let now = store.counter("b", T0 + 10 - 900).await.unwrap();
    assert_eq!((now.count, now.window_start), (2, T0));
    // After the window, the old failures no longer count and a new window opens.
    let later = T0 + 901;
    assert_eq!(store.counter("b", later - 900).await.unwrap().count, 0);
    store.bump_counter("b", later, later - 900).await.unwrap();
    let now = store.counter("b", later - 900).await.unwrap();
    assert_eq!((now.count, now.window_start), (1, later));
    store.clear_counter("b").await.unwrap();
    assert_eq!(store.counter("b", later - 900).await.unwrap().count, 0);
}

async fn deleting_a_user_removes_their_rows(backend: Backend) {
    let (store, _dir) = fresh_store(backend).await;
    seed_user(&store, "u1").await;
    let s = NewSession {
        token_digest: &SessionKey::new("d"),
        user_id: &PersonId::new("u1"),
        client_address: "x",
        user_agent: "y",
        pending_until: None,
        verified_at: 0,
        pending_locale: None,
        pass: None,
        amr: "pwd",
        sid: "test-session",
    };
    store.insert_session(s, T0).await.unwrap();
    let name = AccountName::parse("u1@org.example").unwrap();
    assert!(store.delete_user(&name).await.unwrap());
    assert!(
        store
            .session(&SessionKey::new("d"))
            .await
            .unwrap()
            .is_none()
    );
    assert!(!store.delete_user(&name).await.unwrap());
}
