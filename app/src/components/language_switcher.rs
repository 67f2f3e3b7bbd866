use leptos::prelude::*;
use models::Locale;

/// A drop-down of the supported languages, each named in itself.
#[component]
pub fn LanguageSwitcher(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] current: Signal<Locale>,
    /// Called with the language the person picked.
    on_pick: Callback<Locale>,
) -> impl IntoView {
    view! {
        <div class="language-switcher">
            <label for="language-switcher-select">{move || label.get()}</label>
            <select
                id="language-switcher-select"
                prop:value=move || current.get().tag()
                on:change=move |ev| {
                    if let Some(locale) = Locale::parse(&event_target_value(&ev)) {
                        on_pick.run(locale);
                    }
                }
            >
                {Locale::ALL
                    .into_iter()
                    .map(|locale| view! {
                        <option value=locale.tag() lang=locale.tag() selected=move || current.get() == locale>
                            {locale.endonym()}
                        </option>
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
