//! The Content-Security-Policy of every response (S23), built once from
//! the client's pages.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256};

/// The client's three pages (`static_files.rs` serves them).
const PAGES: [&str; 3] = ["index.html", "signin.html", "admin.html"];

/// Builds the CSP. Trunk's pages each start their wasm with one inline
/// module script; instead of `unsafe-inline` we allow exactly that script
/// by its hash, computed from the built file.
pub fn content_security_policy(page_text: impl Fn(&str) -> String) -> String {
    let pages = PAGES.map(page_text);
    let hashes: String = pages
        .iter()
        .flat_map(|page| inline_scripts(page))
        .map(|script| {
            format!(
                " 'sha256-{}'",
                STANDARD.encode(Sha256::digest(script.as_bytes()))
            )
        })
        .collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// The bodies of `<script>` elements without a `src` attribute.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.split("<script").skip(1).filter_map(|rest| {
        let (attributes, after) = rest.split_once('>')?;
        if attributes.contains("src=") {
            return None;
        }
        after.split_once("</script>").map(|(body, _)| body)
    })
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot unwrap has failed"
)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_are_found_and_external_ones_skipped() {
        let html =
            r#"<script type="module">import x from '/a.js';</script><script src="/b.js"></script>"#;
        let found: Vec<_> = inline_scripts(html).collect();
        assert_eq!(found, vec!["import x from '/a.js';"]);
    }

    #[test]
    fn s23_csp_has_no_unsafe_inline_or_eval() {
        let csp = content_security_policy(|page| match page {
            "index.html" => "<script type=\"module\">boot()</script>".to_owned(),
            _ => String::new(),
        });
        assert!(csp.contains("'wasm-unsafe-eval'"));
        assert!(csp.contains("'sha256-"));
        assert!(!csp.contains("'unsafe-inline'"));
        assert!(!csp.contains("'unsafe-eval'"));
        assert!(csp.contains("frame-ancestors 'none'"));
    }
}
