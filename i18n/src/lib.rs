//! The product's words: every `.ftl` file of `locales/`, compiled in, and
//! the choice of language.
//!
//! The same messages serve the client (page text, error messages) and the
//! server (texts, voice scripts and e-mails). `build.rs` refuses to compile
//! when a locale is out of step with `en`, so a lookup of an id that `en`
//! has cannot fall back to English in another locale; and it compiles each
//! message into parts (`format.rs`), so no Fluent parser or resolver runs
//! here or in the browser.
//!
//! `build.rs` fails the build when a locale misses a message, has an obsolete
//! one, uses other variables than `en`, lacks a file or has a syntax error,
//! when an id is not kebab-case, when an English message with variables has no
//! `# Variables:` comment, or when an `ErrorCode` has no `error-<code>`
//! message. It compiles each message into a table of parts: text, a variable,
//! or a choice on a variable's plural category, string or exact number; a
//! construct the tables cannot express fails the build. `tests/as_fluent.rs`
//! formats every message both ways and compares with `fluent-bundle`;
//! `tests/messages_used.rs` fails when the code names a message `en` lacks,
//! or `en` has one no code names. Each `.ftl` file is a `files::<NAME>`
//! static, so an entry links only the files it shows. `format_pseudo` is the
//! pseudo-locale (`?lng=en-XA`, outside production only): `en` accented,
//! about 40 % longer, bracketed, so that `pseudo-locale.spec.ts` can tell
//! text from data and find boxes that clip.

mod format;

use format::Part;
use models::Locale;

pub use format::{Args, Messages, Value};

/// Each `.ftl` file's messages (`files::SIGNIN` for `signin.ftl`), and
/// `files::ALL`.
pub mod files {
    use crate::format::{Key, Messages, Part};
    include!(concat!(env!("OUT_DIR"), "/tables.rs"));
}

/// Formats messages in any supported locale.
#[derive(Clone, Copy)]
pub struct Localizer {
    files: &'static [&'static Messages],
}

impl Localizer {
    /// Every message of `locales/`.
    pub fn new() -> Localizer {
        Localizer::of(files::ALL)
    }

    /// The messages of these files only: what a client entry shows (the
    /// others are not linked into it).
    pub const fn of(files: &'static [&'static Messages]) -> Localizer {
        Localizer { files }
    }

    /// The compiled message `id` (`message` or `message.attribute`).
    fn parts(self, locale: Locale, id: &str) -> Option<&'static [Part]> {
        self.files.iter().find_map(|file| {
            let rows = file
                .locales
                .iter()
                .find(|(tag, _)| *tag == locale.tag())
                .map_or(&[][..], |(_, rows)| *rows);
            rows.binary_search_by(|(key, _)| (*key).cmp(id))
                .ok()
                .map(|at| rows[at].1)
        })
    }

    /// Whether `id` (optionally `id.attribute`) exists in `locale`.
    pub fn has(&self, locale: Locale, id: &str) -> bool {
        self.parts(locale, id).is_some()
    }

    /// The message `id` (or `id.attribute`) in `locale`. An unknown id
    /// yields the id itself, which tests and reviewers notice at once.
    pub fn format(&self, locale: Locale, id: &str, args: Option<&Args>) -> String {
        let Some(parts) = self.parts(locale, id) else {
            return id.to_owned();
        };
        let mut out = String::new();
        format::write(&mut out, locale, parts, args);
        out
    }
}

impl Default for Localizer {
    fn default() -> Self {
        Localizer::new()
    }
}

/// The pseudo-locale's tag (`?lng=en-XA`, development and tests only).
pub const PSEUDO_TAG: &str = "en-XA";

/// Around a variable's value while a pseudo message is formatted: what is
/// between the marks is data, and stays as it is.
const DATA_START: char = '\u{E000}';
const DATA_END: char = '\u{E001}';

impl Localizer {
    /// The message `id` in the pseudo-locale, generated from `en`: every
    /// letter of the message's own text accented, about 40 % longer, in
    /// brackets; the variables' values untouched. Text on a page that is not
    /// bracketed did not come from `locales/`; a box that clips it will clip
    /// a long translation.
    pub fn format_pseudo(&self, id: &str, args: Option<&Args>) -> String {
        let marked = args.map(|args| {
            let mut marked = Args::new();
            for (name, value) in args.iter() {
                match value {
                    Value::String(text) => {
                        marked.set(name, format!("{DATA_START}{text}{DATA_END}"));
                    }
                    number @ Value::Number(_) => marked.set(name, number.clone()),
                }
            }
            marked
        });
        pseudo(&self.format(Locale::En, id, marked.as_ref()))
    }
}

/// Accents, lengthens and brackets `text`, except between the data marks.
pub fn pseudo(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut in_data = false;
    let mut letters = 0usize;
    for c in text.chars() {
        match c {
            DATA_START => in_data = true,
            DATA_END => in_data = false,
            c if in_data => out.push(c),
            c => {
                if c.is_alphabetic() {
                    letters += 1;
                }
                out.push(accented(c));
            }
        }
    }
    // Lengthened by words a line can break between, as a translation's are.
    let padding = (letters * 2).div_ceil(5);
    let words: Vec<String> = (0..padding)
        .step_by(5)
        .map(|start| "~".repeat((padding - start).min(5)))
        .collect();
    if words.is_empty() {
        format!("[{out}]")
    } else {
        format!("[{out} {}]", words.join(" "))
    }
}

fn accented(c: char) -> char {
    match c {
        'a' => 'á',
        'c' => 'ç',
        'e' => 'é',
        'i' => 'î',
        'n' => 'ñ',
        'o' => 'ö',
        's' => 'š',
        'u' => 'ü',
        'y' => 'ý',
        'A' => 'Å',
        'C' => 'Ç',
        'E' => 'É',
        'I' => 'Î',
        'N' => 'Ñ',
        'O' => 'Ö',
        'S' => 'Š',
        'U' => 'Ü',
        'Y' => 'Ý',
        other => other,
    }
}

/// Picks the best supported locale for a list of language tags in order of
/// preference (`nl-BE` → nl-NL, `sv` → sv-SE, `de` → en).
pub fn negotiate<'a>(requested: impl IntoIterator<Item = &'a str>) -> Locale {
    requested
        .into_iter()
        .find_map(|tag| {
            let tag = tag.trim();
            // The exact tag, else the language alone (BCP 47 `lookup`
            // with one region per supported language).
            Locale::parse(tag).or_else(|| {
                let language = tag.split(['-', '_']).next()?;
                Locale::ALL.into_iter().find(|l| {
                    l.tag()
                        .split('-')
                        .next()
                        .is_some_and(|ours| ours.eq_ignore_ascii_case(language))
                })
            })
        })
        .unwrap_or(Locale::FALLBACK)
}

/// The best supported locale for an HTTP `Accept-Language` header.
pub fn negotiate_accept_language(header: &str) -> Locale {
    let mut weighted: Vec<(&str, f32)> = header
        .split(',')
        .filter_map(|part| {
            let mut pieces = part.split(';');
            let tag = pieces.next()?.trim();
            let q = pieces
                .find_map(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.parse::<f32>().ok())
                })
                .unwrap_or(1.0);
            (!tag.is_empty() && tag != "*" && q > 0.0).then_some((tag, q))
        })
        .collect();
    // A stable sort keeps the header's order among equal weights.
    weighted.sort_by(|a, b| b.1.total_cmp(&a.1));
    negotiate(weighted.into_iter().map(|(tag, _)| tag))
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot unwrap has failed"
)]
mod tests {
    use super::*;
    use models::ErrorCode;

    #[test]
    fn every_error_code_has_a_message_in_every_locale() {
        let l10n = Localizer::new();
        for locale in Locale::ALL {
            for code in ErrorCode::ALL {
                assert!(l10n.has(locale, &code.message_id()), "{locale}: {code}");
            }
        }
    }

    #[test]
    fn messages_are_translated_not_copied() {
        let l10n = Localizer::new();
        let en = l10n.format(Locale::En, "signin-password-label", None);
        assert_eq!(en, "Password");
        assert_eq!(
            l10n.format(Locale::NlNl, "signin-password-label", None),
            "Wachtwoord"
        );
        assert_eq!(
            l10n.format(Locale::SvSe, "signin-password-label", None),
            "Lösenord"
        );
    }

    #[test]
    fn plurals_follow_each_language() {
        let l10n = Localizer::new();
        let mut one = Args::new();
        one.set("minutes", 1);
        let mut five = Args::new();
        five.set("minutes", 5);
        assert!(
            l10n.format(Locale::En, "error-too-many-attempts", Some(&one))
                .contains("1 minute,")
        );
        assert!(
            l10n.format(Locale::En, "error-too-many-attempts", Some(&five))
                .contains("5 minutes")
        );
        assert!(
            l10n.format(Locale::NlNl, "error-too-many-attempts", Some(&one))
                .contains("1 minuut")
        );
        assert!(
            l10n.format(Locale::SvSe, "error-too-many-attempts", Some(&five))
                .contains("5 minuter")
        );
    }

    #[test]
    fn no_isolation_marks_around_placeables() {
        let l10n = Localizer::new();
        let mut args = Args::new();
        args.set("name", "Adele Vance");
        assert_eq!(
            l10n.format(Locale::En, "shell-account-menu", Some(&args)),
            "Adele Vance, account menu"
        );
    }

    #[test]
    fn the_pseudo_locale_accents_lengthens_and_brackets_but_leaves_data_alone() {
        let l10n = Localizer::new();
        let mut args = Args::new();
        args.set("name", "Adele Vance");
        let text = l10n.format_pseudo("shell-account-menu", Some(&args));
        assert!(text.starts_with("[Adele Vance, áççöüñt méñü"), "{text}");
        assert!(text.ends_with("~]"), "{text}");
        let en = l10n.format(Locale::En, "shell-account-menu", Some(&args));
        assert!(
            text.chars().count() >= en.chars().count() * 13 / 10,
            "{text} vs {en}"
        );
        // Plurals still follow the number.
        let mut five = Args::new();
        five.set("minutes", 5);
        let plural = l10n.format_pseudo("error-too-many-attempts", Some(&five));
        assert!(plural.contains("5 mîñütéš"), "{plural}");
        assert_eq!(pseudo("OK"), "[ÖK ~]");
        assert_eq!(pseudo("Sign in"), "[Šîgñ îñ ~~~]");
        assert_eq!(pseudo(""), "[]");
        assert!(pseudo(&"a".repeat(30)).ends_with(" ~~~~~ ~~~~~ ~~]"));
    }

    #[test]
    fn unknown_ids_come_back_as_themselves() {
        assert_eq!(
            Localizer::new().format(Locale::SvSe, "no-such-message", None),
            "no-such-message"
        );
    }

    #[test]
    fn negotiation_matches_regions_and_falls_back_to_english() {
        assert_eq!(negotiate(["nl-BE", "nl"]), Locale::NlNl);
        assert_eq!(negotiate(["sv"]), Locale::SvSe);
        assert_eq!(negotiate(["de-DE", "de"]), Locale::En);
        assert_eq!(negotiate(["de", "sv-FI"]), Locale::SvSe);
        assert_eq!(negotiate([]), Locale::En);
    }

    #[test]
    fn accept_language_honours_weights() {
        assert_eq!(
            negotiate_accept_language("en;q=0.5, sv-SE;q=0.9"),
            Locale::SvSe
        );
        assert_eq!(
            negotiate_accept_language("nl-BE,nl;q=0.9,en;q=0.8"),
            Locale::NlNl
        );
        assert_eq!(negotiate_accept_language("fr-FR, *;q=0.1"), Locale::En);
        assert_eq!(negotiate_accept_language(""), Locale::En);
        assert_eq!(negotiate_accept_language("sv;q=0, nl"), Locale::NlNl);
    }
}
