use leptos::prelude::*;

use crate::components::actions::FormActions;
use crate::i18n::use_i18n;

/// Provided by whoever shows a wizard and needs to know when its method is
/// registered (the registration interrupt hides "I want to set up a
/// different method" then): set once the last step shows.
#[derive(Clone, Copy)]
pub struct WizardFinished(pub RwSignal<bool>);

/// The last step of every method wizard: "Your security info is updated",
/// what the new method is good for, and Done.
#[component]
pub fn WizardDone(
    /// The message id saying what the method can now do.
    text_id: &'static str,
    on_done: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    if let Some(WizardFinished(finished)) = use_context::<WizardFinished>() {
        finished.set(true);
    }
    view! {
        <div class="wizard-done" role="status">
            <h3>{move || i18n.t("phone-wizard-success-title")}</h3>
            <p>{move || i18n.t(text_id)}</p>
        </div>
        <FormActions>
            <button type="button" class="button button-primary" on:click=move |_| on_done.run(())>{move || i18n.t("dialog-done")}</button>
        </FormActions>
    }
}
