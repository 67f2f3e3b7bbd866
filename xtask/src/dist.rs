//! `cargo xtask dist`: the one file a deployment needs, the release server
//! with the built client inside it (`target/dist/secinfo-server`); and the
//! test command's check of it and of the deployment files in `deploy/`:
//! the binary serves the whole product from an empty folder with a
//! configuration file alone; the systemd unit passes `systemd-analyze
//! verify` and `security` (exposure 2.0 at most); the container file
//! passes hadolint.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::build::{self, target_dir};
use crate::instance::{free_port, still_ours};
use crate::run::{output, run, step};
use crate::{Result, root, setup};

/// The highest exposure `systemd-analyze security` may give the unit.
const EXPOSURE_CEILING: f64 = 2.0;

/// Builds the client, then the release server carrying it, and shows that
/// it serves alone; returns the binary's path.
pub fn dist() -> Result<PathBuf> {
    setup::client_tools()?;
    setup::system_packages(&["brotli", "curl"])?;
    build::client()?;
    let binary = one_binary()?;
    serves_alone(&binary)?;
    Ok(binary)
}

/// The release server with the already built `dist/` inside it.
pub fn one_binary() -> Result<PathBuf> {
    step("building the one binary (release, the client inside)");
    run(Command::new("cargo")
        .args([
            "build",
            "--release",
            "--package",
            "secinfo-server",
            "--features",
            "embed-client",
        ])
        .current_dir(root()))?;
    let built = target_dir().join("release/secinfo-server");
    let folder = target_dir().join("dist");
    std::fs::create_dir_all(&folder).map_err(|e| e.to_string())?;
    let binary = folder.join("secinfo-server");
    std::fs::copy(&built, &binary).map_err(|e| format!("{}: {e}", built.display()))?;
    let bytes = std::fs::metadata(&binary).map_err(|e| e.to_string())?.len();
    eprintln!(
        "{}: {:.1} MB, the client inside; with a configuration file it serves the product",
        binary.display(),
        bytes as f64 / 1e6
    );
    Ok(binary)
}

/// The one binary from an empty folder, with a configuration file alone
/// (its client folder names nothing there): the pages and the client's
/// files are the ones `dist/` holds, precompressed as there.
pub fn serves_alone(binary: &Path) -> Result {
    step("the one binary serves the product from an empty folder");
    let folder = std::env::temp_dir().join(format!("secinfo-dist-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).map_err(|e| e.to_string())?;
    let port = free_port()?;
    let base = format!("http://localhost:{port}");
    let config = folder.join("secinfo.toml");
    std::fs::write(
        &config,
        format!(
            "mode = \"development\"\ndemo_seed = true\ncookie_secure = false\n\
             bind = \"127.0.0.1:{port}\"\npublic_origin = \"{base}\"\n\
             database_url = \"sqlite://{}/secinfo.db\"\nstatic_dir = \"no-such-folder\"\n",
            folder.display()
        ),
    )
    .map_err(|e| e.to_string())?;
    let mut server = without_secinfo_env(Command::new(binary))
        .current_dir(&folder)
        .env("SECINFO_CONFIG", &config)
        .stdout(Stdio::null())
        .spawn()
        .map_err(|e| e.to_string())?;
    let checked = check_served(binary, &folder, &base, &mut server);
    let _ = server.kill();
    let _ = server.wait();
    let _ = std::fs::remove_dir_all(&folder);
    checked
}

fn check_served(
    binary: &Path,
    folder: &Path,
    base: &str,
    server: &mut std::process::Child,
) -> Result {
    let started = Instant::now();
    loop {
        still_ours(server)?;
        let health = without_secinfo_env(Command::new(binary))
            .arg("health")
            .current_dir(folder)
            .env("SECINFO_CONFIG", folder.join("secinfo.toml"))
            .output()
            .map_err(|e| e.to_string())?;
        if health.status.success() {
            break;
        }
        if started.elapsed().as_secs() > 30 {
            return Err("the one binary was not ready within 30 s".into());
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let dist = root().join("dist");
    let sign_in = fetch(&format!("{base}/signin"), None)?;
    let expected = std::fs::read(dist.join("signin.html")).map_err(|e| e.to_string())?;
    if sign_in != expected {
        return Err("/signin is not dist/signin.html".into());
    }
    let index = String::from_utf8_lossy(
        &std::fs::read(dist.join("index.html")).map_err(|e| e.to_string())?,
    )
    .into_owned();
    let wasm = build::whole_app_file(&index, "_bg.wasm")
        .ok_or("dist/index.html names no wasm file")?
        .to_owned();
    let brotli = fetch(&format!("{base}/{wasm}"), Some("br"))?;
    let expected = std::fs::read(dist.join(format!("{wasm}.br"))).map_err(|e| e.to_string())?;
    if brotli != expected {
        return Err(format!("/{wasm} asked in brotli is not dist/{wasm}.br"));
    }
    eprintln!(
        "/signin and /{wasm} ({} bytes brotli) are the built client's",
        brotli.len()
    );
    Ok(())
}

/// The body of a GET, with `Accept-Encoding` when given (curl does not
/// decode it: the bytes are compared as sent).
fn fetch(url: &str, encoding: Option<&str>) -> Result<Vec<u8>> {
    let mut curl = Command::new("curl");
    curl.args(["-sf", url]);
    if let Some(encoding) = encoding {
        curl.args(["-H", &format!("Accept-Encoding: {encoding}")]);
    }
    let out = curl.output().map_err(|e| e.to_string())?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(format!("GET {url} failed"))
    }
}

/// The test command's own `SECINFO_*` settings would otherwise reach it.
fn without_secinfo_env(mut command: Command) -> Command {
    for (name, _) in std::env::vars() {
        if name.starts_with("SECINFO_") {
            command.env_remove(name);
        }
    }
    command
}

/// `deploy/secinfo.service` through systemd's own checks, and
/// `deploy/Containerfile` through hadolint.
pub fn deployment_files(binary: &Path) -> Result {
    step("the systemd unit: systemd-analyze verify and security");
    let unit = std::fs::read_to_string(root().join("deploy/secinfo.service"))
        .map_err(|e| e.to_string())?;
    // verify checks that the programs exist: the built one stands in for
    // the installed one.
    let folder = std::env::temp_dir().join(format!("secinfo-unit-{}", std::process::id()));
    std::fs::create_dir_all(&folder).map_err(|e| e.to_string())?;
    let checked = folder.join("secinfo.service");
    std::fs::write(
        &checked,
        unit.replace("/usr/local/bin/secinfo-server", &binary.to_string_lossy()),
    )
    .map_err(|e| e.to_string())?;
    let verify = Command::new("systemd-analyze")
        .arg("verify")
        .arg(&checked)
        .output()
        .map_err(|e| format!("systemd-analyze: {e}"))?;
    let said = String::from_utf8_lossy(&verify.stderr).into_owned();
    if !verify.status.success() || !said.trim().is_empty() {
        return Err(format!(
            "systemd-analyze verify deploy/secinfo.service:\n{said}"
        ));
    }
    let security = output(
        "systemd-analyze",
        &[
            "security",
            "--offline=true",
            "--threshold=100",
            &checked.to_string_lossy(),
        ],
    )
    .ok_or("systemd-analyze security failed")?;
    let _ = std::fs::remove_dir_all(&folder);
    let exposure: f64 = security
        .lines()
        .find_map(|line| {
            line.split("Overall exposure level for secinfo.service: ")
                .nth(1)
        })
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .ok_or("systemd-analyze security printed no exposure")?;
    eprintln!("deploy/secinfo.service: verified; exposure {exposure} (ceiling {EXPOSURE_CEILING})");
    if exposure > EXPOSURE_CEILING {
        return Err(format!(
            "deploy/secinfo.service: exposure {exposure} is over {EXPOSURE_CEILING}"
        ));
    }
    step("the container file: hadolint");
    run(Command::new(setup::hadolint()?).arg(root().join("deploy/Containerfile")))?;
    eprintln!("deploy/Containerfile: hadolint finds nothing");
    Ok(())
}
