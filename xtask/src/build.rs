//! Building the client and the server, and serving the demo.

use std::path::PathBuf;
use std::process::Command;

use crate::run::{run, step};
use crate::setup::{self, path_with_tools};
use crate::{Result, root};

/// The entries of the client with `trunk build --release` (wasm-opt -Oz):
/// the whole application into `dist/`, then the sign-in page alone and the
/// whole application with the administrators' pages, whose files join it
/// (their names carry content hashes, so shared styles are the same files)
/// with their pages as `dist/signin.html` and `dist/admin.html`. Then
/// brotli and gzip copies of every text and wasm file for the server to
/// send precompressed.
pub fn client() -> Result {
    step("building the client (Trunk, release, wasm-opt): the whole application");
    trunk_build(&["build", "--release"])?;
    step("building the client: the sign-in entry");
    entry_beside("app/signin.html", SIGN_IN_PAGE)?;
    step("building the client: the administrators' entry");
    entry_beside("app/admin.html", ADMIN_PAGE)?;
    let dist = root().join("dist");
    prefetch_whole_app(&dist)?;
    precompress(&dist)
}

/// Builds the entry of `html` and puts its files beside the whole
/// application's in `dist/`, its page as `page`.
fn entry_beside(html: &str, page: &str) -> Result {
    let dist = root().join("dist");
    let staging = target_dir().join(format!("trunk-{page}"));
    trunk_build(&[
        "build",
        html,
        "--release",
        "--dist",
        &staging.to_string_lossy(),
    ])?;
    for entry in std::fs::read_dir(&staging)
        .map_err(|e| format!("{}: {e}", staging.display()))?
        .flatten()
    {
        let name = entry.file_name();
        let to = match name.to_str() {
            Some("index.html") => dist.join(page),
            _ => dist.join(&name),
        };
        std::fs::copy(entry.path(), &to).map_err(|e| format!("{}: {e}", to.display()))?;
    }
    Ok(())
}

/// Lets the sign-in page fetch the whole application's JS and wasm once its
/// form is shown (`rel=prefetch`, at low priority), so that the page after
/// signing in starts from the browser's cache. Their names
/// carry content hashes, known only once both entries are built.
fn prefetch_whole_app(dist: &std::path::Path) -> Result {
    let index = std::fs::read_to_string(dist.join("index.html"))
        .map_err(|e| format!("dist/index.html: {e}"))?;
    let mut links = String::new();
    for suffix in [".js", "_bg.wasm"] {
        let name = whole_app_file(&index, suffix)
            .ok_or_else(|| format!("dist/index.html names no secinfo-app-…{suffix}"))?;
        links.push_str(&format!("<link rel=prefetch href=/{name} crossorigin>"));
    }
    // Kept inert in a template until the sign-in page has started, not
    // fetched while the page itself loads: on two cores that download
    // slowed the form by ~20 ms (medians of five alternating runs each,
    // 279 against 259 ms) and widened its spread.
    let deferred =
        format!("<template id=prefetch>{links}</template><script>{START_PREFETCH}</script>");
    let page = dist.join(SIGN_IN_PAGE);
    let html = std::fs::read_to_string(&page).map_err(|e| format!("{}: {e}", page.display()))?;
    let html = html.replacen("</head>", &format!("{deferred}</head>"), 1);
    std::fs::write(&page, html).map_err(|e| format!("{}: {e}", page.display()))
}

/// Puts the template's prefetch links in the page once Trunk says the
/// wasm has started (the form is shown by then). An inline script: the
/// server's CSP allows it by its hash, computed from the built page.
const START_PREFETCH: &str = "addEventListener(\"TrunkApplicationStarted\",()=>document.head.append(document.getElementById(\"prefetch\").content),{once:true})";

/// The whole application's file ending in `suffix` that `index.html` names.
pub fn whole_app_file<'a>(index: &'a str, suffix: &str) -> Option<&'a str> {
    index.match_indices("/secinfo-app-").find_map(|(at, _)| {
        let name = &index[at + 1..];
        let end = name.find(|c: char| !(c.is_ascii_alphanumeric() || "-_.".contains(c)))?;
        let name = &name[..end];
        name.ends_with(suffix).then_some(name)
    })
}

/// The sign-in entry's page in `dist/`, beside the application's `index.html`.
pub const SIGN_IN_PAGE: &str = "signin.html";

/// The administrators' entry's page in `dist/`.
pub const ADMIN_PAGE: &str = "admin.html";

fn trunk_build(args: &[&str]) -> Result {
    run(Command::new("trunk")
        .args(args)
        .current_dir(root())
        .env("PATH", path_with_tools())
        // Trunk's own Cargo calls must not inherit xtask's.
        .env_remove("CARGO_TARGET_DIR"))
}

fn precompress(dist: &PathBuf) -> Result {
    let entries = std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        if !matches!(ext, "wasm" | "js" | "css" | "html" | "svg") {
            continue;
        }
        run(Command::new("brotli")
            .args(["-q", "11", "-f", "-k"])
            .arg(&path))?;
        run(Command::new("gzip").args(["-9", "-f", "-k"]).arg(&path))?;
    }
    Ok(())
}

/// Builds the server binary; returns its path.
pub fn server(release: bool) -> Result<PathBuf> {
    step(&format!(
        "building the server ({})",
        if release { "release" } else { "debug" }
    ));
    let mut cargo = Command::new("cargo");
    cargo
        .args(["build", "--package", "secinfo-server"])
        .current_dir(root());
    if release {
        cargo.arg("--release");
    }
    run(&mut cargo)?;
    let profile = if release { "release" } else { "debug" };
    Ok(target_dir().join(profile).join("secinfo-server"))
}

pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), PathBuf::from)
}

/// The README's first command: set up, build, and serve the demo on SQLite.
pub fn serve(args: &[String]) -> Result {
    let port = match args {
        [flag, port] if flag == "--port" => port
            .parse::<u16>()
            .map_err(|_| format!("not a port: {port}"))?,
        [] => 8080,
        _ => return Err("usage: cargo xtask serve [--port N]".into()),
    };
    setup::client_tools()?;
    setup::system_packages(&["brotli"])?;
    client()?;
    let server = server(true)?;
    let data = root().join("data");
    std::fs::create_dir_all(&data).map_err(|e| e.to_string())?;
    step(&format!(
        "serving on http://localhost:{port} (Ctrl-C stops)"
    ));
    let status = Command::new(server)
        .current_dir(root())
        .env("SECINFO_MODE", "development")
        .env("SECINFO_DEMO_SEED", "true")
        // Plain http on localhost: the browser would drop Secure cookies.
        .env("SECINFO_COOKIE_SECURE", "false")
        .env("SECINFO_BIND", format!("127.0.0.1:{port}"))
        .env("SECINFO_PUBLIC_ORIGIN", format!("http://localhost:{port}"))
        .env(
            "SECINFO_DATABASE_URL",
            format!("sqlite://{}/secinfo.db", data.display()),
        )
        .env("SECINFO_STATIC_DIR", root().join("dist"))
        .status()
        .map_err(|e| e.to_string())?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("the server stopped with {status}"))
    }
}

#[cfg(test)]
mod tests {
    use super::whole_app_file;

    #[test]
    fn the_whole_apps_files_are_found_in_its_page() {
        let index = "<script type=module>import init from '/secinfo-app-0a1b.js';\
                     init({ module_or_path: '/secinfo-app-0a1b_bg.wasm' })</script>";
        assert_eq!(whole_app_file(index, ".js"), Some("secinfo-app-0a1b.js"));
        assert_eq!(
            whole_app_file(index, "_bg.wasm"),
            Some("secinfo-app-0a1b_bg.wasm")
        );
        assert_eq!(whole_app_file(index, ".css"), None);
    }
}
