//! What the fuzzing needs to get past the door (S24): a person with a
//! phone, an email address and an app, a call under way, an app and a key
//! being set up, recovery codes, passes (of another person and their own),
//! and a password reset verified with a text
//! — made through the API as a person would (codes read from the test
//! handset and the dev mailbox, an app's from its secret), so that each
//! operation that takes an id is given a real one and reaches its logic.

use crate::Result;
use crate::instance::{cookies_of_keeping, csrf_of, fresh_jar};
use crate::run::output;

/// A curl cookie jar and the server it talks to.
struct Browser {
    base: String,
    jar: String,
}

impl Browser {
    fn new(base: &str, name: &str) -> Result<Browser> {
        let jar = fresh_jar(base, name)?;
        Ok(Browser {
            base: base.to_owned(),
            jar,
        })
    }

    /// Sends a request with the jar's cookies and CSRF token; the body of
    /// a 2xx answer, or an error that names the request.
    fn send(&self, method: &str, path: &str, body: Option<&str>) -> Result<String> {
        let cookie = cookies_of_keeping(&self.jar)?;
        let csrf = format!("x-csrf-token: {}", csrf_of(&cookie)?);
        let origin = format!("origin: {}", self.base);
        let url = format!("{}{path}", self.base);
        let mut args = vec![
            "-sf", "-X", method, "-b", &self.jar, "-c", &self.jar, "-H", &origin, "-H", &csrf,
        ];
        if let Some(body) = body {
            args.extend(["-H", "content-type: application/json", "-d", body]);
        }
        args.push(&url);
        output("curl", &args).ok_or_else(|| format!("fuzzing's set-up: {method} {path} failed"))
    }

    /// The Cookie header value this browser sends now.
    fn cookie(&self) -> Result<String> {
        cookies_of_keeping(&self.jar)
    }

    fn sign_in(&self, account: &str, password: &str) -> Result<()> {
        let body = format!(r#"{{"account_name":"{account}","password":"{password}"}}"#);
        self.send("POST", "/api/session", Some(&body)).map(drop)
    }

    /// The code in the newest text to `e164` (the test handset) or email
    /// to an address (the dev mailbox), read from the page.
    fn last_code(&self, page: &str, to: &str) -> Result<String> {
        let to = to.replace('+', "%2B").replace('@', "%40");
        let query = if page == "handset" {
            "number"
        } else {
            "address"
        };
        let url = format!("{}/dev/{page}?{query}={to}", self.base);
        let page = output("curl", &["-sf", &url]).ok_or("the dev page did not answer")?;
        let newest = page.split("class=\"body\">").nth(1).unwrap_or_default();
        newest
            .split(|c: char| !c.is_ascii_digit())
            .find(|w| w.len() == 6)
            .map(str::to_owned)
            .ok_or_else(|| format!("no code sent to {to}"))
    }

    /// Sends a code and types it in: a phone or an email registered, or a
    /// reset verified (`start` begins the challenge; `page` and `to` say
    /// where the code arrives). The answer: the security info after it.
    /// The token of the newest invitation the dev mailbox holds for `to`.
    fn invitation_token(&self, to: &str) -> Result<String> {
        let url = format!(
            "{}/dev/mailbox?address={}",
            self.base,
            to.replace('@', "%40")
        );
        let page = output("curl", &["-sf", &url]).ok_or("the dev mailbox did not answer")?;
        let newest = page.split("class=\"body\">").nth(1).unwrap_or_default();
        let token = newest
            .split("/invitation#")
            .nth(1)
            .and_then(|rest| {
                rest.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                    .next()
            })
            .filter(|token| !token.is_empty())
            .ok_or_else(|| format!("no invitation for {to}"))?;
        Ok(token.to_owned())
    }

    fn verify_by_code(&self, start: (&str, &str), page: &str, to: &str) -> Result<String> {
        let started = self.send("POST", start.0, Some(start.1))?;
        let challenge = json_string(&started, "challenge_id")?;
        let code = self.last_code(page, to)?;
        self.send(
            "POST",
            &format!("/api/me/challenges/{challenge}/code"),
            Some(&format!(r#"{{"code":"{code}"}}"#)),
        )
    }

    /// Registers an authenticator app with its current code; begins the
    /// set-up of another. The security info after it, and the other's id.
    fn add_app(&self) -> Result<(String, String)> {
        let setup = self.send("POST", "/api/me/authenticator", Some("{}"))?;
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_err(|e| e.to_string())?
            .as_secs();
        let code = crate::totp::code(&json_string(&setup, "secret")?, now)
            .ok_or("the app's secret is not base32")?;
        let info = self.send(
            "POST",
            &format!(
                "/api/me/authenticator/{}/code",
                json_string(&setup, "pending_id")?
            ),
            Some(&format!(r#"{{"code":"{code}"}}"#)),
        )?;
        let pending = self.send("POST", "/api/me/authenticator", Some("{}"))?;
        Ok((info, json_string(&pending, "pending_id")?))
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.jar);
    }
}

/// The id of the person's method of `kind` in a security info's JSON (a
/// method's id comes before its kind).
fn method_id(info: &str, kind: &str) -> Result<String> {
    let at = info
        .find(&format!(r#""kind":"{kind}""#))
        .ok_or_else(|| format!("no {kind} in {info}"))?;
    let before = &info[..at];
    let id = before.rfind(r#""id":""#).ok_or("no id")?;
    json_string(&before[id..], "id")
}

/// The first string value of `key` in a JSON text (ids are plain tokens).
fn json_string(json: &str, key: &str) -> Result<String> {
    let marker = format!("\"{key}\":\"");
    let start = json
        .find(&marker)
        .map(|i| i + marker.len())
        .ok_or_else(|| format!("no {key} in {json}"))?;
    let end = json[start..]
        .find('"')
        .ok_or_else(|| format!("{key} unterminated in {json}"))?;
    Ok(json[start..start + end].to_owned())
}

/// Signed in as the demo administrator, with what the first fuzzing pass
/// runs against.
pub struct AdminState {
    pub cookie: String,
    /// schemathesis.toml's `[[operations]]`: the ids each operation takes.
    pub config: String,
    /// The same for the invitation's pass: the links' tokens.
    pub invitations: String,
}

pub fn admin(base: &str) -> Result<AdminState> {
    let megan = Browser::new(base, "fuzz-admin")?;
    megan.sign_in("megan.bowen@contoso.example", "Contoso-Admin-2026")?;
    // A phone, an email address and an app, each registered as a person
    // would: an id for every operation on a method of its kind.
    let start = r#"{"kind":"phone","region":"NL","number":"0612345678","delivery":"text"}"#;
    megan.verify_by_code(
        ("/api/me/phone/challenges", start),
        "handset",
        "+31612345678",
    )?;
    let start = r#"{"address":"megan@fabrikam.example"}"#;
    megan.verify_by_code(
        ("/api/me/email/challenges", start),
        "mailbox",
        "megan@fabrikam.example",
    )?;
    let (info, pending_app) = megan.add_app()?;
    let (phone, email, app) = (
        method_id(&info, "phone")?,
        method_id(&info, "email")?,
        method_id(&info, "authenticator-app")?,
    );
    // A call under way, a key being set up, recovery codes.
    let call = megan.send(
        "POST",
        "/api/me/phone/challenges",
        Some(r#"{"kind":"office-phone","region":"NL","number":"0201234567","delivery":"call"}"#),
    )?;
    let call = json_string(&call, "challenge_id")?;
    let key = megan.send(
        "POST",
        "/api/me/security-keys",
        Some(r#"{"name":"Desk key"}"#),
    )?;
    let key = json_string(&key, "ceremony_id")?;
    megan.send("POST", "/api/me/recovery-codes", Some("{}"))?;
    // Resets of two steps, so that a reset verified with a text has its
    // security questions to answer (where one step is enough, they are
    // never offered: they could not complete it).
    let policy = megan.send("GET", "/api/admin/policy", None)?;
    let two_steps = policy.replace(
        r#""reset_methods_required":1"#,
        r#""reset_methods_required":2"#,
    );
    if two_steps == policy {
        return Err("the demo policy does not ask for one reset method".into());
    }
    megan.send("PUT", "/api/admin/policy", Some(&two_steps))?;
    // A person of the organization to see, give a pass and take it back
    // from; and a pass of Megan's own to delete.
    let found = |query: &str| -> Result<String> {
        let body = format!(r#"{{"query":"{query}"}}"#);
        let page = megan.send("POST", "/api/admin/people/search", Some(&body))?;
        json_string(&page, "id")
    };
    let adele = found("adele")?;
    let own = found("megan")?;
    // Roles are fuzzed on Lars: Adele's reset, later, needs her a member.
    let lars = found("lars")?;
    let pass = r#"{"one_time":true}"#;
    megan.send(
        "POST",
        &format!("/api/admin/people/{adele}/temporary-access-pass"),
        Some(pass),
    )?;
    megan.send(
        "POST",
        &format!("/api/admin/people/{own}/temporary-access-pass"),
        Some(pass),
    )?;
    // People of the fuzzing's own to disable, strip of a password and
    // delete: the demo's are needed as they are.
    let added = |account: &str| -> Result<String> {
        let body = format!(
            r#"{{"account_name":"{account}@contoso.example","display_name":"{account}","pass":{{"one_time":true}}}}"#
        );
        json_string(&megan.send("POST", "/api/admin/people", Some(&body))?, "id")
    };
    let gone = added("fuzz.gone")?;
    let held = added("fuzz.held")?;
    // Invitations of their own for seeing one and for choosing a password
    // with one (which spends it).
    let invited = |account: &str| -> Result<String> {
        let to = format!("{account}@fabrikam.example");
        let body = format!(
            r#"{{"account_name":"{account}@contoso.example","display_name":"{account}","pass":{{"one_time":true}},"invitation":"{to}"}}"#
        );
        megan.send("POST", "/api/admin/people", Some(&body))?;
        megan.invitation_token(&to)
    };
    let seen = invited("fuzz.seen")?;
    let accepted = invited("fuzz.accepted")?;
    // An application of the organization, for a new secret and its status.
    let application = megan.send(
        "POST",
        "/api/admin/applications",
        Some(r#"{"name":"Fuzz","redirect_uris":["https://fuzz.contoso.example/cb"]}"#),
    )?;
    let application = json_string(&application, "client_id")?;
    let operations = [
        (
            "/api/admin/applications/{id}/secret",
            format!(r#""path.id" = "{application}""#),
        ),
        (
            "/api/admin/applications/{id}/disabled",
            format!(r#""path.id" = "{application}""#),
        ),
        (
            "GET /api/admin/people/{id}",
            format!(r#""path.id" = "{adele}""#),
        ),
        (
            "DELETE /api/admin/people/{id}",
            format!(r#""path.id" = "{gone}""#),
        ),
        (
            "/api/admin/people/{id}/profile",
            format!(r#""path.id" = "{lars}""#),
        ),
        (
            "/api/admin/people/{id}/sessions",
            format!(r#""path.id" = "{lars}""#),
        ),
        (
            "/api/admin/people/{id}/require-registration",
            format!(r#""path.id" = "{lars}""#),
        ),
        (
            "/api/admin/people/{id}/status",
            format!(r#""path.id" = "{held}""#),
        ),
        (
            "/api/admin/people/{id}/password",
            format!(r#""path.id" = "{held}""#),
        ),
        (
            "/api/admin/people/{id}/invitation",
            format!(r#""path.id" = "{held}""#),
        ),
        (
            "/api/admin/people/{id}/role",
            format!(r#""path.id" = "{lars}""#),
        ),
        (
            "/api/admin/people/{id}/temporary-access-pass",
            format!(r#""path.id" = "{adele}""#),
        ),
        ("/api/me/methods/{id}", format!(r#""path.id" = "{phone}""#)),
        (
            "/api/me/challenges/{id}",
            format!(r#""path.id" = "{call}""#),
        ),
        (
            "/api/me/challenges/{id}/code",
            format!(r#""path.id" = "{call}""#),
        ),
        (
            "/api/me/challenges/{id}/resend",
            format!(r#""path.id" = "{call}""#),
        ),
        (
            "/api/me/authenticator/{id}/code",
            format!(r#""path.id" = "{pending_app}""#),
        ),
        (
            "/api/me/security-keys/{id}",
            format!(r#""path.id" = "{key}""#),
        ),
        (
            "/api/organizations/{id}/logo",
            r#""path.id" = "contoso""#.to_owned(),
        ),
        (
            "/api/me/step-up",
            format!(r#""body.method_id" = "{phone}", "body.delivery" = "text""#),
        ),
        (
            "/api/me/step-up/authenticator",
            format!(r#""body.method_id" = "{app}""#),
        ),
        (
            "/api/me/default-method",
            format!(r#""body.method_id" = "{phone}""#),
        ),
        // A change of the phone or the address: a second one is refused.
        (
            "/api/me/phone/challenges",
            format!(
                r#""body.kind" = "phone", "body.region" = "NL", "body.delivery" = "text", "body.replaces" = "{phone}""#
            ),
        ),
        (
            "/api/me/email/challenges",
            format!(r#""body.replaces" = "{email}""#),
        ),
    ];
    let invitations = [
        (
            "POST /api/invitation",
            format!(r#""body.token" = "{seen}""#),
        ),
        (
            "/api/invitation/strength",
            format!(r#""body.token" = "{seen}""#),
        ),
        (
            "PUT /api/invitation",
            format!(r#""body.token" = "{accepted}""#),
        ),
    ];
    Ok(AdminState {
        cookie: megan.cookie()?,
        config: toml_operations(&operations),
        invitations: toml_operations(&invitations),
    })
}

/// A demo person with a phone (registered by its text, which starts its
/// resend cooldown) and security questions: whose password the second
/// fuzzing pass resets.
pub struct ResetOwner {
    texted: std::time::Instant,
}

pub fn reset_owner(base: &str) -> Result<ResetOwner> {
    let adele = Browser::new(base, "fuzz-owner")?;
    adele.sign_in("adele.vance@contoso.example", "Contoso-Demo-2026")?;
    let start = r#"{"kind":"phone","region":"NL","number":"0687654321","delivery":"text"}"#;
    adele.verify_by_code(
        ("/api/me/phone/challenges", start),
        "handset",
        "+31687654321",
    )?;
    let texted = std::time::Instant::now();
    adele.send(
        "POST",
        "/api/me/security-questions",
        Some(
            r#"{"answers":[{"question":"city-born","answer":"Haarlem"},{"question":"first-pet","answer":"Minoes"},{"question":"first-car","answer":"Saab 900"}]}"#,
        ),
    )?;
    Ok(ResetOwner { texted })
}

/// A reset of the owner's password, verified with a text once the phone's
/// cooldown is over (the first of the two steps `admin` set the policy to);
/// the reset's own cookie.
pub fn reset(base: &str, owner: &ResetOwner) -> Result<String> {
    let reset = Browser::new(base, "fuzz-reset")?;
    reset.send(
        "POST",
        "/api/password-reset",
        Some(r#"{"account_name":"adele.vance@contoso.example"}"#),
    )?;
    let cooldown = std::time::Duration::from_secs(31);
    std::thread::sleep(cooldown.saturating_sub(owner.texted.elapsed()));
    // The first proof (N2): the whole number typed; its code arrives after
    // the answer, so the handset is read until a new one is there.
    let before = reset.last_code("handset", "+31687654321").ok();
    let started = reset.send(
        "POST",
        "/api/password-reset/contact",
        Some(r#"{"channel":"text","to":"+31687654321"}"#),
    )?;
    let challenge = json_string(&started, "challenge_id")?;
    let mut code = None;
    for _ in 0..100 {
        let newest = reset.last_code("handset", "+31687654321").ok();
        if newest.is_some() && newest != before {
            code = newest;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let code = code.ok_or("the reset's first code never arrived")?;
    reset.send(
        "POST",
        &format!("/api/password-reset/contact/{challenge}/code"),
        Some(&format!(r#"{{"code":"{code}"}}"#)),
    )?;
    reset.cookie()
}

/// A reset before its first proof, of a name nobody has (N2: it answers as
/// any other), with a first code or call sent by `channel`: its cookie,
/// and the operations' parameters naming that code or call.
pub fn unproved_reset(base: &str, name: &str, channel: &str) -> Result<(String, String)> {
    let reset = Browser::new(base, &format!("fuzz-unproved-{name}"))?;
    reset.send(
        "POST",
        "/api/password-reset",
        Some(&format!(
            r#"{{"account_name":"nobody.{name}@contoso.example"}}"#
        )),
    )?;
    let started = reset.send(
        "POST",
        "/api/password-reset/contact",
        Some(&format!(r#"{{"channel":"{channel}","to":"+31612340000"}}"#)),
    )?;
    let id = json_string(&started, "challenge_id")?;
    let operations = [
        (
            "/api/password-reset/contact/{id}",
            format!(r#""path.id" = "{id}""#),
        ),
        (
            "/api/password-reset/contact/{id}/code",
            format!(r#""path.id" = "{id}""#),
        ),
        (
            "/api/password-reset/contact/{id}/resend",
            format!(r#""path.id" = "{id}""#),
        ),
    ];
    Ok((reset.cookie()?, toml_operations(&operations)))
}

fn toml_operations(operations: &[(&str, String)]) -> String {
    operations
        .iter()
        .map(|(operation, parameters)| {
            // "METHOD /path" names one operation; a path alone, each of its.
            let filter = match operation.split_once(' ') {
                Some(_) => format!("include-name = \"{operation}\""),
                None => format!("include-path = \"{operation}\""),
            };
            format!("[[operations]]\n{filter}\nparameters = {{ {parameters} }}\n\n")
        })
        .collect()
}
