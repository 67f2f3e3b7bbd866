//! Formatting a compiled message: the parts `build.rs` made of its Fluent
//! pattern, with the caller's variables. What Fluent's resolver does for
//! the constructs `locales/` uses, without its parser and runtime (which
//! were a sixth of the sign-in page's download). `tests/as_fluent.rs`
//! formats every message both ways and compares.

use std::borrow::Cow;

use models::Locale;

/// One `.ftl` file's messages in every locale.
pub struct Messages {
    pub(crate) locales: &'static [LocaleRows],
}

/// A locale's tag with its messages (`id` or `id.attribute`), sorted by id.
pub(crate) type LocaleRows = (&'static str, &'static [Row]);
pub(crate) type Row = (&'static str, &'static [Part]);

/// A piece of a compiled pattern.
pub(crate) enum Part {
    Text(&'static str),
    /// `{ $name }`.
    Variable(&'static str),
    /// `{ $on -> [key] … *[default] … }`.
    Select {
        on: &'static str,
        variants: &'static [(Key, &'static [Part])],
        default: usize,
    },
}

/// A variant's key: a plural category or a string's value, or an exact
/// number.
pub(crate) enum Key {
    Name(&'static str),
    Number(i64),
}

/// A variable's value: text (names, numbers of phones, dates already
/// formatted) or a whole number (counts, minutes).
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    String(Cow<'a, str>),
    Number(i64),
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(text: &'a str) -> Self {
        Value::String(Cow::Borrowed(text))
    }
}

impl<'a> From<&'a String> for Value<'a> {
    fn from(text: &'a String) -> Self {
        Value::String(Cow::Borrowed(text))
    }
}

impl From<String> for Value<'_> {
    fn from(text: String) -> Self {
        Value::String(Cow::Owned(text))
    }
}

macro_rules! number_from {
    ($($t:ty),*) => {$(
        impl From<$t> for Value<'_> {
            fn from(n: $t) -> Self {
                Value::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_from!(i8, i16, i32, i64, u8, u16, u32, u64, usize, isize);

/// The variables of one message, by name.
#[derive(Clone, Debug, Default)]
pub struct Args<'a>(Vec<(Cow<'a, str>, Value<'a>)>);

impl<'a> Args<'a> {
    pub fn new() -> Self {
        Args(Vec::new())
    }

    /// Sets `name` to `value`, replacing an earlier value.
    pub fn set(&mut self, name: impl Into<Cow<'a, str>>, value: impl Into<Value<'a>>) {
        let name = name.into();
        let value = value.into();
        match self.0.iter_mut().find(|(n, _)| *n == name) {
            Some((_, old)) => *old = value,
            None => self.0.push((name, value)),
        }
    }

    pub fn get(&self, name: &str) -> Option<&Value<'a>> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value<'a>)> {
        self.0.iter().map(|(n, v)| (n.as_ref(), v))
    }
}

/// Writes `parts` with `args` into `out`. A variable the caller did not
/// give is written as `{$name}`, and a choice on it takes its default, as
/// Fluent does.
pub(crate) fn write(out: &mut String, locale: Locale, parts: &[Part], args: Option<&Args>) {
    for part in parts {
        match part {
            Part::Text(text) => out.push_str(text),
            Part::Variable(name) => match args.and_then(|a| a.get(name)) {
                Some(Value::String(text)) => out.push_str(text),
                Some(Value::Number(n)) => out.push_str(&n.to_string()),
                None => {
                    out.push_str("{$");
                    out.push_str(name);
                    out.push('}');
                }
            },
            Part::Select {
                on,
                variants,
                default,
            } => {
                let value = args.and_then(|a| a.get(on));
                let chosen = variants
                    .iter()
                    .find(|(key, _)| value.is_some_and(|v| matches(locale, key, v)))
                    .or_else(|| variants.get(*default));
                if let Some((_, parts)) = chosen {
                    write(out, locale, parts, args);
                }
            }
        }
    }
}

fn matches(locale: Locale, key: &Key, value: &Value) -> bool {
    match (key, value) {
        (Key::Name(name), Value::String(text)) => name == text,
        (Key::Name(name), Value::Number(n)) => *name == plural_category(locale, *n),
        (Key::Number(k), Value::Number(n)) => k == n,
        (Key::Number(_), Value::String(_)) => false,
    }
}

/// CLDR's cardinal plural category of a whole number. English, Dutch and
/// Swedish share one rule: "one" for 1 (`i = 1 and v = 0`), else "other".
/// A new locale fails to compile here until its rule is written.
pub(crate) fn plural_category(locale: Locale, n: i64) -> &'static str {
    match locale {
        Locale::En | Locale::NlNl | Locale::SvSe => match n.unsigned_abs() {
            1 => "one",
            _ => "other",
        },
    }
}
