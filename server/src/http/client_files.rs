//! The built client, held in memory: read from `static_dir` at start, or
//! carried inside the binary itself (`cargo xtask dist` builds it with the
//! `embed-client` feature). One way of serving either: the variant the
//! browser accepts (brotli, gzip, plain), its type, an `ETag`.
//!
//! Architecture Invariant: what is served is what was there at start; a
//! file changed on disk later is not seen until a restart, as with a
//! binary that carries its client.

use std::collections::HashMap;
use std::path::Path;

use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

/// One file and its precompressed variants.
struct File {
    plain: Vec<u8>,
    brotli: Option<Vec<u8>>,
    gzip: Option<Vec<u8>>,
    content_type: HeaderValue,
    etag: HeaderValue,
}

#[derive(Default)]
pub struct ClientFiles {
    /// By path without the leading slash: `index.html`, `secinfo-app-….js`.
    files: HashMap<String, File>,
}

#[cfg(feature = "embed-client")]
#[derive(rust_embed::RustEmbed)]
#[folder = "../dist"]
struct Embedded;

impl ClientFiles {
    /// The client this binary carries, if it was built with one.
    pub fn embedded() -> Option<ClientFiles> {
        #[cfg(feature = "embed-client")]
        {
            let files = Embedded::iter().filter_map(|name| {
                let bytes = Embedded::get(&name)?.data.into_owned();
                Some((name.into_owned(), bytes))
            });
            Some(ClientFiles::from_files(files))
        }
        #[cfg(not(feature = "embed-client"))]
        None
    }

    /// The files of `folder` and its subfolders (none when it is missing:
    /// the API tests run without a client).
    pub fn read_dir(folder: &Path) -> ClientFiles {
        let mut found = Vec::new();
        collect(folder, "", &mut found);
        ClientFiles::from_files(found)
    }

    fn from_files(files: impl IntoIterator<Item = (String, Vec<u8>)>) -> ClientFiles {
        let mut all: HashMap<String, Vec<u8>> = files.into_iter().collect();
        let variants: Vec<String> = all
            .keys()
            .filter(|name| {
                Path::new(name.as_str())
                    .extension()
                    .is_some_and(|ext| ext == "br" || ext == "gz")
            })
            .cloned()
            .collect();
        let mut compressed: HashMap<String, Vec<u8>> = HashMap::new();
        for name in variants {
            if let Some(bytes) = all.remove(&name) {
                compressed.insert(name, bytes);
            }
        }
        let files = all
            .into_iter()
            .map(|(name, plain)| {
                let content_type = mime_guess::from_path(&name).first_raw().map_or_else(
                    || HeaderValue::from_static("application/octet-stream"),
                    HeaderValue::from_static,
                );
                let digest = Sha256::digest(&plain);
                let etag = HeaderValue::from_str(&format!("\"{}\"", hex(&digest[..12])))
                    .unwrap_or_else(|_| HeaderValue::from_static("\"\""));
                let file = File {
                    brotli: compressed.remove(&format!("{name}.br")),
                    gzip: compressed.remove(&format!("{name}.gz")),
                    plain,
                    content_type,
                    etag,
                };
                (name, file)
            })
            .collect();
        ClientFiles { files }
    }

    pub fn contains(&self, name: &str) -> bool {
        self.files.contains_key(name)
    }

    /// A page's text (for its CSP hashes), empty when there is none.
    pub fn text(&self, name: &str) -> String {
        self.files
            .get(name)
            .map(|f| String::from_utf8_lossy(&f.plain).into_owned())
            .unwrap_or_default()
    }

    /// The answer for `name` to a request with `headers`: `None` when
    /// there is no such file. `conditional` is false for the pages, which
    /// are never answered "not modified" (`static_files.rs`).
    pub fn answer(&self, name: &str, headers: &HeaderMap, conditional: bool) -> Option<Response> {
        let file = self.files.get(name)?;
        let mut answer_headers = HeaderMap::new();
        answer_headers.insert(header::CONTENT_TYPE, file.content_type.clone());
        answer_headers.insert(header::ETAG, file.etag.clone());
        answer_headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        if conditional
            && headers
                .get(header::IF_NONE_MATCH)
                .is_some_and(|tags| tags.as_bytes() == file.etag.as_bytes())
        {
            return Some((StatusCode::NOT_MODIFIED, answer_headers).into_response());
        }
        let accepts = |coding: &str| {
            headers
                .get_all(header::ACCEPT_ENCODING)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .any(|c| {
                    let mut parts = c.split(';');
                    parts.next().is_some_and(|name| name.trim() == coding)
                        && !parts.any(|p| p.trim().replace(' ', "") == "q=0")
                })
        };
        let (body, coding) = match (&file.brotli, &file.gzip) {
            (Some(brotli), _) if accepts("br") => (brotli.clone(), Some("br")),
            (_, Some(gzip)) if accepts("gzip") => (gzip.clone(), Some("gzip")),
            _ => (file.plain.clone(), None),
        };
        if let Some(coding) = coding {
            answer_headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
        }
        Some((answer_headers, Body::from(body)).into_response())
    }
}

fn collect(folder: &Path, prefix: &str, found: &mut Vec<(String, Vec<u8>)>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
        if path.is_dir() {
            collect(&path, &format!("{name}/"), found);
        } else if let Ok(bytes) = std::fs::read(&path) {
            found.push((name, bytes));
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "a test that cannot unwrap has failed")]
mod tests {
    use super::*;

    fn files() -> ClientFiles {
        ClientFiles::from_files([
            ("app-0123456789abcdef.js".to_owned(), b"plain".to_vec()),
            ("app-0123456789abcdef.js.br".to_owned(), b"brotli".to_vec()),
            ("app-0123456789abcdef.js.gz".to_owned(), b"gzip".to_vec()),
            ("logo.svg".to_owned(), b"<svg/>".to_vec()),
        ])
    }

    fn asking(encoding: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(encoding).unwrap(),
        );
        headers
    }

    #[test]
    fn the_variant_the_browser_accepts_with_its_type() {
        let files = files();
        let name = "app-0123456789abcdef.js";
        let br = files
            .answer(name, &asking("gzip, deflate, br"), true)
            .unwrap();
        assert_eq!(br.headers()[header::CONTENT_ENCODING], "br");
        assert_eq!(br.headers()[header::CONTENT_TYPE], "text/javascript");
        let gzip = files.answer(name, &asking("gzip, br;q=0"), true).unwrap();
        assert_eq!(gzip.headers()[header::CONTENT_ENCODING], "gzip");
        let plain = files.answer(name, &HeaderMap::new(), true).unwrap();
        assert!(plain.headers().get(header::CONTENT_ENCODING).is_none());
        // Only a variant of a file is never a file of its own.
        assert!(
            files
                .answer("app-0123456789abcdef.js.br", &HeaderMap::new(), true)
                .is_none()
        );
        let svg = files.answer("logo.svg", &asking("br"), true).unwrap();
        assert!(svg.headers().get(header::CONTENT_ENCODING).is_none());
        assert_eq!(svg.headers()[header::CONTENT_TYPE], "image/svg+xml");
    }

    #[test]
    fn a_kept_copy_is_not_sent_again_unless_a_page() {
        let files = files();
        let etag = files
            .answer("logo.svg", &HeaderMap::new(), true)
            .unwrap()
            .headers()[header::ETAG]
            .clone();
        let mut headers = HeaderMap::new();
        headers.insert(header::IF_NONE_MATCH, etag);
        let again = files.answer("logo.svg", &headers, true).unwrap();
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
        let page = files.answer("logo.svg", &headers, false).unwrap();
        assert_eq!(page.status(), StatusCode::OK);
    }
}
