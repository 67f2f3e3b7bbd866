//! S25: nothing acknowledged is lost. The real server binary takes writes
//! from several clients, is killed with SIGKILL mid-load, and restarted;
//! every write it had acknowledged is there.

#![allow(clippy::unwrap_used, reason = "a test that cannot unwrap has failed")]

use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use models::AccountName;
use secinfo_server::store::Store;

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start(dir: &std::path::Path, port: u16) -> Child {
    Command::new(env!("CARGO_BIN_EXE_secinfo-server"))
        .env("SECINFO_MODE", "test")
        .env("SECINFO_DEMO_SEED", "true")
        .env("SECINFO_COOKIE_SECURE", "false")
        .env("SECINFO_BIND", format!("127.0.0.1:{port}"))
        .env("SECINFO_PUBLIC_ORIGIN", format!("http://localhost:{port}"))
        .env(
            "SECINFO_DATABASE_URL",
            format!("sqlite://{}/crash.db", dir.display()),
        )
        .env("SECINFO_STATIC_DIR", dir)
        .env("RUST_LOG", "error")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("server binary")
}

async fn wait_up(client: &reqwest::Client, base: &str) {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(30) {
        if client
            .get(format!("{base}/api/health"))
            .send()
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("the server did not come up");
}

/// The CSRF cookie and token of a fresh browser.
async fn csrf(client: &reqwest::Client, base: &str) -> (String, String) {
    let response = client
        .get(format!("{base}/api/session"))
        .send()
        .await
        .unwrap();
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let json: serde_json::Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();
    (cookie, json["csrf_token"].as_str().unwrap().to_owned())
}

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
