use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::address::Address;
use crate::components::progress::Progress;
use crate::features::verify::second_step::SecondStep;
use crate::focus::{focus_heading_after_moves, keep_focus_on_the_page};
use crate::i18n::{ALL_MESSAGES, I18n, SIGN_IN_MESSAGES, use_i18n};
use crate::layout::{SIGNED_IN_PARTS, Shell};
use crate::pages::{
    invitation::InvitationPage, not_found::NotFound, overview::OverviewPage,
    password::PasswordPage, people::PeoplePage, people_import::PeopleImportPage,
    person::PersonPage, policy::PolicyPage, reset_password::ResetPasswordPage,
    security_info::SecurityInfoPage, sign_in::SignInPage,
};
use crate::session::Session;

#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n::provide(ALL_MESSAGES);
    let session = Session::provide(i18n);
    view! { <Router><RoutedPages session/></Router> }
}

/// The whole client's frame and pages, inside its router.
#[component]
fn RoutedPages(session: Session) -> impl IntoView {
    Address::provide_from_router();
    focus_heading_after_moves(use_location().pathname.into());
    keep_focus_on_the_page();
    view! {
        <Shell signed_in=SIGNED_IN_PARTS>
            <Show when=move || session.ready.get() fallback=|| view! { <Loading/> }>
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=SecurityInfoPage/>
                    <Route path=path!("/security-info") view=SecurityInfoPage/>
                    <Route path=path!("/overview") view=OverviewPage/>
                    <Route path=path!("/signin") view=|| view! { <SignInPage second_step=step_up_at_sign_in/> }/>
                    <Route path=path!("/admin/policy") view=PolicyPage/>
                    <Route path=path!("/admin/people") view=PeoplePage/>
                    <Route path=path!("/admin/people/import") view=PeopleImportPage/>
                    <Route path=path!("/admin/people/:id") view=PersonPage/>
                    <Route path=path!("/password") view=PasswordPage/>
                    <Route path=path!("/reset-password") view=ResetPasswordPage/>
                    <Route path=path!("/invitation") view=InvitationPage/>
                </Routes>
            </Show>
        </Shell>
    }
}

/// The sign-in page's second step here.
fn step_up_at_sign_in(verified: Callback<()>) -> AnyView {
    view! { <SecondStep on_verified=verified/> }.into_any()
}

/// The sign-in page alone, without a router: the server sends this entry
/// only to `/signin` and only to somebody without a session, so the form
/// is shown at once, not after the session's answer (a sign-in sent before
/// it waits for its CSRF token; a session that turns out to exist moves on
/// as the page would). Every other page, the second step included, is
/// loaded from the server, which answers it with the whole client.
#[component]
pub fn SignInEntry() -> impl IntoView {
    let i18n = I18n::provide(SIGN_IN_MESSAGES);
    Session::provide(i18n);
    Address::provide_from_browser(Signal::derive(move || i18n.asked_tag()));
    let here = window().location().pathname().unwrap_or_default();
    focus_heading_after_moves(Signal::stored(here));
    keep_focus_on_the_page();
    view! {
        <Shell>
            <SignInPage/>
        </Shell>
    }
}

#[component]
fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! { <Progress label=Signal::derive(move || i18n.t("shell-loading"))/> }
}
