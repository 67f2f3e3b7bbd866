//! Where focus goes after a move between pages: to the new page's heading
//! once it is there (pages load their data first), unless the page put it
//! somewhere. A move that loaded the page anew (from the sign-in entry to
//! the whole client) counts too. And where it goes when a step of a page
//! took away (or disabled) the control that had it: never to `<body>`.
//!
//! Architecture Invariant (WCAG 2.4.3): focus is never left on the body.
//! After a move to another page it goes to the page's `h1` once shown, unless
//! the page put it somewhere; a `Dialog` moves it in, to what the step marks
//! as its start (`data-step-start`) or the first field or button, and on each
//! new step to a refused field, the step's start or first field, else its
//! primary button; closed, it returns to what opened it (after a change that
//! drew the list anew, to the control of the same id, else the list's
//! heading). Full pages keep it the same way (`keep_focus_on_the_page`, one
//! `MutationObserver` over the body): when a step takes away the control that
//! had focus, it goes to a refused field, else the next step's start in the
//! same `data-focus-region`, else the page's `h1`; a control disabled while
//! busy gets it back when its request is answered. Playwright asserts the
//! focused element after each of these moments (`focus-steps.spec.ts`,
//! `history-and-focus.spec.ts`, `focus-pages.spec.ts`).

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// Where the note that the next page load is a move between pages is kept
/// (one tab's session storage: the load happens in the same tab).
const FOCUS_AFTER_LOAD_KEY: &str = "secinfo-focus-heading";

/// Focuses the heading of every page `path` moves to, and of this one if
/// the load that showed it was such a move.
pub fn focus_heading_after_moves(path: Signal<String>) {
    let moved_here = take_focus_heading_after_load();
    Effect::new(move |previous: Option<String>| {
        let path = path.get();
        if previous.as_ref().map_or(moved_here, |p| *p != path) {
            // From the next tick: the old page is still there in this one.
            set_timeout(
                || focus_heading_when_shown(40),
                std::time::Duration::from_millis(50),
            );
        }
        path
    });
}

/// Notes that the page about to load was moved to, so that its heading
/// gets focus like after a move within the application.
pub fn focus_heading_after_load() {
    if let Ok(Some(storage)) = window().session_storage() {
        let _ = storage.set_item(FOCUS_AFTER_LOAD_KEY, "1");
    }
}

/// Whether this load was such a move; forgets the note.
fn take_focus_heading_after_load() -> bool {
    let Ok(Some(storage)) = window().session_storage() else {
        return false;
    };
    let noted = storage
        .get_item(FOCUS_AFTER_LOAD_KEY)
        .ok()
        .flatten()
        .is_some();
    let _ = storage.remove_item(FOCUS_AFTER_LOAD_KEY);
    noted
}

/// Focuses the main heading of a page that shows it only once an answer
/// came (while focus is still nowhere), as after a move.
pub fn focus_heading_once_shown() {
    focus_heading_when_shown(40);
}

/// Focuses the main heading as soon as it exists, while focus is nowhere
/// (on the body); gives up after `tries` × 50 ms.
fn focus_heading_when_shown(tries: u32) {
    let nowhere = document().active_element().is_none_or(|active| {
        document()
            .body()
            .is_some_and(|body| active.is_same_node(Some(&body)))
    });
    if !nowhere {
        return;
    }
    let heading = document()
        .query_selector("main h1")
        .ok()
        .flatten()
        .and_then(|h| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h).ok());
    match heading {
        Some(heading) => {
            let _ = heading.set_attribute("tabindex", "-1");
            let _ = heading.focus();
        }
        None if tries > 0 => set_timeout(
            move || focus_heading_when_shown(tries - 1),
            std::time::Duration::from_millis(50),
        ),
        None => {}
    }
}

/// Where a new step starts: a field refused, else what the step marks as
/// its start (`data-step-start`), else its first field, else its primary
/// button (Done), else any button, else `root` itself.
pub fn focus_next_step(root: &web_sys::Element) {
    let target = [
        "[aria-invalid='true']",
        "[data-step-start]",
        "input, select, textarea",
        ".button-primary:not([disabled])",
        "button:not([disabled])",
    ]
    .into_iter()
    .find_map(|selector| root.query_selector(selector).ok().flatten())
    .unwrap_or_else(|| root.clone());
    if let Ok(el) = target.dyn_into::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

thread_local! {
    /// The control that had focus last, and its step (`data-focus-region`).
    static LAST: RefCell<Option<(web_sys::Element, Option<web_sys::Element>)>> =
        const { RefCell::new(None) };
    /// Focus fell while that control was busy (disabled): it gets it back.
    static WAITING: Cell<bool> = const { Cell::new(false) };
    /// A look at the page is due.
    static SCHEDULED: Cell<bool> = const { Cell::new(false) };
}

/// Whether focus is on no control: the body, or nothing.
fn focus_is_nowhere() -> bool {
    document().active_element().is_none_or(|active| {
        document()
            .body()
            .is_some_and(|body| active.is_same_node(Some(&body)))
    })
}

/// Keeps focus on the page through the steps of its flows, as dialogs keep
/// it in theirs (`Dialog`): when a step takes away the control that had
/// focus (a step replaced by the next, an offer answered), focus goes,
/// once the page changed, to a refused field, else to the next step's start
/// in the same `data-focus-region`, else to the page's heading. A control
/// still there that the person left (a press on the background, another
/// window) keeps things as they are.
pub fn keep_focus_on_the_page() {
    let document = document();
    let focused = Closure::<dyn Fn(web_sys::FocusEvent)>::new(|ev: web_sys::FocusEvent| {
        let Some(element) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let region = element.closest("[data-focus-region]").ok().flatten();
        LAST.with(|l| *l.borrow_mut() = Some((element, region)));
        WAITING.with(|w| w.set(false));
    });
    let _ = document.add_event_listener_with_callback_and_bool(
        "focusin",
        focused.as_ref().unchecked_ref(),
        true,
    );
    focused.forget();
    // A step is drawn in more than one pass (a view inside a view): look
    // once the page has settled, one look for a burst of changes.
    let rescue = Closure::<dyn Fn()>::new(|| {
        // The browser lets go of a disabled control a moment later: it is
        // owed focus back from the moment it is disabled.
        let busy = LAST.with(|l| {
            l.borrow()
                .as_ref()
                .is_some_and(|(last, _)| last.is_connected() && last.has_attribute("disabled"))
        });
        if busy {
            WAITING.with(|w| w.set(true));
        }
        if SCHEDULED.with(|s| s.replace(true)) {
            return;
        }
        set_timeout(
            || {
                SCHEDULED.with(|s| s.set(false));
                rescue_lost_focus();
            },
            std::time::Duration::from_millis(30),
        );
    });
    if let (Ok(observer), Some(body)) = (
        web_sys::MutationObserver::new(rescue.as_ref().unchecked_ref()),
        document.body(),
    ) {
        let options = web_sys::MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        options.set_attributes(true);
        options.set_attribute_filter(&js_sys::Array::of2(
            &"disabled".into(),
            &"aria-invalid".into(),
        ));
        let _ = observer.observe_with_options(&body, &options);
    }
    rescue.forget();
}

/// After the page changed: puts focus that a step took away where the
/// person looks next.
fn rescue_lost_focus() {
    let Some((last, region)) = LAST.with(|l| l.borrow().clone()) else {
        return;
    };
    let busy = last.is_connected() && last.has_attribute("disabled");
    if !focus_is_nowhere() {
        return;
    }
    if last.is_connected() && !busy {
        // Back from busy: it takes focus again; else the person left it.
        if WAITING.with(|w| w.replace(false))
            && let Ok(last) = last.dyn_into::<web_sys::HtmlElement>()
        {
            let _ = last.focus();
        }
        return;
    }
    // A dialog keeps its own.
    if document()
        .query_selector("[role='dialog']")
        .ok()
        .flatten()
        .is_some()
    {
        return;
    }
    let scope = region
        .filter(|r| r.is_connected())
        .or_else(|| document().query_selector("main").ok().flatten());
    let Some(scope) = scope else { return };
    if let Some(refused) = scope.query_selector("[aria-invalid='true']").ok().flatten()
        && let Ok(refused) = refused.dyn_into::<web_sys::HtmlElement>()
    {
        let _ = refused.focus();
        return;
    }
    // Busy: it takes focus back once its request is answered.
    if busy {
        return;
    }
    // A step still loading gets it once it is there; a step that marks its
    // start (a call under way, with its own progress) gets it now.
    let loading = scope.query_selector(".progress").ok().flatten().is_some();
    if loading
        && scope
            .query_selector("[data-step-start]")
            .ok()
            .flatten()
            .is_none()
    {
        return;
    }
    if scope.has_attribute("data-focus-region") {
        focus_next_step(&scope);
    } else if let Some(heading) = scope
        .query_selector("h1")
        .ok()
        .flatten()
        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = heading.set_attribute("tabindex", "-1");
        let _ = heading.focus();
    }
}
