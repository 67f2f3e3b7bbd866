//! The step-up before viewing or changing security info (S11): the person
//! chooses a method from the list, and the page they were on comes back.

use leptos::prelude::*;

use super::method_choice::{ChooseAndVerify, VerifyCard};
use crate::i18n::use_i18n;

#[component]
pub fn StepUp(
    /// Called once the session is verified.
    on_verified: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    // A step-up leaves the cursor where the person was.
    view! {
        <VerifyCard title_id="step-up-title" intro=Signal::derive(move || i18n.t("step-up-intro")) focus_heading=false>
            <ChooseAndVerify on_verified back_label="dialog-back"/>
        </VerifyCard>
    }
}
