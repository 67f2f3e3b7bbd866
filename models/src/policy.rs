//! The organization's policy (SPEC §7): which methods exist, what is
//! required, and the limits on codes, texts and calls. Stored as JSON on
//! the organization; every missing field takes the default below.

use crate::{Locale, MethodKind};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct Policy {
    /// The methods people may register, and what each counts for; a kind
    /// that is not listed is not offered.
    pub methods: Vec<MethodRule>,
    /// How many methods a person must have; registration is asked for at
    /// sign-in while they have fewer. 0: registration is not enforced.
    pub registration_required: usize,
    /// How many methods a password reset asks for (1 or 2).
    pub reset_methods_required: usize,
    /// A code lives this long (never more than 10 minutes, S2).
    pub code_lifetime_minutes: i64,
    /// Wrong tries per code (S6).
    pub code_tries: i64,
    /// Regions (ISO 3166-1 alpha-2) phones may be in; empty: all. A
    /// number's own region counts, never the one typed beside it (F8).
    pub allowed_countries: Vec<String>,
    /// Kinds of numbers refused for texts and calls: those that cost the
    /// organization (toll fraud) or cannot be classified (F8).
    pub refused_number_types: Vec<NumberType>,
    /// A verification with an MFA method is needed to view or change
    /// security info unless one happened this recently (S11).
    pub step_up_minutes: i64,
    /// Two-step verification at sign-in: after the right password, a
    /// person with a method that counts for sign-in verifies with it
    /// before the session is theirs (S27).
    pub two_step_sign_in: bool,
    /// The fewest characters a new password may have (S30).
    pub password_min_length: usize,
    pub limits: SendLimits,
    pub security_questions: QuestionsPolicy,
    pub temporary_access_pass: PassPolicy,
    /// How people reach the organization's help desk (an address, a
    /// number, a room), told to one who can use none of their methods;
    /// empty: not set.
    pub support_contact: String,
}

/// The most characters of a support contact.
pub const SUPPORT_CONTACT_MAX_CHARS: usize = 200;

/// Temporary Access Passes (S33): how long one lives, within which bounds
/// an administrator may choose, and how long it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct PassPolicy {
    pub min_lifetime_minutes: i64,
    pub max_lifetime_minutes: i64,
    pub default_lifetime_minutes: i64,
    /// Characters in a pass (8–48).
    pub length: usize,
}

impl PassPolicy {
    /// The bounds any policy keeps: ten minutes to thirty days.
    pub const LIFETIME_MINUTES: std::ops::RangeInclusive<i64> = 10..=30 * 24 * 60;
    pub const LENGTH: std::ops::RangeInclusive<usize> = 8..=48;

    fn holds(&self) -> bool {
        Self::LIFETIME_MINUTES.contains(&self.min_lifetime_minutes)
            && Self::LIFETIME_MINUTES.contains(&self.max_lifetime_minutes)
            && (self.min_lifetime_minutes..=self.max_lifetime_minutes)
                .contains(&self.default_lifetime_minutes)
            && Self::LENGTH.contains(&self.length)
    }

    /// Whether an administrator may give a pass this lifetime.
    pub fn allows_lifetime(&self, minutes: i64) -> bool {
        (self.min_lifetime_minutes..=self.max_lifetime_minutes).contains(&minutes)
    }
}

impl Default for PassPolicy {
    fn default() -> Self {
        PassPolicy {
            min_lifetime_minutes: 10,
            max_lifetime_minutes: 8 * 60,
            default_lifetime_minutes: 60,
            length: 12,
        }
    }
}

/// Security questions (SPEC §5).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct QuestionsPolicy {
    /// How many questions a person registers.
    pub register: usize,
    /// How many are asked at a password reset.
    pub at_reset: usize,
    /// The organization's own questions, as it wrote them: in each
    /// language, or in one (shown in the others marked as such).
    pub custom: Vec<OwnQuestion>,
}

/// An organization's own security question as it wrote it: in several
/// languages, by tag (`{"en": …, "nl-NL": …}`), or in one (a plain string,
/// the fallback language's). Never translated by us: an organization's
/// words are its own (walk issue, item 13).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(untagged)]
pub enum OwnQuestion {
    PerLanguage(std::collections::BTreeMap<String, String>),
    One(String),
}

impl OwnQuestion {
    /// The question in `locale`; when it was not written in it, the
    /// fallback language's (else any) text and the language that is, which
    /// the page marks.
    pub fn text_in(&self, locale: Locale) -> (String, Option<Locale>) {
        let written = |tag: &str| match self {
            OwnQuestion::One(text) => (tag == Locale::FALLBACK.tag()).then(|| text.clone()),
            OwnQuestion::PerLanguage(texts) => texts
                .iter()
                .find(|(t, text)| {
                    Locale::parse(t).is_some_and(|l| l.tag() == tag) && !text.trim().is_empty()
                })
                .map(|(_, text)| text.clone()),
        };
        if let Some(text) = written(locale.tag()) {
            return (text, None);
        }
        Locale::ALL
            .into_iter()
            .find_map(|other| written(other.tag()).map(|text| (text, Some(other))))
            .unwrap_or_default()
    }
}

impl Default for QuestionsPolicy {
    fn default() -> Self {
        QuestionsPolicy {
            register: 3,
            at_reset: 3,
            custom: Vec::new(),
        }
    }
}

/// One kind of method and what it counts for: two-step verification (MFA),
/// password reset (SSPR), or both, within what the kind can do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MethodRule {
    pub kind: MethodKind,
    pub mfa: bool,
    pub sspr: bool,
}

impl MethodRule {
    /// The kind's full use: email and security questions only reset a
    /// password; an alternate phone only verifies a sign-in (SPEC §7).
    pub fn full(kind: MethodKind) -> MethodRule {
        MethodRule {
            kind,
            mfa: kind.mfa_capable(),
            sspr: kind.sspr_capable(),
        }
    }
}

/// What a phone number is, as libphonenumber's metadata classifies it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum NumberType {
    Mobile,
    FixedLine,
    /// Where a region's plan does not tell the two apart (the US, say).
    FixedLineOrMobile,
    TollFree,
    PremiumRate,
    SharedCost,
    PersonalNumber,
    Voip,
    Pager,
    /// Universal access numbers: one number for a company's many lines.
    Uan,
    Voicemail,
    /// Country codes of no country: global services and satellite phones
    /// (+800, +870, +881, +882, +979, …).
    NonGeographic,
    /// A valid number the metadata cannot classify.
    Unknown,
}

impl NumberType {
    /// Refused unless an organization decides otherwise: premium rate,
    /// shared cost, personal and universal numbers, pagers, voicemail,
    /// non-geographic and satellite numbers, and anything unclassified.
    pub const REFUSED_BY_DEFAULT: [NumberType; 9] = [
        NumberType::PremiumRate,
        NumberType::SharedCost,
        NumberType::PersonalNumber,
        NumberType::Voip,
        NumberType::Pager,
        NumberType::Uan,
        NumberType::Voicemail,
        NumberType::NonGeographic,
        NumberType::Unknown,
    ];
}

/// Why a policy cannot be saved, for the admin API.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PolicyProblem {
    /// A rule asks a kind for a use it cannot serve, or lists a kind twice.
    MethodRule,
    /// A kind is allowed but counts for neither sign-in nor reset: people
    /// could register it for nothing.
    CountsForNothing(MethodKind),
    ResetMethodsRequired,
    Limits,
    Questions,
    /// A pass's shortest lifetime longer than its default, or the default
    /// longer than the longest.
    PassLifetimes,
    SupportContact,
}

impl PolicyProblem {
    /// How the problem is told, the same by the server and the admin page:
    /// at the method's fields where one method is the cause.
    pub fn api_error(self) -> crate::ApiError {
        match self {
            PolicyProblem::CountsForNothing(kind) => {
                let mut error = crate::ApiError::at(
                    crate::ErrorCode::MethodCountsForNothing,
                    crate::Field::Kind,
                );
                error.index = MethodKind::ALL.iter().position(|k| *k == kind);
                error
            }
            PolicyProblem::PassLifetimes => crate::ApiError::at(
                crate::ErrorCode::PassLifetimesDisordered,
                crate::Field::Lifetime,
            ),
            PolicyProblem::SupportContact => crate::ApiError::at(
                crate::ErrorCode::SupportContactTooLong,
                crate::Field::SupportContact,
            ),
            _ => crate::ApiError::new(crate::ErrorCode::InvalidPolicy),
        }
    }
}

/// Limits on texts and calls (S17), each per hour.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct SendLimits {
    pub per_user: i64,
    pub per_number: i64,
    pub per_address: i64,
    pub global: i64,
    pub resend_cooldown_seconds: i64,
    /// Failed verifications per account per hour across every path (S6).
    pub failures_per_account: i64,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            methods: [
                MethodKind::AuthenticatorApp,
                MethodKind::Phone,
                MethodKind::AlternatePhone,
                MethodKind::OfficePhone,
            ]
            .into_iter()
            .map(MethodRule::full)
            .collect(),
            registration_required: 1,
            reset_methods_required: 1,
            code_lifetime_minutes: 10,
            code_tries: 5,
            allowed_countries: Vec::new(),
            refused_number_types: NumberType::REFUSED_BY_DEFAULT.to_vec(),
            step_up_minutes: 10,
            two_step_sign_in: true,
            password_min_length: 12,
            limits: SendLimits::default(),
            security_questions: QuestionsPolicy::default(),
            temporary_access_pass: PassPolicy::default(),
            support_contact: String::new(),
        }
    }
}

impl Default for SendLimits {
    fn default() -> Self {
        SendLimits {
            per_user: 10,
            per_number: 10,
            per_address: 30,
            global: 1000,
            resend_cooldown_seconds: 30,
            failures_per_account: 100,
        }
    }
}

impl Policy {
    fn rule(&self, kind: MethodKind) -> Option<&MethodRule> {
        self.methods.iter().find(|r| r.kind == kind)
    }

    /// Whether people may register this kind at all.
    pub fn allows(&self, kind: MethodKind) -> bool {
        self.rule(kind).is_some_and(|r| r.mfa || r.sspr)
    }

    /// Whether a method of this kind verifies a sign-in.
    pub fn counts_for_mfa(&self, kind: MethodKind) -> bool {
        self.rule(kind).is_some_and(|r| r.mfa) && kind.mfa_capable()
    }

    /// Whether a method of this kind helps reset a password.
    pub fn counts_for_sspr(&self, kind: MethodKind) -> bool {
        self.rule(kind).is_some_and(|r| r.sspr) && kind.sspr_capable()
    }

    /// The most any hourly limit may allow (F16).
    pub const MAX_COUNT: i64 = 1_000_000;
    /// A step-up lasts at most a working day (F16).
    pub const MAX_STEP_UP_MINUTES: i64 = 24 * 60;

    /// Refuses a policy that asks a method for what it cannot do, or sets
    /// a limit outside its sensible range (F16).
    pub fn check(&self) -> Result<(), PolicyProblem> {
        let mut seen = Vec::new();
        for rule in &self.methods {
            let full = MethodRule::full(rule.kind);
            if seen.contains(&rule.kind) || (rule.mfa && !full.mfa) || (rule.sspr && !full.sspr) {
                return Err(PolicyProblem::MethodRule);
            }
            if !rule.mfa && !rule.sspr {
                return Err(PolicyProblem::CountsForNothing(rule.kind));
            }
            seen.push(rule.kind);
        }
        let q = &self.security_questions;
        if q.register < 1 || q.at_reset < 1 || q.at_reset > q.register || q.register > 5 {
            return Err(PolicyProblem::Questions);
        }
        if !(1..=2).contains(&self.reset_methods_required) {
            return Err(PolicyProblem::ResetMethodsRequired);
        }
        let pass = &self.temporary_access_pass;
        if !(pass.min_lifetime_minutes..=pass.max_lifetime_minutes)
            .contains(&pass.default_lifetime_minutes)
        {
            return Err(PolicyProblem::PassLifetimes);
        }
        if self.support_contact.chars().count() > SUPPORT_CONTACT_MAX_CHARS {
            return Err(PolicyProblem::SupportContact);
        }
        let l = &self.limits;
        if [
            l.per_user,
            l.per_number,
            l.per_address,
            l.global,
            l.failures_per_account,
        ]
        .iter()
        .any(|n| !(1..=Self::MAX_COUNT).contains(n))
            || !(0..=3600).contains(&l.resend_cooldown_seconds)
            || !(1..=10).contains(&self.code_tries)
            || !(1..=10).contains(&self.code_lifetime_minutes)
            || !(1..=Self::MAX_STEP_UP_MINUTES).contains(&self.step_up_minutes)
            || self.registration_required > MethodKind::ALL.len()
            || !(8..=64).contains(&self.password_min_length)
            || !self.temporary_access_pass.holds()
        {
            return Err(PolicyProblem::Limits);
        }
        Ok(())
    }

    /// Whether a person with `methods` may delete the one at `index` (S14):
    /// the rest must still make up the number of methods required, and a
    /// purpose the methods served — verifying a sign-in, resetting a
    /// password — must stay served. Counting methods in total is not
    /// enough: a phone and an email may not lose the phone, for the email
    /// cannot verify a step-up (F17).
    pub fn may_delete(&self, methods: &[MethodKind], index: usize) -> bool {
        if self.registration_required == 0 {
            return true;
        }
        let rest: Vec<MethodKind> = methods
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != index)
            .map(|(_, k)| *k)
            .collect();
        let keeps = |served: fn(&Policy, &[MethodKind]) -> bool| {
            !served(self, methods) || served(self, &rest)
        };
        rest.len() >= self.registration_required
            && keeps(Policy::verifies_sign_in)
            && keeps(Policy::resets_password)
    }

    /// Whether these methods can verify a sign-in (and so a step-up).
    pub fn verifies_sign_in(&self, methods: &[MethodKind]) -> bool {
        methods.iter().any(|k| self.counts_for_mfa(*k))
    }

    /// Whether these methods are enough for a password reset: as many as
    /// required, and never security questions alone (S15).
    pub fn resets_password(&self, methods: &[MethodKind]) -> bool {
        self.reset_complete(methods, false)
    }

    /// How many methods a password reset of this person needs: the
    /// policy's number, and for an administrator always two (the two-gate
    /// rule for administrators).
    pub fn reset_required(&self, is_admin: bool) -> usize {
        if is_admin {
            2
        } else {
            self.reset_methods_required.clamp(1, 2)
        }
    }

    /// Whether a method of this kind verifies a password reset of this
    /// person: it counts for reset, and for an administrator it is never
    /// security questions.
    pub fn counts_for_reset(&self, kind: MethodKind, is_admin: bool) -> bool {
        self.counts_for_sspr(kind) && !(is_admin && kind == MethodKind::SecurityQuestions)
    }

    /// Whether these methods (registered, or verified on a reset) complete
    /// a password reset of this person: as many that count as required,
    /// and never security questions alone (S15).
    pub fn reset_complete(&self, methods: &[MethodKind], is_admin: bool) -> bool {
        self.reset_missing(methods, is_admin) == 0
    }

    /// How many more methods a password reset of this person needs beside
    /// these: the one rule behind the coverage line, the registration
    /// interrupt and the reset itself (an administrator needs two, never
    /// security questions; questions never count alone, S15).
    pub fn reset_missing(&self, methods: &[MethodKind], is_admin: bool) -> usize {
        let counted: Vec<&MethodKind> = methods
            .iter()
            .filter(|k| self.counts_for_reset(**k, is_admin))
            .collect();
        let short = self.reset_required(is_admin).saturating_sub(counted.len());
        let only_questions = counted.iter().all(|k| **k == MethodKind::SecurityQuestions);
        short.max(usize::from(only_questions))
    }

    /// Whether a number of this region may be texted or called; a number
    /// of no region (non-geographic) only when every region may.
    pub fn allows_country(&self, region: Option<&str>) -> bool {
        self.allowed_countries.is_empty()
            || region.is_some_and(|region| {
                self.allowed_countries
                    .iter()
                    .any(|c| c.eq_ignore_ascii_case(region))
            })
    }

    /// Whether a number of this type may be texted or called (F8).
    pub fn allows_number_type(&self, number_type: NumberType) -> bool {
        !self.refused_number_types.contains(&number_type)
    }

    /// Seconds a code lives: the configured minutes, capped at 10 (S2).
    pub fn code_lifetime_secs(&self) -> i64 {
        self.code_lifetime_minutes.clamp(1, 10) * 60
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
    fn an_own_question_is_shown_as_written_in_the_page_language_else_marked() {
        let per_language: OwnQuestion =
            serde_json::from_str(r#"{"en": "Which office?", "nl-NL": "Welk kantoor?"}"#).unwrap();
        assert_eq!(
            per_language.text_in(Locale::NlNl),
            ("Welk kantoor?".into(), None)
        );
        assert_eq!(
            per_language.text_in(Locale::SvSe),
            ("Which office?".into(), Some(Locale::En))
        );
        // Stored before questions had languages: a plain string, English.
        let one: OwnQuestion = serde_json::from_str(r#""Which office?""#).unwrap();
        assert_eq!(one.text_in(Locale::En), ("Which office?".into(), None));
        assert_eq!(
            one.text_in(Locale::NlNl),
            ("Which office?".into(), Some(Locale::En))
        );
        // Written only in Dutch: shown to others marked as Dutch.
        let dutch: OwnQuestion = serde_json::from_str(r#"{"nl-nl": "Welk kantoor?"}"#).unwrap();
        assert_eq!(
            dutch.text_in(Locale::En),
            ("Welk kantoor?".into(), Some(Locale::NlNl))
        );
    }

    #[test]
    fn an_allowed_method_must_count_for_something() {
        let policy = Policy {
            methods: vec![MethodRule {
                kind: MethodKind::Email,
                mfa: false,
                sspr: false,
            }],
            ..Policy::default()
        };
        let problem = policy.check().unwrap_err();
        assert_eq!(problem, PolicyProblem::CountsForNothing(MethodKind::Email));
        let told = problem.api_error();
        assert_eq!(told.code, crate::ErrorCode::MethodCountsForNothing);
        assert_eq!(told.field, Some(crate::Field::Kind));
        assert_eq!(MethodKind::ALL[told.index.unwrap()], MethodKind::Email);
    }

    #[test]
    fn missing_fields_take_defaults() {
        let policy: Policy = serde_json::from_str(r#"{"allowed_countries":["NL"]}"#).unwrap();
        assert_eq!(policy.code_tries, 5);
        assert!(policy.allows_country(Some("nl")));
        assert!(!policy.allows_country(Some("US")));
        assert!(!policy.allows_country(None), "F8: non-geographic numbers");
        assert!(Policy::default().allows_country(Some("US")));
        assert!(Policy::default().allows_country(None));
        assert!(!Policy::default().allows_number_type(NumberType::PremiumRate));
        assert!(Policy::default().allows_number_type(NumberType::Mobile));
    }

    #[test]
    fn s2_code_lifetime_is_never_more_than_ten_minutes() {
        let policy = Policy {
            code_lifetime_minutes: 60,
            ..Policy::default()
        };
        assert_eq!(policy.code_lifetime_secs(), 600);
    }

    #[test]
    fn f16_limits_have_upper_bounds() {
        let bad = [
            Policy {
                code_tries: 1_000_000,
                ..Policy::default()
            },
            Policy {
                step_up_minutes: i64::MAX,
                ..Policy::default()
            },
            Policy {
                step_up_minutes: 1_000_000,
                ..Policy::default()
            },
            Policy {
                code_lifetime_minutes: 0,
                ..Policy::default()
            },
            Policy {
                limits: SendLimits {
                    failures_per_account: 1_000_000_000,
                    ..SendLimits::default()
                },
                ..Policy::default()
            },
        ];
        for policy in bad {
            assert_eq!(policy.check(), Err(PolicyProblem::Limits), "{policy:?}");
        }
    }

    #[test]
    fn one_rule_says_what_a_reset_still_needs() {
        use MethodKind::*;
        let mut policy = Policy::default();
        policy.methods.push(MethodRule::full(SecurityQuestions));
        // An administrator needs two, never questions (walk issue, item 1).
        assert_eq!(policy.reset_missing(&[], true), 2);
        assert_eq!(policy.reset_missing(&[AuthenticatorApp], true), 1);
        assert_eq!(policy.reset_missing(&[AuthenticatorApp, Phone], true), 0);
        assert_eq!(
            policy.reset_missing(&[AuthenticatorApp, SecurityQuestions], true),
            1
        );
        assert!(!policy.reset_complete(&[AuthenticatorApp], true));
        // A member: the policy's number, and questions never alone.
        assert_eq!(policy.reset_missing(&[AuthenticatorApp], false), 0);
        assert_eq!(policy.reset_missing(&[SecurityQuestions], false), 1);
        assert_eq!(policy.reset_missing(&[SecurityQuestions, Phone], false), 0);
        assert!(policy.reset_complete(&[Phone], false));
    }

    #[test]
    fn f17_a_purpose_the_methods_served_stays_served() {
        use MethodKind::*;
        let policy = Policy {
            methods: [
                Phone,
                AlternatePhone,
                Email,
                AuthenticatorApp,
                SecurityQuestions,
            ]
            .into_iter()
            .map(MethodRule::full)
            .collect(),
            ..Policy::default()
        };
        // Phone and email: the email cannot verify a sign-in.
        assert!(!policy.may_delete(&[Phone, Email], 0));
        assert!(policy.may_delete(&[Phone, Email], 1));
        // Phone and questions: questions alone never reset a password.
        assert!(!policy.may_delete(&[Phone, SecurityQuestions, AlternatePhone], 0));
        assert!(policy.may_delete(&[Phone, AuthenticatorApp], 0));
        // The number required, as before.
        assert!(!policy.may_delete(&[Phone], 0));
        let none_required = Policy {
            registration_required: 0,
            ..policy
        };
        assert!(none_required.may_delete(&[Phone], 0));
    }

    #[test]
    fn rules_stay_within_what_each_method_can_do() {
        assert_eq!(Policy::default().check(), Ok(()));
        let email_for_mfa = Policy {
            methods: vec![MethodRule {
                kind: MethodKind::Email,
                mfa: true,
                sspr: true,
            }],
            ..Policy::default()
        };
        assert_eq!(email_for_mfa.check(), Err(PolicyProblem::MethodRule));
        let alternate_for_reset = Policy {
            methods: vec![MethodRule {
                kind: MethodKind::AlternatePhone,
                mfa: true,
                sspr: true,
            }],
            ..Policy::default()
        };
        assert_eq!(alternate_for_reset.check(), Err(PolicyProblem::MethodRule));
        let three = Policy {
            reset_methods_required: 3,
            ..Policy::default()
        };
        assert_eq!(three.check(), Err(PolicyProblem::ResetMethodsRequired));
        let phone_mfa_only = Policy {
            methods: vec![MethodRule {
                kind: MethodKind::Phone,
                mfa: true,
                sspr: false,
            }],
            ..Policy::default()
        };
        assert!(phone_mfa_only.counts_for_mfa(MethodKind::Phone));
        assert!(!phone_mfa_only.counts_for_sspr(MethodKind::Phone));
        assert!(!phone_mfa_only.allows(MethodKind::OfficePhone));
    }
}
