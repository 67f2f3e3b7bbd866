use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::progress::Progress;
use crate::features::step_up::StepUp;
use crate::i18n::{ALL_MESSAGES, I18n, SIGN_IN_MESSAGES, use_i18n};
use crate::layout::{SIGNED_IN_PARTS, Shell};
use crate::pages::{
    not_found::NotFound, overview::OverviewPage, password::PasswordPage, policy::PolicyPage,
    reset_password::ResetPasswordPage, security_info::SecurityInfoPage, sign_in::SignInPage,
    whole_app::LoadWholeApp,
};
use crate::session::Session;

#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n::provide(ALL_MESSAGES);
    let session = Session::provide(i18n);

    view! {
        <Router>
            <Shell signed_in=SIGNED_IN_PARTS>
                <Show when=move || session.ready.get() fallback=|| view! { <Loading/> }>
                    <Routes fallback=|| view! { <NotFound/> }>
                        <Route path=path!("/") view=SecurityInfoPage/>
                        <Route path=path!("/security-info") view=SecurityInfoPage/>
                        <Route path=path!("/overview") view=OverviewPage/>
                        <Route path=path!("/signin") view=|| view! { <SignInPage second_step=step_up_at_sign_in/> }/>
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
fn step_up_at_sign_in(verified: Callback<()>) -> AnyView {
    view! { <StepUp at_sign_in=true on_verified=verified/> }.into_any()
}

/// The sign-in page alone. Any other address it reaches (the page after
/// signing in, a link to password reset) is loaded from the server, which
/// answers it with the whole application. The server sends this entry to
/// nobody with a session, so the form is shown at once, not after the
/// session's answer (a sign-in sent before it waits for its CSRF token; a
/// session that turns out to exist moves on as the page would).
#[component]
pub fn SignInEntry() -> impl IntoView {
    let i18n = I18n::provide(SIGN_IN_MESSAGES);
    Session::provide(i18n);

    view! {
        <Router>
            <Shell>
                <Routes fallback=|| view! { <LoadWholeApp/> }>
                    <Route path=path!("/signin") view=|| view! { <SignInPage/> }/>
                </Routes>
            </Shell>
        </Router>
    }
}

#[component]
fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! { <Progress label=Signal::derive(move || i18n.t("shell-loading"))/> }
}
