//! Compiles every locale's messages into Rust tables of `Part`s (see
//! `src/format.rs`): text, a variable, or a choice on a variable. Terms,
//! message references and literals are resolved here, once, so that
//! neither the browser nor the server carries a Fluent parser or resolver.
//! A construct the tables cannot express (a function, a term with
//! arguments or variables) is a build error, as a syntax error is.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use fluent_syntax::ast;
use fluent_syntax::unicode::unescape_unicode_to_string;

/// How deep message and term references may nest before it is a cycle.
const MAX_DEPTH: usize = 8;

/// One locale's entries by id: messages, and terms with their `-`.
type Entries<'s> = BTreeMap<String, Entry<'s>>;

struct Entry<'s> {
    file: &'s str,
    value: Option<ast::Pattern<&'s str>>,
    attributes: Vec<ast::Attribute<&'s str>>,
}

/// A file's messages in one locale, by id.
type Rows = BTreeMap<String, Vec<Part>>;

/// Each locale's files: its tag, and each file's name and text.
pub type Sources = Vec<(String, Vec<(String, String)>)>;

/// The Rust source of the tables: a `Messages` static per file (`signin.ftl`
/// → `SIGNIN`) holding each locale's messages and their attributes
/// (`id.attribute`), sorted by id for a binary search; and `ALL` of them.
/// A client entry names the files it shows, and carries only those.
pub fn rust_source(locales: &Sources, problems: &mut Vec<String>) -> String {
    let mut files: BTreeMap<&str, Vec<(&str, Rows)>> = BTreeMap::new();
    for (tag, texts) in locales {
        let mut entries = Entries::new();
        for (file, text) in texts {
            // Syntax errors are reported by the shape check.
            let resource = fluent_syntax::parser::parse(text.as_str()).unwrap_or_else(|(r, _)| r);
            for entry in resource.body {
                let (id, value, attributes) = match entry {
                    ast::Entry::Message(m) => (m.id.name.to_owned(), m.value, m.attributes),
                    ast::Entry::Term(t) => (format!("-{}", t.id.name), Some(t.value), t.attributes),
                    _ => continue,
                };
                let file = file.as_str();
                entries.insert(
                    id,
                    Entry {
                        file,
                        value,
                        attributes,
                    },
                );
            }
        }
        let compiler = Compiler {
            tag,
            entries: &entries,
        };
        let mut by_file: BTreeMap<&str, Rows> = texts
            .iter()
            .map(|(file, _)| (file.as_str(), BTreeMap::new()))
            .collect();
        for (id, entry) in entries.iter().filter(|(id, _)| !id.starts_with('-')) {
            let rows = by_file.entry(entry.file).or_default();
            if let Some(value) = &entry.value {
                rows.insert(id.clone(), compiler.pattern(id, value, 0, problems));
            }
            for attribute in &entry.attributes {
                let id = format!("{id}.{}", attribute.id.name);
                let parts = compiler.pattern(&id, &attribute.value, 0, problems);
                rows.insert(id, parts);
            }
        }
        for (file, rows) in by_file {
            files.entry(file).or_default().push((tag, rows));
        }
    }

    let mut out = String::new();
    for (file, locales) in &files {
        let _ = writeln!(
            out,
            "/// `locales/<locale>/{file}`, compiled.\npub static {}: Messages = Messages {{ locales: &[",
            static_name(file)
        );
        for (tag, rows) in locales {
            let _ = writeln!(out, "    ({tag:?}, &[");
            for (id, parts) in rows {
                let _ = writeln!(out, "        ({id:?}, &[{}]),", rust_parts(parts));
            }
            out.push_str("    ]),\n");
        }
        out.push_str("] };\n");
    }
    out.push_str("/// Every file's messages.\npub static ALL: &[&Messages] = &[");
    for file in files.keys() {
        let _ = write!(out, "&{}, ", static_name(file));
    }
    out.push_str("];\n");
    out
}

/// `security-info.ftl` → `SECURITY_INFO`.
fn static_name(file: &str) -> String {
    file.trim_end_matches(".ftl")
        .replace('-', "_")
        .to_ascii_uppercase()
}

/// A compiled pattern part, before it is written as Rust.
enum Part {
    Text(String),
    Variable(String),
    Select {
        on: String,
        variants: Vec<(Key, Vec<Part>)>,
        default: usize,
    },
}

enum Key {
    Name(String),
    Number(i64),
}

struct Compiler<'a, 's> {
    tag: &'a str,
    entries: &'a Entries<'s>,
}

impl Compiler<'_, '_> {
    fn pattern(
        &self,
        id: &str,
        pattern: &ast::Pattern<&str>,
        depth: usize,
        problems: &mut Vec<String>,
    ) -> Vec<Part> {
        let mut parts = Vec::new();
        for element in &pattern.elements {
            match element {
                ast::PatternElement::TextElement { value } => push_text(&mut parts, value),
                ast::PatternElement::Placeable { expression } => {
                    self.expression(id, expression, depth, &mut parts, problems);
                }
            }
        }
        parts
    }

    fn expression(
        &self,
        id: &str,
        expression: &ast::Expression<&str>,
        depth: usize,
        parts: &mut Vec<Part>,
        problems: &mut Vec<String>,
    ) {
        match expression {
            ast::Expression::Inline(inline) => self.inline(id, inline, depth, parts, problems),
            ast::Expression::Select { selector, variants } => {
                let ast::InlineExpression::VariableReference { id: on } = selector else {
                    problems.push(format!(
                        "{}: `{id}` chooses on something other than a variable",
                        self.tag
                    ));
                    return;
                };
                let mut compiled = Vec::new();
                let mut default = 0;
                for (index, variant) in variants.iter().enumerate() {
                    let key = match &variant.key {
                        ast::VariantKey::Identifier { name } => Key::Name((*name).to_owned()),
                        ast::VariantKey::NumberLiteral { value } => {
                            if let Ok(n) = value.parse() {
                                Key::Number(n)
                            } else {
                                problems.push(format!(
                                "{}: `{id}` has the variant key [{value}]: only whole numbers are supported",
                                self.tag
                            ));
                                continue;
                            }
                        }
                    };
                    if variant.default {
                        default = index;
                    }
                    compiled.push((key, self.pattern(id, &variant.value, depth, problems)));
                }
                parts.push(Part::Select {
                    on: on.name.to_owned(),
                    variants: compiled,
                    default,
                });
            }
        }
    }

    fn inline(
        &self,
        id: &str,
        inline: &ast::InlineExpression<&str>,
        depth: usize,
        parts: &mut Vec<Part>,
        problems: &mut Vec<String>,
    ) {
        match inline {
            ast::InlineExpression::StringLiteral { value } => {
                push_text(parts, &unescape_unicode_to_string(value));
            }
            ast::InlineExpression::NumberLiteral { value } => push_text(parts, value),
            ast::InlineExpression::VariableReference { id: variable } => {
                parts.push(Part::Variable(variable.name.to_owned()));
            }
            ast::InlineExpression::Placeable { expression } => {
                self.expression(id, expression, depth, parts, problems);
            }
            ast::InlineExpression::FunctionReference { id: function, .. } => {
                problems.push(format!(
                    "{}: `{id}` calls {}(): functions are not supported",
                    self.tag, function.name
                ));
            }
            ast::InlineExpression::TermReference {
                id: term,
                attribute,
                arguments,
            } => {
                let name = format!("-{}", term.name);
                if arguments.is_some() || attribute.is_some() {
                    problems.push(format!(
                        "{}: `{id}` refers to {name} with arguments or an attribute: not supported",
                        self.tag
                    ));
                    return;
                }
                let Some(value) = self.referred(id, &name, None, depth, problems) else {
                    return;
                };
                let inlined = self.pattern(id, value, depth + 1, problems);
                if inlined.iter().any(|p| !matches!(p, Part::Text(_))) {
                    problems.push(format!(
                        "{}: the term {name} has variables or choices: a term must be plain text",
                        self.tag
                    ));
                }
                append(parts, inlined);
            }
            ast::InlineExpression::MessageReference {
                id: message,
                attribute,
            } => {
                let attribute = attribute.as_ref().map(|a| a.name);
                if let Some(value) = self.referred(id, message.name, attribute, depth, problems) {
                    // A referenced message sees the same variables.
                    let inlined = self.pattern(id, value, depth + 1, problems);
                    append(parts, inlined);
                }
            }
        }
    }

    /// The pattern a reference from `id` names, if it exists and the
    /// references do not go round in a circle.
    fn referred(
        &self,
        id: &str,
        name: &str,
        attribute: Option<&str>,
        depth: usize,
        problems: &mut Vec<String>,
    ) -> Option<&ast::Pattern<&str>> {
        if depth >= MAX_DEPTH {
            problems.push(format!(
                "{}: `{id}` refers to {name} in a circle (or deeper than {MAX_DEPTH})",
                self.tag
            ));
            return None;
        }
        let entry = self.entries.get(name);
        let pattern = match attribute {
            None => entry.and_then(|e| e.value.as_ref()),
            Some(attribute) => entry.and_then(|e| {
                e.attributes
                    .iter()
                    .find(|a| a.id.name == attribute)
                    .map(|a| &a.value)
            }),
        };
        if pattern.is_none() {
            problems.push(format!(
                "{}: `{id}` refers to {name}{}, which does not exist",
                self.tag,
                attribute.map(|a| format!(".{a}")).unwrap_or_default()
            ));
        }
        pattern
    }
}

/// Adds text, joined to the text before it.
fn push_text(parts: &mut Vec<Part>, text: &str) {
    if let Some(Part::Text(before)) = parts.last_mut() {
        before.push_str(text);
    } else {
        parts.push(Part::Text(text.to_owned()));
    }
}

fn append(parts: &mut Vec<Part>, more: Vec<Part>) {
    for part in more {
        match part {
            Part::Text(text) => push_text(parts, &text),
            other => parts.push(other),
        }
    }
}

fn rust_parts(parts: &[Part]) -> String {
    let mut out = String::new();
    for part in parts {
        match part {
            Part::Text(text) => {
                let _ = write!(out, "Part::Text({text:?}), ");
            }
            Part::Variable(name) => {
                let _ = write!(out, "Part::Variable({name:?}), ");
            }
            Part::Select {
                on,
                variants,
                default,
            } => {
                let _ = write!(out, "Part::Select {{ on: {on:?}, variants: &[");
                for (key, parts) in variants {
                    let key = match key {
                        Key::Name(name) => format!("Key::Name({name:?})"),
                        Key::Number(n) => format!("Key::Number({n})"),
                    };
                    let _ = write!(out, "({key}, &[{}]), ", rust_parts(parts));
                }
                let _ = write!(out, "], default: {default} }}, ");
            }
        }
    }
    out
}
