//! The one guard of the pages only a signed-in person sees: anybody else
//! goes to the sign-in, which brings them back to the page they asked for.

use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;

use crate::session::use_session;

/// `children` for a signed-in person; the sign-in (returning here) for
/// anybody else.
#[component]
pub fn SignedIn(children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let location = use_location();
    // Only signing in or out redraws the page: a change to the person
    // (their language, a first password) keeps what the page holds.
    let signed_in = Memo::new(move |_| session.is_signed_in());
    move || {
        if signed_in.get() {
            children().into_any()
        } else {
            let here = location.pathname.get_untracked();
            view! { <Redirect path=models::sign_in_returning_to(&here)/> }.into_any()
        }
    }
}
