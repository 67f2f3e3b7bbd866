//! `cargo xtask tidy`: the invariants of ARCHITECTURE.md that a search of
//! the source can hold, checked in the test command. Each rule names the
//! files it reads, what it forbids there, and how to put a failure right.

use std::path::{Path, PathBuf};

use crate::{Result, root};

/// One rule: where it looks, what it forbids, and what to do instead.
struct Rule {
    name: &'static str,
    /// Files whose path (from the repository root) starts with one of these.
    under: &'static [&'static str],
    /// Paths under `under` that the rule leaves alone.
    except: &'static [&'static str],
    /// A line breaks the rule when it contains one of these.
    forbidden: &'static [&'static str],
    fix: &'static str,
}

const RULES: &[Rule] = &[
    Rule {
        name: "SQL lives in the store",
        under: &["server/src/"],
        except: &["server/src/store/"],
        forbidden: &[
            "\"SELECT ",
            "\"INSERT INTO ",
            "\"DELETE FROM ",
            "\"UPDATE ",
            "sqlx::query",
        ],
        fix: "move the statement into a function of `store/` and call that",
    },
    Rule {
        name: "only the edge knows HTTP",
        under: &["server/src/"],
        except: &[
            "server/src/http/",
            "server/src/routes/",
            "server/src/lib.rs",
            "server/src/main.rs",
        ],
        forbidden: &["axum", "StatusCode", "IntoResponse", "tower", "CookieJar"],
        fix: "return a domain value or an `AppError` (with its `Refusal`) and let the route \
              (or `http/respond.rs`) turn it into a response",
    },
    Rule {
        name: "routes are thin: the domain touches the store",
        under: &["server/src/routes/"],
        except: &[],
        forbidden: &[".store", "crate::store", "store::"],
        fix: "call one domain function that owns the use case, and let it read and write",
    },
    Rule {
        name: "no route imports another",
        under: &["server/src/routes/"],
        except: &["server/src/routes/mod.rs"],
        forbidden: &["super::", "crate::routes"],
        fix: "move what both need into the domain (or `http/`) and import it from there",
    },
    Rule {
        name: "only the endpoint descriptions know the API's paths",
        under: &["app/src/", "server/src/"],
        except: &[],
        forbidden: &["\"/api"],
        fix: "describe the endpoint in `models/src/endpoints.rs`; the client calls it with \
              `api::call`, the server routes it with `ApiRouter::endpoint`",
    },
    Rule {
        name: "the server routes the API by its descriptions",
        under: &["server/src/routes/"],
        except: &[
            "server/src/routes/mod.rs",
            "server/src/routes/fixtures.rs",
            "server/src/routes/handset.rs",
            "server/src/routes/mailbox.rs",
            "server/src/routes/twilio.rs",
            // OpenID Connect's own endpoints, not the JSON API.
            "server/src/routes/oidc_provider.rs",
            // Health and metrics, for machines: not the JSON API.
            "server/src/routes/operations.rs",
        ],
        forbidden: &[".route("],
        fix: "describe the endpoint in `models/src/endpoints.rs` and route it with \
              `.endpoint(Name, handler)`",
    },
];

/// The crates whose every file the code map names.
const MAPPED: &[&str] = &[
    "server/src",
    "app/src",
    "models/src",
    "i18n/src",
    "xtask/src",
];

/// Checks every rule over the repository's Rust files, that the code map
/// in ARCHITECTURE.md names each of them, and that the documents show the
/// Apache configuration the tests use.
pub fn check() -> Result {
    let root = root();
    let mut files = Vec::new();
    for dir in MAPPED {
        rust_files(&root.join(dir), &mut files)?;
    }
    let mut sources = Vec::new();
    for file in files {
        let text =
            std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let relative = file
            .strip_prefix(&root)
            .unwrap_or(&file)
            .to_string_lossy()
            .replace('\\', "/");
        sources.push((relative, text));
    }
    let map = std::fs::read_to_string(root.join("ARCHITECTURE.md"))
        .map_err(|e| format!("ARCHITECTURE.md: {e}"))?;
    let mut broken = violations(&sources);
    broken.extend(unmapped(&sources, &map));
    broken.extend(copied_configurations(&root)?);
    if broken.is_empty() {
        eprintln!(
            "tidy: {} rules hold over {} files",
            RULES.len(),
            sources.len()
        );
        return Ok(());
    }
    for line in &broken {
        eprintln!("{line}");
    }
    Err(format!(
        "tidy: {} lines break the architecture's rules",
        broken.len()
    ))
}

/// Each line that breaks a rule, said with the rule and its fix. Tests
/// (`#[cfg(test)]` modules and below) are not held to the rules.
fn violations(sources: &[(String, String)]) -> Vec<String> {
    let mut broken = Vec::new();
    for (path, text) in sources {
        for rule in RULES {
            let applies = rule.under.iter().any(|u| path.starts_with(u))
                && !rule.except.iter().any(|e| path.starts_with(e));
            if !applies {
                continue;
            }
            for (n, line) in text.lines().enumerate() {
                if line.trim_start().starts_with("#[cfg(test)]") {
                    break;
                }
                if line.trim_start().starts_with("//") {
                    continue;
                }
                if let Some(word) = rule.forbidden.iter().find(|f| line.contains(*f)) {
                    broken.push(format!(
                        "{path}:{}: {word} breaks \"{}\": {}",
                        n + 1,
                        rule.name,
                        rule.fix
                    ));
                }
            }
        }
    }
    broken
}

/// The Apache configurations the documents show for copying, checked
/// against the one the end-to-end tests start Apache with: each directive
/// is one the tests use, and a line without a placeholder (`<…>`) or an
/// address of the reader's is the tests' own, word for word.
fn copied_configurations(root: &Path) -> Result<Vec<String>> {
    let read =
        |path: &str| std::fs::read_to_string(root.join(path)).map_err(|e| format!("{path}: {e}"));
    let tested = read("end2end/apache/protected-by-secinfo.conf")?;
    let tested: Vec<&str> = tested.lines().map(str::trim).collect();
    let mut broken = Vec::new();
    for document in ["README.md", "docs/operating.md"] {
        let text = read(document)?;
        let mut in_block = false;
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.starts_with("```") {
                in_block = line == "```apache";
                continue;
            }
            if !in_block || line.is_empty() || line.starts_with('#') {
                continue;
            }
            let directive = line.split_whitespace().next().unwrap_or_default();
            let the_readers =
                line.contains('<') && !line.starts_with('<') || line.contains("https://");
            let known = match the_readers {
                true => tested
                    .iter()
                    .any(|t| t.split_whitespace().next() == Some(directive)),
                false => tested.contains(&line),
            };
            if !known {
                broken.push(format!(
                    "{document}:{}: \"{line}\" is not in end2end/apache/protected-by-secinfo.conf: show the configuration the tests use",
                    n + 1
                ));
            }
        }
    }
    Ok(broken)
}

/// Each file the code map does not name (by its file name, as a word;
/// `mod.rs` is named by its folder).
fn unmapped(sources: &[(String, String)], map: &str) -> Vec<String> {
    let words: std::collections::HashSet<&str> = map
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .collect();
    sources
        .iter()
        .filter_map(|(path, _)| {
            let stem = Path::new(path).file_stem()?.to_str()?;
            (stem != "mod" && !words.contains(stem)).then(|| {
                format!(
                    "{path}: not on the map: name it in ARCHITECTURE.md's code map, in the room it belongs to"
                )
            })
        })
        .collect()
}

fn rust_files(dir: &Path, into: &mut Vec<PathBuf>) -> Result {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            rust_files(&path, into)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            into.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{unmapped, violations};

    #[test]
    fn a_file_the_map_does_not_name_fails() {
        let sources = vec![
            ("server/src/routes/me.rs".to_owned(), String::new()),
            ("server/src/store/mod.rs".to_owned(), String::new()),
            ("server/src/nowhere.rs".to_owned(), String::new()),
        ];
        let found = unmapped(
            &sources,
            "`routes/me.rs` — the person's own settings; `store/`",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("server/src/nowhere.rs"));
    }

    fn file(path: &str, text: &str) -> Vec<(String, String)> {
        vec![(path.to_owned(), text.to_owned())]
    }

    #[test]
    fn each_rule_fails_on_a_planted_violation() {
        let planted = [
            (
                "server/src/routes/x.rs",
                "let n = sqlx::query(\"SELECT 1\");",
            ),
            ("server/src/store/x.rs", "use axum::http::StatusCode;"),
            (
                "server/src/providers/x.rs",
                "fn f() -> impl IntoResponse {}",
            ),
            (
                "server/src/session.rs",
                "use axum_extra::extract::CookieJar;",
            ),
            (
                "server/src/routes/x.rs",
                "    let m = state.store.methods(id);",
            ),
            ("server/src/routes/x.rs", "        .store"),
            ("server/src/routes/x.rs", "use crate::store::MethodRecord;"),
            ("server/src/routes/x.rs", "use super::session::user_view;"),
            ("app/src/pages/x.rs", "Request::get(\"/api/me\")"),
            ("app/src/api/mod.rs", "Request::get(\"/api/me\")"),
            ("server/src/lib.rs", "    .nest(\"/api\", api)"),
            (
                "server/src/routes/x.rs",
                "    Router::new().route(\"/me\", get(me))",
            ),
        ];
        for (path, line) in planted {
            let found = violations(&file(path, line));
            assert_eq!(found.len(), 1, "{path}: {found:?}");
        }
    }

    #[test]
    fn the_rooms_that_may_are_left_alone() {
        let allowed = [
            ("server/src/store/x.rs", "sqlx::query(\"SELECT 1\")"),
            ("server/src/routes/x.rs", "use axum::Router;"),
            (
                "server/src/http/cookies.rs",
                "use axum_extra::extract::CookieJar;",
            ),
            ("server/src/routes/mod.rs", "use super::session;"),
            ("server/src/verification.rs", "state.store.methods(id)"),
            (
                "server/src/routes/fixtures.rs",
                "    Router::new().route(\"/test\", get(t))",
            ),
            (
                "server/src/verification.rs",
                "// \"UPDATE \" is said in a comment",
            ),
            (
                "server/src/verification.rs",
                "#[cfg(test)]\nmod tests { fn f() { sqlx::query(\"SELECT 1\"); } }",
            ),
        ];
        for (path, text) in allowed {
            assert!(violations(&file(path, text)).is_empty(), "{path}: {text}");
        }
    }
}
