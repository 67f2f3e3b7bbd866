//! Where passwords live. Today the built-in directory (the `users` table);
//! every password change goes through here, so that a directory that lives
//! elsewhere (LDAP, say) can take it over without touching the flows.

use crate::error::AppResult;
use crate::passwords;
use crate::state::AppState;
use crate::store::UserRecord;

/// Sets the person's password and signs out every session of theirs but
/// `keep` (the token digest of the session that changed it, if any).
pub async fn set_password(
    state: &AppState,
    user: &UserRecord,
    new_password: String,
    keep: Option<&str>,
) -> AppResult<()> {
    let hash = passwords::hash(new_password).await?;
    state.store.set_password_hash(&user.id, &hash, keep).await
}
