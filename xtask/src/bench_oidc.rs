//! What the bench's OpenID Connect rows need (`bench.rs`): an application
//! the demo administrator registers, and the person signed in to it as
//! often as wrk has connections — a refresh token each, and an access
//! token — through the API the sign-in page calls and the token endpoint
//! an application calls.

use crate::Result;
use crate::instance::csrf_of;
use crate::run::output;

/// The application's redirect address: nothing is sent there, the bench
/// reads the code from the address the browser would go to.
const REDIRECT: &str = "https://bench.contoso.example/callback";

pub struct Tokens {
    /// The application's `Authorization: Basic …` value.
    pub basic: String,
    /// One refresh token per connection, none used yet.
    pub refresh: Vec<String>,
    /// An access token for UserInfo.
    pub access: String,
}

/// Registers an application as `admin` (a cookie header), its ID tokens
/// signed with `alg` (ES256 or RS256), and signs `person` (another) in to
/// it `count` times.
pub fn signed_in_to_application(
    base: &str,
    admin: &str,
    person: &str,
    count: usize,
    alg: &str,
) -> Result<Tokens> {
    let registered = post_json(
        base,
        admin,
        "/api/admin/applications",
        &format!(
            r#"{{"name":"Bench {alg}","redirect_uris":["{REDIRECT}"],"id_token_signed_response_alg":"{alg}"}}"#
        ),
    )?;
    let client_id = field(&registered, "client_id")?;
    let secret = field(&registered, "client_secret")?;
    let credentials = format!("{client_id}:{secret}");
    let encoded = output(
        "sh",
        &["-c", "printf %s \"$1\" | base64 -w0", "sh", &credentials],
    )
    .ok_or("base64 failed")?;
    let basic = format!("Basic {}", encoded.trim());
    let query = format!(
        "response_type=code&client_id={client_id}&redirect_uri={}&scope=openid%20profile%20offline_access",
        REDIRECT.replace(':', "%3A").replace('/', "%2F")
    );
    let mut refresh = Vec::with_capacity(count);
    let mut access = String::new();
    for _ in 0..count {
        let answer = post_json(
            base,
            person,
            "/api/oidc/authorization",
            &format!(r#"{{"query":"{query}"}}"#),
        )?;
        let to = field(&answer, "to")?;
        let code = to
            .split(['?', '&'])
            .find_map(|pair| pair.strip_prefix("code="))
            .ok_or_else(|| format!("no code in {to}"))?;
        let authorization = format!("authorization: {basic}");
        let code = format!("code={code}");
        let redirect = format!("redirect_uri={REDIRECT}");
        let url = format!("{base}/oauth2/token");
        let tokens = output(
            "curl",
            &[
                "-sf",
                "-X",
                "POST",
                "-H",
                &authorization,
                "--data-urlencode",
                "grant_type=authorization_code",
                "--data-urlencode",
                &code,
                "--data-urlencode",
                &redirect,
                &url,
            ],
        )
        .ok_or("the bench's code exchange failed")?;
        refresh.push(field(&tokens, "refresh_token")?);
        access = field(&tokens, "access_token")?;
    }
    Ok(Tokens {
        basic,
        refresh,
        access,
    })
}

/// A JSON POST of a signed-in browser (its cookie header, and the CSRF
/// token in it); the answer's body.
fn post_json(base: &str, cookie: &str, path: &str, body: &str) -> Result<String> {
    let cookie_header = format!("cookie: {cookie}");
    let csrf = format!("x-csrf-token: {}", csrf_of(cookie)?);
    let origin = format!("origin: {base}");
    let url = format!("{base}{path}");
    output(
        "curl",
        &[
            "-sf",
            "-X",
            "POST",
            "-H",
            &cookie_header,
            "-H",
            &csrf,
            "-H",
            &origin,
            "-H",
            "content-type: application/json",
            "-d",
            body,
            &url,
        ],
    )
    .ok_or_else(|| format!("the bench's POST {path} failed"))
}

/// The string value of `"key":"…"` in a JSON text (the values read here
/// are tokens and addresses: no escapes but `\/`, which JSON may use).
fn field(json: &str, key: &str) -> Result<String> {
    let start = format!(r#""{key}":""#);
    let at = json
        .find(&start)
        .ok_or_else(|| format!("no {key} in {json}"))?
        + start.len();
    let value = json[at..].split('"').next().unwrap_or_default();
    Ok(value.replace("\\/", "/"))
}
