//! People, for their organization's administrators and help desk: finding
//! them, seeing what each can verify with, and getting one who lost every
//! method back in with a Temporary Access Pass (S33). Every use case here
//! is recently verified (S11) and reaches only people of the caller's own
//! organization: anybody else is "not found". The help desk acts only for
//! members (S40); adding people and giving roles are an administrator's.

use models::{
    AccountName, Activity, ActivityEntry, AddPersonRequest, AddedPerson, ErrorCode, Field,
    IssuePassRequest, IssuedPass, MethodKind, PEOPLE_PER_PAGE, PassLifetime, PassView, PeoplePage,
    PeopleQuery, PersonDetail, PersonId, PersonMethod, PersonRow, PersonSession, Role,
};

use crate::administration::admin_only;
use crate::audit::{Action, Requester};
use crate::error::{AppError, AppResult};
use crate::security_info::guarded;
use crate::state::AppState;
use crate::store::{MethodRecord, NewUser, SessionRecord, UserRecord};
use crate::temporary_access_pass::{self, Issuer};
use crate::verification::{mask, mask_email};

/// A page of the organization's people whose account or a word of whose
/// name starts with what was typed.
pub async fn search(
    state: &AppState,
    session: &SessionRecord,
    query: &PeopleQuery,
) -> AppResult<PeoplePage> {
    helpers_only(state, session).await?;
    let offset = query.page.saturating_mul(PEOPLE_PER_PAGE);
    // One more than a page says whether another follows.
    let mut found = state
        .store
        .search_people(
            &session.user.organization_id,
            &query.query,
            PEOPLE_PER_PAGE + 1,
            offset,
            state.now(),
        )
        .await?;
    let more = found.len() > PEOPLE_PER_PAGE;
    found.truncate(PEOPLE_PER_PAGE);
    let policy = &session.user.policy;
    let people = found
        .into_iter()
        .map(|person| {
            Ok(PersonRow {
                ready: models::Readiness {
                    two_step: policy.verifies_sign_in(&person.methods),
                    reset: policy.resets_password(&person.methods),
                },
                status: person.status,
                invited: person.invited,
                last_sign_in: person.last_sign_in_at,
                id: person.id,
                account_name: models::AccountName::parse(&person.account_name)
                    .map_err(|_| AppError::broken("a stored account name"))?,
                display_name: person.display_name,
                role: person.role,
                methods: person.methods,
                has_pass: person.has_pass,
            })
        })
        .collect::<AppResult<Vec<_>>>()?;
    Ok(PeoplePage {
        people,
        page: query.page,
        more,
        pass_lifetime: lifetime_of(&session.user),
    })
}

/// Administrators and the help desk, recently verified (S11).
async fn helpers_only(state: &AppState, session: &SessionRecord) -> AppResult<()> {
    if !session.user.role().helps_people() {
        return Err(AppError::forbidden(ErrorCode::Forbidden));
    }
    guarded(state, session).await?;
    Ok(())
}

/// The person of the caller's organization with this id.
async fn person_of(
    state: &AppState,
    session: &SessionRecord,
    id: &PersonId,
) -> AppResult<UserRecord> {
    helpers_only(state, session).await?;
    state
        .store
        .person_of(&session.user.organization_id, id)
        .await?
        .ok_or_else(AppError::not_found)
}

/// The person, if the caller may act for them (S40): the help desk for
/// members only.
pub(crate) async fn acted_for(
    state: &AppState,
    session: &SessionRecord,
    id: &PersonId,
) -> AppResult<UserRecord> {
    let person = person_of(state, session, id).await?;
    if !session.user.role().may_act_for(person.role()) {
        return Err(AppError::forbidden(ErrorCode::Forbidden));
    }
    Ok(person)
}

/// One person: who they are, their methods (masked), what these cover,
/// and their pass.
pub async fn person(
    state: &AppState,
    session: &SessionRecord,
    id: &PersonId,
) -> AppResult<PersonDetail> {
    let person = person_of(state, session, id).await?;
    let methods = state.store.methods_of_user(&person.id).await?;
    let coverage = crate::security_info::info_from(&person, &methods, false).coverage;
    let pass = temporary_access_pass::of(state, &person.id).await?;
    let sessions = state.store.sessions_of(&person.id).await?;
    let activity = state
        .store
        .activity_of(&person.id, models::ACTIVITY_SHOWN)
        .await?;
    Ok(PersonDetail {
        id: person.id.clone(),
        account_name: person.account_name.clone(),
        display_name: person.display_name.clone(),
        role: person.role(),
        locale: person.locale,
        status: person.status,
        invited: state
            .store
            .has_open_invitation(&person.id, state.now())
            .await?,
        password: person.password,
        may_act: session.user.role().may_act_for(person.role()),
        last_sign_in: person.last_sign_in_at,
        sessions: sessions
            .into_iter()
            .map(|s| {
                let (browser, system) = browser_of(&s.user_agent);
                PersonSession {
                    browser: browser.map(str::to_owned),
                    system: system.map(str::to_owned),
                    address: s.client_address,
                    started_at: s.created_at,
                    last_seen_at: s.last_seen_at,
                }
            })
            .collect(),
        // A line whose name this server no longer knows is left out.
        activity: activity
            .into_iter()
            .filter_map(|line| {
                Some(ActivityEntry {
                    activity: Activity::parse(&line.action)?,
                    at: line.at,
                    address: line.client_address,
                    by: line.by,
                })
            })
            .collect(),
        methods: methods.iter().map(as_seen).collect(),
        coverage,
        pass: pass.map(|pass| PassView {
            expires_at: pass.expires_at,
            one_time: pass.one_time,
            this_session: false,
        }),
        pass_lifetime: lifetime_of(&person),
    })
}

/// The browser's and the system's names in a user agent, when it has
/// ones people know; the order matters (Edge's says Chrome and Safari too).
fn browser_of(user_agent: &str) -> (Option<&'static str>, Option<&'static str>) {
    let has = |needle: &str| user_agent.contains(needle);
    let browser = [
        ("Edg/", "Edge"),
        ("Firefox/", "Firefox"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
    ]
    .into_iter()
    .find(|(needle, _)| has(needle))
    .map(|(_, name)| name);
    let system = [
        ("Android", "Android"),
        ("iPhone", "iOS"),
        ("iPad", "iPadOS"),
        ("Windows", "Windows"),
        ("Mac OS X", "macOS"),
        ("CrOS", "ChromeOS"),
        ("Linux", "Linux"),
    ]
    .into_iter()
    .find(|(needle, _)| has(needle))
    .map(|(_, name)| name);
    (browser, system)
}

/// The lifetimes the person's organization allows a pass.
fn lifetime_of(person: &UserRecord) -> PassLifetime {
    let bounds = &person.policy.temporary_access_pass;
    PassLifetime {
        min_minutes: bounds.min_lifetime_minutes,
        max_minutes: bounds.max_lifetime_minutes,
        default_minutes: bounds.default_lifetime_minutes,
    }
}

/// A method as an administrator sees it: a number or an address masked,
/// an app's or a key's name; never a secret.
fn as_seen(method: &MethodRecord) -> PersonMethod {
    let detail = match (method.kind, &method.phone) {
        (_, Some(phone)) => mask(&phone.e164),
        (MethodKind::Email, None) => mask_email(&method.detail),
        (MethodKind::AuthenticatorApp | MethodKind::SecurityKey, None) => method.detail.clone(),
        _ => String::new(),
    };
    PersonMethod {
        kind: method.kind,
        detail,
        added_at: method.created_at,
    }
}

/// Gives the person a pass (replacing any they had), shown this once.
pub async fn issue_pass(
    state: &AppState,
    who: &Requester<'_>,
    id: &PersonId,
    request: &IssuePassRequest,
) -> AppResult<IssuedPass> {
    let person = acted_for(state, who.session, id).await?;
    let issued = temporary_access_pass::issue(
        state,
        &person,
        Issuer::Administrator(&who.session.user.id),
        request.lifetime_minutes,
        request.one_time,
    )
    .await?;
    who.record_for(state, Action::PassIssued, id, "").await?;
    Ok(IssuedPass {
        pass: issued.pass,
        expires_at: issued.expires_at,
        one_time: issued.one_time,
    })
}

/// Takes the person's pass away; the sessions it began end.
pub async fn revoke_pass(state: &AppState, who: &Requester<'_>, id: &PersonId) -> AppResult<()> {
    let person = acted_for(state, who.session, id).await?;
    temporary_access_pass::revoke(
        state,
        &person.id,
        Issuer::Administrator(&who.session.user.id),
    )
    .await?;
    who.record_for(state, Action::PassRevoked, id, "").await
}

/// Adds a person to the administrator's organization, without a password:
/// their first pass, shown this once, signs them in to set up their
/// methods (and a password, if they want one). Everything is checked
/// before anything is written, so a refused request creates nobody.
pub async fn add(
    state: &AppState,
    who: &Requester<'_>,
    request: &AddPersonRequest,
) -> AppResult<AddedPerson> {
    let admin = &who.session.user;
    admin_only(state, who.session).await?;
    let account = AccountName::parse(&request.account_name)
        .map_err(|code| AppError::invalid(code, Field::AccountName))?;
    let domains = state
        .store
        .organization_domains(&admin.organization_id)
        .await?;
    if !in_domains(&account, &domains) {
        return Err(AppError::invalid(
            ErrorCode::AccountOutsideDomain,
            Field::AccountName,
        ));
    }
    let display_name = display_name(&request.display_name)?;
    let minutes = temporary_access_pass::lifetime(
        &admin.policy.temporary_access_pass,
        request.pass.lifetime_minutes,
    )?;
    let invitation = request
        .invitation
        .as_deref()
        .map(crate::invitation::address)
        .transpose()?;
    let id = PersonId::new(crate::secret::new_id()?);
    let created = state
        .store
        .insert_user(
            NewUser {
                id: &id,
                organization_id: &admin.organization_id,
                account_name: &account,
                display_name,
                password_hash: "",
                locale: request.locale,
                role: request.role,
            },
            state.now(),
        )
        .await?;
    // The account name is unique: of two adds at once, one creates.
    if !created {
        return Err(AppError::refused(
            crate::error::Refusal::Conflict,
            models::ApiError::at(ErrorCode::AccountExists, Field::AccountName),
        ));
    }
    let person = person_of(state, who.session, &id).await?;
    if let Some(to) = invitation {
        // A mail server that fails leaves nobody half-added (S39): the
        // administrator tries again.
        let sent = crate::invitation::send(state, &person, &to, admin, who.locale).await;
        if let Err(error) = sent {
            state
                .store
                .delete_person(&admin.organization_id, &id)
                .await?;
            return Err(error);
        }
        who.record_for(state, Action::PersonAdded, &id, "").await?;
        who.record_for(state, Action::InvitationSent, &id, &to)
            .await?;
        return Ok(AddedPerson {
            id,
            pass: None,
            invited: Some(to),
        });
    }
    who.record_for(state, Action::PersonAdded, &id, "").await?;
    let pass = temporary_access_pass::issue(
        state,
        &person,
        Issuer::Administrator(&admin.id),
        Some(minutes),
        request.pass.one_time,
    )
    .await?;
    Ok(AddedPerson {
        id,
        pass: Some(IssuedPass {
            pass: pass.pass,
            expires_at: pass.expires_at,
            one_time: pass.one_time,
        }),
        invited: None,
    })
}

/// A display name as typed, trimmed: never empty, never too long.
/// Whether the account is in one of the organization's domains.
pub(crate) fn in_domains(account: &AccountName, domains: &[String]) -> bool {
    account
        .as_str()
        .rsplit_once('@')
        .is_some_and(|(_, domain)| domains.iter().any(|d| d == domain))
}

pub(crate) fn display_name(typed: &str) -> AppResult<&str> {
    let name = typed.trim();
    if name.is_empty() {
        return Err(AppError::invalid(
            ErrorCode::DisplayNameRequired,
            Field::DisplayName,
        ));
    }
    if name.chars().count() > models::DISPLAY_NAME_MAX_CHARS {
        return Err(AppError::invalid(
            ErrorCode::DisplayNameTooLong,
            Field::DisplayName,
        ));
    }
    Ok(name)
}

/// Gives the person a role (an administrator's to give), keeping at least
/// one administrator (S40); recorded, with who gave it.
pub async fn set_role(
    state: &AppState,
    who: &Requester<'_>,
    id: &PersonId,
    role: Role,
) -> AppResult<()> {
    admin_only(state, who.session).await?;
    let organization = &who.session.user.organization_id;
    match state.store.set_role(organization, id, role).await? {
        None => Err(AppError::not_found()),
        Some(false) => Err(AppError::refused(
            crate::error::Refusal::Conflict,
            models::ApiError::at(ErrorCode::LastAdministrator, Field::Role),
        )),
        Some(true) => {
            who.record_for(state, Action::RoleChanged, id, role.as_str())
                .await
        }
    }
}
