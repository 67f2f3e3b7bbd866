//! Not a page of this entry: the sign-in entry hands every other address
//! (and the second step of a sign-in) to the whole client.

use leptos::prelude::*;

use crate::components::progress::Progress;
use crate::i18n::use_i18n;

/// Loads the address the router is at from the server: for anyone with a
/// session (signed in, or waiting for the second step) it answers with
/// the whole application, which takes over (and focuses its page's
/// heading, as after any move between pages).
#[component]
pub fn LoadWholeApp() -> impl IntoView {
    let i18n = use_i18n();
    // Where the router is (its query without the "?").
    let router = leptos_router::hooks::use_location();
    let mut search = router.search.get_untracked();
    // A language the address asked for (`?lng=`) stays, as it did while
    // the pages were one application.
    if let Some(lng) = i18n.asked_tag()
        && !search.split('&').any(|pair| pair.starts_with("lng="))
    {
        if !search.is_empty() {
            search.push('&');
        }
        search.push_str(&format!("lng={lng}"));
    }
    let target = match search.is_empty() {
        true => router.pathname.get_untracked(),
        false => format!("{}?{search}", router.pathname.get_untracked()),
    };
    crate::layout::focus_heading_after_load();
    // From the next tick: the router records a move in the history after
    // showing the page it moves to. Reloaded if the address is already
    // there, loaded as a new entry (Back returns) if not.
    set_timeout(
        move || {
            let location = window().location();
            let here = format!(
                "{}{}",
                location.pathname().unwrap_or_default(),
                location.search().unwrap_or_default()
            );
            let _ = match here == target {
                true => location.reload(),
                false => location.assign(&target),
            };
        },
        std::time::Duration::ZERO,
    );
    view! { <Progress label=Signal::derive(move || i18n.t("shell-loading"))/> }
}
