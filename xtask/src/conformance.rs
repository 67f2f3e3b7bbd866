//! The OpenID Foundation's Basic OP test plan, module by module
//! (`end2end/conformance/basic_op.py`), against a server of its own in test
//! mode: Authlib as the relying party, joserfc checking the ID tokens, the
//! person's browser played by the sign-in page's own API. It prints each
//! module's result; one failed fails the run.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use crate::instance::{free_port, sqlite_url, start_server, still_ours, wait_until_up};
use crate::run::{run, step};
use crate::{Result, root, setup};

pub fn basic_op(server: &Path) -> Result {
    let python = setup::oidc_conformance()?;
    step("OpenID Connect conformance: the Basic OP test plan, module by module (Authlib, joserfc)");
    let data = std::env::temp_dir().join(format!("secinfo-conformance-{}", std::process::id()));
    std::fs::create_dir_all(&data).map_err(|e| e.to_string())?;
    let port = free_port()?;
    let started = Instant::now();
    let mut child = start_server(server, "test", port, &sqlite_url(&data), &[])?;
    let base = format!("http://localhost:{port}");
    let result = wait_until_up(&base, started)
        .and_then(|()| still_ours(&mut child))
        .and_then(|()| {
            run(Command::new(&python)
                .arg(root().join("end2end/conformance/basic_op.py"))
                .arg(&base))
        });
    let _ = child.kill();
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(&data);
    result
}
