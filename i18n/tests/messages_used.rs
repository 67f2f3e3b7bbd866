//! The code and `locales/en` name the same messages: every message id the
//! client or the server asks for exists in `en` (a missing one would show
//! its id to the person), and every `en` message is asked for somewhere
//! (an unused one is work for translators that nobody sees).
//!
//! Message ids are read from the Rust sources where they are named: the
//! argument of `t`, `t_with`, `text`, `label`, `format` and `has`; a
//! property whose name ends in `_id` or `_label`, or its default; and a
//! `match` arm or `if` branch that picks a message. Ids made at run time are the families `error-<code>`
//! (every `ErrorCode`) and `question-<id>` (every predefined question) and
//! `activity-<name>` (every `Activity`).
//! Arms of an `as_str` function spell names on the wire, not messages.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn en_messages() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for file in files(&root().join("locales/en"), "ftl") {
        for line in fs::read_to_string(&file).unwrap_or_default().lines() {
            if let Some((id, _)) = line.split_once(" =")
                && is_id(id)
            {
                ids.insert(id.to_owned());
            }
        }
    }
    ids
}

fn files(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return found;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(files(&path, extension));
        } else if path.extension().is_some_and(|x| x == extension) {
            found.push(path);
        }
    }
    found.sort();
    found
}

/// A message id: kebab-case with at least two words.
fn is_id(s: &str) -> bool {
    s.contains('-')
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && !s.ends_with('-')
        && !s.contains("--")
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// What may stand right before a literal that names a message.
const CONTEXTS: [&str; 10] = [
    ".t(",
    ".t_with(",
    ".text(",
    "label(",
    "_id=",
    "_id: ",
    "_label=",
    "default = ",
    "=> ",
    "{ ",
];

/// The message ids named in `source`, each with its line number.
fn named_ids(source: &str) -> Vec<(String, usize)> {
    let mut named = Vec::new();
    let mut in_as_str = false;
    for (n, line) in source.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("pub fn ") || trimmed.starts_with("fn ") {
            in_as_str = trimmed.contains("fn as_str(");
        }
        let mut rest = line;
        while let Some(start) = rest.find('"') {
            let before = rest[..start].trim_end_matches(' ');
            let after = &rest[start + 1..];
            let Some(end) = after.find('"') else { break };
            let literal = &after[..end];
            let before_with_space = &rest[..start];
            let named_here = CONTEXTS
                .iter()
                .any(|c| before_with_space.ends_with(c) || before.ends_with(c.trim_end()))
                || is_format_argument(before)
                || before.ends_with("else {")
                || (before.ends_with('{') && before.contains(" if "));
            let is_arm = before_with_space.ends_with("=> ");
            if is_id(literal) && named_here && !(is_arm && in_as_str) {
                named.push((literal.to_owned(), n + 1));
            }
            rest = &after[end + 1..];
        }
    }
    named
}

/// `format(locale, "id"` and `has(locale, "id"`: the server's lookups.
fn is_format_argument(before: &str) -> bool {
    let Some(open) = before.rfind('(') else {
        return false;
    };
    let call = &before[..open];
    (call.ends_with("format") || call.ends_with("has"))
        && before[open + 1..].ends_with(',')
        && !before[open + 1..].contains('(')
}

fn named_in_code() -> BTreeMap<String, Vec<String>> {
    let mut named: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for dir in ["app/src", "server/src", "models/src"] {
        for file in files(&root().join(dir), "rs") {
            let source = fs::read_to_string(&file).unwrap_or_default();
            let shown = file
                .strip_prefix(root())
                .unwrap_or(&file)
                .display()
                .to_string();
            for (id, line) in named_ids(&source) {
                named.entry(id).or_default().push(format!("{shown}:{line}"));
            }
        }
    }
    for code in models::ErrorCode::ALL {
        named
            .entry(code.message_id())
            .or_default()
            .push("models::ErrorCode".into());
    }
    for activity in models::Activity::ALL {
        named
            .entry(activity.message_id())
            .or_default()
            .push("models::Activity".into());
    }
    for question in models::questions::PREDEFINED {
        named
            .entry(format!("question-{question}"))
            .or_default()
            .push("models::questions::PREDEFINED".into());
    }
    named
}

#[test]
fn every_message_the_code_names_exists_in_english() {
    let en = en_messages();
    let missing: Vec<String> = named_in_code()
        .into_iter()
        .filter(|(id, _)| !en.contains(id))
        .map(|(id, places)| format!("{id} (named at {})", places.join(", ")))
        .collect();
    assert!(missing.is_empty(), "not in locales/en: {missing:#?}");
}

#[test]
fn every_english_message_is_named_by_the_code() {
    let named = named_in_code();
    let unused: Vec<String> = en_messages()
        .into_iter()
        .filter(|id| !named.contains_key(id))
        .collect();
    assert!(
        unused.is_empty(),
        "in locales/en but never used: {unused:#?}"
    );
}

#[test]
fn the_reader_finds_messages_where_the_code_names_them() {
    let source = r#"
        i18n.t("signin-title");
        headers.get("x-forwarded-for");
        i18n.t_with("register-step", &args);
        <WizardDone text_id="email-wizard-success-text"/>
        state.l10n.format(locale, "notify-subject", None);
        let id = if key { "dialog-ok" } else { "delete-dialog-yes" };
        MethodKind::Phone => "method-kind-phone",
        <input id="phone-code" class="method-row"/>
        pub fn as_str(self) -> &'static str {
            match self { Action::MethodAdded => "method-added" }
        }
    "#;
    let ids: Vec<String> = named_ids(source).into_iter().map(|(id, _)| id).collect();
    assert_eq!(
        ids,
        [
            "signin-title",
            "register-step",
            "email-wizard-success-text",
            "notify-subject",
            "dialog-ok",
            "delete-dialog-yes",
            "method-kind-phone",
        ]
    );
}
