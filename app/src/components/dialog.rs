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
    /// The id of what opened the dialog that closed last
    /// (`take_opener_id`).
    static OPENER_ID: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
    /// The id of what opened the dialog open now, handed on to a dialog
    /// that follows it (Add method → its wizard).
    static CHAIN_ID: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The id of the control that opened the dialog that closed last: a page
/// drawn anew after a change gives focus back to the control of that id
/// when it has one again.
pub fn take_opener_id() -> Option<String> {
    OPENER_ID.with(|id| id.borrow_mut().take())
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
    // Watches the dialog's steps (below); disconnected when it closes.
    let observer: std::sync::Arc<std::sync::Mutex<Option<web_sys::MutationObserver>>> =
        std::sync::Arc::default();
    let watching = observer.clone();
    let opener = document().active_element();
    // Opened from the page: what opened it. Opened from another dialog
    // (or as it closed, from nowhere): what opened that one.
    let from_page = opener.as_ref().is_some_and(|o| {
        o.closest(".dialog").ok().flatten().is_none()
            && !document().body().is_some_and(|b| o.is_same_node(Some(&b)))
    });
    let opener_id = if from_page {
        opener
            .as_ref()
            .map(web_sys::Element::id)
            .filter(|id| !id.is_empty())
    } else {
        CHAIN_ID.with(|c| c.borrow().clone())
    };
    CHAIN_ID.with(|c| c.borrow_mut().clone_from(&opener_id));
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
        if let Some(mutations) = observer.lock().ok().and_then(|mut o| o.take()) {
            mutations.disconnect();
        }
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
        // Back to what opened it: itself, or (drawn anew, or opened from
        // a dialog before) the control of its id; the page, redrawn after a
        // change, looks for that id again (`take_opener_id`).
        OPENER_ID.with(|id| id.borrow_mut().clone_from(&opener_id));
        let body: Option<web_sys::Node> = document().body().map(Into::into);
        let target = opener
            .filter(|o| o.is_connected() && !o.is_same_node(body.as_ref()))
            .or_else(|| opener_id.and_then(|id| document().get_element_by_id(&id)));
        if let Some(target) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = target.focus();
        }
    });
    Effect::new(move |_| {
        if let Some(panel) = panel.get() {
            focus_first(&panel);
        }
    });
    // A wizard's next step replaces the control that had focus: focus goes
    // on to the new step's field, or its way on, never back to the page.
    // The observer's callback lives as long as the dialog (dropped with it).
    let callback = StoredValue::new_local(None::<wasm_bindgen::closure::Closure<dyn Fn()>>);
    Effect::new(move |_| {
        let Some(root) = panel.get() else { return };
        let element: web_sys::Element = root.clone().into();
        let rescue = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
            // Outside, or on the dialog itself while its content loaded.
            let inside = document().active_element().is_some_and(|active| {
                element.contains(Some(&active)) && !active.is_same_node(Some(&element))
            });
            if !inside {
                crate::focus::focus_next_step(&element);
            }
        });
        if let Ok(mutations) = web_sys::MutationObserver::new(rescue.as_ref().unchecked_ref()) {
            let options = web_sys::MutationObserverInit::new();
            options.set_child_list(true);
            options.set_subtree(true);
            let _ = mutations.observe_with_options(&root, &options);
            if let Ok(mut watched) = watching.lock() {
                *watched = Some(mutations);
            }
        }
        callback.set_value(Some(rescue));
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
        .query_selector("[data-step-start]")
        .ok()
        .flatten()
        .or_else(|| {
            root.query_selector("input, select, textarea, button:not([disabled])")
                .ok()
                .flatten()
        })
        .unwrap_or_else(|| root.clone());
    if let Ok(el) = target.dyn_into::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}
