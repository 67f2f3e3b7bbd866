use std::cell::Cell;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::address::Address;
use crate::components::progress::Progress;
use crate::features::verify::second_step::SecondStep;
use crate::features::verify::stronger_sign_in::StrongerSignIn;
use crate::focus::{focus_heading_after_moves, keep_focus_on_the_page};
use crate::i18n::{I18n, MEMBER_MESSAGES, SIGN_IN_MESSAGES, use_i18n};
use crate::layout::{SIGNED_IN_PARTS, Shell};
use crate::pages::{
    AdminPage, invitation::InvitationPage, not_found::NotFound, overview::OverviewPage,
    password::PasswordPage, reset_password::ResetPasswordPage, security_info::SecurityInfoPage,
    sign_in::SignInPage,
};
use crate::session::Session;
use i18n::Localizer;
use models::oidc::StrongerProof;

#[component]
pub fn App() -> impl IntoView {
    let messages = ADMIN_PAGES
        .with(Cell::get)
        .map_or(MEMBER_MESSAGES, |(_, messages)| messages);
    let i18n = I18n::provide(messages);
    let session = Session::provide(i18n);
    view! { <Router><RoutedPages session/></Router> }
}

/// Draws an administrators' page.
type DrawAdminPage = fn(AdminPage) -> AnyView;

thread_local! {
    /// How this entry draws the administrators' pages, and the messages
    /// with theirs: set by the administrators' entry (`start_admin`) alone,
    /// so that the linker leaves both out of the whole client, which
    /// everyone downloads.
    static ADMIN_PAGES: Cell<Option<(DrawAdminPage, Localizer)>> = const { Cell::new(None) };
}

/// Lets this entry draw the administrators' pages, in `messages`.
pub fn with_admin_pages(pages: DrawAdminPage, messages: Localizer) {
    ADMIN_PAGES.with(|p| p.set(Some((pages, messages))));
}

thread_local! {
    /// The address this entry was loaded at.
    static LOADED_AT: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Notes the address this entry was loaded at.
pub fn loaded_here() {
    let here = window().location().pathname().unwrap_or_default();
    LOADED_AT.with(|at| *at.borrow_mut() = here);
}

/// An administrators' page: drawn here by the administrators' entry; in
/// the whole client, moved to, the page is loaded from the server, which
/// answers it with the administrators' entry (as moving to the sign-in
/// page does). Loaded here already, the server has no such page: it is
/// not found, rather than loaded again and again.
fn administrators(page: AdminPage) -> AnyView {
    if let Some((draw, _)) = ADMIN_PAGES.with(Cell::get) {
        return draw(page);
    }
    // The router's address: the browser's may still be the page left.
    let location = use_location();
    let here = location.pathname.get_untracked();
    if LOADED_AT.with(|at| *at.borrow() == here) {
        return view! { <NotFound/> }.into_any();
    }
    let query = location.search.get_untracked();
    let address = match query.is_empty() {
        true => here,
        false => format!("{here}?{query}"),
    };
    // Loaded anew, the page focuses its heading, as after any move.
    crate::focus::focus_heading_after_load();
    let _ = window().location().assign(&address);
    view! { <Loading/> }.into_any()
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
                    // An application's sign-out request (OpenID Connect).
                    <Route path=path!("/oauth2/logout") view=crate::pages::application_sign_out::ApplicationSignOutPage/>
                    // An application's sign-in request (OpenID Connect).
                    <Route path=path!("/oauth2/authorize") view=|| view! { <SignInPage second_step=step_up_at_sign_in stronger=stronger_sign_in post=crate::pages::authorize_post::post_once/> }/>
                    <Route path=path!("/admin/policy") view=|| administrators(AdminPage::Policy)/>
                    <Route path=path!("/admin/people") view=|| administrators(AdminPage::People)/>
                    <Route path=path!("/admin/people/import") view=|| administrators(AdminPage::PeopleImport)/>
                    <Route path=path!("/admin/applications") view=|| administrators(AdminPage::Applications)/>
                    <Route path=path!("/admin/people/:id") view=|| administrators(AdminPage::Person)/>
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

/// The stronger sign-in an application asked for.
fn stronger_sign_in(application: String, proof: StrongerProof, verified: Callback<()>) -> AnyView {
    view! { <StrongerSignIn application proof on_verified=verified/> }.into_any()
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
