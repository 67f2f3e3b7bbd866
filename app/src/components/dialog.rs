use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

const FOCUSABLE: &str =
    "button:not([disabled]), select, input, a[href], [tabindex]:not([tabindex='-1'])";

/// Marks the history entry a dialog added (its state), so that Back closes
/// the dialog instead of leaving the page.
const HISTORY_MARK: &str = "secinfo-dialog";

thread_local! {
    /// Dialogs open now: one dialog following another (Add method → its
    /// wizard) shares one history entry.
    static OPEN: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

fn on_dialog_entry() -> bool {
    window()
        .history()
        .ok()
        .and_then(|h| h.state().ok())
        .and_then(|state| state.as_string())
        .is_some_and(|state| state == HISTORY_MARK)
}

/// A modal dialog: `role="dialog"`, labelled by its title, focus moved in
/// on open and kept inside (Tab wraps), Escape closes, and so does the
/// browser's Back (the dialog adds a history entry on the same address).
/// Closed, it gives focus back to what opened it, if that is still there.
#[component]
pub fn Dialog(
    /// The id of the element that titles the dialog (`aria-labelledby`).
    labelled_by: &'static str,
    /// Called on Escape and on Back.
    on_close: Callback<()>,
    children: Children,
) -> impl IntoView {
    let panel: NodeRef<html::Div> = NodeRef::new();
    let opener = document().active_element();
    OPEN.with(|n| n.set(n.get() + 1));
    if !on_dialog_entry()
        && let Ok(history) = window().history()
    {
        let _ = history.push_state(&HISTORY_MARK.into(), "");
    }
    let back = window_event_listener(leptos::ev::popstate, move |_| {
        if !on_dialog_entry() {
            on_close.run(());
        }
    });
    on_cleanup(move || {
        back.remove();
        OPEN.with(|n| n.set(n.get().saturating_sub(1)));
        // Closed from inside: leave the entry it added, unless another
        // dialog took it over in the meantime.
        set_timeout(
            || {
                if OPEN.with(std::cell::Cell::get) == 0
                    && on_dialog_entry()
                    && let Ok(history) = window().history()
                {
                    let _ = history.back();
                }
            },
            std::time::Duration::ZERO,
        );
        if let Some(opener) = opener.and_then(|o| o.dyn_into::<web_sys::HtmlElement>().ok())
            && opener.is_connected()
        {
            let _ = opener.focus();
        }
    });
    Effect::new(move |_| {
        if let Some(panel) = panel.get() {
            focus_first(&panel);
        }
    });
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let Some(panel) = panel.get() else { return };
        match ev.key().as_str() {
            "Escape" => {
                ev.prevent_default();
                on_close.run(());
            }
            "Tab" => {
                let Ok(list) = panel.query_selector_all(FOCUSABLE) else {
                    return;
                };
                if list.length() == 0 {
                    return;
                }
                let first = list
                    .item(0)
                    .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok());
                let last = list
                    .item(list.length() - 1)
                    .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok());
                let active = document().active_element();
                let at = |el: &Option<web_sys::HtmlElement>| match (el, &active) {
                    (Some(el), Some(active)) => el.is_same_node(Some(active)),
                    _ => false,
                };
                if ev.shift_key() && at(&first) {
                    ev.prevent_default();
                    if let Some(last) = last {
                        let _ = last.focus();
                    }
                } else if !ev.shift_key() && at(&last) {
                    ev.prevent_default();
                    if let Some(first) = first {
                        let _ = first.focus();
                    }
                }
            }
            _ => {}
        }
    };
    view! {
        <div class="dialog-backdrop">
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby=labelled_by tabindex="-1" node_ref=panel on:keydown=on_keydown>
                {children()}
            </div>
        </div>
    }
}

/// Moves focus to the first field or button inside `root`, or to `root`
/// itself while it has none yet (content still loading): focus is never
/// left behind the modal, where Escape and Tab would not reach it.
pub fn focus_first(root: &web_sys::Element) {
    let target = root
        .query_selector("input, select, textarea, button:not([disabled])")
        .ok()
        .flatten()
        .unwrap_or_else(|| root.clone());
    if let Ok(el) = target.dyn_into::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}
