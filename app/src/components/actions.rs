//! The row of buttons at the end of every form and wizard step, and the
//! submit button that shows progress while its request is under way.

use leptos::prelude::*;

/// The form's primary button: disabled, with a spinner, while `busy`.
#[component]
pub fn SubmitButton(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] busy: Signal<bool>,
    /// `button button-danger` for an action that destroys something.
    #[prop(default = "button button-primary")]
    class: &'static str,
    /// Where focus goes when the form is drawn anew around it (a saved
    /// form: its Save again), as `focus_next_step` reads `data-step-start`.
    #[prop(optional)]
    step_start: bool,
) -> impl IntoView {
    view! {
        <button type="submit" class=class disabled=move || busy.get() data-step-start=step_start.then_some("")>
            <Show when=move || busy.get()><span class="button-spinner" aria-hidden="true"></span></Show>
            {move || label.get()}
        </button>
    }
}

/// The actions of a form: the way back (Cancel, Back, Change number…) first,
/// then whatever moves forward.
#[component]
pub fn FormActions(
    /// The label of the way back; without it there is none.
    #[prop(into, optional)]
    back: Option<Signal<String>>,
    #[prop(optional)] on_back: Option<Callback<()>>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class="form-actions">
            {back.zip(on_back).map(|(label, on_back)| view! {
                <button type="button" class="button button-secondary" on:click=move |_| on_back.run(())>
                    {move || label.get()}
                </button>
            })}
            {children.map(|c| c())}
        </div>
    }
}
