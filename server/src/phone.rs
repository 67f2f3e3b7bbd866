//! Phone numbers, parsed and validated with libphonenumber's metadata.

use models::policy::NumberType;
use models::{ErrorCode, Field, Region};
use phonenumber::country::Id;
use phonenumber::metadata::DATABASE;

/// A valid phone number: E.164 for dialling and storage, the extension kept
/// apart (E.164 cannot carry one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhoneNumber {
    pub e164: String,
    /// The number's own region, or the typed one for a non-geographic
    /// number (kept with the method for the Change dialog).
    pub region: String,
    /// The number's own region; `None` for a non-geographic number.
    pub own_region: Option<String>,
    pub number_type: NumberType,
    pub calling_code: u16,
    pub national: String,
    pub extension: Option<String>,
}

impl PhoneNumber {
    /// Parses what a person typed, national (for `region`) or international.
    pub fn parse(region: &str, typed: &str) -> Result<PhoneNumber, (ErrorCode, Field)> {
        if typed.trim().is_empty() {
            return Err((ErrorCode::PhoneNumberRequired, Field::PhoneNumber));
        }
        let id: Id = region
            .parse()
            .map_err(|_| (ErrorCode::InvalidRegion, Field::Region))?;
        // libphonenumber reads "x12345" as an extension; the seeds write "X".
        let typed = typed.replace('X', "x");
        let number = phonenumber::parse(Some(id), &typed)
            .map_err(|_| (ErrorCode::InvalidPhoneNumber, Field::PhoneNumber))?;
        // Parsing is not validity: check the number against the region's plan.
        if !phonenumber::is_valid(&number) {
            return Err((ErrorCode::InvalidPhoneNumber, Field::PhoneNumber));
        }
        let e164 = number.format().mode(phonenumber::Mode::E164).to_string();
        let calling_code = number.code().value();
        let own_region = number.country().id().map(|id| id.as_ref().to_owned());
        let region = own_region.clone().unwrap_or_else(|| region.to_owned());
        let number_type = match own_region {
            None => NumberType::NonGeographic,
            Some(_) => classify(number.number_type(&DATABASE)),
        };
        let national = e164
            .trim_start_matches(&format!("+{calling_code}"))
            .to_owned();
        let extension = number
            .extension()
            .map(ToString::to_string)
            .filter(|e| !e.is_empty());
        Ok(PhoneNumber {
            e164,
            region,
            own_region,
            number_type,
            calling_code,
            national,
            extension,
        })
    }

    /// "+1 4255551234": country code, a space, the national number (SPEC §2).
    pub fn display(&self) -> String {
        format!("+{} {}", self.calling_code, self.national)
    }
}

fn classify(t: phonenumber::Type) -> NumberType {
    use phonenumber::Type;
    match t {
        Type::Mobile => NumberType::Mobile,
        Type::FixedLine => NumberType::FixedLine,
        Type::FixedLineOrMobile => NumberType::FixedLineOrMobile,
        Type::TollFree => NumberType::TollFree,
        Type::PremiumRate => NumberType::PremiumRate,
        Type::SharedCost => NumberType::SharedCost,
        Type::PersonalNumber => NumberType::PersonalNumber,
        Type::Voip => NumberType::Voip,
        Type::Pager => NumberType::Pager,
        Type::Uan => NumberType::Uan,
        Type::Voicemail => NumberType::Voicemail,
        _ => NumberType::Unknown,
    }
}

/// "+31 612345678" from a stored E.164 number.
pub fn display_e164(e164: &str) -> String {
    match phonenumber::parse(None, e164) {
        Ok(number) => {
            let code = number.code().value();
            format!("+{code} {}", e164.trim_start_matches(&format!("+{code}")))
        }
        Err(_) => e164.to_owned(),
    }
}

/// Every region with a calling code, for the Country or Region drop-down.
pub fn regions() -> Vec<Region> {
    let mut regions: Vec<Region> = DATABASE
        .iter()
        .filter(|m| m.id().len() == 2 && m.id().chars().all(|c| c.is_ascii_uppercase()))
        .map(|m| Region {
            id: m.id().to_owned(),
            calling_code: m.country_code(),
        })
        .collect();
    regions.sort_by(|a, b| a.id.cmp(&b.id));
    regions.dedup_by(|a, b| a.id == b.id);
    regions
}

/// The region (`NL`) a stored E.164 number belongs to, for the metrics'
/// country label; empty where none is known.
pub fn region_of(e164: &str) -> String {
    phonenumber::parse(None, e164)
        .ok()
        .and_then(|number| number.country().id())
        .map(|id| id.as_ref().to_owned())
        .unwrap_or_default()
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
    fn the_seeds_example_keeps_its_extension_apart() {
        let number = PhoneNumber::parse("US", "+1 4255551234X12345").unwrap();
        assert_eq!(number.e164, "+14255551234");
        assert_eq!(number.extension.as_deref(), Some("12345"));
        assert_eq!(number.region, "US");
        assert_eq!(number.display(), "+1 4255551234");
    }

    #[test]
    fn national_formats_parse_for_their_region() {
        let nl = PhoneNumber::parse("NL", "06 12345678").unwrap();
        assert_eq!(nl.e164, "+31612345678");
        assert_eq!(nl.display(), "+31 612345678");
        let se = PhoneNumber::parse("SE", "070-123 45 67").unwrap();
        assert_eq!(se.e164, "+46701234567");
        assert_eq!(se.extension, None);
    }

    #[test]
    fn an_international_number_wins_over_the_region() {
        let number = PhoneNumber::parse("SE", "+31 6 12345678").unwrap();
        assert_eq!(number.region, "NL");
    }

    #[test]
    fn invalid_numbers_are_refused_at_the_field() {
        assert_eq!(
            PhoneNumber::parse("NL", "12"),
            Err((ErrorCode::InvalidPhoneNumber, Field::PhoneNumber))
        );
        assert_eq!(
            PhoneNumber::parse("NL", "not a number"),
            Err((ErrorCode::InvalidPhoneNumber, Field::PhoneNumber))
        );
        assert_eq!(
            PhoneNumber::parse("NL", "  "),
            Err((ErrorCode::PhoneNumberRequired, Field::PhoneNumber))
        );
        assert_eq!(
            PhoneNumber::parse("XX", "0612345678"),
            Err((ErrorCode::InvalidRegion, Field::Region))
        );
    }

    #[test]
    fn f8_toll_fraud_numbers_are_refused_by_the_default_policy() {
        let policy = crate::policy::Policy::default();
        // Premium rate, non-geographic and satellite, personal numbers:
        // the probe's list, each typed with region NL as a person might.
        for typed in [
            "+31 900 1234567",
            "+31 906 1234567",
            "+44 909 8790000",
            "+979 123456789",
            "+881 612345678",
            "+870 773111632",
            "+800 12345678",
            "+371 90001234",
            "+31 84 1234567",
        ] {
            let number = PhoneNumber::parse("NL", typed)
                .unwrap_or_else(|e| panic!("{typed} is valid: {e:?}"));
            assert!(
                !policy.allows_number_type(number.number_type),
                "{typed} is {:?}",
                number.number_type
            );
        }
        for typed in [
            "06 12345678",
            "020 1234567",
            "+1 4255551234",
            "+46 70 123 45 67",
        ] {
            let number = PhoneNumber::parse("NL", typed).unwrap();
            assert!(
                policy.allows_number_type(number.number_type),
                "{typed} is {:?}",
                number.number_type
            );
        }
    }

    #[test]
    fn f8_a_non_geographic_number_has_no_region_of_its_own() {
        let number = PhoneNumber::parse("NL", "+881 612345678").unwrap();
        assert_eq!(number.own_region, None);
        assert_eq!(number.number_type, NumberType::NonGeographic);
        let only_nl = crate::policy::Policy {
            allowed_countries: vec!["NL".into()],
            ..Default::default()
        };
        assert!(!only_nl.allows_country(number.own_region.as_deref()));
    }

    #[test]
    fn every_region_has_a_calling_code() {
        let all = regions();
        assert!(all.len() > 200, "{}", all.len());
        assert!(all.iter().any(|r| r.id == "NL" && r.calling_code == 31));
        assert!(all.iter().any(|r| r.id == "SE" && r.calling_code == 46));
        assert!(all.iter().any(|r| r.id == "US" && r.calling_code == 1));
    }

    #[test]
    fn stored_numbers_display_with_a_space_after_the_country_code() {
        assert_eq!(display_e164("+14255551234"), "+1 4255551234");
        assert_eq!(display_e164("+46701234567"), "+46 701234567");
    }
}
