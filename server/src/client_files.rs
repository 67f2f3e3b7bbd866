//! The built client, held in memory: read from `static_dir` at start, or
//! carried inside the binary itself (`cargo xtask dist` builds it with the
//! `embed-client` feature). One way of serving either
//! (`http/static_files.rs`): the variant the browser accepts (brotli, gzip,
//! plain), its type, an `ETag`.
//!
//! Architecture Invariant: what is served is what was there at start; a
//! file changed on disk later is not seen until a restart, as with a
//! binary that carries its client.

use std::collections::HashMap;
use std::path::Path;

use bytes::Bytes;
use sha2::{Digest, Sha256};

/// One file and its precompressed variants.
struct File {
    /// Shared, not copied, by every answer that sends it.
    plain: Bytes,
    brotli: Option<Bytes>,
    gzip: Option<Bytes>,
    content_type: &'static str,
    etag: String,
}

/// What to answer a request for a file.
pub enum Answer<'a> {
    /// The browser's copy is this one (`If-None-Match`).
    NotModified { etag: &'a str },
    File {
        body: &'a Bytes,
        content_type: &'static str,
        etag: &'a str,
        /// `br` or `gzip`; `None` for the plain file.
        encoding: Option<&'static str>,
    },
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
                let content_type = mime_guess::from_path(&name)
                    .first_raw()
                    .unwrap_or("application/octet-stream");
                let digest = Sha256::digest(&plain);
                let etag = format!("\"{}\"", hex(&digest[..12]));
                let file = File {
                    brotli: compressed.remove(&format!("{name}.br")).map(Bytes::from),
                    gzip: compressed.remove(&format!("{name}.gz")).map(Bytes::from),
                    plain: Bytes::from(plain),
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

    /// The answer for `name` to a request that accepts `accept_encoding`
    /// and holds the copy `if_none_match`: `None` when there is no such
    /// file. `conditional` is false for the pages, which are never
    /// answered "not modified" (`static_files.rs`).
    pub fn answer(
        &self,
        name: &str,
        accept_encoding: &str,
        if_none_match: Option<&str>,
        conditional: bool,
    ) -> Option<Answer<'_>> {
        let file = self.files.get(name)?;
        if conditional && if_none_match == Some(file.etag.as_str()) {
            return Some(Answer::NotModified { etag: &file.etag });
        }
        let accepts = |coding: &str| {
            accept_encoding.split(',').any(|c| {
                let mut parts = c.split(';');
                parts.next().is_some_and(|name| name.trim() == coding)
                    && !parts.any(|p| p.trim().replace(' ', "") == "q=0")
            })
        };
        let (body, encoding) = match (&file.brotli, &file.gzip) {
            (Some(brotli), _) if accepts("br") => (brotli, Some("br")),
            (_, Some(gzip)) if accepts("gzip") => (gzip, Some("gzip")),
            _ => (&file.plain, None),
        };
        Some(Answer::File {
            body,
            content_type: file.content_type,
            etag: &file.etag,
            encoding,
        })
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

    fn sent(answer: Option<Answer<'_>>) -> (&[u8], &'static str, Option<&'static str>) {
        match answer.unwrap() {
            Answer::File {
                body,
                content_type,
                encoding,
                ..
            } => (body.as_ref(), content_type, encoding),
            Answer::NotModified { .. } => panic!("not modified"),
        }
    }

    #[test]
    fn the_variant_the_browser_accepts_with_its_type() {
        let files = files();
        let name = "app-0123456789abcdef.js";
        let br = sent(files.answer(name, "gzip, deflate, br", None, true));
        assert_eq!(br, (&b"brotli"[..], "text/javascript", Some("br")));
        let gzip = sent(files.answer(name, "gzip, br;q=0", None, true));
        assert_eq!(gzip.2, Some("gzip"));
        let plain = sent(files.answer(name, "", None, true));
        assert_eq!(plain, (&b"plain"[..], "text/javascript", None));
        // Only a variant of a file is never a file of its own.
        assert!(
            files
                .answer("app-0123456789abcdef.js.br", "", None, true)
                .is_none()
        );
        let svg = sent(files.answer("logo.svg", "br", None, true));
        assert_eq!(svg, (&b"<svg/>"[..], "image/svg+xml", None));
    }

    #[test]
    fn a_kept_copy_is_not_sent_again_unless_a_page() {
        let files = files();
        let Some(Answer::File { etag, .. }) = files.answer("logo.svg", "", None, true) else {
            panic!("no file");
        };
        let etag = etag.to_owned();
        assert!(matches!(
            files.answer("logo.svg", "", Some(&etag), true),
            Some(Answer::NotModified { .. })
        ));
        assert!(matches!(
            files.answer("logo.svg", "", Some(&etag), false),
            Some(Answer::File { .. })
        ));
    }
}
