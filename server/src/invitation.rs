//! Invitations (S41): instead of a Temporary Access Pass, a person an
//! administrator adds can be sent an email with a link, valid seven days
//! and used once, where they choose their password; they are then signed
//! in and register their methods. The link's token lives only in the
//! email and in the link's fragment (never in an address a log keeps); the
//! store keeps its digest. Choosing the password spends the invitation and
//! sets the password in one transaction, so of many uses at once one sets
//! it, and only for the invitation's own person.

use i18n::Args;
use models::{
    AcceptInvitation, EmailAddress, ErrorCode, Field, INVITATION_DAYS, InvitationCandidate,
    InvitationView, Locale, PasswordStrength,
};

use crate::audit::{Action, Caller};
use crate::error::{AppError, AppResult, Refusal};
use crate::session::{self, Opening};
use crate::sign_in::{SignedIn, user_view};
use crate::state::AppState;
use crate::store::{NewInvitation, SessionKey, UserRecord};
use crate::{password_rules, passwords, secret};

/// Where an invitation's link leads; the token follows in its fragment.
pub const INVITATION_PAGE: &str = "/invitation";

/// An address an invitation may go to, as mail servers take it (its
/// domain in ASCII); refused at the field it was typed in.
pub fn address(typed: &str) -> AppResult<String> {
    EmailAddress::parse(typed)
        .and_then(|address| address.ascii())
        .map(|address| address.to_string())
        .map_err(|code| AppError::invalid(code, Field::Email))
}

/// Sends `person` an invitation to `to`, in their language (or the
/// inviter's, until they choose one), replacing any earlier one. A mail
/// server that fails is an error: the caller undoes what it began.
pub async fn send(
    state: &AppState,
    person: &UserRecord,
    to: &str,
    inviter: &UserRecord,
    locale: Locale,
) -> AppResult<()> {
    let token = secret::random_token(32)?;
    let now = state.now();
    let invitation = NewInvitation {
        token_digest: &digest(&token),
        user_id: &person.id,
        email: to,
        expires_at: now + INVITATION_DAYS * 24 * 3600,
    };
    state.store.insert_invitation(invitation, now).await?;
    let locale = person.locale.unwrap_or(locale);
    let mut args = Args::new();
    args.set("name", person.display_name.clone());
    args.set("inviter", inviter.display_name.clone());
    args.set("organization", person.organization_name.clone());
    args.set("account", person.account_name.as_str().to_owned());
    args.set("days", INVITATION_DAYS);
    args.set(
        "link",
        format!("{}{INVITATION_PAGE}#{token}", state.config.public_origin),
    );
    let subject = state
        .l10n
        .format(locale, "email-invitation-subject", Some(&args));
    let body = state
        .l10n
        .format(locale, "email-invitation-body", Some(&args));
    let email = crate::providers::mail::Email {
        to,
        subject: &subject,
        body: &body,
    };
    state.mailer.send(&email, now).await
}

fn digest(token: &str) -> SessionKey {
    SessionKey::new(secret::token_digest(token))
}

/// The person a working invitation is for; `invitation-expired` for a
/// link used, replaced, expired or never given.
async fn invited(state: &AppState, token: &str) -> AppResult<UserRecord> {
    state
        .store
        .invited(&digest(token), state.now())
        .await?
        .ok_or_else(|| AppError::because(Refusal::NotFound, ErrorCode::InvitationExpired))
}

/// Who the link is for, and what their password must be.
pub async fn view(state: &AppState, token: &str) -> AppResult<InvitationView> {
    let person = invited(state, token).await?;
    Ok(InvitationView {
        account_name: person.account_name.clone(),
        display_name: person.display_name.clone(),
        organization: person.organization_name.clone(),
        locale: person.locale,
        min_password_length: person.policy.password_min_length,
    })
}

/// The strength of a password the invited person is choosing.
pub async fn rate(
    state: &AppState,
    candidate: &InvitationCandidate,
) -> AppResult<PasswordStrength> {
    let person = invited(state, &candidate.token).await?;
    Ok(password_rules::strength(&person, &candidate.password))
}

/// The invited person's first password: the rules first (a refused one
/// spends nothing), then the invitation spent and the password set at
/// once, then a session, as a sign-in with a password opens one.
pub async fn accept(
    state: &AppState,
    caller: &Caller,
    presented: Option<&SessionKey>,
    request: AcceptInvitation,
) -> AppResult<SignedIn> {
    let person = invited(state, &request.token).await?;
    password_rules::check(&person, &request.new_password)?;
    let hash = passwords::hash(request.new_password).await?;
    let Some(id) = state
        .store
        .accept_invitation(&digest(&request.token), &hash, state.now())
        .await?
    else {
        return Err(AppError::because(
            Refusal::NotFound,
            ErrorCode::InvitationExpired,
        ));
    };
    let opening = Opening::Password {
        pending_until: None,
        locale: None,
    };
    let (address, agent) = (&caller.address, &caller.user_agent);
    let opened = session::open(state, presented, &person, address, agent, opening).await?;
    crate::audit::record_unannounced(state, &id, Action::InvitationAccepted, "", address, agent)
        .await?;
    let info = models::SessionInfo {
        csrf_token: opened.csrf_token.clone(),
        user: Some(user_view(&person)),
        verification_required: false,
        step_up_required: false,
        pseudo_locale: false,
    };
    Ok(SignedIn { opened, info })
}
