//! The one guard of the pages only a signed-in person sees: anybody else
//! goes to the sign-in, which brings them back to the page they asked for;
//! a person signed in with a temporary password goes to choose their own.

use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;

use models::PasswordState;

use crate::session::use_session;

/// Where a password is chosen.
const PASSWORD_PAGE: &str = "/password";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Gate {
    Open,
    SignIn,
    ChoosePassword,
}

/// `children` for a signed-in person; the sign-in (returning here) for
/// anybody else.
#[component]
pub fn SignedIn(children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let location = use_location();
    // Only signing in or out, or a temporary password, redraws the page: a
    // change to the person (their language, a first password, the
    // temporary one replaced where it is chosen) keeps what the page holds.
    let gate = Memo::new(move |_| {
        let temporary = session.user.with(|u| {
            u.as_ref()
                .is_some_and(|u| u.password == PasswordState::Temporary)
        });
        match (session.is_signed_in(), temporary) {
            (false, _) => Gate::SignIn,
            (true, true) if location.pathname.get() != PASSWORD_PAGE => Gate::ChoosePassword,
            (true, _) => Gate::Open,
        }
    });
    move || match gate.get() {
        Gate::Open => children().into_any(),
        Gate::ChoosePassword => view! { <Redirect path=PASSWORD_PAGE/> }.into_any(),
        Gate::SignIn => {
            let here = location.pathname.get_untracked();
            view! { <Redirect path=models::sign_in_returning_to(&here)/> }.into_any()
        }
    }
}
