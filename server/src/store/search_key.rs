//! The key a person is found by (the People page's search): their name and
//! account folded as what is typed is folded.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower case, accents dropped ("Ångström" → "angstrom"), white space one
/// space: what is stored and what is looked for are folded alike.
pub fn fold(text: &str) -> String {
    let folded: String = text
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The key a person is found by.
pub(super) fn search_key(display_name: &str, account_name: &str) -> String {
    fold(&format!("{display_name} {account_name}"))
}
