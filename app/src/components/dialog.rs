use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

const FOCUSABLE: &str =
    "button:not([disabled]), select, input, a[href], [tabindex]:not([tabindex='-1'])";

/// A modal dialog: `role="dialog"`, labelled by its title, focus moved in
/// on open and kept inside (Tab wraps), Escape closes.
#[component]
pub fn Dialog(
    /// The id of the element that titles the dialog (`aria-labelledby`).
    labelled_by: &'static str,
    /// Called on Escape.
    on_close: Callback<()>,
    children: Children,
) -> impl IntoView {
    let panel: NodeRef<html::Div> = NodeRef::new();
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
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby=labelled_by node_ref=panel on:keydown=on_keydown>
                {children()}
            </div>
        </div>
    }
}

/// Moves focus to the first field or button inside `root`.
pub fn focus_first(root: &web_sys::Element) {
    if let Ok(Some(el)) = root.query_selector("input, select, textarea, button:not([disabled])")
        && let Ok(el) = el.dyn_into::<web_sys::HtmlElement>()
    {
        let _ = el.focus();
    }
}
