//! Running commands, with a line saying what runs and why it failed.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::Result;

/// Runs `command` to completion; fails with its name when it fails.
pub fn run(command: &mut Command) -> Result {
    let shown = format!("{command:?}");
    let started = Instant::now();
    let status = command
        .status()
        .map_err(|e| format!("cannot start {shown}: {e}"))?;
    if status.success() {
        eprintln!("   ✓ {} ({:.0?})", short(&shown), started.elapsed());
        Ok(())
    } else {
        Err(format!("{shown} failed with {status}"))
    }
}

/// The trimmed standard output of a command, or `None` if it cannot run.
pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .stderr(Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

pub fn step(what: &str) {
    eprintln!("\n==> {what}");
}

pub fn exists(path: impl AsRef<Path>) -> bool {
    path.as_ref().exists()
}

fn short(shown: &str) -> String {
    shown.chars().take(120).collect()
}
