use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A language the whole product is translated into.
///
/// Adding a locale means adding a variant here and a folder in `locales/`;
/// the i18n build check refuses a folder without a variant and vice versa.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Locale {
    #[serde(rename = "en")]
    En,
    #[serde(rename = "nl-NL")]
    NlNl,
    #[serde(rename = "sv-SE")]
    SvSe,
}

impl Locale {
    /// Every supported locale, the fallback first.
    pub const ALL: [Locale; 3] = [Locale::En, Locale::NlNl, Locale::SvSe];
    pub const FALLBACK: Locale = Locale::En;

    /// The BCP 47 tag, as used in `locales/<tag>/`, `?lng=` and `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::NlNl => "nl-NL",
            Locale::SvSe => "sv-SE",
        }
    }

    /// The language's own name for itself, shown in the language switcher
    /// (never translated: a reader looks for their own language's name).
    pub fn endonym(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::NlNl => "Nederlands",
            Locale::SvSe => "Svenska",
        }
    }

    /// Parses an exact tag, ignoring ASCII case (`nl-nl` is `nl-NL`).
    /// Negotiation from loose tags such as `nl-BE` lives in the i18n crate.
    pub fn parse(tag: &str) -> Option<Locale> {
        Locale::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(tag.trim()))
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

impl FromStr for Locale {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Locale::parse(s).ok_or(())
    }
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot unwrap has failed"
)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_through_parse_and_serde() {
        for locale in Locale::ALL {
            assert_eq!(Locale::parse(locale.tag()), Some(locale));
            let json = serde_json::to_string(&locale).unwrap();
            assert_eq!(json, format!("\"{}\"", locale.tag()));
            assert_eq!(serde_json::from_str::<Locale>(&json).unwrap(), locale);
        }
    }

    #[test]
    fn parse_ignores_case_but_not_region() {
        assert_eq!(Locale::parse("SV-se"), Some(Locale::SvSe));
        assert_eq!(Locale::parse("nl-BE"), None);
        assert_eq!(Locale::parse("de"), None);
        assert!(serde_json::from_str::<Locale>("\"de\"").is_err());
    }
}
