//! Something shown this once — a Temporary Access Pass, a temporary
//! password, an application's secret — to hand on: what the page says of
//! it (the children), with the cursor there; Copy puts `copy` on the
//! clipboard and says so; Done goes on.

use leptos::prelude::*;

use crate::components::actions::FormActions;
use crate::i18n::use_i18n;

#[component]
pub fn ShownOnce(
    /// What Copy copies; no Copy without it.
    copy: Option<String>,
    /// The Copy button's message.
    copy_label_id: &'static str,
    on_done: Callback<()>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let copied = RwSignal::new(false);
    let shown: NodeRef<leptos::html::Div> = NodeRef::new();
    // What is shown is what the person reads next.
    Effect::new(move |_| {
        if let Some(note) = shown.get() {
            let _ = note.focus();
        }
    });
    let copy = copy.map(|text| {
        view! {
            <button type="button" class="button button-secondary"
                on:click=move |_| crate::clipboard::copy(&text, copied)>
                {move || i18n.t(copy_label_id)}
            </button>
        }
    });
    view! {
        <div class="person-issued" tabindex="-1" node_ref=shown>{children()}</div>
        <p class="notice" role="status" hidden=move || !copied.get()>{move || i18n.t("issued-copied")}</p>
        <FormActions>
            {copy}
            <button type="button" class="button button-primary" on:click=move |_| on_done.run(())>{move || i18n.t("dialog-done")}</button>
        </FormActions>
    }
}
