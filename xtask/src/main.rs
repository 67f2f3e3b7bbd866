//! The README's commands, runnable the same way locally and in CI:
//!
//!   cargo xtask serve   install what is missing, build, and serve the demo
//!   cargo xtask test    install what is missing, then every test
//!   cargo xtask dist    the one binary a deployment needs (the client inside)
//!   cargo xtask bench   print the figures the README records
//!   cargo xtask fuzz    only the S24 stage of `test`: schemathesis against the API
//!   cargo xtask conformance  only the OpenID Connect conformance stage of `test`
//!   cargo xtask setup   only install what is missing
//!   cargo xtask size    the built client's first load, and its bytes by crate
//!
//! Plain std, so it builds in seconds on a fresh machine.

#![allow(
    clippy::cast_precision_loss,
    reason = "sizes and times become figures printed for people, never counted on"
)]

mod bench;
mod bench_data;
mod bench_oidc;
mod build;
mod conformance;
mod dist;
mod fuzz;
mod fuzz_report;
mod fuzz_state;
mod instance;
mod postgres;
mod run;
mod setup;
mod size;
mod soak;
mod test;
mod tidy;
mod totp;
mod wasm_bytes;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => build::serve(&args[1..]),
        Some("test") => test::all(&args[1..]),
        Some("bench") => bench::bench(&args[1..]),
        Some("fuzz") => build::server(false).and_then(|server| fuzz::s24_schemathesis(&server)),
        Some("conformance") => {
            build::server(false).and_then(|server| conformance::basic_op(&server))
        }
        Some("dist") => dist::dist().map(|_| ()),
        Some("soak") => soak::soak(&args[1..]),
        Some("setup") => setup::all(),
        Some("size") => size::report(),
        Some("tidy") => tidy::check(),
        Some("client") => setup::client_tools().and_then(|()| build::client()),
        _ => {
            eprintln!(
                "usage: cargo xtask <serve [--port N] | test [--skip-e2e] | dist | bench [--sqlite-only] | soak [--minutes N] | fuzz | conformance | size | tidy | client | setup>"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("\nxtask: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (xtask lives one level below it).
pub fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}

pub type Result<T = ()> = std::result::Result<T, String>;
