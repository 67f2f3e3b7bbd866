//! secinfo as an OpenID Connect provider: an application of the
//! organization sends its people here to sign in, and gets back who they
//! are and how they proved it (the authorization code flow, with PKCE).
//!
//! The browser's part goes through the sign-in page: `/oauth2/authorize`
//! is one of its addresses, which hands its query to `authorize` with a
//! same-origin request, where the session cookie (`SameSite=Strict`) is
//! sent even when the application's site sent the person here. Either the
//! person goes back to the application with a code, or signs in there
//! first (the page names the application) and the request is made again;
//! an application that asks for a stronger sign-in (`acr_values`) has the
//! person prove themselves again there (`StrongerProof`). An application
//! that wants its answer posted (`response_mode=form_post`) has the page
//! submit the request to `/oauth2/authorize` as a form of our own origin
//! (`Via::Form`), answered by the form that goes to the application
//! (`Answer::FormPost`): the code never appears in the API's JSON or in an
//! address. The application then redeems the code (`exchange`) for an ID token signed by `oidc_keys.rs`
//! and an access token for `userinfo`.
//!
//! S37: codes are single use (one conditional statement; a second use
//! revokes what the first issued), a minute long, bound to their client,
//! redirect address and PKCE challenge; redirect addresses are matched
//! exactly; `state` and `nonce` come back unchanged; codes and tokens are
//! kept as digests and never logged.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use models::oidc::{
    APPLICATION_MAX_URIS, APPLICATION_NAME_MAX_CHARS, AUTHORIZE_PATH, ApplicationView,
    Authorization, NewApplication, RegisteredApplication, SCOPES, SignInStrength, SignedOut,
    StrongerProof,
};
use models::{ClientId, MethodKind};
use models::{ErrorCode, Field};
use serde::Deserialize;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::audit::{Action, Caller, Requester};
use crate::error::{AppError, AppResult, Refusal};
use crate::secret::{constant_time_eq, random_token, token_digest};
use crate::security_info::Registrant;
use crate::state::AppState;
use crate::store::{
    ClientRecord, NewClient, NewCode, NewRefreshToken, NewToken, SessionKey, SessionRecord,
};

/// How long a code may wait to be redeemed (S37).
pub const CODE_SECS: i64 = 60;
/// How long an access token lets an application read the person's claims.
pub const ACCESS_TOKEN_SECS: i64 = 3600;

/// How long a refresh token may wait to be used; each use gives the next.
pub const REFRESH_TOKEN_SECS: i64 = 30 * 24 * 3600;

/// The sign-in an application's `acr_values` asks for: any of them will
/// do, so the weakest we know; values we do not know are ignored
/// (OpenID Connect Core 3.1.2.1: they are voluntary).
fn wanted_strength(acr_values: Option<&str>) -> Option<SignInStrength> {
    acr_values?
        .split_whitespace()
        .filter_map(SignInStrength::of_acr)
        .min()
}

/// How strongly a session's proofs (`amr`) signed its person in: two
/// steps with a key bound to our site (a passkey or security key); two
/// steps; one.
pub fn strength_of(amr: &str) -> SignInStrength {
    let has = |name: &str| amr.split_whitespace().any(|n| n == name);
    if has("hwk") {
        SignInStrength::PhishingResistant
    } else if has("mfa") {
        SignInStrength::MultiFactor
    } else {
        SignInStrength::SingleFactor
    }
}

/// The provider's description (OpenID Connect Discovery 1.0).
pub fn discovery(state: &AppState) -> Value {
    let issuer = issuer(state);
    json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{issuer}{AUTHORIZE_PATH}"),
        "token_endpoint": format!("{issuer}{}", models::oidc::TOKEN_PATH),
        "userinfo_endpoint": format!("{issuer}{}", models::oidc::USERINFO_PATH),
        "jwks_uri": format!("{issuer}{}", models::oidc::JWKS_PATH),
        "scopes_supported": SCOPES,
        "response_types_supported": ["code"],
        "response_modes_supported": ["query", "form_post"],
        "grant_types_supported": ["authorization_code", "refresh_token"],
        "end_session_endpoint": format!("{issuer}{}", models::oidc::LOGOUT_PATH),
        "revocation_endpoint": format!("{issuer}{}", models::oidc::REVOKE_PATH),
        "revocation_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "introspection_endpoint": format!("{issuer}{}", models::oidc::INTROSPECT_PATH),
        "introspection_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": models::oidc::TokenSigning::ALL.map(models::oidc::TokenSigning::alg),
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post", "none"],
        "code_challenge_methods_supported": ["S256"],
        "backchannel_logout_supported": true,
        "backchannel_logout_session_supported": true,
        "claims_supported": ["sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "amr", "acr", "sid",
            "name", "preferred_username", "locale", "email", "email_verified"],
        "acr_values_supported": SignInStrength::ALL.map(SignInStrength::acr),
        "ui_locales_supported": models::Locale::ALL.iter().map(|l| l.tag()).collect::<Vec<_>>(),
        "claims_parameter_supported": false,
        "request_parameter_supported": false,
        "request_uri_parameter_supported": false,
        "authorization_response_iss_parameter_supported": true,
    })
}

pub(crate) fn issuer(state: &AppState) -> &str {
    state.config.public_origin.trim_end_matches('/')
}

/// Registers an application of the administrator's organization; its
/// secret (none for a public client) is shown this once.
pub async fn register(
    state: &AppState,
    who: &Requester<'_>,
    application: NewApplication,
) -> AppResult<RegisteredApplication> {
    let session = who.session;
    crate::administration::admin_only(state, session).await?;
    let name = application.name.trim();
    if name.is_empty() {
        return Err(AppError::invalid(
            ErrorCode::ApplicationNameRequired,
            Field::ApplicationName,
        ));
    }
    if name.chars().count() > APPLICATION_NAME_MAX_CHARS {
        return Err(AppError::invalid(
            ErrorCode::ApplicationNameTooLong,
            Field::ApplicationName,
        ));
    }
    // Each list refused at the field it came in, with the first address
    // that cannot be registered (or the first, when there are too many).
    let refused_at = |field: Field, index: usize| {
        let mut error = models::ApiError::at(ErrorCode::InvalidRedirectUri, field);
        error.index = Some(index);
        AppError::refused(Refusal::Invalid, error)
    };
    let first_bad = |uris: &[String]| {
        uris.iter()
            .position(|uri| !models::oidc::is_registrable_uri(uri))
    };
    let redirect_uris = &application.redirect_uris;
    if redirect_uris.is_empty() || redirect_uris.len() > APPLICATION_MAX_URIS {
        return Err(refused_at(Field::RedirectUris, 0));
    }
    if let Some(index) = first_bad(redirect_uris) {
        return Err(refused_at(Field::RedirectUris, index));
    }
    let logout_uris = &application.logout_uris;
    if logout_uris.len() > APPLICATION_MAX_URIS {
        return Err(refused_at(Field::LogoutUris, 0));
    }
    if let Some(index) = first_bad(logout_uris) {
        return Err(refused_at(Field::LogoutUris, index));
    }
    let backchannel_logout_uri = application
        .backchannel_logout_uri
        .as_deref()
        .map(str::trim)
        .filter(|uri| !uri.is_empty());
    if backchannel_logout_uri.is_some_and(|uri| !models::oidc::is_registrable_uri(uri)) {
        return Err(refused_at(Field::BackchannelLogoutUri, 0));
    }
    // The scopes it may be given: of ours, `openid` always among them.
    let mut scopes: Vec<String> = match &application.scopes {
        None => SCOPES.map(str::to_owned).to_vec(),
        Some(asked) => SCOPES
            .into_iter()
            .filter(|s| asked.iter().any(|a| a == s))
            .map(str::to_owned)
            .collect(),
    };
    if !scopes.iter().any(|s| s == "openid") {
        scopes.insert(0, "openid".to_owned());
    }
    let client_id = crate::secret::new_id().map_err(|e| AppError::internal("OS RNG failed", e))?;
    let secret = match application.public {
        true => None,
        false => Some(random_token(32).map_err(|e| AppError::internal("OS RNG failed", e))?),
    };
    let secret_digest = secret.as_deref().map(token_digest);
    // Its key in the key set before the application first reads it, made
    // first, so that an application is not registered without one.
    crate::oidc_keys::ensure_current_of(state, application.id_token_signed_response_alg).await?;
    state
        .store
        .insert_client(
            NewClient {
                id: &client_id,
                organization_id: &session.user.organization_id,
                name,
                secret_digest: secret_digest.as_deref(),
                redirect_uris,
                logout_uris,
                backchannel_logout_uri,
                scopes: &scopes,
                requires: application.requires,
                signing: application.id_token_signed_response_alg,
            },
            state.now(),
        )
        .await?;
    who.record(state, Action::ApplicationRegistered, None, name, None)
        .await?;
    Ok(RegisteredApplication {
        client_id,
        client_secret: secret,
    })
}

/// The applications the person signed in to through secinfo, with the
/// last time, the most recent first: what their Overview lists.
pub async fn signed_in_to(
    state: &AppState,
    session: &SessionRecord,
) -> AppResult<Vec<models::oidc::ApplicationSignIn>> {
    let seen = state
        .store
        .applications_signed_in_to(&session.user.id)
        .await?;
    Ok(seen
        .into_iter()
        .map(|(name, at)| models::oidc::ApplicationSignIn { name, at })
        .collect())
}

/// The administrator's organization's applications, the newest first.
pub async fn applications(
    state: &AppState,
    session: &SessionRecord,
) -> AppResult<Vec<ApplicationView>> {
    crate::administration::admin_only(state, session).await?;
    let clients = state
        .store
        .clients_of(&session.user.organization_id)
        .await?;
    Ok(clients.into_iter().map(view_of).collect())
}

/// An application as its administrators see it (never its secret).
fn view_of(client: ClientRecord) -> ApplicationView {
    ApplicationView {
        public: client.secret_digest.is_none(),
        client_id: client.id,
        name: client.name,
        redirect_uris: client.redirect_uris,
        logout_uris: client.logout_uris,
        backchannel_logout_uri: client.backchannel_logout_uri,
        scopes: client.scopes,
        requires: client.requires,
        id_token_signed_response_alg: client.signing,
        disabled: client.disabled,
        created_at: client.created_at,
    }
}

/// The organization's application `client_id`, or not found (another
/// organization's is not told apart from none).
async fn own_application(
    state: &AppState,
    session: &SessionRecord,
    client_id: &ClientId,
) -> AppResult<ClientRecord> {
    crate::administration::admin_only(state, session).await?;
    state
        .store
        .client(client_id.as_str())
        .await?
        .filter(|client| client.organization_id == session.user.organization_id)
        .ok_or_else(AppError::not_found)
}

/// A new secret for a confidential application, shown this once: the old
/// one stops working at once (what it was given stays).
pub async fn replace_secret(
    state: &AppState,
    who: &Requester<'_>,
    client_id: &ClientId,
) -> AppResult<RegisteredApplication> {
    let client = own_application(state, who.session, client_id).await?;
    let secret = random_token(32).map_err(|e| AppError::internal("OS RNG failed", e))?;
    let organization = &who.session.user.organization_id;
    if !state
        .store
        .replace_client_secret(&client.id, organization, &token_digest(&secret))
        .await?
    {
        return Err(AppError::because(
            Refusal::Conflict,
            ErrorCode::ApplicationIsPublic,
        ));
    }
    who.record(
        state,
        Action::ApplicationSecretReplaced,
        None,
        &client.name,
        None,
    )
    .await?;
    Ok(RegisteredApplication {
        client_id: client.id,
        client_secret: Some(secret),
    })
}

/// Disables an application — its people cannot sign in through it, and
/// every grant it holds ends with its tokens — or enables it again.
pub async fn set_disabled(
    state: &AppState,
    who: &Requester<'_>,
    client_id: &ClientId,
    disabled: bool,
) -> AppResult<ApplicationView> {
    let client = own_application(state, who.session, client_id).await?;
    let organization = &who.session.user.organization_id;
    let disabled_at = disabled.then(|| state.now());
    if !state
        .store
        .set_client_disabled(&client.id, organization, disabled_at)
        .await?
    {
        return Err(AppError::not_found());
    }
    let action = match disabled {
        true => Action::ApplicationDisabled,
        false => Action::ApplicationEnabled,
    };
    who.record(state, action, None, &client.name, None).await?;
    Ok(view_of(ClientRecord { disabled, ..client }))
}

/// An authorization request's parameters. A parameter given twice is
/// refused (OpenID Connect Core 3.1.2.1); one we do not know is ignored.
#[derive(Debug, Default, Deserialize)]
struct AuthorizeParams {
    client_id: Option<String>,
    redirect_uri: Option<String>,
    response_type: Option<String>,
    response_mode: Option<String>,
    scope: Option<String>,
    state: Option<String>,
    nonce: Option<String>,
    code_challenge: Option<String>,
    code_challenge_method: Option<String>,
    prompt: Option<String>,
    max_age: Option<String>,
    login_hint: Option<String>,
    id_token_hint: Option<String>,
    acr_values: Option<String>,
    request: Option<String>,
    request_uri: Option<String>,
}

/// How an authorization request reached `authorize`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via {
    /// The sign-in page's question (`POST /api/oidc/authorization`),
    /// answered in JSON.
    Page,
    /// A form of our own origin posted to `/oauth2/authorize`, answered by
    /// a page: how an answer the application wants posted leaves.
    Form,
}

/// What `authorize` answers.
#[derive(Debug, PartialEq, Eq)]
pub enum Answer {
    /// What the sign-in page does next.
    Page(Authorization),
    /// Back to the application as a form the browser posts to `to`
    /// (`response_mode=form_post`), only ever `Via::Form`.
    FormPost {
        to: String,
        fields: Vec<(String, String)>,
        application: String,
    },
}

/// Decides an authorization request (`query`, as the browser's address
/// has it) for the session that came with it: back to the application
/// with a code or an error, or to our sign-in page first, or a stronger
/// proof there.
///
/// Before the application and its redirect address are known to be
/// registered nothing is sent anywhere: the page shows the error.
pub async fn authorize(
    state: &AppState,
    caller: &Caller,
    presented: Option<&SessionKey>,
    query: &str,
    via: Via,
) -> AppResult<Answer> {
    let (params, client) = requesting(state, query).await?;
    let redirect_uri = params.redirect_uri.as_deref().unwrap_or_default();
    let posted = match params.response_mode.as_deref() {
        None | Some("query") => false,
        Some("form_post") => true,
        Some(_) => {
            let back = Back {
                redirect_uri,
                state: params.state.as_deref(),
                issuer: issuer(state),
                posted: false,
                via,
                application: &client.name,
            };
            return Ok(back.error("invalid_request"));
        }
    };
    let back = Back {
        redirect_uri,
        state: params.state.as_deref(),
        issuer: issuer(state),
        posted,
        via,
        application: &client.name,
    };
    if params.request.is_some() {
        return Ok(back.error("request_not_supported"));
    }
    if params.request_uri.is_some() {
        return Ok(back.error("request_uri_not_supported"));
    }
    match params.response_type.as_deref() {
        Some("code") => {}
        Some(_) => return Ok(back.error("unsupported_response_type")),
        None => return Ok(back.error("invalid_request")),
    }
    let Some(scope) = granted_scope(params.scope.as_deref(), &client.scopes) else {
        return Ok(back.error("invalid_scope"));
    };
    // PKCE (RFC 7636): S256 only; a public client must use it.
    let code_challenge = match (
        &params.code_challenge,
        params.code_challenge_method.as_deref(),
    ) {
        (Some(challenge), Some("S256")) if is_pkce_value(challenge) => Some(challenge.as_str()),
        (Some(_), _) => return Ok(back.error("invalid_request")),
        (None, _) if client.secret_digest.is_none() => return Ok(back.error("invalid_request")),
        (None, _) => None,
    };
    let prompts: Vec<&str> = params
        .prompt
        .as_deref()
        .map(|p| p.split_whitespace().collect())
        .unwrap_or_default();
    let prompt_none = prompts.contains(&"none");
    if prompt_none && prompts.len() > 1 {
        return Ok(back.error("invalid_request"));
    }
    let max_age = match params.max_age.as_deref().map(str::parse::<i64>) {
        None => None,
        Some(Ok(seconds)) if seconds >= 0 => Some(seconds),
        Some(_) => return Ok(back.error("invalid_request")),
    };

    // An ID token we signed names whom the application expects; another
    // person's session does not answer for them. One not ours is refused.
    let hinted = match &params.id_token_hint {
        None => None,
        Some(jwt) => match crate::oidc_keys::verified_claims(state, jwt)
            .await?
            .filter(|claims| claims["iss"] == issuer(state))
            .and_then(|claims| claims["sub"].as_str().map(str::to_owned))
        {
            Some(sub) => Some(sub),
            None => return Ok(back.error("invalid_request")),
        },
    };

    let session = signed_in(state, presented).await?;
    let now = state.now();
    let fresh_enough = |session: &SessionRecord| {
        !prompts.contains(&"login")
            && max_age.is_none_or(|age| now - session.created_at <= age)
            && hinted
                .as_deref()
                .is_none_or(|sub| sub == session.user.id.as_str())
    };
    // Asked to sign in anew (`prompt=login`, or a sign-in older than
    // `max_age`): this session ends, and the request comes back without
    // the question once the person has signed in again.
    if let Some(stale) = session.as_ref().filter(|s| !fresh_enough(s))
        && !prompt_none
    {
        crate::sign_in::sign_out(state, Some(&stale.token_digest)).await?;
    }
    let session = match session {
        Some(session) if session.user.organization_id != client.organization_id => {
            if prompt_none {
                return Ok(back.error("login_required"));
            }
            return Err(AppError::forbidden(
                ErrorCode::ApplicationOfAnotherOrganization,
            ));
        }
        Some(session) if fresh_enough(&session) => session,
        _ if prompt_none => return Ok(back.error("login_required")),
        _ => {
            return Ok(Answer::Page(Authorization::SignIn {
                application: client.name.clone(),
                login_hint: params.login_hint.filter(|hint| hint.len() <= 256),
                next: again_without_prompting(query),
            }));
        }
    };
    // Asked for a stronger sign-in than this one: prove it here first.
    // What the application requires, or more if its request asks for more.
    let wanted = [
        client.requires,
        wanted_strength(params.acr_values.as_deref()),
    ]
    .into_iter()
    .flatten()
    .max();
    if let Some(wanted) = wanted
        && strength_of(&session.amr) < wanted
    {
        if prompt_none {
            return Ok(back.error("interaction_required"));
        }
        return Ok(match stronger_proof(state, &session, wanted).await? {
            Some(proof) => Answer::Page(Authorization::StepUp {
                application: client.name.clone(),
                proof,
            }),
            None => back.error("unmet_authentication_requirements"),
        });
    }
    // The answer is posted by a form of its own, which the page submits:
    // no code goes into the page's JSON.
    if posted && via == Via::Page {
        return Ok(Answer::Page(Authorization::Post));
    }

    let code = random_token(32).map_err(|e| AppError::internal("OS RNG failed", e))?;
    state
        .store
        .insert_code(
            NewCode {
                digest: &token_digest(&code),
                client_id: &client.id,
                user_id: &session.user.id,
                redirect_uri,
                code_challenge,
                nonce: params.nonce.as_deref(),
                scope: &scope,
                auth_time: session.created_at,
                amr: &session.amr,
                expires_at: now + CODE_SECS,
                sid: session.sid.as_deref(),
            },
            now,
        )
        .await?;
    caller
        .on_behalf_of(&session)
        .record(
            state,
            Action::SignedInToApplication,
            None,
            &client.name,
            None,
        )
        .await?;
    Ok(back.with(&[("code", &code)]))
}

/// How the person signed in as `session` can prove themselves as strongly
/// as `wanted`: verify with another of their
/// methods, with a security key or passkey, or add one first where the
/// policy allows them. None: they cannot here.
async fn stronger_proof(
    state: &AppState,
    session: &SessionRecord,
    wanted: SignInStrength,
) -> AppResult<Option<StrongerProof>> {
    let methods = state.store.methods_of_user(&session.user.id).await?;
    let kinds: Vec<MethodKind> = methods.iter().map(|m| m.kind).collect();
    let phishing_resistant = wanted == SignInStrength::PhishingResistant;
    Ok(if !phishing_resistant {
        session
            .user
            .policy
            .verifies_sign_in(&kinds)
            .then_some(StrongerProof::AnotherMethod)
    } else if kinds.contains(&MethodKind::SecurityKey) {
        Some(StrongerProof::SecurityKey)
    } else {
        // The Security info page's own rule: allowed, and beside another
        // method.
        crate::security_info::addable(Registrant::of(session), &methods)
            .contains(&MethodKind::SecurityKey)
            .then_some(StrongerProof::NewSecurityKey)
    })
}

/// A request's parameters and its application, registered, enabled and
/// with this redirect address, or the error the page shows.
async fn requesting(state: &AppState, query: &str) -> AppResult<(AuthorizeParams, ClientRecord)> {
    let unknown = || AppError::because(Refusal::Invalid, ErrorCode::UnknownApplication);
    let params: AuthorizeParams = serde_urlencoded::from_str(query).map_err(|_| unknown())?;
    let client = match &params.client_id {
        Some(id) => state.store.client(id).await?,
        None => None,
    };
    let client = client.filter(|c| !c.disabled).ok_or_else(unknown)?;
    let registered = params
        .redirect_uri
        .as_deref()
        .is_some_and(|uri| client.redirect_uris.iter().any(|r| r == uri));
    if !registered {
        return Err(AppError::because(
            Refusal::Invalid,
            ErrorCode::RedirectNotRegistered,
        ));
    }
    Ok((params, client))
}

#[derive(Debug, Default, Deserialize)]
struct LogoutParams {
    id_token_hint: Option<String>,
    post_logout_redirect_uri: Option<String>,
    state: Option<String>,
    client_id: Option<String>,
}

/// An application's sign-out request (OpenID Connect RP-Initiated Logout):
/// the session ends when the request shows an ID token we signed for this
/// person (so that no page can sign anybody out by sending them here);
/// then back to the application's registered sign-out address, with
/// `state`, or to our sign-in page.
pub async fn end_session(
    state: &AppState,
    presented: Option<&SessionKey>,
    query: &str,
) -> AppResult<SignedOut> {
    let refused = |code| AppError::because(Refusal::Invalid, code);
    let params: LogoutParams =
        serde_urlencoded::from_str(query).map_err(|_| refused(ErrorCode::UnknownApplication))?;
    let hint = match &params.id_token_hint {
        Some(jwt) => crate::oidc_keys::verified_claims(state, jwt)
            .await?
            .filter(|claims| claims["iss"] == issuer(state)),
        None => None,
    };
    let client_id = params.client_id.clone().or_else(|| {
        hint.as_ref()
            .and_then(|c| c["aud"].as_str().map(str::to_owned))
    });
    let to = match &params.post_logout_redirect_uri {
        None => None,
        Some(uri) => {
            let client = match &client_id {
                Some(id) => state.store.client(id).await?,
                None => None,
            };
            let client = client
                .filter(|c| !c.disabled)
                .ok_or_else(|| refused(ErrorCode::UnknownApplication))?;
            if !client
                .logout_uris
                .iter()
                .any(|registered| registered == uri)
            {
                return Err(refused(ErrorCode::RedirectNotRegistered));
            }
            let mut back = form_urlencoded::Serializer::new(String::new());
            if let Some(state) = &params.state {
                back.append_pair("state", state);
            }
            let back = back.finish();
            Some(match back.is_empty() {
                true => uri.clone(),
                false => {
                    let joint = if uri.contains('?') { '&' } else { '?' };
                    format!("{uri}{joint}{back}")
                }
            })
        }
    };
    let session = crate::session::current(state, presented).await?;
    let named = |session: &SessionRecord| {
        hint.as_ref()
            .is_some_and(|claims| claims["sub"] == session.user.id.as_str())
    };
    if let Some(session) = session.filter(named) {
        crate::sign_in::sign_out(state, Some(&session.token_digest)).await?;
    }
    Ok(SignedOut { to })
}

/// A complete session of an enabled person who may use it (not a sign-in
/// waiting for its second step, a reset, or a temporary password).
async fn signed_in(
    state: &AppState,
    presented: Option<&SessionKey>,
) -> AppResult<Option<SessionRecord>> {
    let session = crate::session::current(state, presented).await?;
    Ok(session.filter(|s| {
        !s.is_pending() && !s.is_reset() && s.user.password != models::PasswordState::Temporary
    }))
}

/// The request to come back to after signing in: the same, without what
/// asked for the sign-in (`prompt=login`, `max_age`), which the new
/// sign-in has answered.
fn again_without_prompting(query: &str) -> String {
    let kept: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .filter(|(name, _)| name != "prompt" && name != "max_age")
        .map(|(name, value)| (name.into_owned(), value.into_owned()))
        .collect();
    let query = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(kept)
        .finish();
    format!("{AUTHORIZE_PATH}?{query}")
}

/// The scopes granted of those asked: `openid` must be among them.
/// Those the application may not be given are dropped, as unknown ones.
fn granted_scope(asked: Option<&str>, allowed: &[String]) -> Option<String> {
    let asked: Vec<&str> = asked?.split_whitespace().collect();
    if !asked.contains(&"openid") {
        return None;
    }
    let granted: Vec<&str> = SCOPES
        .into_iter()
        .filter(|s| asked.contains(s) && (*s == "openid" || allowed.iter().any(|a| a == s)))
        .collect();
    Some(granted.join(" "))
}

/// A PKCE challenge or verifier: 43 to 128 unreserved characters.
fn is_pkce_value(value: &str) -> bool {
    (43..=128).contains(&value.len())
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b))
}

/// The application's redirect address, which every answer after it was
/// found registered goes to, with `state` and `iss` (RFC 9207).
/// In the address's query, or (`posted`, `response_mode=form_post`) as a
/// form the browser posts, which leaves through `Via::Form` only.
struct Back<'a> {
    redirect_uri: &'a str,
    state: Option<&'a str>,
    issuer: &'a str,
    posted: bool,
    via: Via,
    /// Its name, for the page that posts the answer.
    application: &'a str,
}

impl Back<'_> {
    fn with(&self, pairs: &[(&str, &str)]) -> Answer {
        let mut fields: Vec<(String, String)> = pairs
            .iter()
            .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
            .collect();
        if let Some(state) = self.state {
            fields.push(("state".to_owned(), state.to_owned()));
        }
        fields.push(("iss".to_owned(), self.issuer.to_owned()));
        match (self.posted, self.via) {
            (true, Via::Form) => Answer::FormPost {
                to: self.redirect_uri.to_owned(),
                fields,
                application: self.application.to_owned(),
            },
            (true, Via::Page) => Answer::Page(Authorization::Post),
            (false, _) => {
                let query = form_urlencoded::Serializer::new(String::new())
                    .extend_pairs(fields)
                    .finish();
                let joint = if self.redirect_uri.contains('?') {
                    '&'
                } else {
                    '?'
                };
                Answer::Page(Authorization::Return {
                    to: format!("{}{joint}{query}", self.redirect_uri),
                })
            }
        }
    }

    fn error(&self, error: &str) -> Answer {
        self.with(&[("error", error)])
    }
}

/// An OAuth error of the token or userinfo endpoint (RFC 6749, 5.2; RFC
/// 6750, 3.1): a code the application reads, never prose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OAuthError {
    InvalidRequest,
    /// The client is unknown or did not prove itself: 401.
    InvalidClient,
    InvalidGrant,
    InvalidScope,
    UnsupportedGrantType,
    /// The bearer token is unknown, expired or revoked: 401.
    InvalidToken,
}

impl OAuthError {
    pub fn as_str(self) -> &'static str {
        match self {
            OAuthError::InvalidRequest => "invalid_request",
            OAuthError::InvalidClient => "invalid_client",
            OAuthError::InvalidGrant => "invalid_grant",
            OAuthError::InvalidScope => "invalid_scope",
            OAuthError::UnsupportedGrantType => "unsupported_grant_type",
            OAuthError::InvalidToken => "invalid_token",
        }
    }
}

/// A failure of the token or userinfo endpoint: an OAuth error, or one of
/// ours (the database), which the edge answers as any other.
#[derive(Debug)]
pub enum Refused {
    OAuth(OAuthError),
    App(AppError),
}

impl From<AppError> for Refused {
    fn from(error: AppError) -> Refused {
        Refused::App(error)
    }
}

impl From<crate::store::StoreError> for Refused {
    fn from(error: crate::store::StoreError) -> Refused {
        Refused::App(error.into())
    }
}

impl From<OAuthError> for Refused {
    fn from(error: OAuthError) -> Refused {
        Refused::OAuth(error)
    }
}

/// A token request's form (RFC 6749, 4.1.3).
#[derive(Debug, Default, Deserialize)]
pub struct TokenForm {
    pub grant_type: Option<String>,
    pub code: Option<String>,
    pub redirect_uri: Option<String>,
    pub code_verifier: Option<String>,
    pub client_id: Option<String>,
    pub client_secret: Option<String>,
    pub refresh_token: Option<String>,
    pub scope: Option<String>,
}

/// How the client proved itself: HTTP Basic (`client_secret_basic`), or
/// its id (and secret) in the form.
pub struct ClientAuthentication {
    /// From the `Authorization: Basic` header, each part URL-decoded.
    pub basic: Option<(String, String)>,
}

/// The token endpoint: a code redeemed (S37), or a refresh token used
/// (S42), for an ID token, an access token and — with `offline_access` —
/// the next refresh token.
pub async fn exchange(
    state: &AppState,
    authentication: ClientAuthentication,
    form: TokenForm,
) -> Result<Value, Refused> {
    let client = authenticated_client(state, authentication, &form).await?;
    match form.grant_type.as_deref() {
        Some("authorization_code") => redeem_code(state, &client, &form).await,
        Some("refresh_token") => refresh(state, &client, &form).await,
        Some(_) => Err(OAuthError::UnsupportedGrantType.into()),
        None => Err(OAuthError::InvalidRequest.into()),
    }
}

async fn redeem_code(
    state: &AppState,
    client: &ClientRecord,
    form: &TokenForm,
) -> Result<Value, Refused> {
    let code = form.code.as_deref().ok_or(OAuthError::InvalidRequest)?;
    let code_digest = token_digest(code);
    let now = state.now();
    let Some(granted) = state
        .store
        .spend_code(&code_digest, &client.id, now)
        .await?
    else {
        // Used before (a replay, perhaps by whoever read it): what the
        // first use issued is revoked.
        let revoked = state.store.void_replayed_code(&code_digest, now).await?;
        if revoked > 0 {
            tracing::warn!(client = %client.id, revoked, "an authorization code was used again");
        }
        return Err(OAuthError::InvalidGrant.into());
    };
    if form.redirect_uri.as_deref() != Some(granted.redirect_uri.as_str()) {
        return Err(OAuthError::InvalidGrant.into());
    }
    let verified = match (&granted.code_challenge, &form.code_verifier) {
        (Some(challenge), Some(verifier)) => {
            is_pkce_value(verifier)
                && constant_time_eq(
                    URL_SAFE_NO_PAD
                        .encode(Sha256::digest(verifier.as_bytes()))
                        .as_bytes(),
                    challenge.as_bytes(),
                )
        }
        (None, None) => true,
        _ => false,
    };
    if !verified {
        return Err(OAuthError::InvalidGrant.into());
    }
    let grant_id = crate::secret::new_id().map_err(|e| AppError::internal("OS RNG failed", e))?;
    state
        .store
        .insert_grant(&grant_id, &granted.user_id, &client.id, now)
        .await?;
    issue(
        state,
        client,
        Issued {
            grant_id: &grant_id,
            user_id: &granted.user_id,
            code_digest: &code_digest,
            scope: &granted.scope,
            auth_time: granted.auth_time,
            amr: &granted.amr,
            nonce: granted.nonce.as_deref(),
            sid: granted.sid.as_deref(),
        },
    )
    .await
}

/// A refresh token used: spent by one statement, so of parallel uses one
/// gets the next; shown again once spent, its whole grant ends (S42).
async fn refresh(
    state: &AppState,
    client: &ClientRecord,
    form: &TokenForm,
) -> Result<Value, Refused> {
    let token = form
        .refresh_token
        .as_deref()
        .ok_or(OAuthError::InvalidRequest)?;
    let digest = token_digest(token);
    let now = state.now();
    let Some(granted) = state
        .store
        .spend_refresh_token(&digest, &client.id, now)
        .await?
    else {
        if state
            .store
            .end_grant_of_spent_refresh_token(&digest)
            .await?
        {
            tracing::warn!(client = %client.id, "a spent refresh token was used again: its grant ended");
        }
        return Err(OAuthError::InvalidGrant.into());
    };
    // A narrower scope may be asked for, never a wider one.
    let scope = match form.scope.as_deref() {
        None => granted.scope.clone(),
        Some(asked) => {
            let had: Vec<&str> = granted.scope.split_whitespace().collect();
            let asked: Vec<&str> = asked.split_whitespace().collect();
            if !asked.iter().all(|s| had.contains(s)) || !asked.contains(&"openid") {
                return Err(OAuthError::InvalidScope.into());
            }
            asked.join(" ")
        }
    };
    issue(
        state,
        client,
        Issued {
            grant_id: &granted.grant_id,
            user_id: &granted.user_id,
            code_digest: &granted.code_digest,
            scope: &scope,
            auth_time: granted.auth_time,
            amr: &granted.amr,
            nonce: granted.nonce.as_deref(),
            sid: None,
        },
    )
    .await
}

/// What a grant gives at the token endpoint, and how it began.
struct Issued<'a> {
    grant_id: &'a str,
    user_id: &'a models::PersonId,
    code_digest: &'a str,
    scope: &'a str,
    auth_time: i64,
    amr: &'a str,
    nonce: Option<&'a str>,
    /// The session it was given in, for back-channel logout (`sid`).
    sid: Option<&'a str>,
}

/// The token response: an access token, an ID token, and with
/// `offline_access` a refresh token, all of the grant.
async fn issue(
    state: &AppState,
    client: &ClientRecord,
    issued: Issued<'_>,
) -> Result<Value, Refused> {
    let now = state.now();
    let random = || random_token(32).map_err(|e| AppError::internal("OS RNG failed", e));
    let access_token = random()?;
    state
        .store
        .insert_token(
            NewToken {
                digest: &token_digest(&access_token),
                grant_id: issued.grant_id,
                client_id: &client.id,
                user_id: issued.user_id,
                code_digest: issued.code_digest,
                scope: issued.scope,
                expires_at: now + ACCESS_TOKEN_SECS,
            },
            now,
        )
        .await?;
    let offline = issued
        .scope
        .split_whitespace()
        .any(|s| s == "offline_access");
    let refresh_token = match offline {
        true => {
            let token = random()?;
            state
                .store
                .insert_refresh_token(
                    NewRefreshToken {
                        digest: &token_digest(&token),
                        grant_id: issued.grant_id,
                        client_id: &client.id,
                        code_digest: issued.code_digest,
                        scope: issued.scope,
                        auth_time: issued.auth_time,
                        amr: issued.amr,
                        nonce: issued.nonce,
                        expires_at: now + REFRESH_TOKEN_SECS,
                    },
                    now,
                )
                .await?;
            Some(token)
        }
        false => None,
    };
    // Not read back through the token: a replay at this moment voids it,
    // and this answer is still the one the code gave.
    let (user, email) = state
        .store
        .person_with_email(issued.user_id)
        .await?
        .ok_or(OAuthError::InvalidGrant)?;
    let mut claims = person_claims(&user, email.as_deref(), issued.scope);
    let amr: Vec<&str> = issued.amr.split_whitespace().collect();
    let extra = json!({
        "iss": issuer(state),
        "aud": client.id,
        "iat": now,
        "exp": now + crate::oidc_keys::ID_TOKEN_SECS,
        "auth_time": issued.auth_time,
        "amr": amr,
        "acr": strength_of(issued.amr).acr(),
        "at_hash": left_half_hash(&access_token),
    });
    merge(&mut claims, extra);
    if let Some(nonce) = issued.nonce {
        merge(&mut claims, json!({ "nonce": nonce }));
    }
    if let Some(sid) = issued.sid {
        merge(&mut claims, json!({ "sid": sid }));
    }
    let id_token = crate::oidc_keys::sign(state, &claims, client.signing).await?;
    let mut answer = json!({
        "access_token": access_token,
        "token_type": "Bearer",
        "expires_in": ACCESS_TOKEN_SECS,
        "id_token": id_token,
        "scope": issued.scope,
    });
    if let Some(token) = refresh_token {
        merge(&mut answer, json!({ "refresh_token": token }));
    }
    Ok(answer)
}

/// A token-management request's form (RFC 7009, RFC 7662).
#[derive(Debug, Default, Deserialize)]
pub struct TokenQuestion {
    pub token: Option<String>,
    pub token_type_hint: Option<String>,
    pub client_id: Option<String>,
    pub client_secret: Option<String>,
}

/// A confidential client of a revocation or introspection request.
async fn confidential_client(
    state: &AppState,
    authentication: ClientAuthentication,
    question: &TokenQuestion,
) -> Result<ClientRecord, Refused> {
    let form = TokenForm {
        client_id: question.client_id.clone(),
        client_secret: question.client_secret.clone(),
        ..TokenForm::default()
    };
    let client = authenticated_client(state, authentication, &form).await?;
    if client.secret_digest.is_none() {
        return Err(OAuthError::InvalidClient.into());
    }
    Ok(client)
}

/// Revocation (RFC 7009): the client's own token; a refresh token ends its
/// whole grant. Answered alike whether the token was known or not.
pub async fn revoke(
    state: &AppState,
    authentication: ClientAuthentication,
    question: TokenQuestion,
) -> Result<(), Refused> {
    let client = confidential_client(state, authentication, &question).await?;
    let token = question
        .token
        .as_deref()
        .ok_or(OAuthError::InvalidRequest)?;
    state
        .store
        .revoke_token(&token_digest(token), &client.id)
        .await?;
    Ok(())
}

/// Introspection (RFC 7662): whether a token the client was given is live,
/// and what it grants. Another client's token is not active to it.
pub async fn introspect(
    state: &AppState,
    authentication: ClientAuthentication,
    question: TokenQuestion,
) -> Result<Value, Refused> {
    let client = confidential_client(state, authentication, &question).await?;
    let token = question
        .token
        .as_deref()
        .ok_or(OAuthError::InvalidRequest)?;
    let digest = token_digest(token);
    // The hint says where to look first, never where alone.
    let answer = match question.token_type_hint.as_deref() {
        Some("refresh_token") => match live_refresh(state, &digest, &client).await? {
            Some(answer) => Some(answer),
            None => live_access(state, &digest, &client).await?,
        },
        _ => match live_access(state, &digest, &client).await? {
            Some(answer) => Some(answer),
            None => live_refresh(state, &digest, &client).await?,
        },
    };
    Ok(answer.unwrap_or_else(|| json!({ "active": false })))
}

async fn live_access(
    state: &AppState,
    digest: &str,
    client: &ClientRecord,
) -> Result<Option<Value>, Refused> {
    let grant = state
        .store
        .token_grant(digest, state.now())
        .await?
        .filter(|grant| grant.client_id == client.id);
    Ok(grant.map(|grant| {
        json!({
            "active": true,
            "token_type": "Bearer",
            "scope": grant.scope,
            "client_id": client.id,
            "sub": grant.user.id.as_str(),
            "username": grant.user.account_name.to_string(),
            "iat": grant.created_at,
            "exp": grant.expires_at,
            "iss": issuer(state),
        })
    }))
}

async fn live_refresh(
    state: &AppState,
    digest: &str,
    client: &ClientRecord,
) -> Result<Option<Value>, Refused> {
    let refresh = state
        .store
        .live_refresh_token(digest, &client.id, state.now())
        .await?;
    Ok(refresh.map(|(scope, created_at, expires_at, user_id)| {
        json!({
            "active": true,
            "token_type": "refresh_token",
            "scope": scope,
            "client_id": client.id,
            "sub": user_id.as_str(),
            "iat": created_at,
            "exp": expires_at,
            "iss": issuer(state),
        })
    }))
}

/// The claims about the person an access token may read (OpenID Connect
/// Core 5.4): `sub` always, then by scope.
pub async fn userinfo(state: &AppState, bearer: Option<&str>) -> Result<Value, Refused> {
    let token = bearer.ok_or(OAuthError::InvalidToken)?;
    let grant = state
        .store
        .token_grant(&token_digest(token), state.now())
        .await?
        .ok_or(OAuthError::InvalidToken)?;
    Ok(person_claims(
        &grant.user,
        grant.email.as_deref(),
        &grant.scope,
    ))
}

fn person_claims(user: &crate::store::UserRecord, email: Option<&str>, scope: &str) -> Value {
    let scopes: Vec<&str> = scope.split_whitespace().collect();
    let mut claims = json!({ "sub": user.id.as_str() });
    if scopes.contains(&"profile") {
        merge(
            &mut claims,
            json!({
                "name": user.display_name,
                "preferred_username": user.account_name.to_string(),
                "locale": user.locale.unwrap_or(models::Locale::En).tag(),
            }),
        );
    }
    if scopes.contains(&"email")
        && let Some(email) = email
    {
        // An address becomes a method only once a code sent to it came back.
        merge(
            &mut claims,
            json!({ "email": email, "email_verified": true }),
        );
    }
    claims
}

fn merge(into: &mut Value, from: Value) {
    if let (Value::Object(into), Value::Object(from)) = (into, from) {
        into.extend(from);
    }
}

/// `at_hash` (OpenID Connect Core 3.1.3.6): the left half of the access
/// token's SHA-256, for ES256.
fn left_half_hash(token: &str) -> String {
    let hash = Sha256::digest(token.as_bytes());
    URL_SAFE_NO_PAD.encode(&hash[..16])
}

/// The client of a token request, proved by its secret, or a public one
/// (which then must have used PKCE: its codes all carry a challenge).
async fn authenticated_client(
    state: &AppState,
    authentication: ClientAuthentication,
    form: &TokenForm,
) -> Result<ClientRecord, Refused> {
    let (id, secret) = match (authentication.basic, &form.client_secret) {
        (Some(_), Some(_)) => return Err(OAuthError::InvalidRequest.into()),
        (Some((id, secret)), None) => {
            if form.client_id.as_deref().is_some_and(|other| other != id) {
                return Err(OAuthError::InvalidRequest.into());
            }
            (id, Some(secret))
        }
        (None, secret) => (
            form.client_id.clone().ok_or(OAuthError::InvalidClient)?,
            secret.clone(),
        ),
    };
    let client = state
        .store
        .client(&id)
        .await?
        .filter(|c| !c.disabled)
        .ok_or(OAuthError::InvalidClient)?;
    let proved = match (&client.secret_digest, secret) {
        (Some(digest), Some(secret)) => {
            constant_time_eq(token_digest(&secret).as_bytes(), digest.as_bytes())
        }
        (None, None) => true,
        _ => false,
    };
    if !proved {
        return Err(OAuthError::InvalidClient.into());
    }
    Ok(client)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acr_follows_the_proofs() {
        assert_eq!(strength_of("pwd"), SignInStrength::SingleFactor);
        assert_eq!(strength_of("pwd sms mfa"), SignInStrength::MultiFactor);
        assert_eq!(strength_of("hwk mfa"), SignInStrength::PhishingResistant);
        assert_eq!(strength_of("tap mfa"), SignInStrength::MultiFactor);
        assert_eq!(
            wanted_strength(Some(
                "urn:example:gold urn:secinfo:acr:phishing-resistant urn:secinfo:acr:multi-factor"
            )),
            Some(SignInStrength::MultiFactor)
        );
    }

    #[test]
    fn openid_must_be_asked_for_and_unknown_scopes_are_dropped() {
        let all: Vec<String> = SCOPES.map(str::to_owned).to_vec();
        assert_eq!(granted_scope(Some("profile"), &all), None);
        assert_eq!(granted_scope(None, &all), None);
        assert_eq!(
            granted_scope(Some("email openid phone"), &all).as_deref(),
            Some("openid email")
        );
        let no_email = ["openid".to_owned(), "profile".to_owned()];
        assert_eq!(
            granted_scope(Some("openid email profile"), &no_email).as_deref(),
            Some("openid profile")
        );
    }

    #[test]
    fn coming_back_after_a_sign_in_asks_for_none_again() {
        let next = again_without_prompting("client_id=a&prompt=login&max_age=0&state=x%20y");
        assert_eq!(next, "/oauth2/authorize?client_id=a&state=x+y");
    }
}
