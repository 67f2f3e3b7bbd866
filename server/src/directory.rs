//! Where passwords live. Today the built-in directory (the `users` table);
//! every password change goes through here, so that a directory that lives
//! elsewhere (LDAP, say) can take it over without touching the flows.

use crate::error::AppResult;
use crate::passwords;
use crate::state::AppState;
use crate::store::SessionKey;
use crate::store::UserRecord;

/// Sets the person's password and signs out every session of theirs but
/// `keep` (the token digest of the session that changed it, if any).
pub async fn set_password(
    state: &AppState,
    user: &UserRecord,
    new_password: String,
    keep: Option<&SessionKey>,
) -> AppResult<()> {
    let hash = passwords::hash(new_password).await?;
    Ok(state.store.set_password_hash(&user.id, &hash, keep).await?)
}

/// After a sign-in with the right password: a hash made with older
/// parameters (`passwords::is_outdated`) is made anew, in the background
/// (it costs a hash), so that every person's hash converges on today's
/// parameters and the memory the hashing budget counts on.
pub fn renew_outdated_hash(state: &AppState, user: &UserRecord, password: &str) {
    if !passwords::is_outdated(&user.password_hash) {
        return;
    }
    let (state, user_id, old) = (state.clone(), user.id.clone(), user.password_hash.clone());
    let password = password.to_owned();
    tokio::spawn(async move {
        let renewed = async {
            let new = passwords::hash(password).await?;
            Ok::<_, crate::error::AppError>(
                state
                    .store
                    .renew_password_hash(&user_id, &old, &new)
                    .await?,
            )
        };
        match renewed.await {
            Ok(true) => tracing::info!(%user_id, "password hash renewed"),
            Ok(false) => {} // the password changed meanwhile
            Err(error) => tracing::warn!(?error, "password hash not renewed"),
        }
    });
}

/// Keeps the person's language for their next visit, on any device.
pub async fn set_locale(
    state: &AppState,
    user: &UserRecord,
    locale: models::Locale,
) -> AppResult<()> {
    Ok(state.store.set_user_locale(&user.id, locale).await?)
}
