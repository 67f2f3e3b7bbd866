//! People, as their organization's administrators see them: found by name
//! or account, each with what they can verify with — never a secret, a
//! number or an address only masked — and what a help desk does for them
//! (a Temporary Access Pass, S33).

use serde::{Deserialize, Serialize};

use crate::{AccountName, Activity, Coverage, Locale, MethodKind, PassView, PersonId};

/// What a person may do for others in their organization (S40).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Their own security info only.
    #[default]
    Member,
    /// People actions, and only on members.
    HelpDesk,
    /// Everything in their organization.
    Administrator,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Member, Role::HelpDesk, Role::Administrator];

    /// Whether this role may act for people at all.
    pub fn helps_people(self) -> bool {
        self != Role::Member
    }

    /// Whether this role may act for a person of `theirs` (S40): an
    /// administrator for anyone, the help desk for members only.
    pub fn may_act_for(self, theirs: Role) -> bool {
        match self {
            Role::Administrator => true,
            Role::HelpDesk => theirs == Role::Member,
            Role::Member => false,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::HelpDesk => "help-desk",
            Role::Administrator => "administrator",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == text)
    }
}

/// `PUT /api/admin/people/{id}/role`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SetRoleRequest {
    pub role: Role,
}

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
    pub role: Role,
    /// The kinds of their methods, a kind once.
    pub methods: Vec<MethodKind>,
    /// They hold a Temporary Access Pass that still works.
    pub has_pass: bool,
    pub status: PersonStatus,
    /// Added with an invitation they have not used yet.
    pub invited: bool,
    pub ready: Readiness,
    /// Unix seconds of their last sign-in, if any.
    pub last_sign_in: Option<i64>,
}

/// What a person's methods are enough for, under their organization's
/// policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Readiness {
    /// Verifying a sign-in (two-step verification).
    pub two_step: bool,
    /// A password reset.
    pub reset: bool,
}

/// `GET /api/admin/people/{id}`: one person, their methods and their pass.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonDetail {
    pub id: PersonId,
    pub account_name: AccountName,
    pub display_name: String,
    pub role: Role,
    /// The language they chose; `None` until they choose.
    pub locale: Option<Locale>,
    pub status: PersonStatus,
    /// Added with an invitation they have not used yet.
    pub invited: bool,
    pub password: PasswordState,
    /// The one looking may act for them (S40): passes, sessions,
    /// re-registration, the password, disabling.
    pub may_act: bool,
    /// Unix seconds of their last sign-in, if any.
    pub last_sign_in: Option<i64>,
    /// Their signed-in browsers, the most recently seen first.
    pub sessions: Vec<PersonSession>,
    /// What happened to their account lately, newest first.
    pub activity: Vec<ActivityEntry>,
    pub methods: Vec<PersonMethod>,
    pub coverage: Coverage,
    pub pass: Option<PassView>,
    /// What a pass for them may be: the lifetimes allowed, in minutes.
    pub pass_lifetime: PassLifetime,
}

/// Where a person's password stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum PasswordState {
    /// None yet (invited, or added with a pass), or removed.
    #[default]
    None,
    /// Their own.
    Set,
    /// Set by an administrator or the help desk and shown to them once:
    /// the person must choose their own before anything else.
    Temporary,
}

impl PasswordState {
    pub fn is_set(self) -> bool {
        self != PasswordState::None
    }
}

/// `POST /api/admin/people/{id}/temporary-password`: the password, shown
/// this once, that the person signs in with next and then replaces.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TemporaryPassword {
    pub password: String,
}

/// Whether a person may sign in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum PersonStatus {
    #[default]
    Active,
    /// Sign-in refused until an administrator or the help desk enables
    /// them again.
    Disabled,
}

/// One signed-in browser of a person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonSession {
    /// The browser's and system's names, when its user agent says them.
    pub browser: Option<String>,
    pub system: Option<String>,
    pub address: String,
    /// Unix seconds.
    pub started_at: i64,
    pub last_seen_at: i64,
}

/// The most lines of activity a person's page shows.
pub const ACTIVITY_SHOWN: usize = 20;

/// One line of a person's recent activity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivityEntry {
    pub activity: Activity,
    /// Unix seconds.
    pub at: i64,
    pub address: String,
    /// Who did it, when it was somebody else (an administrator or the
    /// help desk): their name as shown.
    pub by: Option<String>,
}

/// `PUT /api/admin/people/{id}/profile`: the person's name and language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonProfile {
    pub display_name: String,
    #[serde(default)]
    pub locale: Option<Locale>,
}

/// `PUT /api/admin/people/{id}/status`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SetStatusRequest {
    pub status: PersonStatus,
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

/// The usual lifetimes of a pass, in minutes (10 minutes to 30 days): what
/// an administrator picks a pass's lifetime from, and its policy's bounds.
pub const PASS_LIFETIME_STEPS: [i64; 8] = [
    10,
    30,
    60,
    4 * 60,
    8 * 60,
    24 * 60,
    7 * 24 * 60,
    30 * 24 * 60,
];

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
        let mut choices: Vec<i64> = PASS_LIFETIME_STEPS
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
    pub role: Role,
    /// Their first pass, unless they are invited instead.
    pub pass: IssuePassRequest,
    /// Email them an invitation at this address instead of a pass: a link,
    /// valid `INVITATION_DAYS`, where they choose their password (S41).
    #[serde(default)]
    pub invitation: Option<String>,
}

/// How long an invitation's link works.
pub const INVITATION_DAYS: i64 = 7;

/// A person just added, and their first pass (shown once).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AddedPerson {
    pub id: PersonId,
    /// Their first pass, shown once; none when they were invited.
    pub pass: Option<IssuedPass>,
    /// The address their invitation went to, when they were invited.
    pub invited: Option<String>,
}

/// `POST /api/admin/people/{id}/invitation`: a new invitation for a person
/// without a password, to this address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InviteRequest {
    pub email: String,
}

/// `POST /api/invitation`: an invitation's link, to see whose it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InvitationToken {
    pub token: String,
}

/// Who an invitation is for, and what their password must be.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InvitationView {
    pub account_name: AccountName,
    pub display_name: String,
    pub organization: String,
    pub locale: Option<Locale>,
    pub min_password_length: usize,
}

/// `PUT /api/invitation`: the invited person's first password.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AcceptInvitation {
    pub token: String,
    pub new_password: String,
}

/// `POST /api/invitation/strength`: a candidate password of an invited
/// person, to be rated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InvitationCandidate {
    pub token: String,
    pub password: String,
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
    fn s40_the_help_desk_acts_for_members_only() {
        assert!(Role::HelpDesk.may_act_for(Role::Member));
        assert!(!Role::HelpDesk.may_act_for(Role::HelpDesk));
        assert!(!Role::HelpDesk.may_act_for(Role::Administrator));
        assert!(Role::Administrator.may_act_for(Role::Administrator));
        assert!(!Role::Member.may_act_for(Role::Member));
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
    }

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
