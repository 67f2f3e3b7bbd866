//! A sign-in's second step (S27): the default method starts at once, the
//! others are "Sign in another way", and "I can't use any of these methods"
//! says where to get help.

use leptos::prelude::*;

use super::method_choice::{ChooseAndVerify, VerifyCard};
use crate::i18n::use_i18n;

#[component]
pub fn SecondStep(
    /// Called once the session is verified.
    on_verified: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let cant_use = RwSignal::new(false);
    // The organization's own words for reaching its help desk, if it has.
    let contact = crate::session::use_session()
        .user
        .with_untracked(|u| u.as_ref().and_then(|u| u.support_contact.clone()))
        .map(|contact| {
            let mut args = i18n::Args::new();
            args.set("contact", contact);
            args
        });
    // The page changed under the person: their place is here, and each
    // step's field takes the cursor.
    view! {
        <VerifyCard title_id="step-up-title" intro=Signal::derive(move || i18n.t("signin-verify-intro")) focus_heading=true>
            <ChooseAndVerify on_verified back_label="signin-another-way" starts_at_default=true moves_focus=true/>
            <div class="cant-use">
                <button type="button" class="button button-link" aria-expanded=move || cant_use.get().to_string()
                    on:click=move |_| cant_use.update(|v| *v = !*v)>
                    {move || i18n.t("signin-cant-use")}
                </button>
                <Show when=move || cant_use.get()>
                    <div class="notice" role="status">
                        <p>{move || i18n.t("signin-cant-use-help")}</p>
                        {contact.clone().map(|args| view! { <p>{move || i18n.t_with("signin-cant-use-contact", &args)}</p> })}
                    </div>
                </Show>
            </div>
        </VerifyCard>
    }
}
