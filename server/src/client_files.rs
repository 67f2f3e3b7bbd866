//! The built client, held in memory: read from `static_dir` at start, or
//! carried inside the binary itself (`cargo xtask dist` builds it with the
//! `embed-client` feature). One way of serving either
//! (`http/static_files.rs`): the variant the browser accepts (brotli, gzip,
//! plain), its type, an `ETag`.
//!
//! A file built with a gzip variant is held compressed only: its plain
//! bytes are most of the client's (4 of its 6.6 MB) and every browser
//! accepts gzip or brotli. The rare request that accepts neither (a
//! script, a health check) has the plain file decoded from the gzip once,
//! then kept. A binary that carries its client sends its bytes from where
//! they lie in the binary, without a copy.
//!
//! Architecture Invariant: what is served is what was there at start; a
//! file changed on disk later is not seen until a restart, as with a
//! binary that carries its client.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::Path;
use std::sync::OnceLock;

use bytes::Bytes;
use sha2::{Digest, Sha256};

/// One file and its precompressed variants.
struct File {
    /// The file as built: set at start when there is no gzip variant to
    /// decode it from, else at the first request that needs it.
    plain: OnceLock<Bytes>,
    brotli: Option<Bytes>,
    gzip: Option<Bytes>,
    content_type: &'static str,
    etag: String,
}

impl File {
    /// Shared, not copied, by every answer that sends it.
    fn plain(&self) -> &Bytes {
        self.plain.get_or_init(|| {
            let Some(gzip) = &self.gzip else {
                return Bytes::new();
            };
            let mut plain = Vec::new();
            match flate2::read::GzDecoder::new(gzip.as_ref()).read_to_end(&mut plain) {
                Ok(_) => Bytes::from(plain),
                Err(error) => {
                    // Only a broken build: its gzip file was written by
                    // `cargo xtask client` beside the plain one.
                    tracing::error!(%error, "a client file's gzip variant does not decode");
                    Bytes::new()
                }
            }
        })
    }
}

/// Where a file's plain bytes come from.
#[derive(PartialEq, Eq, Clone, Copy)]
enum Plain {
    /// Read with the variants (they lie in the binary: no memory of ours).
    Read,
    /// Decoded from its gzip variant when one is asked for, if it has one.
    FromGzip,
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
            let names: Vec<String> = Embedded::iter().map(std::borrow::Cow::into_owned).collect();
            // In a release build the bytes lie in the binary: sent from
            // there, the plain ones too, without a copy.
            let read = |name: &str| {
                Some(match Embedded::get(name)?.data {
                    std::borrow::Cow::Borrowed(bytes) => Bytes::from_static(bytes),
                    std::borrow::Cow::Owned(bytes) => Bytes::from(bytes),
                })
            };
            Some(ClientFiles::from_names(&names, read, Plain::Read))
        }
        #[cfg(not(feature = "embed-client"))]
        None
    }

    /// The files of `folder` and its subfolders (none when it is missing:
    /// the API tests run without a client).
    pub fn read_dir(folder: &Path) -> ClientFiles {
        let mut names = Vec::new();
        collect(folder, "", &mut names);
        let read = |name: &str| std::fs::read(folder.join(name)).ok().map(Bytes::from);
        ClientFiles::from_names(&names, read, Plain::FromGzip)
    }

    /// The files named `names` (their variants among them), each read
    /// once by `read`.
    fn from_names(
        names: &[String],
        read: impl Fn(&str) -> Option<Bytes>,
        plain: Plain,
    ) -> ClientFiles {
        let all: HashSet<&str> = names.iter().map(String::as_str).collect();
        let variant = |name: &str, suffix: &str| {
            let variant = format!("{name}.{suffix}");
            if all.contains(variant.as_str()) {
                read(&variant)
            } else {
                None
            }
        };
        let files = names
            .iter()
            .filter(|name| {
                !Path::new(name.as_str())
                    .extension()
                    .is_some_and(|ext| ext == "br" || ext == "gz")
            })
            .filter_map(|name| {
                let brotli = variant(name, "br");
                let gzip = variant(name, "gz");
                let kept = OnceLock::new();
                if gzip.is_none() || plain == Plain::Read {
                    kept.set(read(name)?).ok()?;
                }
                // The digest of the variant browsers fetch, so that a
                // carried client's plain bytes are not touched for it.
                let digest = Sha256::digest(brotli.as_ref().or(gzip.as_ref()).or(kept.get())?);
                let file = File {
                    plain: kept,
                    brotli,
                    gzip,
                    content_type: mime_guess::from_path(name)
                        .first_raw()
                        .unwrap_or("application/octet-stream"),
                    etag: format!("\"{}\"", hex(&digest[..12])),
                };
                Some((name.clone(), file))
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
            .map(|f| String::from_utf8_lossy(f.plain()).into_owned())
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
            _ => (file.plain(), None),
        };
        Some(Answer::File {
            body,
            content_type: file.content_type,
            etag: &file.etag,
            encoding,
        })
    }
}

/// The names (paths below the folder) of the files in `folder`.
fn collect(folder: &Path, prefix: &str, found: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
        if path.is_dir() {
            collect(&path, &format!("{name}/"), found);
        } else {
            found.push(name);
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

    const APP: &str = "app-0123456789abcdef.js";

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    /// The files a build writes, and the names `ClientFiles` read.
    fn files_reading(plain: Plain) -> (ClientFiles, std::rc::Rc<std::cell::RefCell<Vec<String>>>) {
        let built: HashMap<String, Vec<u8>> = [
            (APP.to_owned(), b"plain".to_vec()),
            (format!("{APP}.br"), b"brotli".to_vec()),
            (format!("{APP}.gz"), gzip(b"plain")),
            ("logo.svg".to_owned(), b"<svg/>".to_vec()),
        ]
        .into_iter()
        .collect();
        let read = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
        let names: Vec<String> = built.keys().cloned().collect();
        let reading = read.clone();
        let files = ClientFiles::from_names(
            &names,
            move |name| {
                reading.borrow_mut().push(name.to_owned());
                built.get(name).cloned().map(Bytes::from)
            },
            plain,
        );
        (files, read)
    }

    fn files() -> ClientFiles {
        files_reading(Plain::FromGzip).0
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
        let name = APP;
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
    fn a_plain_file_with_a_gzip_variant_is_not_held_but_decoded_when_asked_for() {
        let (files, read) = files_reading(Plain::FromGzip);
        assert!(
            !read.borrow().contains(&APP.to_owned()),
            "{:?}",
            read.borrow()
        );
        assert!(read.borrow().contains(&"logo.svg".to_owned()));
        assert!(files.files[APP].plain.get().is_none());
        let plain = sent(files.answer(APP, "identity", None, true));
        assert_eq!(plain.0, b"plain");
        assert_eq!(files.text(APP), "plain");
        // A carried client's plain bytes cost nothing: they are read.
        let (files, read) = files_reading(Plain::Read);
        assert!(read.borrow().contains(&APP.to_owned()));
        assert!(files.files[APP].plain.get().is_some());
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
