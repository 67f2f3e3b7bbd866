use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::progress::Progress;
use crate::features::step_up::StepUp;
use crate::i18n::{I18n, use_i18n};
use crate::layout::{SIGNED_IN_PARTS, Shell};
use crate::pages::{
    not_found::NotFound, overview::OverviewPage, password::PasswordPage, policy::PolicyPage,
    reset_password::ResetPasswordPage, security_info::SecurityInfoPage, sign_in::SignInPage,
};
use crate::session::Session;

#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n::provide();
    let session = Session::provide(i18n);

    view! {
        <Router>
            <Shell signed_in=SIGNED_IN_PARTS>
                <Show when=move || session.ready.get() fallback=|| view! { <Loading/> }>
                    <Routes fallback=|| view! { <NotFound/> }>
                        <Route path=path!("/") view=SecurityInfoPage/>
                        <Route path=path!("/security-info") view=SecurityInfoPage/>
                        <Route path=path!("/overview") view=OverviewPage/>
                        <Route path=path!("/signin") view=|| view! { <SignInPage second_step=second_step/> }/>
                        <Route path=path!("/admin/policy") view=PolicyPage/>
                        <Route path=path!("/password") view=PasswordPage/>
                        <Route path=path!("/reset-password") view=ResetPasswordPage/>
                    </Routes>
                </Show>
            </Shell>
        </Router>
    }
}

/// The sign-in page's second step here: the step-up.
fn second_step(verified: Callback<()>) -> AnyView {
    view! { <StepUp at_sign_in=true on_verified=verified/> }.into_any()
}

/// The sign-in page alone. Any other address it reaches (the page after
/// signing in, a link to password reset) is loaded from the server, which
/// answers it with the whole application.
#[component]
pub fn SignInEntry() -> impl IntoView {
    let i18n = I18n::provide();
    let session = Session::provide(i18n);

    view! {
        <Router>
            <Shell>
                <Show when=move || session.ready.get() fallback=|| view! { <Loading/> }>
                    <Routes fallback=|| view! { <LoadWholeApp/> }>
                        <Route path=path!("/signin") view=|| view! { <SignInPage/> }/>
                    </Routes>
                </Show>
            </Shell>
        </Router>
    }
}

/// Loads the address the router is at from the server: for anyone with a
/// session (signed in, or waiting for the second step) it answers with
/// the whole application, which takes over (and focuses its page's
/// heading, as after any move between pages).
#[component]
pub fn LoadWholeApp() -> impl IntoView {
    // Where the router is (its query without the "?").
    let router = leptos_router::hooks::use_location();
    let mut search = router.search.get_untracked();
    // A language the address asked for (`?lng=`) stays, as it did while
    // the pages were one application.
    if let Some(lng) = use_i18n().asked_tag()
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
    view! { <Loading/> }
}

#[component]
fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! { <Progress label=Signal::derive(move || i18n.t("shell-loading"))/> }
}
