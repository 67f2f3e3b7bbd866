//! Signing in and out: with a password (and, where two-step verification
//! applies, a session that can only verify until its second step, S27),
//! with a passkey (both factors at once, S32), out of this browser, and
//! out everywhere (S20); and what a browser learns of its session.
//!
//! Architecture Invariant (two-step sign-in, S27): where the policy asks for
//! it and the person has a method that counts for sign-in, the right password
//! opens a *pending* session (`sessions.pending_until`, ten minutes). Only the
//! routes that verify take `session::Verifying`; every other handler takes
//! `Authenticated` (or `Verified`), which refuses a pending session with 401
//! `sign-in-not-finished`. A pending session finishes only a step-up
//! challenge, never a registration; finishing it (`session::verified`) gives
//! the session a new token, counts as the recent verification, writes a
//! `signed-in` audit row that says how, and gives the person the language
//! chosen for the sign-in (kept on the session until then). A failed password
//! of a known account writes a `sign-in-failed` row beside the answer, not
//! before it, so an unknown account's refusal takes the same time.

use models::CeremonyId;
use models::{
    AccountName, ErrorCode, Field, MethodKind, Password, SessionInfo, SignInRequest, UserView,
};

use crate::audit::{Action, Caller, Requester};
use crate::error::{AppError, AppResult};
use crate::session::{self, Opened, Opening};
use crate::state::AppState;
use crate::store::SessionKey;
use crate::store::{SessionRecord, SpentPass, UserRecord};
use crate::throttle::{self, Limit};
use crate::{passkey_sign_in, passwords, temporary_access_pass};

/// A sign-in that succeeded: the session opened, and what the client is
/// told of it (without the CSRF token, which the edge fills in).
pub struct SignedIn {
    pub opened: Opened,
    pub info: SessionInfo,
}

impl SignedIn {
    /// A session verified as it opened (a passkey, a pass): nothing comes
    /// first.
    fn verified(opened: Opened, user: &UserRecord) -> SignedIn {
        let info = SessionInfo {
            csrf_token: opened.csrf_token.clone(),
            user: Some(user_view(user)),
            verification_required: false,
            step_up_required: false,
            pseudo_locale: false,
        };
        SignedIn { opened, info }
    }
}

/// The person as the client shows them.
pub fn user_view(user: &UserRecord) -> UserView {
    UserView {
        account_name: user.account_name.clone(),
        display_name: user.display_name.clone(),
        organization: user.organization_name.clone(),
        organization_logo: user
            .organization_has_logo
            .then(|| crate::branding::logo_path(&user.organization_id)),
        locale: user.locale,
        is_admin: user.is_admin,
        is_help_desk: user.is_help_desk,
        password: user.password,
        support_contact: Some(user.policy.support_contact.trim().to_owned())
            .filter(|c| !c.is_empty()),
    }
}

/// What the browser that `presented` this session learns of it: who is
/// signed in (if anyone), and whether a verification comes first. A reset
/// under way is nobody's sign-in.
pub async fn info(
    state: &AppState,
    presented: Option<&SessionKey>,
    csrf_token: String,
) -> AppResult<SessionInfo> {
    let current = session::current(state, presented)
        .await?
        .filter(|s| !s.is_reset());
    // A sign-in waiting for its second step shows the language chosen for
    // it, which is not the person's until the sign-in is finished (S27).
    let user = current.as_ref().map(|s| {
        let mut view = user_view(&s.user);
        view.locale = s.pending_locale.or(view.locale);
        view
    });
    let verification_required = current.as_ref().is_some_and(SessionRecord::is_pending);
    let step_up_required = match &current {
        Some(session) => crate::security_info::step_up_required(state, session).await?,
        None => false,
    };
    Ok(SessionInfo {
        csrf_token,
        user,
        verification_required,
        step_up_required,
        pseudo_locale: state.config.pseudo_locale(),
    })
}

/// Signs in with account name and password. Wrong passwords are counted
/// per account and per client address, in the database, and refused past
/// the configured limits.
pub async fn with_password(
    state: &AppState,
    caller: &Caller,
    presented: Option<&SessionKey>,
    request: &SignInRequest,
) -> AppResult<SignedIn> {
    let account = AccountName::parse(&request.account_name)
        .map_err(|code| AppError::invalid(code, Field::AccountName))?;
    Password::parse(request.password.expose())
        .map_err(|code| AppError::invalid(code, Field::Password))?;
    let address = &caller.address;
    let now = state.now();
    let limits = &state.config.signin;
    let window = limits.window_minutes * 60;
    // Each attempt is counted as a failure before the password is checked,
    // so parallel guesses cannot pass the limits together (S6); a right
    // password gives its units back.
    let account_limit = Limit::password_failures(&state.config, &account);
    let address_limit = Limit::new(
        format!("signin:address:{address}"),
        limits.address_failures,
        window,
        ErrorCode::TooManyAttempts,
    );
    let attempt = [account_limit, address_limit];
    throttle::take(state, &attempt).await?;
    let [account_limit, address_limit] = &attempt;

    let user = state.store.user_by_account_name(&account).await?;
    // A person without a password (created with a pass) is checked against
    // the decoy, as an unknown account is: no password signs them in.
    let stored = user
        .as_ref()
        .map(|u| u.password_hash.clone())
        .filter(|hash| !hash.is_empty());
    let by_password = passwords::verify(request.password.expose().to_owned(), stored).await?;
    // A Temporary Access Pass signs in where the password would (S33).
    let pass = match user.as_ref().filter(|_| !by_password) {
        Some(user) => temporary_access_pass::spend(state, user, request.password.expose()).await?,
        None => None,
    };
    let valid = by_password || pass.is_some();
    crate::metrics::verification(
        if pass.is_some() { "pass" } else { "pwd" },
        if valid { "verified" } else { "wrong_password" },
    );
    // Recorded beside the answer, not before it: an unknown account writes
    // nothing, and the time must not tell the two apart (S28).
    if let Some(user) = user.as_ref().filter(|_| !valid) {
        let (state, user_id, caller) = (state.clone(), user.id.clone(), caller.clone());
        tokio::spawn(async move {
            let (address, agent) = (&caller.address, &caller.user_agent);
            let recorded =
                crate::audit::record_failed_sign_in(&state, &user_id, "password", address, agent);
            if let Err(error) = recorded.await {
                tracing::warn!(?error, "failed sign-in not recorded");
            }
        });
    }
    let Some(mut user) = user.filter(|_| valid) else {
        return Err(AppError::refused(
            crate::error::Refusal::NotSignedIn,
            models::ApiError::at(ErrorCode::InvalidCredentials, Field::Password),
        ));
    };
    state.store.clear_counter(&account_limit.bucket).await?;
    throttle::give_back(state, address_limit).await?;
    if let Some(pass) = pass {
        return with_pass(state, caller, presented, request, user, pass).await;
    }
    crate::directory::renew_outdated_hash(state, &user, request.password.expose());

    // Where two-step verification applies, the password alone opens a
    // session that can only verify, for ten minutes (S27).
    let kinds: Vec<MethodKind> = state
        .store
        .methods_of_user(&user.id)
        .await?
        .iter()
        .map(|m| m.kind)
        .collect();
    let verification_required =
        user.policy.two_step_sign_in && user.policy.verifies_sign_in(&kinds);
    let pending_until = verification_required.then_some(now + session::PENDING_SECS);
    let opening = Opening::Password {
        pending_until,
        locale: request.locale,
    };
    let opened = session::open(
        state,
        presented,
        &user,
        address,
        &caller.user_agent,
        opening,
    )
    .await?;
    // A sign-in that waits for its second step changes nothing about the
    // person until it is finished (S27): the session keeps the language.
    if let Some(locale) = request.locale.filter(|_| !verification_required) {
        state.store.set_user_locale(&user.id, locale).await?;
        user.locale = Some(locale);
    }
    tracing::info!(account = %user.account_name, %address, verification_required, "password accepted");
    let mut view = user_view(&user);
    view.locale = request.locale.or(view.locale);
    let info = SessionInfo {
        csrf_token: opened.csrf_token.clone(),
        user: Some(view),
        verification_required,
        // A password alone has verified nothing: where a method counts
        // for sign-in, security info asks for one first (S11).
        step_up_required: !verification_required && user.policy.verifies_sign_in(&kinds),
        pseudo_locale: false,
    };
    Ok(SignedIn { opened, info })
}

/// Signs in with a Temporary Access Pass just spent: a complete session,
/// verified as it opens (the pass stands for both factors, S33), that ends
/// with the pass.
async fn with_pass(
    state: &AppState,
    caller: &Caller,
    presented: Option<&SessionKey>,
    request: &SignInRequest,
    mut user: UserRecord,
    pass: SpentPass,
) -> AppResult<SignedIn> {
    let opened = session::open(
        state,
        presented,
        &user,
        &caller.address,
        &caller.user_agent,
        Opening::Pass(pass),
    )
    .await?;
    if let Some(locale) = request.locale {
        state.store.set_user_locale(&user.id, locale).await?;
        user.locale = Some(locale);
    }
    let (address, agent) = (&caller.address, &caller.user_agent);
    crate::audit::record_unannounced(
        state,
        &user.id,
        Action::SignedIn,
        "temporary-access-pass",
        address,
        agent,
    )
    .await?;
    tracing::info!(account = %user.account_name, %address, "temporary access pass accepted");
    Ok(SignedIn::verified(opened, &user))
}

/// Signs in with the passkey the browser chose: a complete session,
/// freshly verified (both factors at once, S32).
pub async fn with_passkey(
    state: &AppState,
    caller: &Caller,
    presented: Option<&SessionKey>,
    ceremony_id: &CeremonyId,
    credential_json: &str,
) -> AppResult<SignedIn> {
    let ceremony_id = ceremony_id.as_str();
    let address = &caller.address;
    let (user, method_id) =
        passkey_sign_in::finish(state, address, ceremony_id, credential_json).await?;
    let agent = &caller.user_agent;
    let opened = session::open(state, presented, &user, address, agent, Opening::Verified).await?;
    if let Some(session) = session::current(state, Some(&opened.token.digest())).await? {
        let who = caller.on_behalf_of(&session);
        who.record(state, Action::SignedIn, Some(&method_id), "passkey", None)
            .await?;
    }
    Ok(SignedIn::verified(opened, &user))
}

/// Signs out the browser that `presented` this session.
pub async fn sign_out(state: &AppState, presented: Option<&SessionKey>) -> AppResult<()> {
    if let Some(digest) = presented {
        state.store.delete_session(digest).await?;
    }
    Ok(())
}

/// "Lost device? Sign out everywhere": ends every session of the person,
/// this one included (S20), and records it.
pub async fn sign_out_everywhere(state: &AppState, who: &Requester<'_>) -> AppResult<()> {
    let ended = state
        .store
        .delete_sessions_of_user(&who.session.user.id)
        .await?;
    who.record(
        state,
        Action::SignedOutEverywhere,
        None,
        &ended.to_string(),
        None,
    )
    .await
}
