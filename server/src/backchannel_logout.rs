//! Back-channel logout (OpenID Connect Back-Channel Logout 1.0): an
//! application that registered an address is told, server to server, when
//! a session it signed in through ends, so that it ends its own.
//!
//! What is owed is written by the store in the transaction that ends the
//! sessions (`store/sessions.rs`: one session, or every session of a
//! person), so no way of ending a session can forget it; this sends it
//! afterwards — each logout claimed by one conditional statement, so that
//! of several instances one sends it — and again later while the
//! application does not answer, a few times.

use std::time::Duration;

use serde_json::json;

use crate::error::AppResult;
use crate::state::AppState;
use crate::store::OwedLogout;

/// How many times a logout is sent before it is given up.
pub const ATTEMPTS: i64 = 5;
/// How long an application has to answer.
const TIMEOUT: Duration = Duration::from_secs(5);
/// How often each instance looks for what is owed.
const EVERY: Duration = Duration::from_secs(1);
/// OpenID Connect Back-Channel Logout 1.0, 2.4: the logout token's event.
const EVENT: &str = "http://schemas.openid.net/event/backchannel-logout";

/// Sends what is owed, for as long as the server runs.
pub fn spawn_deliverer(state: AppState) {
    tokio::spawn(async move {
        let http = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_default();
        loop {
            if let Err(error) = deliver_due(&state, &http).await {
                tracing::warn!(?error, "back-channel logouts not sent");
            }
            tokio::time::sleep(EVERY).await;
        }
    });
}

/// Sends every logout due now; how many the applications took.
pub async fn deliver_due(state: &AppState, http: &reqwest::Client) -> AppResult<usize> {
    let now = state.now();
    let mut delivered = 0;
    for owed in state.store.due_logouts(now, 50).await? {
        // Tried again after 1, 2, 4, 8 minutes.
        let retry_at = now + 60 * (1 << owed.attempts.clamp(0, 10));
        if !state.store.claim_logout(&owed, retry_at).await? {
            continue;
        }
        let taken = send(state, http, &owed).await?;
        if taken {
            delivered += 1;
        }
        if taken || owed.attempts + 1 >= ATTEMPTS {
            if !taken {
                tracing::warn!(client = %owed.client_id, "back-channel logout given up");
            }
            state.store.forget_logout(&owed).await?;
        }
    }
    Ok(delivered)
}

/// Posts the logout token; whether the application answered 2xx.
async fn send(state: &AppState, http: &reqwest::Client, owed: &OwedLogout) -> AppResult<bool> {
    let token = logout_token(state, owed).await?;
    let answer = http
        .post(&owed.uri)
        .form(&[("logout_token", token.as_str())])
        .send()
        .await;
    Ok(match answer {
        Ok(answer) => answer.status().is_success(),
        Err(error) => {
            tracing::info!(client = %owed.client_id, %error, "back-channel logout not taken");
            false
        }
    })
}

/// The logout token (2.4): who (`sub`, and `sid` for one session), for
/// which application, signed as its ID tokens are but typed apart, with no
/// nonce.
async fn logout_token(state: &AppState, owed: &OwedLogout) -> AppResult<String> {
    let now = state.now();
    let jti = crate::secret::new_id()?;
    let mut claims = json!({
        "iss": crate::oidc::issuer(state),
        "aud": owed.client_id,
        "iat": now,
        "exp": now + 120,
        "jti": jti,
        "sub": owed.user_id,
        "events": { EVENT: {} },
    });
    if !owed.sid.is_empty() {
        claims["sid"] = json!(owed.sid);
    }
    crate::oidc_keys::sign_typed(state, &claims, "logout+jwt", owed.signing).await
}
