/// Where a sign-in goes when it was not sent from a page.
const HOME: &str = "/security-info";

/// The sign-in page. The server answers it with the sign-in entry (the
/// page alone), every other page with the whole client.
pub const SIGN_IN_PAGE: &str = "/signin";

/// The pages that show a signed-in person's things. The client sends
/// anybody else to the sign-in page; the server does too when a page is
/// loaded without a session, so that they download only the sign-in entry.
pub const SIGNED_IN_PAGES: [&str; 5] = [
    "/",
    "/security-info",
    "/overview",
    "/password",
    "/admin/policy",
];

/// The sign-in page's address that comes back to `here` (a path, with its
/// query if any) once signed in; "/" comes back to Security info. A
/// language `here` asks for (`?lng=`) shows the sign-in page too.
pub fn sign_in_returning_to(here: &str) -> String {
    let here = if here == "/" { HOME } else { here };
    let mut address = format!("{SIGN_IN_PAGE}?next=");
    for byte in here.bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~".contains(&byte) {
            address.push(char::from(byte));
        } else {
            address.push_str(&format!("%{byte:02X}"));
        }
    }
    match asked_language(here) {
        Some(tag) => asking_for_language(&address, tag),
        None => address,
    }
}

/// `address` (a path, with its query if any) asking for the language `tag`
/// with `?lng=`, unless its query asks for one already.
pub fn asking_for_language(address: &str, tag: &str) -> String {
    let asks = address
        .split_once('?')
        .is_some_and(|(_, query)| query.split('&').any(|pair| pair.starts_with("lng=")));
    if asks {
        return address.to_owned();
    }
    let joint = if address.contains('?') { '&' } else { '?' };
    format!("{address}{joint}lng={tag}")
}

/// The `lng` of a path's query, when it looks like a language tag (letters,
/// digits and hyphens: nothing that could change the address around it).
fn asked_language(path: &str) -> Option<&str> {
    let (_, query) = path.split_once('?')?;
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix("lng="))
        .filter(|tag| {
            !tag.is_empty() && tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

/// Where to go after signing in, from a `?next=` value: only a path on our
/// own site, never another site (an open redirect would help phishing).
pub fn safe_return_path(next: Option<&str>) -> &str {
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
            // Two hex digits make at most 255.
            (b'%', Some(high), Some(low)) if let Ok(byte) = u8::try_from(high * 16 + low) => {
                out.push(byte);
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
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot unwrap has failed"
)]
mod tests {
    use super::{asking_for_language, safe_return_path, sign_in_returning_to};

    #[test]
    fn the_way_back_survives_the_query() {
        assert_eq!(sign_in_returning_to("/overview"), "/signin?next=/overview");
        assert_eq!(sign_in_returning_to("/"), "/signin?next=/security-info");
        assert_eq!(
            sign_in_returning_to("/admin/policy?x=1&y=2"),
            "/signin?next=/admin/policy%3Fx%3D1%26y%3D2"
        );
        // What comes back is a path of ours again, as it was.
        let back = sign_in_returning_to("/a b?c=d");
        assert_eq!(back, "/signin?next=/a%20b%3Fc%3Dd");
    }

    #[test]
    fn the_language_asked_for_shows_the_sign_in_page_too() {
        assert_eq!(
            sign_in_returning_to("/?lng=sv-SE"),
            "/signin?next=/%3Flng%3Dsv-SE&lng=sv-SE"
        );
        assert_eq!(
            sign_in_returning_to("/overview?x=1&lng=nl"),
            "/signin?next=/overview%3Fx%3D1%26lng%3Dnl&lng=nl"
        );
        // Nothing but a tag is carried over.
        assert_eq!(
            sign_in_returning_to("/overview?lng=x%26next=//evil"),
            "/signin?next=/overview%3Flng%3Dx%2526next%3D//evil"
        );
        assert_eq!(
            sign_in_returning_to("/overview?lng="),
            "/signin?next=/overview%3Flng%3D"
        );
        assert_eq!(asking_for_language("/", "sv-SE"), "/?lng=sv-SE");
        assert_eq!(asking_for_language("/a?b=c", "sv-SE"), "/a?b=c&lng=sv-SE");
        assert_eq!(asking_for_language("/a?lng=nl", "sv-SE"), "/a?lng=nl");
    }

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
