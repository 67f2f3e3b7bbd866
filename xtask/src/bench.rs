//! `cargo xtask bench`: prints the figures docs/figures.md records. A command
//! that measures, not a test: nothing here passes or fails on a number,
//! only on a measurement that would be of the wrong thing.
//!
//! The client: sizes, where the wasm's bytes go, cold loads of the sign-in
//! page in headless Chromium. The server, on SQLite and then PostgreSQL,
//! each from one run: start-up on an empty database; requests/s, p50 and
//! p99 at 64 connections for a trivial endpoint, the Security info JSON,
//! a wrong code from a signed-in person and from a sign-in waiting for its
//! second step (the counters checked exact afterwards) and a sign-in
//! (Argon2id), the People page's search, an application's token exchange
//! (which signs an ID token) and its UserInfo call, each as a share of the
//! trivial figure; the same Security info, sign-in and search at 1,000 and at
//! 100,000 people (1,000,000 audit rows);
//! start-up on that database; memory idle and at its peak.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Child, Command};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use crate::bench_data::{self, Db, PERSON};
use crate::bench_oidc;
use crate::instance::{
    csrf_of, free_port, fresh_browser, rss_kib, sign_in_as, sqlite_url, start_server, still_ours,
    wait_until_up,
};
use crate::run::{output, run, step};
use crate::{Result, build, postgres, root, setup};

/// The demo password of `PERSON`.
const PASSWORD: &str = "Contoso-Demo-2026";
/// The demo administrator's password.
const ADMIN_PASSWORD: &str = "Contoso-Admin-2026";
/// Step-up challenges per wrong-code thread: more than it can send tries
/// to (five each) in one run.
const CHALLENGES_PER_THREAD: u64 = 50_000;
const CONNECTIONS: &str = "-c64";
/// wrk's connections, as a number: the token exchanges need two refresh
/// tokens for each (`xtask/bench/refresh.lua`).
const CONNECTIONS_COUNT: usize = 64;
/// The sign-ins all come from one address to one account: their limits
/// (which count an attempt until its password proves right) would refuse
/// most before the password checks the bench measures.
const SIGN_IN_LIMITS_OFF: &[(&str, &str)] = &[
    ("SECINFO_SIGNIN__ADDRESS_FAILURES", "1000000"),
    ("SECINFO_SIGNIN__ACCOUNT_FAILURES", "1000000"),
];
const SECONDS: &str = "-d5s";

/// `--sqlite-only` leaves out PostgreSQL's half (a quicker look at one
/// change; docs/figures.md records whole runs).
pub fn bench(args: &[String]) -> Result {
    let sqlite_only = match args {
        [] => false,
        [flag] if flag == "--sqlite-only" => true,
        _ => {
            return Err(format!(
                "bench takes --sqlite-only or nothing, not {args:?}"
            ));
        }
    };
    setup::all()?;
    setup::system_packages(&["wrk", "curl", "sqlite3"])?;
    build::client()?;
    let server = build::server(true)?;

    step("client size");
    print_sizes()?;
    crate::size::report()?;

    let data = std::env::temp_dir().join(format!("secinfo-bench-{}", std::process::id()));
    std::fs::create_dir_all(&data).map_err(|e| e.to_string())?;
    let sqlite = Db::Sqlite(data.join("secinfo.db"));
    let result = backend(&server, &sqlite, &sqlite_url(&data), true);
    let _ = std::fs::remove_dir_all(&data);
    result?;
    if sqlite_only {
        return Ok(());
    }

    let cluster = postgres::Cluster::start_on(free_port()?)?;
    let postgres = Db::Postgres {
        psql: cluster.bin.join("psql"),
        url: cluster.url.clone(),
    };
    backend(&server, &postgres, &cluster.url, false)
}

/// Every server figure on one database, from one server process (and a
/// second start on the grown database).
fn backend(server: &Path, db: &Db, url: &str, cold_load: bool) -> Result {
    step(&format!("the server on {}", db.name()));
    let port = free_port()?;
    let base = format!("http://localhost:{port}");
    let started = Instant::now();
    let mut child = start_server(server, "development", port, url, SIGN_IN_LIMITS_OFF)?;
    let result = measure(db, &mut child, started, &base, cold_load);
    let _ = child.kill();
    let _ = child.wait();
    result?;

    let started = Instant::now();
    let mut child = start_server(server, "development", port, url, SIGN_IN_LIMITS_OFF)?;
    let result = wait_until_up(&base, started).and_then(|()| still_ours(&mut child));
    let elapsed = started.elapsed().as_millis();
    let _ = child.kill();
    let _ = child.wait();
    result?;
    println!(
        "start-up on the database with 100,000 people, until /api/health answers: {elapsed} ms"
    );
    Ok(())
}

fn measure(db: &Db, child: &mut Child, started: Instant, base: &str, cold_load: bool) -> Result {
    wait_until_up(base, started)?;
    still_ours(child)?;
    println!(
        "start-up on an empty database (migrations, demo organization), until /api/health answers: {} ms",
        started.elapsed().as_millis()
    );
    let pid = child.id();
    let idle = rss_kib(pid)?;
    if cold_load {
        step(
            "cold loads of the sign-in page in headless Chromium (7 loads, each in a new profile)",
        );
        run(Command::new("node")
            .arg("bench/cold-load.mjs")
            .arg(format!("{base}/signin"))
            .current_dir(root().join("end2end")))?;
        let (rss, peak) = rss_kib(pid)?;
        println!(
            "memory (RSS / peak) after the cold loads: {:.1} / {:.1} MiB",
            rss as f64 / 1024.0,
            peak as f64 / 1024.0
        );
    }

    // Signed in before the methods exist, so that the password completes
    // the sign-in; the methods then make Security info need a recent
    // verification, which the bench's data gives.
    let signed_in = sign_in_as(base, PERSON, PASSWORD)?;
    let now = unix_now();
    bench_data::measured_person(db, now, CHALLENGES_PER_THREAD)?;
    bench_data::people(db, 1, 1_000, now)?;
    bench_data::verified_now(db, now)?;

    step(&format!(
        "{} with 1,000 people: wrk, 2 threads, 64 connections, 5 s each",
        db.name()
    ));
    let trivial = wrk(&format!("{base}/api/health"), &[], None)?.with_memory_of(pid)?;
    let info = security_info(base, &signed_in)?.with_memory_of(pid)?;
    let wrong_code =
        wrong_codes(db, base, &signed_in, bench_data::STEP_UP_CHALLENGES)?.with_memory_of(pid)?;
    // A password-only sign-in now waits for its second step (the person has
    // methods): its wrong codes are the two-step sign-in's code check.
    let waiting = sign_in_as(base, PERSON, PASSWORD)?;
    let second_step =
        wrong_codes(db, base, &waiting, bench_data::SECOND_STEP_CHALLENGES)?.with_memory_of(pid)?;
    let sign_in = sign_ins(base)?.with_memory_of(pid)?;
    let admin = sign_in_as(base, bench_data::ADMIN, ADMIN_PASSWORD)?;
    bench_data::admin_verified_now(db, now)?;
    let search = people_search(base, &admin)?.with_memory_of(pid)?;
    let rare = people_search_for(base, &admin, "bench999")?.with_memory_of(pid)?;
    // An application the person signed in to once per connection: a
    // refresh token each for the token exchanges, an access token for
    // UserInfo.
    let tokens = bench_oidc::signed_in_to_application(
        base,
        &admin,
        &signed_in,
        2 * CONNECTIONS_COUNT,
        "ES256",
    )?;
    let exchange = token_exchanges(base, &tokens)?.with_memory_of(pid)?;
    // The same for an application that asks for RS256 ID tokens.
    let rsa_tokens = bench_oidc::signed_in_to_application(
        base,
        &admin,
        &signed_in,
        2 * CONNECTIONS_COUNT,
        "RS256",
    )?;
    let rsa_exchange = token_exchanges(base, &rsa_tokens)?.with_memory_of(pid)?;
    let userinfo = wrk(
        &format!("{base}/oauth2/userinfo"),
        &[("Authorization", &format!("Bearer {}", tokens.access))],
        None,
    )?
    .with_memory_of(pid)?;
    print_header();
    print_row("GET /api/health", &trivial, None);
    print_row("GET /api/me/security-info", &info, Some(&trivial));
    print_row("POST a wrong code", &wrong_code, Some(&trivial));
    print_row("POST a wrong code, 2nd step", &second_step, Some(&trivial));
    print_row("POST /api/session (sign-in)", &sign_in, Some(&trivial));
    print_row("POST /api/admin/people/search", &search, Some(&trivial));
    print_row("  the same, one person found", &rare, Some(&trivial));
    print_row("POST /oauth2/token (refresh)", &exchange, Some(&trivial));
    print_row("  the same, RS256 ID tokens", &rsa_exchange, Some(&trivial));
    print_row("GET /oauth2/userinfo", &userinfo, Some(&trivial));
    println!(
        "ID tokens signed: ES256 {:.0}, RS256 {:.0} per second, one in each token exchange above",
        exchange.per_second, rsa_exchange.per_second
    );
    still_ours(child)?;

    step(&format!(
        "{}: growing to 100,000 people with 1,000,000 audit rows",
        db.name()
    ));
    let seeding = Instant::now();
    bench_data::people(db, 1_001, 100_000, now)?;
    println!("seeded in {} ms", seeding.elapsed().as_millis());
    // Measured in the steady state: PostgreSQL's autovacuum would otherwise
    // analyze the million new rows on the same two cores during the runs,
    // and its checkpointer write them out.
    match db {
        Db::Sqlite(_) => db.exec("ANALYZE")?,
        Db::Postgres { .. } => {
            db.exec("VACUUM ANALYZE")?;
            db.exec("CHECKPOINT")?;
        }
    }
    bench_data::verified_now(db, unix_now())?;
    let security_info_grown = security_info(base, &signed_in)?.with_memory_of(pid)?;
    let sign_in_grown = sign_ins(base)?.with_memory_of(pid)?;
    bench_data::admin_verified_now(db, unix_now())?;
    let search_grown = people_search(base, &admin)?.with_memory_of(pid)?;
    let rare_grown = people_search_for(base, &admin, "bench99999")?.with_memory_of(pid)?;
    print_header();
    print_row(
        "GET /api/me/security-info",
        &security_info_grown,
        Some(&info),
    );
    print_row(
        "POST /api/session (sign-in)",
        &sign_in_grown,
        Some(&sign_in),
    );
    print_row(
        "POST /api/admin/people/search",
        &search_grown,
        Some(&search),
    );
    print_row("  the same, one person found", &rare_grown, Some(&rare));
    println!("(the share here: of the same endpoint's figure at 1,000 people)");

    still_ours(child)?;
    let after = rss_kib(child.id())?;
    println!(
        "memory (RSS): idle after start {} KiB; after the runs {} KiB; peak {} KiB ({:.1} MiB)",
        idle.0,
        after.0,
        after.1,
        after.1 as f64 / 1024.0
    );
    Ok(())
}

fn security_info(base: &str, cookie: &str) -> Result<Wrk> {
    let figures = wrk(
        &format!("{base}/api/me/security-info"),
        &[("Cookie", cookie)],
        None,
    )?;
    figures.only(200, "GET /api/me/security-info")?;
    Ok(figures)
}

/// Wrong codes with the session of `cookie`, each to the next of the
/// challenges named `prefix`-<thread>-<n>; afterwards the run's tries on
/// them and the person's failures must each count every wrong answer given
/// (S7: one statement counts each, none is lost). They may count a few
/// more: the requests still under way when wrk stops (at most one per
/// connection) are counted by the server but never answered.
fn wrong_codes(db: &Db, base: &str, cookie: &str, prefix: &str) -> Result<Wrk> {
    let script = root().join("xtask/bench/post.lua");
    let (tries_before, failures_before) = bench_data::wrong_codes_counted(db, prefix)?;
    let path = format!("/api/me/challenges/{prefix}-%d-%d/code");
    let figures = wrk(
        base,
        &[],
        Some((
            &script,
            &[
                &path,
                r#"{"code":"000000"}"#,
                cookie,
                &csrf_of(cookie)?,
                base,
                &CHALLENGES_PER_THREAD.to_string(),
            ],
        )),
    )?;
    figures.only(400, "wrong codes")?;
    let answered = figures.answered.get(&400).copied().unwrap_or(0);
    let (tries, failures) = bench_data::wrong_codes_counted(db, prefix)?;
    let (tries, failures) = (tries - tries_before, failures - failures_before);
    println!(
        "wrong codes answered: {answered}; tries counted on the challenges: {tries}; failures counted for the person: {failures}"
    );
    let in_flight = CONNECTIONS
        .trim_start_matches("-c")
        .parse::<u64>()
        .unwrap_or(0);
    let exact = |counted: u64| (answered..=answered + in_flight).contains(&counted);
    if !exact(tries) || !exact(failures) {
        return Err(format!(
            "the wrong-code counters are not exact under load: {answered} answered, \
             {tries} tries and {failures} failures counted (at most {in_flight} more allowed)"
        ));
    }
    println!(
        "counters exact: every wrong answer counted once (the rest: requests cut off by wrk's stop)"
    );
    Ok(figures)
}

/// The People page's search as its administrator types a name's start:
/// a page of 25 of the people whose name has a word starting "bench pers"
/// (every seeded person), in the order of their names.
fn people_search(base: &str, cookie: &str) -> Result<Wrk> {
    people_search_for(base, cookie, "bench pers")
}

/// The search for `typed`; "bench999" at 1,000 people and "bench99999" at
/// 100,000 find one person each, through the words index.
fn people_search_for(base: &str, cookie: &str, typed: &str) -> Result<Wrk> {
    let body = format!(r#"{{"query":"{typed}"}}"#);
    let script = root().join("xtask/bench/post.lua");
    let figures = wrk(
        base,
        &[],
        Some((
            &script,
            &[
                "/api/admin/people/search",
                &body,
                cookie,
                &csrf_of(cookie)?,
                base,
            ],
        )),
    )?;
    figures.only(200, "people searches")?;
    Ok(figures)
}

/// Token exchanges: the refresh grant, each answer a new access token,
/// refresh token and signed ID token, each request with a refresh token an
/// earlier answer gave (`xtask/bench/refresh.lua`).
fn token_exchanges(base: &str, tokens: &bench_oidc::Tokens) -> Result<Wrk> {
    let script = root().join("xtask/bench/refresh.lua");
    let figures = wrk(
        &format!("{base}/oauth2/token"),
        &[],
        Some((&script, &[&tokens.basic, &tokens.refresh.join(","), "2"])),
    )?;
    figures.only(200, "token exchanges")?;
    Ok(figures)
}

/// Right passwords from a fresh browser: each a full Argon2id check and a
/// new (pending: the person has methods) session.
fn sign_ins(base: &str) -> Result<Wrk> {
    let cookie = fresh_browser(base)?;
    let script = root().join("xtask/bench/post.lua");
    let body = format!(r#"{{"account_name":"{PERSON}","password":"{PASSWORD}"}}"#);
    let figures = wrk(
        base,
        &[],
        Some((
            &script,
            &["/api/session", &body, &cookie, &csrf_of(&cookie)?, base],
        )),
    )?;
    figures.only(200, "sign-ins")?;
    Ok(figures)
}

fn print_header() {
    println!(
        "{:<30} {:>9} {:>9} {:>9} {:>11} {:>18}",
        "endpoint", "req/s", "p50", "p99", "share", "RSS / peak after"
    );
}

fn print_row(name: &str, figures: &Wrk, of: Option<&Wrk>) {
    let share = of.map_or(String::new(), |of| {
        format!("{:.1} %", 100.0 * figures.per_second / of.per_second)
    });
    let memory = figures.memory.map_or(String::new(), |(rss, peak)| {
        format!(
            "{:.1} / {:.1} MiB",
            rss as f64 / 1024.0,
            peak as f64 / 1024.0
        )
    });
    println!(
        "{name:<30} {:>9.0} {:>9} {:>9} {share:>11} {memory:>18}",
        figures.per_second, figures.p50, figures.p99
    );
}

/// What wrk measured: requests per second, p50 and p99 latency as it
/// prints them, and (with a script) the answers by status.
struct Wrk {
    per_second: f64,
    p50: String,
    p99: String,
    answered: BTreeMap<u16, u64>,
    /// The server's RSS and peak (KiB) just after the run, which tells
    /// what raised the peak the end of the run prints.
    memory: Option<(u64, u64)>,
}

impl Wrk {
    /// The same figures with the memory of the server `pid` after them.
    fn with_memory_of(self, pid: u32) -> Result<Wrk> {
        Ok(Wrk {
            memory: Some(rss_kib(pid)?),
            ..self
        })
    }

    /// Fails unless every answer had `status`: a figure of refusals
    /// would be of the wrong thing.
    fn only(&self, status: u16, what: &str) -> Result {
        if self.answered.keys().any(|s| *s != status) {
            return Err(format!(
                "{what}: answers other than {status}: {:?}",
                self.answered
            ));
        }
        Ok(())
    }
}

fn wrk(url: &str, headers: &[(&str, &str)], script: Option<(&Path, &[&str])>) -> Result<Wrk> {
    let mut args: Vec<String> = ["-t2", CONNECTIONS, SECONDS, "--latency", "--timeout", "30s"]
        .map(str::to_owned)
        .to_vec();
    for (name, value) in headers {
        args.extend(["-H".to_owned(), format!("{name}: {value}")]);
    }
    if let Some((script, _)) = script {
        args.extend(["-s".to_owned(), script.to_string_lossy().into_owned()]);
    }
    args.push(url.to_owned());
    if let Some((_, script_args)) = script {
        args.push("--".to_owned());
        args.extend(script_args.iter().map(|a| (*a).to_owned()));
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = output("wrk", &args).ok_or("wrk failed")?;
    let per_second = out
        .lines()
        .find_map(|l| l.trim().strip_prefix("Requests/sec:"))
        .and_then(|v| v.trim().parse::<f64>().ok())
        .ok_or_else(|| format!("no Requests/sec in wrk output:\n{out}"))?;
    let percentile = |p: &str| {
        out.lines()
            .find_map(|l| l.trim().strip_prefix(p).map(|v| v.trim().to_owned()))
            .unwrap_or_default()
    };
    let mut answered = BTreeMap::new();
    for line in out.lines() {
        if let Some((status, count)) = line
            .strip_prefix("answered ")
            .and_then(|rest| rest.split_once(": "))
            && let (Ok(status), Ok(count)) = (status.parse(), count.trim().parse())
        {
            answered.insert(status, count);
        }
    }
    if script.is_none() {
        if out.contains("Non-2xx") {
            return Err(format!("wrk saw error responses:\n{out}"));
        }
        answered.insert(200, 0);
    }
    if out.contains("Socket errors") {
        return Err(format!("wrk saw socket errors (timeouts?):\n{out}"));
    }
    Ok(Wrk {
        per_second,
        p50: percentile("50%"),
        p99: percentile("99%"),
        answered,
        memory: None,
    })
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
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
        let size = |p: std::path::PathBuf| std::fs::metadata(p).map_or(0, |m| m.len());
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
