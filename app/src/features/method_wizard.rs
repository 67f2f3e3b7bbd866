//! The wizard for a kind of method: the one place that maps a kind to its
//! setup flow (the Security info page and the registration interrupt).

use leptos::prelude::*;
use models::{MethodKind, SecurityInfo};

use crate::features::authenticator_wizard::AuthenticatorWizard;
use crate::features::email_wizard::EmailWizard;
use crate::features::phone_wizard::PhoneWizard;
use crate::features::questions_wizard::QuestionsWizard;
use crate::features::security_key_wizard::SecurityKeyWizard;

#[component]
pub fn MethodWizard(
    kind: MethodKind,
    /// The method being changed (phones and email), if any.
    replaces: Option<String>,
    on_done: Callback<SecurityInfo>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    match kind {
        MethodKind::AuthenticatorApp => {
            view! { <AuthenticatorWizard on_done on_cancel/> }.into_any()
        }
        MethodKind::SecurityQuestions => view! { <QuestionsWizard on_done on_cancel/> }.into_any(),
        MethodKind::Email => view! { <EmailWizard replaces on_done on_cancel/> }.into_any(),
        MethodKind::SecurityKey => view! { <SecurityKeyWizard on_done on_cancel/> }.into_any(),
        phone => view! { <PhoneWizard kind=phone replaces on_done on_cancel/> }.into_any(),
    }
}
