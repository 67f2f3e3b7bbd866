//! A throwaway PostgreSQL cluster for the tests, on its own port and in its
//! own folder, never touching a system cluster. Stopped when dropped.

use std::path::PathBuf;
use std::process::Command;

use crate::Result;
use crate::run::{run, step};

pub const PORT: u16 = 55432;

/// Debian's PostgreSQL binaries, newest version first.
pub fn bin_dir() -> Option<PathBuf> {
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .flatten()
        .map(|e| e.path().join("bin"))
        .filter(|bin| bin.join("initdb").exists())
        .collect();
    versions.sort();
    versions.pop()
}

pub struct Cluster {
    dir: PathBuf,
    pub bin: PathBuf,
    pub url: String,
}

fn as_postgres(command: &str) -> Command {
    // initdb refuses to run as root; `su` is there on Debian.
    let mut su = Command::new("su");
    su.args(["postgres", "-s", "/bin/sh", "-c", command]);
    su
}

impl Cluster {
    pub fn start() -> Result<Cluster> {
        Cluster::start_on(PORT)
    }

    /// A cluster on `port` (the bench's: one the system found free).
    pub fn start_on(port: u16) -> Result<Cluster> {
        step("starting a throwaway PostgreSQL cluster");
        let bin = bin_dir().ok_or("PostgreSQL binaries are missing")?;
        let dir = std::env::temp_dir().join(format!("secinfo-pg-{}", std::process::id()));
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        run(Command::new("chown").args(["postgres:postgres"]).arg(&dir))?;
        let (b, d) = (bin.display(), dir.display());
        run(&mut as_postgres(&format!(
            "{b}/initdb -D {d}/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >{d}/initdb.log 2>&1"
        )))?;
        let cluster = Cluster {
            dir: dir.clone(),
            bin: bin.clone(),
            url: format!("postgres://postgres@127.0.0.1:{port}/postgres"),
        };
        run(&mut as_postgres(&format!(
            "{b}/pg_ctl -D {d}/data -l {d}/log -o \"-c listen_addresses=127.0.0.1 -p {port} -k {d} -c fsync=off\" -w start"
        )))?;
        Ok(cluster)
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = as_postgres(&format!(
            "{}/pg_ctl -D {}/data -m fast -w stop >/dev/null",
            self.bin.display(),
            self.dir.display()
        ))
        .status();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
