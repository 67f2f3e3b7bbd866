//! The signed-in person in the header: a button with their initials and
//! name that discloses who is signed in, the language, and Sign out.
//! A disclosure, not an ARIA menu: its content is ordinary controls, in
//! the tab order right after the button; Escape closes it and returns
//! focus to the button, and so does a click elsewhere (without the focus).

use leptos::prelude::*;
use models::Locale;
use wasm_bindgen::JsCast;

use crate::components::icons::{Glyph, Icon};
use crate::components::language_switcher::LanguageSwitcher;

/// "AV" for Adele Vance: the first letter of the first and last word.
pub fn initials(name: &str) -> String {
    let mut words = name.split_whitespace();
    let first = words.next().and_then(|w| w.chars().next());
    let last = words.last().and_then(|w| w.chars().next());
    first
        .into_iter()
        .chain(last)
        .flat_map(char::to_uppercase)
        .collect()
}

/// Whether the shell's folded navigation is open (provided by the shell):
/// this menu closes it as it opens, so that one panel covers the page.
#[derive(Clone, Copy)]
pub struct ShellNav(pub RwSignal<bool>);

#[component]
pub fn AccountMenu(
    #[prop(into)] name: Signal<String>,
    #[prop(into)] account: Signal<String>,
    /// The button's accessible name: one message with the person's name.
    #[prop(into)]
    button_label: Signal<String>,
    #[prop(into)] language_label: Signal<String>,
    #[prop(into)] sign_out_label: Signal<String>,
    #[prop(into)] locale: Signal<Locale>,
    on_pick: Callback<Locale>,
    on_sign_out: Callback<()>,
    #[prop(into)] signing_out: Signal<bool>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let shell_nav = use_context::<ShellNav>();
    let button: NodeRef<leptos::html::Button> = NodeRef::new();
    let root: NodeRef<leptos::html::Div> = NodeRef::new();
    let close_to_button = move || {
        open.set(false);
        if let Some(button) = button.get_untracked() {
            let _ = button.focus();
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            ev.stop_propagation();
            close_to_button();
        }
    };
    // Focus or a click that leaves the menu closes it.
    let outside = move |target: Option<web_sys::EventTarget>| {
        let inside = root.get_untracked().is_some_and(|root| {
            target
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                .is_some_and(|node| root.contains(Some(&node)))
        });
        if !inside {
            open.set(false);
        }
    };
    let on_focusout = move |ev: leptos::ev::FocusEvent| {
        if ev.related_target().is_some() {
            outside(ev.related_target());
        }
    };
    let listener = window_event_listener(leptos::ev::pointerdown, move |ev| {
        if open.get_untracked() {
            outside(ev.target());
        }
    });
    on_cleanup(move || listener.remove());
    view! {
        <div class="account-menu" node_ref=root on:keydown=on_keydown on:focusout=on_focusout>
            <button
                type="button"
                id="account-menu-button"
                class="account-button"
                node_ref=button
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls="account-menu-panel"
                aria-label=move || button_label.get()
                on:click=move |_| {
                    open.update(|o| *o = !*o);
                    // One panel over the page at a time: the folded
                    // navigation closes as this opens.
                    if open.get_untracked()
                        && let Some(ShellNav(nav)) = shell_nav
                    {
                        nav.set(false);
                    }
                }
            >
                // Drawn by CSS from the attribute: the initials are not text of
                // the button, whose accessible name starts with the full name.
                <span class="avatar" aria-hidden="true" data-initials=move || initials(&name.get())></span>
                <span class="account-button-name" aria-hidden="true" translate="no">{move || name.get()}</span>
                <Icon glyph=Glyph::Chevron/>
            </button>
            <div id="account-menu-panel" class="account-menu-panel" hidden=move || !open.get()>
                <p class="account-menu-who">
                    <span class="account-menu-name" translate="no">{move || name.get()}</span>
                    <span class="account-menu-account" translate="no">{move || account.get()}</span>
                </p>
                <LanguageSwitcher label=language_label current=locale on_pick/>
                <button
                    type="button"
                    class="button button-secondary account-menu-sign-out"
                    on:click=move |_| on_sign_out.run(())
                    disabled=move || signing_out.get()
                >
                    <Icon glyph=Glyph::SignOut/>
                    {move || sign_out_label.get()}
                </button>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::initials;

    #[test]
    fn initials_are_the_first_and_last_words_first_letters() {
        assert_eq!(initials("Adele Vance"), "AV");
        assert_eq!(initials("Sanne de Jong"), "SJ");
        assert_eq!(initials("megan"), "M");
        assert_eq!(initials("  "), "");
        assert_eq!(initials("Åsa Öberg"), "ÅÖ");
    }
}
