//! What the fuzzing reached (S24): from schemathesis's HAR reports, each
//! operation of the OpenAPI description with the answers it got, and
//! whether any of them came from its logic rather than from the door — a
//! 401, 403, 404, 405 or 415, or a body refused as malformed before any
//! rule was asked.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use crate::Result;

/// Operations that cannot get past the door here, and why. Anything else
/// that only ever met the door fails the run.
const UNREACHABLE: &[(&str, &str)] = &[
    (
        "POST /api/me/step-up/security-key",
        "no key can be registered without an authenticator to sign",
    ),
    (
        "POST /api/me/step-up/security-key/{id}",
        "no key can be registered without an authenticator to sign",
    ),
];

/// Reads every `*.json` HAR report under `dir`, matches each request to
/// its operation in `description`, prints what each operation answered
/// and fails if one that could get past the door never did.
pub fn check(dir: &Path, description: &Value) -> Result {
    let mut templates: Vec<(String, String)> = Vec::new();
    if let Some(paths) = description["paths"].as_object() {
        for (path, operations) in paths {
            for method in operations.as_object().into_iter().flatten().map(|(m, _)| m) {
                templates.push((method.to_uppercase(), path.clone()));
            }
        }
    }
    let mut answers: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for report in reports(dir)? {
        let text = std::fs::read_to_string(&report).map_err(|e| e.to_string())?;
        let har: Value =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", report.display()))?;
        for entry in har["log"]["entries"].as_array().into_iter().flatten() {
            let method = entry["request"]["method"].as_str().unwrap_or_default();
            let url = entry["request"]["url"].as_str().unwrap_or_default();
            let path = url
                .split_once("://")
                .and_then(|(_, rest)| rest.find('/').map(|i| &rest[i..]))
                .unwrap_or(url);
            let path = path.split('?').next().unwrap_or(path);
            let Some((_, template)) = templates
                .iter()
                .find(|(m, t)| m == method && matches(t, path))
            else {
                continue;
            };
            let status = entry["response"]["status"].as_u64().unwrap_or(0);
            let body = entry["response"]["content"]["text"]
                .as_str()
                .unwrap_or_default();
            let code = serde_json::from_str::<Value>(body)
                .ok()
                .and_then(|v| v["code"].as_str().map(str::to_owned))
                .unwrap_or_default();
            *answers
                .entry(format!("{method} {template}"))
                .or_default()
                .entry(format!("{status} {code}"))
                .or_default() += 1;
        }
    }
    let mut stuck = Vec::new();
    let mut reached = 0;
    for (method, path) in &templates {
        let operation = format!("{method} {path}");
        let seen = answers.get(&operation);
        let past_the_door = seen.is_some_and(|s| s.keys().any(|answer| !at_the_door(answer)));
        let shown: Vec<String> = seen
            .into_iter()
            .flatten()
            .map(|(answer, n)| format!("{answer} ×{n}"))
            .collect();
        let verdict = match (seen, past_the_door) {
            (None, _) => "not fuzzed",
            (_, true) => "reached   ",
            (_, false) => "at the door",
        };
        eprintln!("  {verdict} {operation}: {}", shown.join(", "));
        if past_the_door {
            reached += 1;
        } else if let Some((_, why)) = UNREACHABLE.iter().find(|(o, _)| *o == operation) {
            eprintln!("      (expected: {why})");
        } else if !path.starts_with("/api/twilio/") && seen.is_some() {
            stuck.push(operation);
        }
    }
    eprintln!(
        "S24: {reached} of {} operations reached their logic",
        templates.len()
    );
    if stuck.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "these operations only ever met the door (401/403/404/405/415 or a malformed body): {}; give the fuzzing the state they need (xtask/src/fuzz_state.rs)",
            stuck.join(", ")
        ))
    }
}

/// Whether an answer ("status code") came before any of the operation's
/// own rules were asked: no session or not the right kind, no such thing,
/// a wrong method or media type, or a body that is not the operation's.
fn at_the_door(answer: &str) -> bool {
    let (status, code) = answer.split_once(' ').unwrap_or((answer, ""));
    matches!(status, "404" | "405" | "415")
        || (matches!(status, "401" | "403")
            && matches!(
                code,
                "not-signed-in"
                    | "sign-in-not-finished"
                    | "forbidden"
                    | "csrf-rejected"
                    | "step-up-required"
            ))
        || (matches!(status, "400" | "422") && code == "malformed-request")
}

/// Whether a concrete path fits an OpenAPI path template.
fn matches(template: &str, path: &str) -> bool {
    let (t, p): (Vec<&str>, Vec<&str>) = (template.split('/').collect(), path.split('/').collect());
    t.len() == p.len()
        && t.iter()
            .zip(&p)
            .all(|(t, p)| (t.starts_with('{') && !p.is_empty()) || t == p)
}

fn reports(dir: &Path) -> Result<Vec<std::path::PathBuf>> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).map_err(|e| e.to_string())? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                found.push(path);
            }
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_fit_their_templates_and_the_door_is_told_apart() {
        assert!(matches("/api/me/methods/{id}", "/api/me/methods/abc"));
        assert!(!matches("/api/me/methods/{id}", "/api/me/methods/"));
        assert!(!matches("/api/me/methods/{id}", "/api/me/methods/a/b"));
        assert!(at_the_door("404 not-found"));
        assert!(at_the_door("400 malformed-request"));
        assert!(at_the_door("401 not-signed-in"));
        assert!(!at_the_door("401 passkey-not-accepted"));
        assert!(!at_the_door("400 wrong-code"));
        assert!(!at_the_door("429 too-many-attempts"));
    }
}
