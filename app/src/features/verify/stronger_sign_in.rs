//! A stronger sign-in than the person's, which an application asked for
//! (`acr_values`; the server's `oidc.rs` says which): verify with another
//! of their methods (two steps), or with a passkey or security key, added
//! first where they have none. Then the application's request is made
//! again.

use leptos::prelude::*;
use models::MethodKind;
use models::oidc::StrongerProof;

use super::method_choice::{ChooseAndVerify, VerifyCard};
use crate::features::methods::security_key::SecurityKeyWizard;
use crate::i18n::use_i18n;

#[component]
pub fn StrongerSignIn(
    /// The application's name.
    application: String,
    proof: StrongerProof,
    /// Called once the person has proved themselves (or added a key, which
    /// the request made again asks them to use).
    on_verified: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let mut args = i18n::Args::new();
    args.set("application", application);
    let intro_id = match proof {
        StrongerProof::AnotherMethod => "stronger-another-method-intro",
        StrongerProof::SecurityKey => "stronger-security-key-intro",
        StrongerProof::NewSecurityKey => "stronger-new-security-key-intro",
    };
    let intro = Signal::derive(move || i18n.t_with(intro_id, &args));
    let adding = RwSignal::new(false);
    // The page changed under the person: their place is its heading.
    view! {
        <VerifyCard title_id="step-up-title" intro focus_heading=true>
            {match proof {
                StrongerProof::AnotherMethod => view! {
                    <ChooseAndVerify on_verified back_label="dialog-back" moves_focus=true/>
                }.into_any(),
                StrongerProof::SecurityKey => view! {
                    <ChooseAndVerify on_verified back_label="dialog-back" moves_focus=true only=MethodKind::SecurityKey/>
                }.into_any(),
                StrongerProof::NewSecurityKey => view! {
                    <Show when=move || adding.get() fallback=move || view! {
                        <button type="button" class="button button-primary" on:click=move |_| adding.set(true)>
                            {move || i18n.t("stronger-add-key")}
                        </button>
                    }>
                        <SecurityKeyWizard on_done=Callback::new(move |_| on_verified.run(()))
                            on_cancel=Callback::new(move |()| adding.set(false))/>
                    </Show>
                }.into_any(),
            }}
        </VerifyCard>
    }
}
