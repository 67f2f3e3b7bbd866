//! All SQL lives here, behind one `Store` that speaks to SQLite or
//! PostgreSQL through sqlx's `Any` driver with the same statements.
//!
//! Architecture Invariant: no SQL outside `store/`; every statement is
//! portable (`$n` placeholders, TEXT ids, BIGINT times, INTEGER flags).

mod audit;
mod authenticators;
pub mod challenges;
mod changes;
mod dev_mailbox;
mod error;
mod invitations;
mod methods;
mod oidc;
mod passes;
mod people;
mod people_import;
mod person_actions;
mod search_key;
mod security_keys;
mod session_key;
mod sessions;
mod sim_carrier;
mod throttle;
mod users;

/// The statements that run on every signed-in request, sign-in, code
/// check and sign-out everywhere, by name. A test `EXPLAIN`s each on both
/// databases: each must find its rows through an index, so that their cost
/// does not grow with the number of people (or of audit rows).
pub const HOT_STATEMENTS: [(&str, &str); 8] = [
    (
        "session, person and policy by token",
        sessions::SESSION_BY_DIGEST,
    ),
    ("session with its methods", sessions::SESSION_WITH_METHODS),
    ("touch a session", sessions::TOUCH_SESSION),
    ("sign out everywhere", sessions::END_SESSIONS_OF_USER),
    (
        "person by account name (sign-in)",
        users::USER_BY_ACCOUNT_NAME,
    ),
    ("a person's methods", methods::METHODS_OF_USER),
    ("check a code", challenges::CHECK_CODE),
    ("a person's audit trail", audit::AUDIT_OF_USER),
];

use std::path::Path;
use std::str::FromStr;

use sqlx::AnyPool;
use sqlx::any::{AnyPoolOptions, install_default_drivers};

pub use audit::AuditEntry;
pub use challenges::{
    ChallengeRecord, CodeCheck, Destination, NewChallenge, Purpose, PurposeKind, Registering,
};
pub use changes::{Change, InsertRefused};
pub use dev_mailbox::MailboxEntry;
pub use error::{StoreError, StoreResult};
pub use invitations::NewInvitation;
pub use methods::{
    AuthenticatorData, EmailData, MethodData, MethodRecord, NewMethod, PhoneData, QuestionsData,
    RecoveryCodesData, SecurityKeyData,
};
pub use oidc::{
    ClientRecord, CodeRecord, NewClient, NewCode, NewRefreshToken, NewToken, OwedLogout,
    RefreshRecord, SigningKeyRecord, TokenGrant,
};
pub use passes::{NewOrganization, NewPass, PassRecord, SpentPass};
pub use people::{PersonListed, SEARCH_BY_WORD};
pub use person_actions::{ActivityListed, Guarded, SessionListed};
pub use security_keys::Ceremony;
pub use session_key::SessionKey;
pub use sessions::{NewPasswordReset, NewSession, ResetContact, ResetRecord, SessionRecord};
pub use sim_carrier::SimEntry;
pub use throttle::Counter;
pub use users::{NewUser, UserRecord};

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// One schema migration and where the database stands with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MigrationState {
    pub version: i64,
    pub description: String,
    pub applied: bool,
    /// `false` for a migration a newer binary applied.
    pub known: bool,
}

#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
}

/// Which database a URL points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl FromStr for Backend {
    type Err = String;
    fn from_str(url: &str) -> Result<Backend, String> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(Backend::Postgres)
        } else {
            Err(format!(
                "database_url must start with sqlite: or postgres:, not {url:?}"
            ))
        }
    }
}

impl Store {
    /// Connects, creating a SQLite file (and its folder) when needed, and
    /// brings the schema up to date.
    pub async fn connect(url: &str) -> Result<Store, Box<dyn std::error::Error + Send + Sync>> {
        let store = Store::open(url).await?;
        store.migrate().await?;
        Ok(store)
    }

    /// Connects without touching the schema (`migrate status`).
    pub async fn open(url: &str) -> Result<Store, Box<dyn std::error::Error + Send + Sync>> {
        install_default_drivers();
        let backend: Backend = url.parse()?;
        let url = match backend {
            Backend::Sqlite => sqlite_url(url)?,
            Backend::Postgres => url.to_owned(),
        };
        let pool = AnyPoolOptions::new()
            .max_connections(match backend {
                // One writer at a time anyway; readers run beside it in WAL
                // mode. Each connection keeps its own page cache and
                // prepared statements: eight held 3 MiB more at the bench's
                // peak than four, which answered as fast on two cores.
                Backend::Sqlite => 4,
                Backend::Postgres => 10,
            })
            // A connection is handed out without a round trip to test it
            // first: on SQLite that test was a message to the connection's
            // thread and back, as costly as the statement it preceded. One
            // the database dropped fails a statement and is then closed.
            .test_before_acquire(false)
            .after_connect(move |connection, _| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // In WAL mode NORMAL syncs at checkpoints, not at every
                        // commit: a power cut may lose the last commits, never
                        // the database. Every wrong code and sign-in commits,
                        // and FULL made each wait for the disk (the bench: 1.7 %
                        // of the trivial endpoint). A page cache of 1 MiB per
                        // connection bounds the memory of four.
                        sqlx::query("PRAGMA synchronous = NORMAL")
                            .execute(&mut *connection)
                            .await?;
                        sqlx::query("PRAGMA cache_size = -1024")
                            .execute(&mut *connection)
                            .await?;
                    }
                    Ok(())
                })
            })
            .connect(&url)
            .await?;
        if backend == Backend::Sqlite && !url.contains("mode=ro") {
            // WAL lets readers run beside the writer; it persists in the file.
            sqlx::query("PRAGMA journal_mode = WAL")
                .execute(&pool)
                .await?;
        }
        Ok(Store { pool })
    }

    /// Applies the migrations this binary knows that the database lacks.
    /// Forward only; a database already migrated further by a newer binary
    /// is served as it is (a rolling upgrade runs old and new side by side).
    pub async fn migrate(&self) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        let mut migrator = sqlx::migrate::Migrator {
            migrations: MIGRATOR.migrations.clone(),
            ..sqlx::migrate::Migrator::DEFAULT
        };
        migrator.set_ignore_missing(true);
        migrator.run(&self.pool).await?;
        self.backfill_credential_ids().await?;
        self.backfill_person_words().await?;
        Ok(())
    }

    /// Every migration this binary knows, and whether the database has it;
    /// then any the database has that this binary does not know (a newer
    /// binary's).
    pub async fn migrations(&self) -> StoreResult<Vec<MigrationState>> {
        let applied: Vec<i64> = match sqlx::query_scalar(
            "SELECT version FROM _sqlx_migrations WHERE success = TRUE ORDER BY version",
        )
        .fetch_all(&self.pool)
        .await
        {
            Ok(versions) => versions,
            // A database no binary has migrated yet has no such table.
            Err(sqlx::Error::Database(_)) => Vec::new(),
            Err(other) => return Err(other.into()),
        };
        let mut states: Vec<MigrationState> = MIGRATOR
            .iter()
            .filter(|m| m.migration_type.is_up_migration())
            .map(|m| MigrationState {
                version: m.version,
                description: m.description.to_string(),
                applied: applied.contains(&m.version),
                known: true,
            })
            .collect();
        for version in applied {
            if !states.iter().any(|s| s.version == version) {
                states.push(MigrationState {
                    version,
                    description: String::new(),
                    applied: true,
                    known: false,
                });
            }
        }
        Ok(states)
    }

    /// Writes a consistent copy of the database to `path` (SQLite's
    /// `VACUUM INTO`: one read transaction, beside the writers).
    pub async fn vacuum_into(&self, path: &str) -> StoreResult<()> {
        sqlx::query("VACUUM INTO $1")
            .bind(path)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// SQLite's own check of the whole file: `ok`, or what is broken.
    pub async fn integrity_check(&self) -> StoreResult<String> {
        Ok(sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(&self.pool)
            .await?)
    }

    /// The newest schema version this binary knows.
    pub fn schema_version() -> i64 {
        MIGRATOR.iter().map(|m| m.version).max().unwrap_or_default()
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }
}

/// Makes `sqlite:path` create its file and folder on first start.
fn sqlite_url(url: &str) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
    let rest = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:");
    let path = rest.split('?').next().unwrap_or_default();
    if path != ":memory:"
        && !path.is_empty()
        && let Some(parent) = Path::new(path)
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
    {
        std::fs::create_dir_all(parent)?;
    }
    Ok(if url.contains("mode=") {
        url.to_owned()
    } else if url.contains('?') {
        format!("{url}&mode=rwc")
    } else {
        format!("{url}?mode=rwc")
    })
}
