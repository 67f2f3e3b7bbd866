//! S24: the API fuzzed from its own OpenAPI description with
//! schemathesis, signed in as an admin so the protected operations are
//! reached too. Any 5xx fails the run. A fixed seed keeps CI repeatable;
//! `SECINFO_FUZZ_SEED` picks another.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use crate::instance::{
    csrf_of, free_port, sign_in_as, sqlite_url, start_server, still_ours, wait_until_up,
};
use crate::run::{run, step};
use crate::{Result, setup};

pub fn s24_schemathesis(server: &Path) -> Result {
    let st = setup::schemathesis()?;
    step("S24: fuzzing the API from its OpenAPI description (schemathesis, no 5xx allowed)");
    let data = std::env::temp_dir().join(format!("secinfo-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&data).map_err(|e| e.to_string())?;
    // A port nobody holds: the requests must reach the server started here.
    let port = free_port()?;
    let started = Instant::now();
    let mut child = start_server(server, "test", port, &sqlite_url(&data), &[])?;
    let result = fuzz(&st, started, port, &mut child);
    let _ = child.kill();
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(&data);
    result
}

fn fuzz(st: &Path, started: Instant, port: u16, child: &mut std::process::Child) -> Result {
    let base = format!("http://localhost:{port}");
    wait_until_up(&base, started)?;
    still_ours(child)?;
    let cookie = sign_in_as(&base, "megan.bowen@contoso.example", "Contoso-Admin-2026")?;
    let csrf = csrf_of(&cookie)?;
    let seed = std::env::var("SECINFO_FUZZ_SEED").unwrap_or_else(|_| "24".into());
    // Its cache of found cases stays with it, out of the repository.
    run(Command::new(st)
        .current_dir(st.parent().and_then(Path::parent).unwrap_or(st))
        .arg("run")
        .arg(format!("{base}/api/openapi.json"))
        .args(["--url", &base])
        .args(["--header", &format!("Cookie: {cookie}")])
        .args(["--header", &format!("x-csrf-token: {csrf}")])
        .args(["--header", &format!("Origin: {base}")])
        .args(["--checks", "not_a_server_error"])
        .args(["--max-examples", "30", "--workers", "2", "--seed", &seed])
        // Signing out would end the session every other operation needs.
        .args(["--exclude-path", "/api/session"])
        .args(["--exclude-path", "/api/me/sessions"])
        .arg("--no-color"))?;
    still_ours(child)
}
