//! The compiled messages say what Fluent's own resolver says: every
//! message and attribute of every locale, without variables and with each
//! variable set to numbers around the plural boundaries and to text
//! (including text equal to a variant's key), formatted both ways.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot unwrap has failed"
)]

use std::collections::BTreeSet;
use std::path::Path;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use fluent_syntax::ast;
use models::Locale;
use secinfo_i18n::{Args, Localizer};

const NUMBERS: [i64; 8] = [0, 1, 2, 5, 11, 21, -1, 1000];
const TEXTS: [&str; 3] = ["Adele Vance", "one", "other"];

#[test]
fn every_message_formats_as_fluent_formats_it() {
    let ours = Localizer::new();
    let mut compared = 0;
    for locale in Locale::ALL {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../locales")
            .join(locale.tag());
        let mut bundle = FluentBundle::new(vec![locale.tag().parse().unwrap()]);
        bundle.set_use_isolating(false);
        let mut messages = Vec::new();
        for file in std::fs::read_dir(&dir).unwrap() {
            let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
            messages.extend(ids_and_variables(&text));
            bundle
                .add_resource(FluentResource::try_new(text).unwrap())
                .unwrap();
        }
        for (id, variables) in &messages {
            let (name, attribute) = match id.split_once('.') {
                Some((name, attribute)) => (name, Some(attribute)),
                None => (id.as_str(), None),
            };
            let message = bundle.get_message(name).unwrap();
            let pattern = match attribute {
                Some(a) => message.get_attribute(a).unwrap().value(),
                None => message.value().unwrap(),
            };
            let fluent = |args: Option<&FluentArgs>| {
                let mut errors = Vec::new();
                bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned()
            };
            assert!(ours.has(locale, id), "{locale}: {id}");
            assert_eq!(
                ours.format(locale, id, None),
                fluent(None),
                "{locale}: {id} without variables"
            );
            compared += 1;
            let mut cases: Vec<(Args, FluentArgs)> = Vec::new();
            for n in NUMBERS {
                cases.push(both(variables, |a, f, v| {
                    a.set(v.to_owned(), n);
                    f.set(v.to_owned(), n);
                }));
            }
            for text in TEXTS {
                cases.push(both(variables, |a, f, v| {
                    a.set(v.to_owned(), text);
                    f.set(v.to_owned(), text);
                }));
            }
            for (args, fluent_args) in &cases {
                assert_eq!(
                    ours.format(locale, id, Some(args)),
                    fluent(Some(fluent_args)),
                    "{locale}: {id} with {args:?}"
                );
                compared += 1;
            }
        }
    }
    // Three locales of a few hundred messages, each with and without variables.
    assert!(compared > 1500, "only {compared} formats compared");
}

#[test]
fn unknown_ids_and_missing_variables_read_as_fluent_writes_them() {
    let ours = Localizer::new();
    assert!(!ours.has(Locale::En, "no-such-message"));
    assert!(!ours.has(Locale::En, "shell-account-menu.no-such-attribute"));
    // Fluent writes a missing variable as `{$name}`.
    assert_eq!(
        ours.format(Locale::En, "shell-account-menu", None),
        "{$name}, account menu"
    );
}

fn both<'a>(
    variables: &'a BTreeSet<String>,
    set: impl Fn(&mut Args<'a>, &mut FluentArgs<'a>, &'a str),
) -> (Args<'a>, FluentArgs<'a>) {
    let mut args = Args::new();
    let mut fluent = FluentArgs::new();
    for variable in variables {
        set(&mut args, &mut fluent, variable);
    }
    (args, fluent)
}

/// Each message's id (and `id.attribute`) with the variables it uses.
fn ids_and_variables(text: &str) -> Vec<(String, BTreeSet<String>)> {
    let resource = fluent_syntax::parser::parse(text).unwrap();
    let mut out = Vec::new();
    for entry in resource.body {
        if let ast::Entry::Message(message) = entry {
            let name = message.id.name;
            if let Some(value) = &message.value {
                out.push((name.to_owned(), variables_of(value)));
            }
            for attribute in &message.attributes {
                out.push((
                    format!("{name}.{}", attribute.id.name),
                    variables_of(&attribute.value),
                ));
            }
        }
    }
    out
}

fn variables_of(pattern: &ast::Pattern<&str>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut patterns = vec![pattern];
    while let Some(pattern) = patterns.pop() {
        for element in &pattern.elements {
            let ast::PatternElement::Placeable { expression } = element else {
                continue;
            };
            match expression {
                ast::Expression::Select { selector, variants } => {
                    if let ast::InlineExpression::VariableReference { id } = selector {
                        out.insert(id.name.to_owned());
                    }
                    patterns.extend(variants.iter().map(|v| &v.value));
                }
                ast::Expression::Inline(ast::InlineExpression::VariableReference { id }) => {
                    out.insert(id.name.to_owned());
                }
                ast::Expression::Inline(_) => {}
            }
        }
    }
    out
}
