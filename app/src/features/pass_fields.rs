//! What issuing a Temporary Access Pass asks and shows, for a person who
//! exists (`pages/person.rs`) and one being added (`pages/people.rs`): its
//! lifetime within the policy's bounds and whether it signs in once; then
//! the pass, shown this once, with the cursor on it.

use leptos::prelude::*;
use models::{IssuedPass, PassLifetime};

use crate::components::shown_once::ShownOnce;
use crate::i18n::{I18n, use_i18n};
use crate::labels::date_time;

/// The lifetime of a pass, in words: minutes, hours or days.
pub fn lifetime_label(i18n: &I18n, minutes: i64) -> String {
    let mut args = i18n::Args::new();
    if minutes % (24 * 60) == 0 {
        args.set("count", minutes / (24 * 60));
        i18n.t_with("lifetime-days", &args)
    } else if minutes % 60 == 0 {
        args.set("count", minutes / 60);
        i18n.t_with("lifetime-hours", &args)
    } else {
        args.set("count", minutes);
        i18n.t_with("lifetime-minutes", &args)
    }
}

/// The pass's lifetime (the policy's choices, its default first chosen)
/// and "One-time use".
#[component]
pub fn PassFields(
    lifetime: PassLifetime,
    minutes: RwSignal<i64>,
    one_time: RwSignal<bool>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field" class:field-invalid=move || error.with(Option::is_some)>
            <label class="field-label" for="pass-lifetime">{move || i18n.t("issue-lifetime-label")}</label>
            <select id="pass-lifetime" class="field-input"
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || error.with(Option::is_some).then_some("pass-lifetime-error")
                on:change=move |ev| {
                    if let Ok(value) = event_target_value(&ev).parse() {
                        minutes.set(value);
                    }
                }>
                {lifetime.choices().into_iter().map(|choice| view! {
                    <option value=choice.to_string() selected=move || minutes.get() == choice>
                        {move || lifetime_label(&i18n, choice)}
                    </option>
                }).collect_view()}
            </select>
            {move || error.get().map(|text| view! { <p class="field-error" id="pass-lifetime-error">{text}</p> })}
        </div>
        <label class="choice-option">
            <input type="checkbox" prop:checked=move || one_time.get() on:change=move |ev| one_time.set(event_target_checked(&ev))/>
            {move || i18n.t("issue-one-time")}
        </label>
    }
}

/// The pass just issued, to hand to `name`: shown this once, with Copy.
#[component]
pub fn PassShown(pass: IssuedPass, name: String, on_done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let mut named = i18n::Args::new();
    named.set("name", name);
    let mut until = i18n::Args::new();
    until.set("time", date_time(&i18n, pass.expires_at));
    let uses = crate::labels::pass_uses(i18n, pass.one_time);
    view! {
        <ShownOnce copy=Some(pass.pass.clone()) copy_label_id="recovery-codes-copy" on_done>
            <p>{move || i18n.t_with("issued-intro", &named)}</p>
            <p class="person-issued-text"><code translate="no">{pass.pass}</code></p>
            <p>{move || i18n.t_with("person-pass-until", &until)} " " {uses}</p>
        </ShownOnce>
    }
}
