//! S25: nothing acknowledged is lost. The real server binary takes writes
//! from several clients, is killed with SIGKILL mid-load, and restarted;
//! every write it had acknowledged is there.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot unwrap has failed"
)]
#![allow(
    clippy::pedantic,
    reason = "tests are held to clippy's default groups; pedantic is for the product's code"
)]

use std::sync::{Arc, Mutex};
use std::time::Duration;

use models::AccountName;
use secinfo_server::store::Store;

mod support;
use support::{csrf, free_port, wait_up};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn s25_acknowledged_writes_survive_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("index.html"), "<!doctype html>").unwrap();
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let origin = format!("http://localhost:{port}");
    let client = reqwest::Client::new();
    let mut server = start(dir.path(), port);
    wait_up(&client, &base).await;

    let acknowledged = Arc::new(Mutex::new(Vec::<String>::new()));
    let mut writers = Vec::new();
    for writer in 0..4 {
        let (client, base, origin, acknowledged) = (
            client.clone(),
            base.clone(),
            origin.clone(),
            acknowledged.clone(),
        );
        writers.push(tokio::spawn(async move {
            let (cookie, token) = csrf(&client, &base).await;
            for n in 0.. {
                let account = format!("crash-{writer}-{n}@contoso.example");
                let body = serde_json::json!({ "account_name": account, "password": "pw", "display_name": "Crash" });
                let sent = client
                    .post(format!("{base}/api/test/users"))
                    .header("cookie", &cookie)
                    .header("x-csrf-token", &token)
                    .header("origin", &origin)
                    .header("content-type", "application/json")
                    .body(body.to_string())
                    .send()
                    .await;
                match sent {
                    Ok(r) if r.status().as_u16() == 201 => acknowledged.lock().unwrap().push(account),
                    _ => break, // the server is gone
                }
            }
        }));
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    server.kill().expect("SIGKILL"); // Child::kill sends SIGKILL on Unix
    server.wait().unwrap();
    for writer in writers {
        writer.await.unwrap();
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(
        acknowledged.len() >= 8,
        "too little load to mean anything: {}",
        acknowledged.len()
    );

    // Restart on the same file; every acknowledged account is there.
    let mut again = start(dir.path(), port);
    wait_up(&client, &base).await;
    let store = Store::connect(&format!("sqlite://{}/crash.db", dir.path().display()))
        .await
        .unwrap();
    for account in &acknowledged {
        let name = AccountName::parse(account).unwrap();
        assert!(
            store.user_by_account_name(&name).await.unwrap().is_some(),
            "{account} was acknowledged and lost"
        );
    }
    again.kill().unwrap();
    again.wait().unwrap();
    println!(
        "{} acknowledged writes survived kill -9",
        acknowledged.len()
    );
}

fn start(dir: &std::path::Path, port: u16) -> std::process::Child {
    support::start(dir, port, "crash", &[("SECINFO_DEMO_SEED", "true")])
}
