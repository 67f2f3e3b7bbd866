use leptos::prelude::*;

/// A message about the whole form or page (not one field), announced at
/// once by screen readers.
#[component]
pub fn ErrorAlert(
    /// The localized message; nothing is rendered while it is `None`.
    #[prop(into)]
    message: Signal<Option<String>>,
) -> impl IntoView {
    move || {
        message.get().map(|text| {
            view! {
                <div class="alert alert-error" role="alert">
                    <span class="alert-icon" aria-hidden="true"></span>
                    <p>{text}</p>
                </div>
            }
        })
    }
}
