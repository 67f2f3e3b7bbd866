//! Running the real server binary in a test: a free port, the process
//! with a fresh SQLite file, and waiting until it answers.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The server in test mode on `port`, its database `<dir>/<db>.db`, with
/// `extra` environment on top.
pub fn start(dir: &std::path::Path, port: u16, db: &str, extra: &[(&str, &str)]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_secinfo-server"))
        .env("SECINFO_MODE", "test")
        .env("SECINFO_COOKIE_SECURE", "false")
        .env("SECINFO_BIND", format!("127.0.0.1:{port}"))
        .env("SECINFO_PUBLIC_ORIGIN", format!("http://localhost:{port}"))
        .env(
            "SECINFO_DATABASE_URL",
            format!("sqlite://{}/{db}.db", dir.display()),
        )
        .env("SECINFO_STATIC_DIR", dir)
        .env("RUST_LOG", "error")
        .envs(extra.iter().copied())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("server binary")
}

pub async fn wait_up(client: &reqwest::Client, base: &str) {
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
pub async fn csrf(client: &reqwest::Client, base: &str) -> (String, String) {
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
