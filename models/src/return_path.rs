/// Where to go after signing in, from a `?next=` value: only a path on our
/// own site, never another site (an open redirect would help phishing).
pub fn safe_return_path(next: Option<&str>) -> &str {
    const HOME: &str = "/security-info";
    match next {
        Some(path) if is_own_path(path) && is_own_path(&percent_decoded(path)) => path,
        _ => HOME,
    }
}

/// One `/`, then anything but `/` or `\`; no control character anywhere:
/// URL parsers drop TAB, LF and CR, so "/\t/host" would become "//host" (F9).
fn is_own_path(path: &str) -> bool {
    let mut chars = path.chars();
    chars.next() == Some('/')
        && !matches!(chars.next(), Some('/' | '\\'))
        && !path.chars().any(|c| c.is_control() || c == '\\')
}

/// `path` with its %XX escapes decoded once (invalid ones kept as typed).
fn percent_decoded(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "a test that cannot unwrap has failed")]
mod tests {
    use super::safe_return_path;

    #[test]
    fn return_paths_stay_on_our_site() {
        assert_eq!(safe_return_path(Some("/security-info")), "/security-info");
        assert_eq!(safe_return_path(Some("/")), "/");
        assert_eq!(safe_return_path(Some("//evil.example")), "/security-info");
        assert_eq!(
            safe_return_path(Some("https://evil.example")),
            "/security-info"
        );
        assert_eq!(safe_return_path(Some("/\\evil.example")), "/security-info");
        assert_eq!(safe_return_path(Some("")), "/security-info");
        // F9: control characters, and what decoding reveals.
        for bad in [
            "/\t/127.0.0.1:8091/",
            "/\n/evil.example",
            "/\r/evil.example",
            "/%09/evil.example",
            "/%2F/evil.example",
            "/%5Cevil.example",
            "/x\u{7f}y",
        ] {
            assert_eq!(safe_return_path(Some(bad)), "/security-info", "{bad:?}");
        }
        assert_eq!(
            safe_return_path(Some("/admin/policy?x=1")),
            "/admin/policy?x=1"
        );
        assert_eq!(safe_return_path(Some("/a%20b")), "/a%20b");
        assert_eq!(safe_return_path(None), "/security-info");
    }
}
