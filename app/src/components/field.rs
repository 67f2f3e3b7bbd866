use leptos::html;
use leptos::prelude::*;

/// A labelled text input with an optional hint and an error shown at the
/// field (and tied to it with `aria-describedby` and `aria-invalid`).
#[component]
pub fn TextField(
    /// The element id; the hint and error ids derive from it.
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    value: RwSignal<String>,
    #[prop(into, optional)] hint: Option<Signal<String>>,
    #[prop(into)] error: Signal<Option<String>>,
    /// `text` or `password`.
    #[prop(default = "text")]
    input_type: &'static str,
    /// The `autocomplete` token, e.g. `username`.
    autocomplete: &'static str,
    #[prop(optional)] node_ref: NodeRef<html::Input>,
    /// The `inputmode` hint for on-screen keyboards, e.g. `numeric`.
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// The most characters the field takes, when there is a limit.
    #[prop(optional)]
    maxlength: Option<usize>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            // A hint that says nothing for now (it may change) describes nothing.
            if hint.is_some_and(|hint| hint.with(|text| !text.is_empty())) {
                ids.push(hint_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:field-invalid=move || error.with(Option::is_some)>
            <label class="field-label" for=id>{move || label.get()}</label>
            {hint.map(|hint| view! { <p class="field-hint" id=hint_id.clone() hidden=move || hint.with(String::is_empty)>{move || hint.get()}</p> })}
            <input
                class="field-input"
                id=id
                name=id
                type=input_type
                autocomplete=autocomplete
                inputmode=inputmode
                maxlength=maxlength
                spellcheck="false"
                autocapitalize="none"
                node_ref=node_ref
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            {move || error.get().map(|text| view! {
                <p class="field-error" id=error_id.clone()>
                    <span class="field-error-icon" aria-hidden="true"></span>
                    {text}
                </p>
            })}
        </div>
    }
}
