//! The README's second command: every test, as CI runs it.
//!
//! 1. formatting, tidy, cargo deny (licences, bans, sources) and clippy
//!    (warnings are errors);
//! 2. Rust unit and API tests on SQLite and on a throwaway PostgreSQL (the
//!    i18n build check runs as part of the build), and the client's own
//!    unit tests, natively;
//! 3. the release client, and the size of the sign-in page's first load
//!    (printed, and held under its ceiling: `size.rs`);
//! 4. Playwright in Debian's Chromium against the real server (the debug
//!    binary the API tests already built);
//! 5. schemathesis fuzzing the same server from its OpenAPI description (S24);
//! 6. the OpenID Connect conformance harness (the Basic OP test plan's
//!    modules, through Authlib) against it;
//! 7. S43: the end-to-end run's whole server log searched for every secret
//!    the run used;
//! 8. the one binary (`dist.rs`): built in release with the client inside,
//!    serving the product from an empty folder; the systemd unit and the
//!    container file through their checkers.

use std::process::Command;
use std::time::Instant;

use crate::run::{output, run, step};
use crate::{Result, build, postgres, root, setup};

/// What a run from a fresh clone writes (target/, the tools), in GB.
const FRESH_RUN_WRITES_GB: u64 = 10;

/// Says how much disk is free where the build writes, and warns when a
/// fresh run may not fit: a full disk shows up much later as a linker's
/// crash (`Bus error`), which names no disk.
fn say_free_disk() {
    let Some(df) = output("df", &["-Pk", &root().to_string_lossy()]) else {
        return;
    };
    let free_kib = df
        .lines()
        .nth(1)
        .and_then(|line| line.split_whitespace().nth(3))
        .and_then(|free| free.parse::<u64>().ok());
    if let Some(free_kib) = free_kib {
        let free_gb = free_kib / 1_000_000;
        eprintln!("disk: {free_gb} GB free where the build writes");
        if free_gb < FRESH_RUN_WRITES_GB {
            eprintln!(
                "warning: a run from a fresh clone writes about {FRESH_RUN_WRITES_GB} GB; \
                 a full disk fails the build's linking (Bus error)"
            );
        }
    }
}

pub fn all(args: &[String]) -> Result {
    let started = Instant::now();
    let skip_e2e = match args {
        [] => false,
        [flag] if flag == "--skip-e2e" => true,
        _ => return Err(format!("test takes --skip-e2e or nothing, not {args:?}")),
    };
    say_free_disk();
    setup::client_tools()?;
    setup::system_packages(&["chromium", "brotli", "curl", "systemd"])?;
    setup::postgres_binaries()?;
    if !skip_e2e {
        setup::apache_with_openidc()?;
        setup::node_packages()?;
    }

    step("checking formatting");
    run(Command::new("cargo")
        .args(["fmt", "--all", "--", "--check"])
        .current_dir(root()))?;

    step("tidy: the architecture's rules a search can hold");
    crate::tidy::check()?;

    // Offline, so without the advisory database (docs/developing.md); two versions of
    // one crate are reported by a plain `cargo deny check`, not failed here.
    // It reads every crate of the lock file, for every platform: on a fresh
    // machine `cargo fetch` brings them from crates.io first.
    step("cargo deny: every dependency's licence, bans and sources (deny.toml)");
    run(Command::new("cargo").arg("fetch").current_dir(root()))?;
    run(Command::new(setup::cargo_deny()?)
        .args(["--offline", "check", "--allow", "duplicate"])
        .args(["licenses", "bans", "sources"])
        .current_dir(root()))?;

    step("clippy, warnings as errors (server, models, i18n, xtask; the client for wasm)");
    run(Command::new("cargo")
        .args([
            "clippy",
            "--workspace",
            "--exclude",
            "secinfo-app",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ])
        .current_dir(root()))?;
    run(Command::new("cargo")
        .args([
            "clippy",
            "--package",
            "secinfo-app",
            "--target",
            "wasm32-unknown-unknown",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ])
        .current_dir(root()))?;

    {
        let cluster = postgres::Cluster::start()?;
        step("Rust tests (SQLite and PostgreSQL)");
        run(Command::new("cargo")
            .args(["test", "--workspace", "--exclude", "secinfo-app"])
            .current_dir(root())
            .env("SECINFO_TEST_POSTGRES_URL", &cluster.url)
            .env("SECINFO_REQUIRE_POSTGRES", "1"))?;
    }

    step("the client's unit tests (natively: they touch no browser API)");
    run(Command::new("cargo")
        .args(["test", "--package", "secinfo-app"])
        .current_dir(root()))?;

    step("checking the client compiles for wasm (and its locales)");
    if skip_e2e {
        run(Command::new("cargo")
            .args([
                "check",
                "--package",
                "secinfo-app",
                "--target",
                "wasm32-unknown-unknown",
            ])
            .current_dir(root()))?;
    } else {
        build::client()?;
        step("size of the sign-in page's first load");
        crate::size::gate()?;
        let server = build::server(false)?;
        step("Playwright end-to-end tests in Chromium");
        let e2e_data = std::env::temp_dir().join(format!("secinfo-e2e-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&e2e_data);
        std::fs::create_dir_all(&e2e_data).map_err(|e| e.to_string())?;
        run(Command::new("npx")
            .args(["playwright", "test"])
            .current_dir(root().join("end2end"))
            .env("SECINFO_SERVER_BIN", &server)
            .env("SECINFO_E2E_DATA", &e2e_data)
            .env("SECINFO_DIST", root().join("dist")))?;
        step("S43: the end-to-end run's server log holds none of the run's secrets");
        run(Command::new("python3")
            .arg(root().join("end2end/logs/s43_log_check.py"))
            .arg(e2e_data.join("server.log"))
            .arg(e2e_data.join("e2e.db"))
            .arg(root()))?;
        crate::fuzz::s24_schemathesis(&server)?;
        crate::conformance::basic_op(&server)?;
        let binary = crate::dist::one_binary()?;
        crate::dist::serves_alone(&binary)?;
        crate::dist::deployment_files(&binary)?;
    }
    eprintln!("\nAll tests passed in {:.0?}.", started.elapsed());
    Ok(())
}
