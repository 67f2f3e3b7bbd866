//! S24: the API fuzzed from its own OpenAPI description with
//! schemathesis, signed in as an admin with a method, a call under way, an
//! app and a key being set up (`fuzz_state`), each operation that takes an
//! id given a real one; then a password reset under way, on its own
//! cookie. Any 5xx fails the run. A fixed seed keeps CI repeatable;
//! `SECINFO_FUZZ_SEED` picks another.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use crate::instance::{
    csrf_of, free_port, fresh_browser, sign_in_as, sqlite_url, start_server, still_ours,
    wait_until_up,
};
use crate::run::{run, step};
use crate::{Result, fuzz_state, setup};

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
    // The state the operations that take an id or a session of a kind
    // need, so that they reach their logic rather than a 401 or a 404.
    let owner = fuzz_state::reset_owner(&base)?;
    let admin = fuzz_state::admin(&base)?;
    let config = std::env::temp_dir().join(format!("secinfo-fuzz-{}.toml", std::process::id()));
    std::fs::write(&config, &admin.config).map_err(|e| e.to_string())?;
    let signed_in = schemathesis(
        st,
        &base,
        &admin.cookie,
        &config,
        &[
            // Signing out would end the session every other operation needs;
            // a reset has a cookie of its own, and the last passes follow.
            "--exclude-path",
            "/api/session",
            "--exclude-path",
            "/api/me/sessions",
            "--exclude-path-regex",
            "^/api/(password-reset|admin/|invitation)",
            "--exclude-path",
            "/api/me/recovery-codes",
        ],
    );
    still_ours(child)?;
    signed_in?;
    // An invitation's link, from browsers of their own: seeing it and
    // rating passwords, then choosing one, which signs that browser in
    // (and would end another's session); before the administrators' pass,
    // which may delete the invited people.
    std::fs::write(&config, &admin.invitations).map_err(|e| e.to_string())?;
    let invitation_passes: [&[&str]; 2] = [
        &[
            "--include-path-regex",
            "^/api/invitation",
            "--include-method",
            "POST",
        ],
        &[
            "--include-path",
            "/api/invitation",
            "--include-method",
            "PUT",
        ],
    ];
    for filters in invitation_passes {
        let invited = fresh_browser(&base)?;
        let pass = schemathesis(st, &base, &invited, &config, filters);
        still_ours(child)?;
        pass?;
    }
    // The passes that change what the others stand on come last: a new
    // set of recovery codes gives the session a new id, and a policy
    // fuzzed meanwhile would take away the methods a reset needs.
    step("S24: fuzzing a password reset under way (verified with a text)");
    let reset = fuzz_state::reset(&base, &owner)?;
    std::fs::write(&config, "").map_err(|e| e.to_string())?;
    // Signing in from a fresh browser; signing out here, and everywhere,
    // each a session of its own.
    let anonymous = fresh_browser(&base)?;
    let sanne = || sign_in_as(&base, "sanne.dejong@contoso.example", "Contoso-Demo-2026");
    let (here, everywhere) = (sanne()?, sanne()?);
    let passes: [(&str, &[&str]); 6] = [
        (&reset, &["--include-path-regex", "^/api/password-reset"]),
        (
            &anonymous,
            &[
                "--include-path",
                "/api/session",
                "--exclude-method",
                "DELETE",
            ],
        ),
        (
            &here,
            &[
                "--include-path",
                "/api/session",
                "--include-method",
                "DELETE",
            ],
        ),
        (&everywhere, &["--include-path", "/api/me/sessions"]),
        (&admin.cookie, &["--include-path", "/api/me/recovery-codes"]),
        (&admin.cookie, &["--include-path-regex", "^/api/admin/"]),
    ];
    for (cookie, filters) in passes {
        // The administrators' pass names the people each operation is for.
        let parameters = match filters.last() {
            Some(&"^/api/admin/") => admin.config.as_str(),
            _ => "",
        };
        std::fs::write(&config, parameters).map_err(|e| e.to_string())?;
        let pass = schemathesis(st, &base, cookie, &config, filters);
        still_ours(child)?;
        pass?;
    }
    // Before a reset's first proof (N2): a call that rings, a code to type
    // and send again, and the first sends and app codes, each on a reset
    // of its own (a new send replaces the one the others name).
    step("S24: fuzzing password resets before their first proof");
    let unproved: [(&str, &str, &[&str]); 3] = [
        (
            "call",
            "call",
            &["--include-path", "/api/password-reset/contact/{id}"],
        ),
        (
            "code",
            "text",
            &[
                "--include-path-regex",
                "^/api/password-reset/contact/[^/]+/(code|resend)$",
            ],
        ),
        (
            "sends",
            "text",
            &[
                "--include-path-regex",
                "^/api/password-reset/(contact|authenticator)$",
            ],
        ),
    ];
    for (name, channel, filters) in unproved {
        let (cookie, parameters) = fuzz_state::unproved_reset(&base, name, channel)?;
        std::fs::write(&config, parameters).map_err(|e| e.to_string())?;
        let pass = schemathesis(st, &base, &cookie, &config, filters);
        still_ours(child)?;
        pass?;
    }
    step("S24: what each operation answered");
    let description = crate::run::output("curl", &["-sf", &format!("{base}/api/openapi.json")])
        .ok_or("the OpenAPI description did not answer")?;
    let description = serde_json::from_str(&description).map_err(|e| e.to_string())?;
    let reports = config.with_extension("reports");
    let reached = crate::fuzz_report::check(&reports, &description);
    let _ = std::fs::remove_file(&config);
    let _ = std::fs::remove_dir_all(&reports);
    reached
}

/// One schemathesis run with a browser's cookies; any 5xx fails it. Its
/// report (every request and answer) goes to a folder of its own under
/// `reports`.
fn schemathesis(st: &Path, base: &str, cookie: &str, config: &Path, filters: &[&str]) -> Result {
    let csrf = csrf_of(cookie)?;
    let reports = config.with_extension("reports");
    let report_dir = reports.join(filters.join("-").replace(['/', '^', '(', ')', '|'], "_"));
    let seed = std::env::var("SECINFO_FUZZ_SEED").unwrap_or_else(|_| "24".into());
    // Its cache of found cases stays with it, out of the repository.
    run(Command::new(st)
        .current_dir(st.parent().and_then(Path::parent).unwrap_or(st))
        .arg("--config-file")
        .arg(config)
        .arg("run")
        .arg(format!("{base}/api/openapi.json"))
        .args(["--url", base])
        .args(["--header", &format!("Cookie: {cookie}")])
        .args(["--header", &format!("x-csrf-token: {csrf}")])
        .args(["--header", &format!("Origin: {base}")])
        .args(["--checks", "not_a_server_error"])
        // One worker: hypothesis describes its strategies with ast.parse, which
        // CPython 3.11 cannot run on two threads at once ("AST constructor
        // recursion depth mismatch").
        .args(["--max-examples", "30", "--workers", "1", "--seed", &seed])
        .args(filters)
        .args(["--report", "har", "--report-dir"])
        .arg(&report_dir)
        .arg("--no-color"))
}
