//! The Security info page: the list, the default sign-in method, deleting,
//! and the step-up that guards them (S11, S13, S14).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{delete, get, put};
use axum::{Json, Router};
use axum_extra::extract::CookieJar;
use models::{
    DefaultMethod, ErrorCode, MethodKind, MethodView, PhoneDelivery, SecurityInfo,
    SetDefaultRequest,
};
use serde::{Deserialize, Serialize};

use crate::error::{AppError, AppResult};
use crate::extract::ApiJson;
use crate::policy::Policy;
use crate::session::Authenticated;
use crate::state::AppState;
use crate::store::{MethodRecord, Purpose, SessionRecord};
use crate::verification::{self, Caller, Destination};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/me/security-info", get(security_info))
        .route("/me/methods/{id}", delete(delete_method))
        .route("/me/default-method", put(set_default))
        .route("/me/step-up", get(step_up_options).post(start_step_up))
}

/// What the Add-method dialog may offer this user.
pub(crate) fn addable(
    policy: &Policy,
    methods: &[MethodRecord],
    is_admin: bool,
) -> Vec<MethodKind> {
    let has = |kind: MethodKind| methods.iter().any(|m| m.kind == kind);
    let apps = methods
        .iter()
        .filter(|m| m.kind == MethodKind::AuthenticatorApp)
        .count();
    let keys = methods
        .iter()
        .filter(|m| m.kind == MethodKind::SecurityKey)
        .count();
    MethodKind::OFFER_ORDER
        .into_iter()
        // The kinds built so far.
        .filter(|k| {
            let built = k.is_phone()
                || matches!(
                    k,
                    MethodKind::AuthenticatorApp
                        | MethodKind::SecurityQuestions
                        | MethodKind::Email
                        | MethodKind::SecurityKey
                );
            built && policy.allows(*k)
        })
        // Security questions are not for admin accounts (SPEC §5).
        .filter(|k| *k != MethodKind::SecurityQuestions || !is_admin)
        // One of each phone and one email; up to five apps and ten keys.
        .filter(|k| match k {
            MethodKind::AuthenticatorApp => apps < crate::authenticator::MAX_APPS,
            MethodKind::SecurityKey => keys < crate::security_key::MAX_KEYS,
            _ => !has(*k),
        })
        // A security key only once another method exists (SPEC §6).
        .filter(|k| *k != MethodKind::SecurityKey || methods.len() > keys)
        // An alternate phone only once a phone exists (SPEC §2).
        .filter(|k| *k != MethodKind::AlternatePhone || has(MethodKind::Phone))
        .collect()
}

pub(crate) fn view(methods: &[MethodRecord]) -> Vec<MethodView> {
    methods
        .iter()
        .map(|m| MethodView {
            id: m.id.clone(),
            kind: m.kind,
            detail: m.detail.clone(),
            delivery: m.phone.as_ref().and_then(|p| p.delivery),
            usable: true,
        })
        .collect()
}

/// The Security info page's content, after reading the user's methods.
pub(crate) async fn info(state: &AppState, session: &SessionRecord) -> AppResult<SecurityInfo> {
    let methods = state.store.methods_of_user(&session.user.id).await?;
    Ok(info_from(session, &methods))
}

/// The Security info page's content from what is already loaded.
pub(crate) fn info_from(session: &SessionRecord, methods: &[MethodRecord]) -> SecurityInfo {
    let user = &session.user;
    let default_method = match &user.default_method_id {
        Some(id) if methods.iter().any(|m| &m.id == id) => Some(DefaultMethod {
            method_id: id.clone(),
            delivery: user.default_delivery,
        }),
        _ => None,
    };
    let policy = &user.policy;
    let mut listed = view(methods);
    for m in &mut listed {
        m.usable = policy.allows(m.kind);
    }
    let addable = addable(policy, methods, user.is_admin);
    let suggested = policy
        .methods
        .iter()
        .map(|rule| rule.kind)
        .find(|kind| addable.contains(kind));
    SecurityInfo {
        default_method,
        methods: listed,
        addable,
        suggested,
        required: policy.registration_required,
        coverage: models::Coverage {
            mfa_methods: methods
                .iter()
                .filter(|m| policy.counts_for_mfa(m.kind))
                .count(),
            sspr_methods: methods
                .iter()
                .filter(|m| policy.counts_for_sspr(m.kind))
                .count(),
            sspr_required: policy.reset_methods_required,
            sspr_missing: {
                let sspr: Vec<MethodKind> = methods
                    .iter()
                    .map(|m| m.kind)
                    .filter(|k| policy.counts_for_sspr(*k))
                    .collect();
                let short = policy.reset_methods_required.saturating_sub(sspr.len());
                let only_questions =
                    !sspr.is_empty() && sspr.iter().all(|k| *k == MethodKind::SecurityQuestions);
                short.max(usize::from(only_questions))
            },
        },
    }
}

/// Loads the user's methods and policy and refuses without a recent
/// verification (S11).
pub(crate) async fn guarded(
    state: &AppState,
    session: &SessionRecord,
) -> AppResult<(Policy, Vec<MethodRecord>)> {
    let policy = session.user.policy.clone();
    let methods = state.store.methods_of_user(&session.user.id).await?;
    let has_mfa = methods.iter().any(|m| policy.counts_for_mfa(m.kind));
    verification::require_recent_verification(state.now(), session, has_mfa, &policy)?;
    Ok((policy, methods))
}

/// The Security info page.
#[utoipa::path(get, path = "/api/me/security-info", responses(
    (status = 200, body = SecurityInfo), (status = 401, body = models::ApiError), (status = 403, body = models::ApiError)))]
pub async fn security_info(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
) -> AppResult<Json<SecurityInfo>> {
    let (_, methods) = guarded(&state, &session).await?;
    Ok(Json(info_from(&session, &methods)))
}

/// The strongest remaining MFA method (SPEC §7: security key > authenticator
/// app > phone call > phone text).
fn strongest(methods: &[MethodRecord]) -> Option<(&MethodRecord, Option<PhoneDelivery>)> {
    let rank = |m: &MethodRecord| match m.kind {
        MethodKind::SecurityKey => 4,
        MethodKind::AuthenticatorApp => 3,
        k if k.is_phone() => 2,
        _ => 0,
    };
    methods
        .iter()
        .filter(|m| rank(m) > 0)
        .max_by_key(|m| (rank(m), std::cmp::Reverse(m.created_at)))
        .map(|m| (m, m.kind.is_phone().then_some(PhoneDelivery::Call)))
}

/// Deletes one of the user's methods. Someone else's is "not found" (S13);
/// the last one the policy requires stays (S14); the default moves.
#[utoipa::path(delete, path = "/api/me/methods/{id}", params(("id" = String, Path)), responses(
    (status = 200, body = SecurityInfo), (status = 403, body = models::ApiError),
    (status = 404, body = models::ApiError), (status = 409, body = models::ApiError)))]
pub async fn delete_method(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Json<SecurityInfo>> {
    let (policy, methods) = guarded(&state, &session).await?;
    if !methods.iter().any(|m| m.id == id) {
        return Err(AppError::not_found());
    }
    if methods.len() <= policy.registration_required {
        return Err(AppError::status(
            StatusCode::CONFLICT,
            ErrorCode::LastRequiredMethod,
        ));
    }
    let user_id = &session.user.id;
    // A deleted email address existed before the change: it is told.
    let deleted_address = methods
        .iter()
        .find(|m| m.id == id && m.kind == MethodKind::Email)
        .map(|m| m.detail.clone());
    if !state.store.delete_method(user_id, &id).await? {
        return Err(AppError::not_found());
    }
    if session.user.default_method_id.as_deref() == Some(id.as_str()) {
        let rest: Vec<MethodRecord> = methods.into_iter().filter(|m| m.id != id).collect();
        let next = strongest(&rest);
        state
            .store
            .set_default_method(
                user_id,
                next.map(|(m, _)| m.id.as_str()),
                next.and_then(|(_, d)| d),
            )
            .await?;
    }
    caller
        .record_telling(
            &state,
            &session,
            "method-deleted",
            Some(id.as_str()),
            "",
            deleted_address.as_deref(),
        )
        .await?;
    let session = reload(&state, &session).await?;
    Ok(Json(info(&state, &session).await?))
}

async fn reload(state: &AppState, session: &SessionRecord) -> AppResult<SessionRecord> {
    state
        .store
        .session(&session.token_digest)
        .await?
        .ok_or_else(AppError::unauthorized)
}

/// Changes the default sign-in method to one of the user's MFA methods.
#[utoipa::path(put, path = "/api/me/default-method", request_body = SetDefaultRequest, responses(
    (status = 200, body = SecurityInfo), (status = 400, body = models::ApiError), (status = 404, body = models::ApiError)))]
pub async fn set_default(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    ApiJson(request): ApiJson<SetDefaultRequest>,
) -> AppResult<Json<SecurityInfo>> {
    let (_, methods) = guarded(&state, &session).await?;
    let method = methods
        .iter()
        .find(|m| m.id == request.method_id)
        .ok_or_else(AppError::not_found)?;
    if !method.kind.mfa_capable() {
        return Err(AppError::invalid(
            ErrorCode::MethodUnavailable,
            models::Field::Kind,
        ));
    }
    let delivery = match (method.kind.is_phone(), request.delivery) {
        (true, Some(d)) if method.kind.deliveries().contains(&d) => Some(d),
        (true, _) => {
            return Err(AppError::invalid(
                ErrorCode::DeliveryUnavailable,
                models::Field::Kind,
            ));
        }
        (false, _) => None,
    };
    let user_id = &session.user.id;
    state
        .store
        .set_default_method(user_id, Some(&method.id), delivery)
        .await?;
    caller
        .record(&state, &session, "default-changed", Some(&method.id), "")
        .await?;
    let session = reload(&state, &session).await?;
    Ok(Json(info(&state, &session).await?))
}

/// One way to step up: a method, how, and the number masked.
#[derive(Clone, Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct StepUpOption {
    pub method_id: String,
    pub kind: MethodKind,
    /// For phones: text or call. None for an authenticator app.
    pub delivery: Option<PhoneDelivery>,
    /// For phones: the number, masked.
    pub masked: String,
    pub is_default: bool,
}

/// The ways this user can verify before viewing or changing security info.
#[utoipa::path(get, path = "/api/me/step-up", responses((status = 200, body = Vec<StepUpOption>)))]
pub async fn step_up_options(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
) -> AppResult<Json<Vec<StepUpOption>>> {
    let policy = &session.user.policy;
    // Only methods the policy still counts for sign-in can verify.
    let methods: Vec<_> = state
        .store
        .methods_of_user(&session.user.id)
        .await?
        .into_iter()
        .filter(|m| policy.counts_for_mfa(m.kind))
        .collect();
    let default_delivery = session.user.default_delivery;
    let mut options = Vec::new();
    for m in methods
        .iter()
        .filter(|m| m.kind == MethodKind::AuthenticatorApp)
    {
        options.push(StepUpOption {
            method_id: m.id.clone(),
            kind: m.kind,
            delivery: None,
            masked: String::new(),
            is_default: session.user.default_method_id.as_deref() == Some(m.id.as_str()),
        });
    }
    // One option for all keys: the browser asks for whichever is at hand.
    if let Some(key) = methods.iter().find(|m| m.kind == MethodKind::SecurityKey) {
        let default = session.user.default_method_id.as_deref();
        options.push(StepUpOption {
            method_id: key.id.clone(),
            kind: key.kind,
            delivery: None,
            masked: String::new(),
            is_default: methods
                .iter()
                .any(|m| m.kind == MethodKind::SecurityKey && default == Some(m.id.as_str())),
        });
    }
    for m in methods.iter().filter(|m| m.kind.is_phone()) {
        let Some(phone) = &m.phone else { continue };
        for delivery in m.kind.deliveries() {
            let is_default = session.user.default_method_id.as_deref() == Some(m.id.as_str())
                && default_delivery == Some(*delivery);
            options.push(StepUpOption {
                method_id: m.id.clone(),
                kind: m.kind,
                delivery: Some(*delivery),
                masked: verification::mask(&phone.e164),
                is_default,
            });
        }
    }
    options.sort_by_key(|o| !o.is_default);
    Ok(Json(options))
}

#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
pub struct StartStepUp {
    pub method_id: String,
    pub delivery: PhoneDelivery,
}

/// Texts or calls one of the user's phones to verify this session.
#[utoipa::path(post, path = "/api/me/step-up", request_body = StartStepUp, responses(
    (status = 201, body = models::Challenge), (status = 404, body = models::ApiError), (status = 429, body = models::ApiError)))]
pub async fn start_step_up(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    ApiJson(request): ApiJson<StartStepUp>,
) -> AppResult<(StatusCode, Json<models::Challenge>)> {
    let policy = &session.user.policy;
    let methods = state.store.methods_of_user(&session.user.id).await?;
    let method = methods
        .iter()
        .find(|m| m.id == request.method_id)
        .ok_or_else(AppError::not_found)?;
    let phone = method.phone.as_ref().ok_or_else(AppError::not_found)?;
    if !method.kind.deliveries().contains(&request.delivery) {
        return Err(AppError::invalid(
            ErrorCode::DeliveryUnavailable,
            models::Field::Kind,
        ));
    }
    let who = caller.on_behalf_of(&session);
    let to = Destination {
        address: &phone.e164,
        extension: phone
            .extension
            .as_deref()
            .filter(|_| method.kind == MethodKind::OfficePhone),
    };
    let mut challenge = verification::send(
        &state,
        &who,
        &policy,
        Purpose::StepUp,
        request.delivery.into(),
        to,
        "{}",
    )
    .await?;
    challenge.destination = verification::mask(&phone.e164);
    Ok((StatusCode::CREATED, Json(challenge)))
}

/// The security info as it is after a change: the session read again
/// (the default may have moved), under its rotated token if `jar` has one.
pub(crate) async fn info_after(
    state: &AppState,
    session: &SessionRecord,
    jar: &CookieJar,
) -> AppResult<SecurityInfo> {
    let names = crate::session::CookieNames::for_config(&state.config);
    let digest = jar
        .get(names.session)
        .map(|c| crate::secret::token_digest(c.value()))
        .unwrap_or_else(|| session.token_digest.clone());
    let fresh = state
        .store
        .session(&digest)
        .await?
        .ok_or_else(AppError::unauthorized)?;
    info(state, &fresh).await
}

/// A step-up succeeded: a new session token (S18), and the info under it.
pub(crate) async fn stepped_up(
    state: &AppState,
    session: &SessionRecord,
    jar: CookieJar,
) -> AppResult<(CookieJar, Json<SecurityInfo>)> {
    let jar = rotate_session(state, session, jar).await?;
    let info = info_after(state, session, &jar).await?;
    Ok((jar, Json(info)))
}

/// What follows storing an MFA method its owner just used: it becomes the
/// default if there is none (SPEC §7), the session counts as freshly
/// verified, and the change is audited and announced (S12).
pub(crate) async fn after_mfa_method_added(
    state: &AppState,
    session: &SessionRecord,
    caller: &Caller,
    method_id: &str,
    kind: MethodKind,
) -> AppResult<()> {
    let user_id = &session.user.id;
    if session.user.default_method_id.is_none() {
        state
            .store
            .set_default_method(user_id, Some(method_id), None)
            .await?;
    }
    state
        .store
        .mark_session_verified(&session.token_digest, state.now())
        .await?;
    caller
        .record(
            state,
            session,
            "method-added",
            Some(method_id),
            kind.as_str(),
        )
        .await
}

/// After a step-up: a new session token (S18) with a fresh verification.
pub(crate) async fn rotate_session(
    state: &AppState,
    session: &SessionRecord,
    jar: CookieJar,
) -> AppResult<CookieJar> {
    let token = crate::session::new_session_token()?;
    let now = state.now();
    if !state
        .store
        .rotate_verified_session(
            &session.token_digest,
            &crate::secret::token_digest(&token),
            now,
        )
        .await?
    {
        return Err(AppError::unauthorized());
    }
    let names = crate::session::CookieNames::for_config(&state.config);
    Ok(jar.add(crate::session::cookie(&state.config, names.session, token)))
}
