//! Not a page of this entry: the sign-in entry hands the second step of a
//! sign-in to the whole client.

use leptos::prelude::*;

use crate::address::use_address;
use crate::components::progress::Progress;
use crate::i18n::use_i18n;

/// Loads this address again from the server: for anyone with a session
/// (signed in, or waiting for the second step) it answers with the whole
/// application, which takes over (and focuses its page's heading, as
/// after any move between pages).
#[component]
pub fn LoadWholeApp() -> impl IntoView {
    let i18n = use_i18n();
    use_address().reload();
    view! { <Progress label=Signal::derive(move || i18n.t("shell-loading"))/> }
}
