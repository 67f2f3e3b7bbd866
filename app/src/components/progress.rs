use leptos::prelude::*;

/// A spinner with a text that screen readers announce politely.
#[component]
pub fn Progress(
    /// What is happening, e.g. "Loading…".
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    view! {
        <div class="progress" role="status" aria-live="polite">
            <span class="progress-spinner" aria-hidden="true"></span>
            <span class="progress-label">{move || label.get()}</span>
        </div>
    }
}
