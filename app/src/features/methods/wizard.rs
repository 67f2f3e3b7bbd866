//! The wizard for a kind of method: the one place that maps a kind to its
//! setup flow (the Security info page and the registration interrupt).

use leptos::prelude::*;
use models::{MethodKind, MethodView, SecurityInfo};

use crate::features::methods::authenticator::AuthenticatorWizard;
use crate::features::methods::email::EmailWizard;
use crate::features::methods::phone::PhoneWizard;
use crate::features::methods::questions::QuestionsWizard;
use crate::features::methods::recovery_codes::RecoveryCodesWizard;
use crate::features::methods::security_key::SecurityKeyWizard;

#[component]
pub fn MethodWizard(
    kind: MethodKind,
    /// The method being changed (phones, email) or regenerated (recovery
    /// codes), if any.
    replaces: Option<MethodView>,
    on_done: Callback<SecurityInfo>,
    on_cancel: Callback<()>,
    /// Called instead of showing "not found" when the method is gone
    /// already (deleted in another tab): the page refreshes and says so.
    #[prop(optional)]
    on_stale: Option<Callback<()>>,
) -> impl IntoView {
    match kind {
        MethodKind::AuthenticatorApp => {
            view! { <AuthenticatorWizard on_done on_cancel/> }.into_any()
        }
        MethodKind::SecurityQuestions => view! { <QuestionsWizard on_done on_cancel/> }.into_any(),
        MethodKind::Email => view! { <EmailWizard replaces on_done on_cancel on_stale=on_stale.unwrap_or(on_cancel)/> }.into_any(),
        MethodKind::SecurityKey => view! { <SecurityKeyWizard on_done on_cancel/> }.into_any(),
        MethodKind::RecoveryCodes => {
            let regenerate = replaces.is_some();
            view! { <RecoveryCodesWizard regenerate on_done on_cancel/> }.into_any()
        }
        phone => view! { <PhoneWizard kind=phone replaces on_done on_cancel on_stale=on_stale.unwrap_or(on_cancel)/> }.into_any(),
    }
}
