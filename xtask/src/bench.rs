//! `cargo xtask bench`: prints the figures the README records. A command
//! that measures, not a test: nothing here passes or fails on a number.
//!
//! Client size (raw / gzip / brotli), a cold load of the sign-in page in
//! headless Chromium (bytes transferred, time until the form is usable),
//! server start-up time, throughput and latency of an authenticated JSON
//! endpoint next to a trivial one (wrk), and the server's memory.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::run::{output, run, step};
use crate::{Result, build, root, setup};

pub fn bench() -> Result {
    setup::all()?;
    setup::system_packages(&["wrk", "curl"])?;
    build::client()?;
    let server = build::server(true)?;

    step("client size");
    print_sizes()?;
    crate::size::report()?;

    let data = std::env::temp_dir().join(format!("secinfo-bench-{}", std::process::id()));
    std::fs::create_dir_all(&data).map_err(|e| e.to_string())?;
    // A port nobody holds: the figures must be of the server started here.
    let port = free_port()?;
    let started = Instant::now();
    // The storm comes from one address: its limit would stop it before the
    // password checks whose memory it measures.
    let mut child = start_server(
        &server,
        "development",
        port,
        &data,
        &[("SECINFO_SIGNIN__ADDRESS_FAILURES", "1000000")],
    )?;
    let result = measure(&mut child, started, port);
    let _ = child.kill();
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(&data);
    result
}

/// A port free now on 127.0.0.1 (the system picks it).
pub(crate) fn free_port() -> Result<u16> {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .map_err(|e| format!("no free port: {e}"))
}

/// Fails when the server started here is not the one answering: it exited
/// (its port taken, its configuration refused) or is gone.
pub(crate) fn still_ours(child: &mut Child) -> Result {
    match child.try_wait() {
        Ok(None) => Ok(()),
        Ok(Some(status)) => Err(format!(
            "the server started for the bench exited ({status}): nothing it printed would be its figures"
        )),
        Err(e) => Err(format!("the bench's server: {e}")),
    }
}

fn measure(child: &mut Child, started: Instant, port: u16) -> Result {
    let base = format!("http://localhost:{port}");
    wait_until_up(&base, started)?;
    still_ours(child)?;
    step("server start-up (fresh database, migrations and demo seed included)");
    println!(
        "start-up until /api/health answers: {} ms",
        started.elapsed().as_millis()
    );
    let rss_idle = rss_kib(child.id())?;

    step("cold load of the sign-in page in headless Chromium (7 loads, each in a new profile)");
    run(Command::new("node")
        .arg("bench/cold-load.mjs")
        .arg(format!("{base}/signin"))
        .current_dir(root().join("end2end")))?;

    step(
        "throughput: trivial endpoint vs authenticated JSON endpoint (wrk, 2 threads, 32 connections, 10 s each)",
    );
    let cookie = sign_in(&base)?;
    let trivial = wrk(&format!("{base}/api/health"), None)?;
    let authenticated = wrk(&format!("{base}/api/me/security-info"), Some(&cookie))?;
    println!(
        "{:<28} {:>10} {:>10} {:>10}",
        "endpoint", "req/s", "p50", "p99"
    );
    for (name, figures) in [
        ("GET /api/health", &trivial),
        ("GET /api/me/security-info", &authenticated),
    ] {
        println!(
            "{name:<28} {:>10.0} {:>10} {:>10}",
            figures.0, figures.1, figures.2
        );
    }
    println!(
        "authenticated / trivial throughput: {:.0} %",
        100.0 * authenticated.0 / trivial.0
    );
    step("server memory");
    still_ours(child)?;
    let after_load = rss_kib(child.id())?;
    println!(
        "RSS idle after start: {} KiB; after the load: {} KiB; peak: {} KiB",
        rss_idle.0, after_load.0, after_load.1
    );
    sign_in_storm(&base, child.id())?;
    still_ours(child)
}

/// 100 sign-ins at once, each a full Argon2id check (unknown accounts get
/// the decoy): how long the storm takes and the server's peak memory, which
/// the bounded hashing pool keeps near idle + a few × 19 MiB.
fn sign_in_storm(base: &str, pid: u32) -> Result {
    step("sign-in storm: 100 parallel sign-ins (curl), each an Argon2id check");
    let before = rss_kib(pid)?;
    let jar = std::env::temp_dir().join(format!("secinfo-storm-jar-{}", std::process::id()));
    let jar = jar.to_string_lossy().into_owned();
    let token = csrf_token(base, &jar)?;
    let started = Instant::now();
    let storm: Vec<_> = (0..100)
        .map(|n| {
            let (base, jar, token) = (base.to_owned(), jar.clone(), token.clone());
            std::thread::spawn(move || {
                let body = format!(
                    r#"{{"account_name":"storm-{n}@contoso.example","password":"Not-The-Password-1"}}"#
                );
                output(
                    "curl",
                    &[
                        "-s", "-o", "/dev/null", "-w", "%{http_code}", "-b", &jar, "-H",
                        "content-type: application/json", "-H", &format!("origin: {base}"), "-H",
                        &format!("x-csrf-token: {token}"), "-d", &body,
                        &format!("{base}/api/session"),
                    ],
                )
                .unwrap_or_default()
            })
        })
        .collect();
    let mut statuses = std::collections::BTreeMap::<String, usize>::new();
    for attempt in storm {
        let status = attempt.join().unwrap_or_default();
        *statuses.entry(status).or_default() += 1;
    }
    let _ = std::fs::remove_file(&jar);
    let after = rss_kib(pid)?;
    println!(
        "100 sign-ins in {} ms; answers {statuses:?}; RSS before {} KiB, after {} KiB, peak {} KiB",
        started.elapsed().as_millis(),
        before.0,
        after.0,
        after.1
    );
    Ok(())
}

fn print_sizes() -> Result {
    let dist = root().join("dist");
    let mut total = (0u64, 0u64, 0u64);
    println!(
        "{:<44} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip -9", "brotli 11"
    );
    let mut entries: Vec<_> = std::fs::read_dir(&dist)
        .map_err(|e| e.to_string())?
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        if !matches!(ext, "wasm" | "js" | "css" | "html") {
            continue;
        }
        let size = |p: std::path::PathBuf| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
        let raw = size(path.clone());
        let gz = size(path.with_extension(format!("{ext}.gz")));
        let br = size(path.with_extension(format!("{ext}.br")));
        total = (total.0 + raw, total.1 + gz, total.2 + br);
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        println!("{name:<44} {raw:>10} {gz:>10} {br:>10}");
    }
    println!(
        "{:<44} {:>10} {:>10} {:>10}",
        "total", total.0, total.1, total.2
    );
    Ok(())
}

/// The server binary on a fresh SQLite database in `data`, with the demo
/// organization, on plain-http localhost.
pub(crate) fn start_server(
    server: &std::path::Path,
    mode: &str,
    port: u16,
    data: &std::path::Path,
    extra_env: &[(&str, &str)],
) -> Result<Child> {
    Command::new(server)
        .current_dir(root())
        .env("SECINFO_MODE", mode)
        .env("SECINFO_DEMO_SEED", "true")
        .env("SECINFO_COOKIE_SECURE", "false")
        .env("SECINFO_BIND", format!("127.0.0.1:{port}"))
        .env("SECINFO_PUBLIC_ORIGIN", format!("http://localhost:{port}"))
        .env(
            "SECINFO_DATABASE_URL",
            format!("sqlite://{}/secinfo.db", data.display()),
        )
        .env("SECINFO_STATIC_DIR", root().join("dist"))
        .env("RUST_LOG", "warn")
        .envs(extra_env.iter().copied())
        .stdout(Stdio::null())
        .spawn()
        .map_err(|e| e.to_string())
}

pub(crate) fn wait_until_up(base: &str, started: Instant) -> Result {
    while started.elapsed() < Duration::from_secs(30) {
        if output("curl", &["-sf", &format!("{base}/api/health")]).is_some() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    Err("the server did not come up within 30 s".into())
}

/// Signs in the demo user with curl; returns the Cookie header value.
fn sign_in(base: &str) -> Result<String> {
    sign_in_as(base, "adele.vance@contoso.example", "Contoso-Demo-2026")
}

/// A fresh browser's CSRF token; its cookie goes to the curl cookie `jar`.
fn csrf_token(base: &str, jar: &str) -> Result<String> {
    let session = output("curl", &["-sf", "-c", jar, &format!("{base}/api/session")])
        .ok_or("GET /api/session failed")?;
    session
        .split("\"csrf_token\":\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .map(str::to_owned)
        .ok_or_else(|| "no csrf token".to_owned())
}

/// Signs in with curl; returns the Cookie header value (session and CSRF).
pub(crate) fn sign_in_as(base: &str, account: &str, password: &str) -> Result<String> {
    let jar = std::env::temp_dir().join(format!("secinfo-bench-jar-{}", std::process::id()));
    let jar = jar.to_string_lossy().into_owned();
    let token = csrf_token(base, &jar)?;
    let body = format!(r#"{{"account_name":"{account}","password":"{password}"}}"#);
    output(
        "curl",
        &[
            "-sf",
            "-b",
            &jar,
            "-c",
            &jar,
            "-H",
            "content-type: application/json",
            "-H",
            &format!("origin: {base}"),
            "-H",
            &format!("x-csrf-token: {token}"),
            "-d",
            &body,
            &format!("{base}/api/session"),
        ],
    )
    .ok_or("sign-in failed")?;
    let jar_text = std::fs::read_to_string(&jar).map_err(|e| e.to_string())?;
    let _ = std::fs::remove_file(&jar);
    let cookie = jar_text
        .lines()
        .filter(|l| !l.starts_with('#') || l.starts_with("#HttpOnly_"))
        .filter_map(|l| {
            let fields: Vec<&str> = l.split('\t').collect();
            (fields.len() == 7).then(|| format!("{}={}", fields[5], fields[6]))
        })
        .collect::<Vec<_>>()
        .join("; ");
    Ok(cookie)
}

/// Requests per second, p50 and p99 latency, as wrk prints them.
fn wrk(url: &str, cookie: Option<&str>) -> Result<(f64, String, String)> {
    let mut args = vec!["-t2", "-c32", "-d10s", "--latency"];
    let header;
    if let Some(cookie) = cookie {
        header = format!("Cookie: {cookie}");
        args.extend(["-H", &header]);
    }
    args.push(url);
    let out = output("wrk", &args).ok_or("wrk failed")?;
    let rps = out
        .lines()
        .find_map(|l| l.trim().strip_prefix("Requests/sec:"))
        .and_then(|v| v.trim().parse::<f64>().ok())
        .ok_or_else(|| format!("no Requests/sec in wrk output:\n{out}"))?;
    let percentile = |p: &str| {
        out.lines()
            .find_map(|l| l.trim().strip_prefix(p).map(|v| v.trim().to_owned()))
            .unwrap_or_default()
    };
    if out.contains("Non-2xx") {
        return Err(format!("wrk saw error responses:\n{out}"));
    }
    Ok((rps, percentile("50%"), percentile("99%")))
}

/// (VmRSS, VmHWM) of a process, in KiB; an error, never 0, when the
/// process is gone.
fn rss_kib(pid: u32) -> Result<(u64, u64)> {
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
