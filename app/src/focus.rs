//! Where focus goes after a move between pages: to the new page's heading
//! once it is there (pages load their data first), unless the page put it
//! somewhere. A move that loaded the page anew (from the sign-in entry to
//! the whole client) counts too.

use leptos::prelude::*;

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
