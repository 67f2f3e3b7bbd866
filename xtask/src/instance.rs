//! A server started by xtask (the bench, the fuzzing stage): on a port the
//! system found free, checked to be the one answering, signed into with
//! curl, its memory read from `/proc`.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::run::output;
use crate::{Result, root};

/// A port free now on 127.0.0.1 (the system picks it).
pub fn free_port() -> Result<u16> {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .map_err(|e| format!("no free port: {e}"))
}

/// Fails when the server started here is not the one answering: it exited
/// (its port taken, its configuration refused) or is gone.
pub fn still_ours(child: &mut Child) -> Result {
    match child.try_wait() {
        Ok(None) => Ok(()),
        Ok(Some(status)) => Err(format!(
            "the server started here exited ({status}): nothing it printed would be its figures"
        )),
        Err(e) => Err(format!("the started server: {e}")),
    }
}

/// A SQLite database in the folder `data`.
pub fn sqlite_url(data: &Path) -> String {
    format!("sqlite://{}/secinfo.db", data.display())
}

/// The server binary on `database_url`, with the demo organization, on
/// plain-http localhost.
pub fn start_server(
    server: &Path,
    mode: &str,
    port: u16,
    database_url: &str,
    extra_env: &[(&str, &str)],
) -> Result<Child> {
    Command::new(server)
        .current_dir(root())
        .env("SECINFO_MODE", mode)
        .env("SECINFO_DEMO_SEED", "true")
        .env("SECINFO_COOKIE_SECURE", "false")
        .env("SECINFO_BIND", format!("127.0.0.1:{port}"))
        .env("SECINFO_PUBLIC_ORIGIN", format!("http://localhost:{port}"))
        .env("SECINFO_DATABASE_URL", database_url)
        .env("SECINFO_STATIC_DIR", root().join("dist"))
        .env("RUST_LOG", "warn")
        .envs(extra_env.iter().copied())
        .stdout(Stdio::null())
        .spawn()
        .map_err(|e| e.to_string())
}

pub fn wait_until_up(base: &str, started: Instant) -> Result {
    while started.elapsed() < Duration::from_secs(30) {
        if output("curl", &["-sf", &format!("{base}/api/health")]).is_some() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    Err("the server did not come up within 30 s".into())
}

/// A fresh browser's cookies (the CSRF cookie) as a Cookie header value;
/// its CSRF token is the cookie's value.
pub fn fresh_browser(base: &str) -> Result<String> {
    let jar = fresh_jar(base, "fresh")?;
    cookies_of(&jar)
}

/// A curl cookie jar (a file named for `what`) holding a fresh browser's
/// cookies.
pub fn fresh_jar(base: &str, what: &str) -> Result<String> {
    let jar = std::env::temp_dir()
        .join(format!("secinfo-xtask-jar-{what}-{}", std::process::id()))
        .to_string_lossy()
        .into_owned();
    let session = format!("{base}/api/session");
    output("curl", &["-sf", "-o", "/dev/null", "-c", &jar, &session])
        .ok_or("GET /api/session failed")?;
    Ok(jar)
}

/// Signs in with curl; returns the Cookie header value (session and CSRF).
pub fn sign_in_as(base: &str, account: &str, password: &str) -> Result<String> {
    let jar = fresh_jar(base, "sign-in")?;
    let cookie = cookies_of_keeping(&jar)?;
    let body = format!(r#"{{"account_name":"{account}","password":"{password}"}}"#);
    output(
        "curl",
        &[
            "-sf",
            "-o",
            "/dev/null",
            "-b",
            &jar,
            "-c",
            &jar,
            "-H",
            "content-type: application/json",
            "-H",
            &format!("origin: {base}"),
            "-H",
            &format!("x-csrf-token: {}", csrf_of(&cookie)?),
            "-d",
            &body,
            &format!("{base}/api/session"),
        ],
    )
    .ok_or("sign-in failed")?;
    cookies_of(&jar)
}

/// The CSRF token in a Cookie header value (double submit: the cookie's value).
pub fn csrf_of(cookie: &str) -> Result<String> {
    cookie
        .split("; ")
        .find_map(|c| c.strip_prefix("secinfo-csrf="))
        .map(str::to_owned)
        .ok_or_else(|| "no CSRF cookie".to_owned())
}

/// A curl cookie jar as a Cookie header value; the jar is removed.
fn cookies_of(jar: &str) -> Result<String> {
    let cookie = cookies_of_keeping(jar);
    let _ = std::fs::remove_file(jar);
    cookie
}

pub fn cookies_of_keeping(jar: &str) -> Result<String> {
    let text = std::fs::read_to_string(jar).map_err(|e| e.to_string())?;
    Ok(text
        .lines()
        .filter(|l| !l.starts_with('#') || l.starts_with("#HttpOnly_"))
        .filter_map(|l| {
            let fields: Vec<&str> = l.split('\t').collect();
            (fields.len() == 7).then(|| format!("{}={}", fields[5], fields[6]))
        })
        .collect::<Vec<_>>()
        .join("; "))
}

/// (VmRSS, VmHWM) of a process, in KiB; an error, never 0, when the
/// process is gone.
pub fn rss_kib(pid: u32) -> Result<(u64, u64)> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .map_err(|e| format!("the server's memory (pid {pid}): {e}"))?;
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .ok_or_else(|| format!("no {name} for pid {pid}"))
    };
    Ok((field("VmRSS:")?, field("VmHWM:")?))
}
