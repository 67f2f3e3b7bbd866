//! Compiles `locales/` into the crate and refuses to build when a locale is
//! out of step with `en`: a missing or obsolete message, attribute or file,
//! different variables, a parse error, an id that is not kebab-case, or an
//! error code without its `error-<code>` message (or an `Activity` without
//! its `activity-<name>`).
//!
//! This is the "translations checked at build time" rule: no locale can
//! silently fall back to English. Then it compiles every message into the
//! tables `src/format.rs` reads (`build/tables.rs`).

#![allow(
    clippy::expect_used,
    reason = "a build script that cannot read its inputs has failed, and says which"
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::{env, fs};

use fluent_syntax::ast;

#[path = "build/tables.rs"]
mod tables;

/// What a message promises its translators: attributes and variables.
#[derive(Debug, PartialEq)]
struct Shape {
    file: String,
    attributes: BTreeSet<String>,
    variables: BTreeSet<String>,
    has_variables_comment: bool,
}

fn main() {
    let root =
        Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets this")).join("../locales");
    println!("cargo:rerun-if-changed={}", root.display());

    let mut problems = Vec::new();
    let mut sources: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    let mut shapes: BTreeMap<String, BTreeMap<String, Shape>> = BTreeMap::new();

    for locale in models::Locale::ALL {
        let dir = root.join(locale.tag());
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files: Vec<PathBuf> = if let Ok(entries) = fs::read_dir(&dir) {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
                .collect()
        } else {
            problems.push(format!("locales/{}/ is missing", locale.tag()));
            continue;
        };
        files.sort();
        let mut entries = BTreeMap::new();
        for file in &files {
            println!("cargo:rerun-if-changed={}", file.display());
            let name = file
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_owned();
            let text = fs::read_to_string(file).unwrap_or_default();
            collect_shapes(locale.tag(), &name, &text, &mut entries, &mut problems);
        }
        sources.insert(locale.tag().to_owned(), files);
        shapes.insert(locale.tag().to_owned(), entries);
    }
    for entry in fs::read_dir(&root).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_dir() && !sources.contains_key(&name) {
            problems.push(format!(
                "locales/{name}/ is not a supported locale: add it to models::Locale first"
            ));
        }
    }

    let empty = BTreeMap::new();
    let en = shapes.get("en").unwrap_or(&empty);
    for (id, shape) in en {
        if !id.starts_with('-') && !shape.variables.is_empty() && !shape.has_variables_comment {
            problems.push(format!(
                "en/{}: `{id}` uses {:?} but has no `# Variables:` comment for translators",
                shape.file, shape.variables
            ));
        }
    }
    for code in models::ErrorCode::ALL {
        if !en.contains_key(&code.message_id()) {
            problems.push(format!(
                "en: error code `{code}` has no message `{}`",
                code.message_id()
            ));
        }
    }
    for activity in models::Activity::ALL {
        if !en.contains_key(&activity.message_id()) {
            problems.push(format!(
                "en: activity `{}` has no message `{}`",
                activity.as_str(),
                activity.message_id()
            ));
        }
    }
    for (locale, entries) in shapes.iter().filter(|(l, _)| *l != "en") {
        for (id, theirs) in entries {
            match en.get(id) {
                None => problems.push(format!(
                    "{locale}/{}: `{id}` is obsolete (not in en): remove it",
                    theirs.file
                )),
                Some(ours) => {
                    if ours.file != theirs.file {
                        problems.push(format!(
                            "{locale}: `{id}` belongs in {} as in en, not in {}",
                            ours.file, theirs.file
                        ));
                    }
                    if ours.attributes != theirs.attributes {
                        problems.push(format!(
                            "{locale}/{}: `{id}` has attributes {:?}, en has {:?}",
                            theirs.file, theirs.attributes, ours.attributes
                        ));
                    }
                    if ours.variables != theirs.variables {
                        problems.push(format!(
                            "{locale}/{}: `{id}` uses variables {:?}, en uses {:?}",
                            theirs.file, theirs.variables, ours.variables
                        ));
                    }
                }
            }
        }
        for (id, ours) in en {
            if !entries.contains_key(id) {
                problems.push(format!(
                    "{locale}/{}: `{id}` is missing: translate it from en/{}",
                    ours.file, ours.file
                ));
            }
        }
    }

    let texts: tables::Sources = sources
        .iter()
        .map(|(tag, files)| {
            let texts = files
                .iter()
                .map(|f| {
                    let name = f.file_name().unwrap_or_default().to_string_lossy();
                    (name.into_owned(), fs::read_to_string(f).unwrap_or_default())
                })
                .collect();
            (tag.clone(), texts)
        })
        .collect();
    let tables = tables::rust_source(&texts, &mut problems);

    assert!(
        problems.is_empty(),
        "\n\nlocales/ is out of step (see docs/translating.md):\n  - {}\n\n",
        problems.join("\n  - ")
    );

    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets this")).join("tables.rs");
    fs::write(dest, tables).expect("OUT_DIR is writable");
}

fn collect_shapes(
    locale: &str,
    file: &str,
    text: &str,
    into: &mut BTreeMap<String, Shape>,
    problems: &mut Vec<String>,
) {
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(resource) => resource,
        Err((resource, errors)) => {
            for error in errors {
                problems.push(format!(
                    "{locale}/{file}: syntax error {:?} at bytes {:?}",
                    error.kind, error.pos
                ));
            }
            resource
        }
    };
    for entry in resource.body {
        let (id, value, attributes, comment, prefix) = match entry {
            ast::Entry::Message(m) => (m.id.name, m.value, m.attributes, m.comment, ""),
            ast::Entry::Term(t) => (t.id.name, Some(t.value), t.attributes, t.comment, "-"),
            _ => continue,
        };
        let id = format!("{prefix}{id}");
        if !is_kebab_case(id.trim_start_matches('-')) {
            problems.push(format!("{locale}/{file}: `{id}` is not kebab-case"));
        }
        let mut variables = BTreeSet::new();
        if let Some(pattern) = &value {
            pattern_variables(pattern, &mut variables);
        }
        for attribute in &attributes {
            pattern_variables(&attribute.value, &mut variables);
        }
        let has_variables_comment = comment.is_some_and(|c| {
            c.content
                .iter()
                .any(|line| line.trim_start().starts_with("Variables:"))
        });
        let shape = Shape {
            file: file.to_owned(),
            attributes: attributes.iter().map(|a| a.id.name.to_owned()).collect(),
            variables,
            has_variables_comment,
        };
        if into.insert(id.clone(), shape).is_some() {
            problems.push(format!("{locale}/{file}: `{id}` is defined twice"));
        }
    }
}

fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn pattern_variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, out);
            }
            for named in &arguments.named {
                inline_variables(&named.value, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}
