//! F7: memory stays bounded under a sign-in storm. The real server binary
//! takes 100 sign-ins at once; Argon2id holds 9 MiB per hash, and the
//! bounded hashing pool lets only a few run together, so the process's
//! peak resident size stays under 150 MiB (without the bound: gigabytes).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot unwrap has failed"
)]
#![allow(
    clippy::pedantic,
    reason = "tests are held to clippy's default groups; pedantic is for the product's code"
)]

use std::process::Child;

mod support;

const PEAK_BUDGET_KIB: u64 = 150 * 1024;

fn start(dir: &std::path::Path, port: u16) -> Child {
    // One client address sends every attempt: lift its limit so that
    // every sign-in reaches the password check.
    support::start(
        dir,
        port,
        "memory",
        &[("SECINFO_SIGNIN__ADDRESS_FAILURES", "100000")],
    )
}

/// The process's peak resident set size so far (VmHWM), in KiB.
fn peak_rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM in /proc/<pid>/status")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn f7_a_hundred_parallel_sign_ins_stay_within_the_memory_budget() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("index.html"), "<!doctype html>").unwrap();
    let port = support::free_port();
    let base = format!("http://127.0.0.1:{port}");
    let origin = format!("http://localhost:{port}");
    let client = reqwest::Client::new();
    let mut server = start(dir.path(), port);
    support::wait_up(&client, &base).await;
    let (cookie, token) = support::csrf(&client, &base).await;
    let idle = peak_rss_kib(server.id());

    let attempts: Vec<_> = (0..100)
        .map(|n| {
            let (client, base, origin, cookie, token) = (
                client.clone(),
                base.clone(),
                origin.clone(),
                cookie.clone(),
                token.clone(),
            );
            tokio::spawn(async move {
                // Unknown accounts still cost a full Argon2id check (the decoy).
                let body = serde_json::json!({
                    "account_name": format!("storm-{n}@contoso.example"),
                    "password": "Not-The-Password-1",
                });
                client
                    .post(format!("{base}/api/session"))
                    .header("cookie", &cookie)
                    .header("x-csrf-token", &token)
                    .header("origin", &origin)
                    .header("content-type", "application/json")
                    .body(body.to_string())
                    .send()
                    .await
                    .unwrap()
                    .status()
                    .as_u16()
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for attempt in attempts {
        statuses.push(attempt.await.unwrap());
    }
    let peak = peak_rss_kib(server.id());
    server.kill().unwrap();
    server.wait().unwrap();
    let checked = statuses.iter().filter(|s| **s == 401).count();
    println!(
        "idle {} MiB, peak {} MiB after 100 parallel sign-ins ({checked} checked, others {:?})",
        idle / 1024,
        peak / 1024,
        statuses.iter().filter(|s| **s != 401).collect::<Vec<_>>()
    );
    assert!(
        statuses.iter().all(|s| *s == 401 || *s == 503),
        "{statuses:?}"
    );
    assert!(checked >= 50, "most attempts were checked: {statuses:?}");
    assert!(
        peak < PEAK_BUDGET_KIB,
        "peak RSS {} MiB over the budget of {} MiB",
        peak / 1024,
        PEAK_BUDGET_KIB / 1024
    );
}

/// This process's peak resident set size so far, in KiB.
fn own_peak_rss_kib() -> u64 {
    peak_rss_kib(std::process::id())
}

/// The metrics' recorder keeps each request's duration as a sample of its
/// own until its upkeep folds them into the buckets: 8 bytes a request,
/// for as long as the process ran, when nobody read `/metrics`. Five
/// million durations recorded in bursts (as requests arrive) leave the
/// process within a few MiB; kept one by one they were 80 (16 bytes each).
#[test]
fn recorded_durations_are_folded_into_buckets_not_kept_one_by_one() {
    secinfo_server::metrics::handle();
    let before = own_peak_rss_kib();
    let histogram = metrics::histogram!(
        "secinfo_http_request_duration_seconds",
        "route" => "/api/health",
        "method" => "GET"
    );
    for _ in 0..10 {
        for n in 0..500_000_u32 {
            histogram.record(f64::from(n % 100) / 1000.0);
        }
        std::thread::sleep(
            secinfo_server::metrics::UPKEEP_EVERY + std::time::Duration::from_millis(100),
        );
    }
    let grown = own_peak_rss_kib() - before;
    assert!(
        grown < 16 * 1024,
        "5,000,000 durations recorded raised the peak by {grown} KiB"
    );
    assert!(
        secinfo_server::metrics::handle()
            .render()
            .contains("secinfo_http_request_duration_seconds_count{route=\"/api/health\",method=\"GET\"} 5000000"),
        "every duration counted in the buckets"
    );
}
