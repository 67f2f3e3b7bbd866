//! Announcing a change of security info through a method that existed
//! before it (SPEC §7, S12): an email to the person's registered address,
//! in their language. Sending is best effort: a mail server that is down
//! never undoes or blocks the change (the audit row is the record).

use i18n::Args;
use models::PersonId;
use models::{Locale, MethodKind};

use crate::state::AppState;

/// Emails the user's address about a change (`what`: the message that
/// names it), unless the change concerns
/// that very address and it did not exist before. `previous_address` is an
/// address the change removed or replaced: it existed before, so it is
/// told too.
pub async fn security_info_changed(
    state: &AppState,
    user_id: &PersonId,
    locale: Locale,
    what: &'static str,
    changed_method: Option<&str>,
    previous_address: Option<&str>,
    now: i64,
) {
    let methods = match state.store.methods_of_user(user_id).await {
        Ok(methods) => methods,
        Err(e) => {
            tracing::warn!(error = %e, "change notification: methods not read");
            return;
        }
    };
    let addresses = methods
        .iter()
        .filter(|m| m.kind == MethodKind::Email && Some(m.id.as_str()) != changed_method)
        .map(|m| m.detail.as_str())
        .chain(previous_address);
    for address in addresses {
        let mut args = Args::new();
        args.set("change", state.l10n.format(locale, what, None));
        let subject = state.l10n.format(locale, "notify-subject", None);
        let body = state.l10n.format(locale, "notify-body", Some(&args));
        let mail = crate::providers::mail::Email {
            to: address,
            subject: &subject,
            body: &body,
        };
        if let Err(e) = state.mailer.send(&mail, now).await {
            tracing::warn!(error = ?e, "change notification not sent");
        }
    }
}
