//! Online backups of a SQLite database and putting one back.
//!
//! A backup is SQLite's `VACUUM INTO`: one read transaction, so it is a
//! consistent picture of the database at one instant while the server goes
//! on writing beside it (WAL mode lets the writer run). PostgreSQL is backed
//! up with its own tools (`pg_dump`, `pg_restore`; docs/operating.md).
//!
//! Architecture Invariant: a restore never leaves a half-copied database
//! where the server looks: the backup is checked, copied beside the live
//! file, then renamed over it.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::clock::Clock;
use crate::config::BackupConfig;
use crate::store::{Backend, Store};

/// What went wrong, in the words the command line prints.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("backups here are of SQLite databases; back PostgreSQL up with pg_dump")]
    NotSqlite,
    #[error("{0} already exists: choose a new file")]
    Exists(PathBuf),
    #[error("{0} is not a secinfo backup: {1}")]
    NotABackup(PathBuf, String),
    #[error("{path}: {error}")]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("the database: {0}")]
    Database(String),
}

/// The file a `sqlite:` URL names.
pub fn sqlite_path(database_url: &str) -> Result<PathBuf, BackupError> {
    if database_url.parse::<Backend>() != Ok(Backend::Sqlite) {
        return Err(BackupError::NotSqlite);
    }
    let rest = database_url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:");
    Ok(PathBuf::from(rest.split('?').next().unwrap_or_default()))
}

/// Writes a consistent copy of the live database to `to`, which must not
/// exist yet. Returns its size in bytes.
pub async fn backup(store: &Store, to: &Path) -> Result<u64, BackupError> {
    if to.exists() {
        return Err(BackupError::Exists(to.to_owned()));
    }
    if let Some(folder) = to.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(|error| BackupError::Io {
            path: folder.to_owned(),
            error,
        })?;
    }
    let target = to
        .to_str()
        .ok_or_else(|| BackupError::NotABackup(to.to_owned(), "not a UTF-8 path".into()))?;
    store
        .vacuum_into(target)
        .await
        .map_err(|e| BackupError::Database(e.to_string()))?;
    std::fs::metadata(to)
        .map(|m| m.len())
        .map_err(|error| BackupError::Io {
            path: to.to_owned(),
            error,
        })
}

/// Puts the backup `from` where `database_url` points, after checking that
/// it is a whole secinfo database no newer than this binary. The server
/// must be stopped: a running one would go on with the file it had open.
pub async fn restore(from: &Path, database_url: &str) -> Result<(), BackupError> {
    let live = sqlite_path(database_url)?;
    check_backup(from).await?;
    let beside = live.with_extension("restoring");
    std::fs::copy(from, &beside).map_err(|error| BackupError::Io {
        path: beside.clone(),
        error,
    })?;
    // The live file's write-ahead log belongs to the database being
    // replaced; left beside the restored file SQLite would replay it.
    for suffix in ["-wal", "-shm"] {
        let mut side = live.clone().into_os_string();
        side.push(suffix);
        match std::fs::remove_file(&side) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(error) => {
                return Err(BackupError::Io {
                    path: side.into(),
                    error,
                });
            }
        }
    }
    std::fs::rename(&beside, &live).map_err(|error| BackupError::Io { path: live, error })
}

/// A backup is a SQLite file whose integrity check passes and whose schema
/// this binary knows.
async fn check_backup(path: &Path) -> Result<(), BackupError> {
    let not = |why: String| BackupError::NotABackup(path.to_owned(), why);
    if !path.is_file() {
        return Err(not("no such file".into()));
    }
    // Opened as a database, any other file would be retried until the
    // pool gives up; its first bytes tell at once.
    let mut header = [0u8; 16];
    std::io::Read::read_exact(
        &mut std::fs::File::open(path).map_err(|e| not(e.to_string()))?,
        &mut header,
    )
    .map_err(|_| not("not a SQLite database".into()))?;
    if &header != b"SQLite format 3\0" {
        return Err(not("not a SQLite database".into()));
    }
    let url = format!("sqlite://{}?mode=ro", path.display());
    let store = Store::open(&url).await.map_err(|e| not(e.to_string()))?;
    let integrity = store
        .integrity_check()
        .await
        .map_err(|e| not(e.to_string()))?;
    if integrity != "ok" {
        return Err(not(format!("integrity check: {integrity}")));
    }
    let migrations = store.migrations().await.map_err(|e| not(e.to_string()))?;
    if !migrations.iter().any(|m| m.applied) {
        return Err(not("it has no secinfo schema".into()));
    }
    if migrations.iter().any(|m| !m.known) {
        return Err(not(
            "a newer secinfo wrote it: restore it with that version".into(),
        ));
    }
    store.pool().close().await;
    Ok(())
}

/// The scheduled backups of `config`: one now and then every
/// `every_hours`, keeping the newest `keep`.
pub fn spawn_schedule(store: Store, clock: std::sync::Arc<dyn Clock>, config: BackupConfig) {
    let Some(directory) = config.directory else {
        return;
    };
    tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_hours(config.every_hours));
        loop {
            every.tick().await;
            let name = format!("secinfo-{}.db", clock.now());
            let path = directory.join(name);
            match backup(&store, &path).await {
                Ok(bytes) => {
                    tracing::info!(path = %path.display(), bytes, "backup written");
                    if let Err(error) = keep_newest(&directory, config.keep) {
                        tracing::warn!(%error, "removing old backups failed");
                    }
                }
                Err(error) => tracing::error!(%error, "scheduled backup failed"),
            }
        }
    });
}

/// Removes all but the newest `keep` scheduled backups in `directory`
/// (their names sort by time); other files are left alone.
pub fn keep_newest(directory: &Path, keep: usize) -> std::io::Result<()> {
    let mut backups: Vec<PathBuf> = std::fs::read_dir(directory)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.starts_with("secinfo-") && n.to_ascii_lowercase().ends_with(".db")
            })
        })
        .collect();
    backups.sort();
    let surplus = backups.len().saturating_sub(keep);
    for old in &backups[..surplus] {
        std::fs::remove_file(old)?;
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "a test that cannot unwrap has failed")]
mod tests {
    use super::*;

    #[test]
    fn the_newest_scheduled_backups_are_kept_and_nothing_else_is_touched() {
        let folder = std::env::temp_dir().join(format!("secinfo-keep-{}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        for time in ["1800000000", "1800086400", "1800172800", "1800259200"] {
            std::fs::write(folder.join(format!("secinfo-{time}.db")), b"x").unwrap();
        }
        std::fs::write(folder.join("an-operators-own.db"), b"x").unwrap();
        keep_newest(&folder, 2).unwrap();
        let mut left: Vec<String> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                "an-operators-own.db",
                "secinfo-1800172800.db",
                "secinfo-1800259200.db"
            ]
        );
        std::fs::remove_dir_all(&folder).unwrap();
    }

    #[test]
    fn only_a_sqlite_url_names_a_file_to_back_up() {
        assert_eq!(
            sqlite_path("sqlite:///var/lib/secinfo/secinfo.db?mode=rwc").unwrap(),
            PathBuf::from("/var/lib/secinfo/secinfo.db")
        );
        assert!(matches!(
            sqlite_path("postgres://secinfo@db/secinfo"),
            Err(BackupError::NotSqlite)
        ));
    }
}
