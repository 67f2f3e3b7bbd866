use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::progress::Progress;
use crate::i18n::{I18n, use_i18n};
use crate::layout::Shell;
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
            <Shell>
                <Show when=move || session.ready.get() fallback=|| view! { <Loading/> }>
                    <Routes fallback=|| view! { <NotFound/> }>
                        <Route path=path!("/") view=SecurityInfoPage/>
                        <Route path=path!("/security-info") view=SecurityInfoPage/>
                        <Route path=path!("/overview") view=OverviewPage/>
                        <Route path=path!("/signin") view=SignInPage/>
                        <Route path=path!("/admin/policy") view=PolicyPage/>
                        <Route path=path!("/password") view=PasswordPage/>
                        <Route path=path!("/reset-password") view=ResetPasswordPage/>
                    </Routes>
                </Show>
            </Shell>
        </Router>
    }
}

#[component]
fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! { <Progress label=Signal::derive(move || i18n.t("shell-loading"))/> }
}
