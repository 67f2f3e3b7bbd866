//! Security questions (SPEC §5): the localized pool, the rules for answers,
//! and their storage as Argon2id hashes of a normalized form (S16). Never
//! enough alone for a password reset (S15).

use models::questions::PREDEFINED;
use models::{
    CustomQuestion, ErrorCode, Field, MethodKind, QuestionAnswer, QuestionChoices, SecurityInfo,
};
use unicode_normalization::UnicodeNormalization;

use crate::audit::Requester;
use crate::error::{AppError, AppResult};
use crate::passwords;
use crate::policy::Policy;
use crate::security_info::{self, Adding};
use crate::state::AppState;
use crate::store::{MethodData, MethodRecord, QuestionsData};

pub const MIN_ANSWER: usize = 3;
pub const MAX_ANSWER: usize = 40;

/// The id of the organization's n-th own question.
pub fn custom_id(n: usize) -> String {
    format!("custom-{n}")
}

fn known(policy: &Policy, id: &str) -> bool {
    PREDEFINED.contains(&id)
        || (0..policy.security_questions.custom.len()).any(|n| custom_id(n) == id)
}

/// What an answer is compared as: Unicode NFKC, case-folded, surrounding
/// white space removed and inner runs of white space made one space.
pub fn normalize(answer: &str) -> String {
    let folded: String = answer.nfkc().collect::<String>().to_lowercase();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn at(code: ErrorCode, field: Field, index: usize) -> AppError {
    let mut error = models::ApiError::at(code, field);
    error.index = Some(index);
    AppError::Refused {
        refusal: crate::error::Refusal::Invalid,
        error,
    }
}

/// Checks a set of answers against the policy: the right number, known and
/// distinct questions, 3–40 characters, no answer given twice. Returns the
/// normalized answers in order.
pub fn check(policy: &Policy, answers: &[QuestionAnswer]) -> AppResult<Vec<String>> {
    if answers.len() != policy.security_questions.register {
        return Err(AppError::invalid(
            ErrorCode::QuestionsCount,
            Field::Question,
        ));
    }
    let mut normalized: Vec<String> = Vec::new();
    for (i, a) in answers.iter().enumerate() {
        if a.question.is_empty() || !known(policy, &a.question) {
            return Err(at(ErrorCode::QuestionRequired, Field::Question, i));
        }
        if answers[..i].iter().any(|b| b.question == a.question) {
            return Err(at(ErrorCode::DuplicateQuestion, Field::Question, i));
        }
        let n = normalize(&a.answer);
        let length = n.chars().count();
        if !(MIN_ANSWER..=MAX_ANSWER).contains(&length) {
            return Err(at(ErrorCode::AnswerLength, Field::Answer, i));
        }
        if normalized.contains(&n) {
            return Err(at(ErrorCode::AnswerReused, Field::Answer, i));
        }
        normalized.push(n);
    }
    Ok(normalized)
}

/// The questions a person may choose from, and how many to answer.
pub fn choices(policy: &Policy) -> QuestionChoices {
    let q = &policy.security_questions;
    QuestionChoices {
        required: q.register,
        predefined: PREDEFINED.iter().map(|s| (*s).to_owned()).collect(),
        custom: q
            .custom
            .iter()
            .enumerate()
            .map(|(n, written)| CustomQuestion {
                id: custom_id(n),
                written: written.clone(),
            })
            .collect(),
    }
}

/// Registers the person's answers, kept only as hashes. One set of
/// questions: checked again as it is stored (F5).
pub async fn register(
    state: &AppState,
    who: &Requester<'_>,
    methods: &[MethodRecord],
    answers: &[QuestionAnswer],
) -> AppResult<SecurityInfo> {
    let user = &who.session.user;
    let kind = MethodKind::SecurityQuestions;
    security_info::check_addable(who.session, methods, kind)?;
    let normalized = check(&user.policy, answers)?;
    let mut hashes = Vec::with_capacity(normalized.len());
    for answer in normalized {
        hashes.push(passwords::hash(answer).await?);
    }
    let data = MethodData::Questions(QuestionsData {
        questions: answers.iter().map(|a| a.question.clone()).collect(),
        hashes,
    });
    let adding = Adding {
        kind,
        detail: "",
        data,
        delivery: None,
        replaces: None,
        totp_last_step: None,
    };
    let added = security_info::add(state, who, adding).await?;
    security_info::info_of(state, &added.proved.digest).await
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot unwrap has failed"
)]
mod tests {
    use super::*;
    use crate::policy::MethodRule;
    use models::MethodKind;

    fn answers(pairs: &[(&str, &str)]) -> Vec<QuestionAnswer> {
        pairs
            .iter()
            .map(|(q, a)| QuestionAnswer {
                question: (*q).into(),
                answer: (*a).into(),
            })
            .collect()
    }

    #[test]
    fn answers_are_normalized_for_case_space_and_unicode() {
        assert_eq!(normalize("  Den   Haag "), "den haag");
        assert_eq!(normalize("ÅNGSTRÖM"), "ångström");
        // "ﬁ" (a ligature) and a decomposed "é" compare as their plain forms.
        assert_eq!(normalize("ﬁrst cafe\u{301}"), "first café");
    }

    #[test]
    fn answer_rules() {
        let policy = Policy::default();
        let ok = answers(&[
            ("city-born", "Utrecht"),
            ("first-pet", "Minoes"),
            ("first-car", "Saab 900"),
        ]);
        assert_eq!(
            check(&policy, &ok).unwrap(),
            vec!["utrecht", "minoes", "saab 900"]
        );
        let two = answers(&[("city-born", "Utrecht"), ("first-pet", "Minoes")]);
        assert!(check(&policy, &two).is_err());
        let twice = answers(&[
            ("city-born", "Utrecht"),
            ("city-born", "Minoes"),
            ("first-car", "Saab"),
        ]);
        let error = check(&policy, &twice).unwrap_err();
        assert!(
            matches!(error, AppError::Refused { ref error, .. } if error.code == ErrorCode::DuplicateQuestion && error.index == Some(1))
        );
        let short = answers(&[
            ("city-born", "Ut"),
            ("first-pet", "Minoes"),
            ("first-car", "Saab"),
        ]);
        assert!(
            matches!(check(&policy, &short).unwrap_err(), AppError::Refused { ref error, .. } if error.code == ErrorCode::AnswerLength && error.index == Some(0))
        );
        let long = answers(&[
            ("city-born", &"x".repeat(41)),
            ("first-pet", "Minoes"),
            ("first-car", "Saab"),
        ]);
        assert!(check(&policy, &long).is_err());
        let reused = answers(&[
            ("city-born", "Utrecht"),
            ("first-pet", " UTRECHT "),
            ("first-car", "Saab"),
        ]);
        assert!(
            matches!(check(&policy, &reused).unwrap_err(), AppError::Refused { ref error, .. } if error.code == ErrorCode::AnswerReused && error.index == Some(1))
        );
        let unknown = answers(&[
            ("nope", "Utrecht"),
            ("first-pet", "Minoes"),
            ("first-car", "Saab"),
        ]);
        assert!(check(&policy, &unknown).is_err());
        let emoji = answers(&[
            ("city-born", "🐈🐈🐈"),
            ("first-pet", "Minoes"),
            ("first-car", "Saab"),
        ]);
        assert!(check(&policy, &emoji).is_ok(), "any Unicode");
    }

    #[test]
    fn every_predefined_question_is_translated() {
        let l10n = i18n::Localizer::new();
        for locale in models::Locale::ALL {
            for id in PREDEFINED {
                assert!(
                    l10n.has(locale, &format!("question-{id}")),
                    "{locale}: {id}"
                );
            }
        }
    }

    #[test]
    fn s15_security_questions_never_suffice_alone() {
        let mut policy = Policy::default();
        policy
            .methods
            .push(MethodRule::full(MethodKind::SecurityQuestions));
        assert!(!policy.reset_complete(&[MethodKind::SecurityQuestions], false));
        assert!(policy.reset_complete(&[MethodKind::SecurityQuestions, MethodKind::Phone], false,));
        assert!(policy.reset_complete(&[MethodKind::Phone], false));
        policy.reset_methods_required = 2;
        assert!(!policy.reset_complete(&[MethodKind::Phone], false));
        assert!(!policy.reset_complete(
            &[MethodKind::SecurityQuestions, MethodKind::SecurityQuestions],
            false,
        ));
        assert!(policy.reset_complete(&[MethodKind::Phone, MethodKind::SecurityQuestions], false,));
        assert!(
            !policy.reset_complete(
                &[MethodKind::AlternatePhone, MethodKind::SecurityQuestions],
                false,
            ),
            "an alternate phone does not reset"
        );
        // Administrators: always two, and never security questions.
        policy.reset_methods_required = 1;
        assert!(!policy.reset_complete(&[MethodKind::Phone], true));
        assert!(!policy.reset_complete(&[MethodKind::Phone, MethodKind::SecurityQuestions], true,));
    }
}
