//! `cargo xtask soak [--minutes N] [--rounds-per-minute R]`: the release
//! server on loopback under a realistic mix at a fixed rate for a bounded
//! time (`xtask/soak/mix.py`), printing throughput, p50/p99 and memory
//! every minute. A command that measures: it fails only when the server
//! answered what no person should see (a 5xx, a refusal of a right code).

use std::process::Command;
use std::time::Instant;

use crate::instance::{free_port, sqlite_url, start_server, still_ours, wait_until_up};
use crate::run::{run, step};
use crate::{Result, build, root};

pub fn soak(args: &[String]) -> Result {
    let mut minutes = "30".to_owned();
    let mut rate = "60".to_owned();
    let mut rest = args.iter();
    while let Some(flag) = rest.next() {
        let value = rest.next().ok_or(USAGE)?;
        match flag.as_str() {
            "--minutes" => minutes.clone_from(value),
            "--rounds-per-minute" => rate.clone_from(value),
            _ => return Err(USAGE.into()),
        }
    }
    let minutes_n: f64 = minutes.parse().map_err(|_| USAGE)?;
    if !(0.0..=24.0 * 60.0).contains(&minutes_n) || rate.parse::<u32>().is_err() {
        return Err(USAGE.into());
    }
    let server = build::server(true)?;
    let data = std::env::temp_dir().join(format!("secinfo-soak-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    std::fs::create_dir_all(&data).map_err(|e| e.to_string())?;
    let port = free_port()?;
    let base = format!("http://localhost:{port}");
    step(&format!(
        "soak: {minutes} minutes at {rate} rounds a minute on {base} (SQLite)"
    ));
    let mut child = start_server(
        &server,
        "test",
        port,
        &sqlite_url(&data),
        &[("SECINFO_TRUST_FORWARDED_FOR", "true")],
    )?;
    let started = Instant::now();
    let result = wait_until_up(&base, started).and_then(|()| {
        still_ours(&mut child)?;
        run(Command::new("python3")
            .arg(root().join("xtask/soak/mix.py"))
            .arg(&base)
            .arg(data.join("secinfo.db"))
            .arg(&minutes)
            .arg(&rate)
            .arg(child.id().to_string())
            .arg("20"))
    });
    let _ = child.kill();
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(&data);
    result
}

const USAGE: &str = "usage: cargo xtask soak [--minutes N] [--rounds-per-minute R]";
