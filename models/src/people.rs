//! People, as their organization's administrators see them: found by name
//! or account, each with what they can verify with — never a secret, a
//! number or an address only masked — and what a help desk does for them
//! (a Temporary Access Pass, S33).

use serde::{Deserialize, Serialize};

use crate::{AccountName, Coverage, Locale, MethodKind, PassView, PersonId};

/// People shown on one page of a search.
pub const PEOPLE_PER_PAGE: usize = 25;

/// `POST /api/admin/people/search`: who to find (by the start of their
/// account or of a word of their name; empty: everyone), which page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PeopleQuery {
    #[serde(default)]
    pub query: String,
    /// 0-based.
    #[serde(default)]
    pub page: usize,
}

/// A page of people found, in the order of their names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PeoplePage {
    pub people: Vec<PersonRow>,
    pub page: usize,
    /// Another page follows.
    pub more: bool,
    /// What a pass given to a person added now may be.
    pub pass_lifetime: PassLifetime,
}

/// One person in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonRow {
    pub id: PersonId,
    pub account_name: AccountName,
    pub display_name: String,
    pub is_admin: bool,
    /// The kinds of their methods, a kind once.
    pub methods: Vec<MethodKind>,
    /// They hold a Temporary Access Pass that still works.
    pub has_pass: bool,
}

/// `GET /api/admin/people/{id}`: one person, their methods and their pass.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonDetail {
    pub id: PersonId,
    pub account_name: AccountName,
    pub display_name: String,
    pub is_admin: bool,
    pub has_password: bool,
    pub methods: Vec<PersonMethod>,
    pub coverage: Coverage,
    pub pass: Option<PassView>,
    /// What a pass for them may be: the lifetimes allowed, in minutes.
    pub pass_lifetime: PassLifetime,
}

/// A method as an administrator sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonMethod {
    pub kind: MethodKind,
    /// A masked number or address, an app's or key's name; else empty.
    pub detail: String,
    /// Unix seconds.
    pub added_at: i64,
}

/// The lifetimes the policy allows a pass, in minutes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PassLifetime {
    pub min_minutes: i64,
    pub max_minutes: i64,
    pub default_minutes: i64,
}

impl PassLifetime {
    /// The lifetimes an administrator picks from: the usual ones within
    /// the bounds, and the default among them.
    pub fn choices(&self) -> Vec<i64> {
        let mut choices: Vec<i64> = [
            10,
            30,
            60,
            4 * 60,
            8 * 60,
            24 * 60,
            7 * 24 * 60,
            30 * 24 * 60,
        ]
        .into_iter()
        .chain([self.default_minutes])
        .filter(|m| (self.min_minutes..=self.max_minutes).contains(m))
        .collect();
        choices.sort_unstable();
        choices.dedup();
        choices
    }
}

/// `POST /api/admin/people/{id}/temporary-access-pass`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IssuePassRequest {
    /// The policy's default when not given.
    #[serde(default)]
    pub lifetime_minutes: Option<i64>,
    pub one_time: bool,
}

/// The most characters of a display name.
pub const DISPLAY_NAME_MAX_CHARS: usize = 100;

/// `POST /api/admin/people`: a new person of the organization, who signs
/// in first with a Temporary Access Pass.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AddPersonRequest {
    /// In the organization's domain.
    pub account_name: String,
    pub display_name: String,
    /// The language of their pages, texts and emails; theirs to change.
    #[serde(default)]
    pub locale: Option<Locale>,
    #[serde(default)]
    pub is_admin: bool,
    pub pass: IssuePassRequest,
}

/// A person just added, and their first pass (shown once).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AddedPerson {
    pub id: PersonId,
    pub pass: IssuedPass,
}

/// A pass just issued: shown to the administrator once, kept nowhere.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IssuedPass {
    pub pass: String,
    /// Unix seconds.
    pub expires_at: i64,
    pub one_time: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lifetimes_offered_keep_within_the_bounds_and_include_the_default() {
        let lifetime = PassLifetime {
            min_minutes: 10,
            max_minutes: 480,
            default_minutes: 90,
        };
        assert_eq!(lifetime.choices(), vec![10, 30, 60, 90, 240, 480]);
    }
}
