//! Overview (like My Sign-Ins' first page): who is signed in and for which
//! organization, whether their methods cover sign-in and password reset,
//! and a way to each place. It asks for nothing a step-up guards: while
//! one is due, the coverage waits behind a link to Security info.

use leptos::prelude::*;
use models::SecurityInfo;
use models::endpoints::{GetSecurityInfo, MyApplications};
use models::oidc::ApplicationSignIn;

use crate::api;
use crate::components::account_menu::initials;
use crate::components::icons::{Glyph, Icon};
use crate::features::methods::list::CoverageStatus;
use crate::i18n::use_i18n;
use crate::labels::date_time;
use crate::pages::signed_in::SignedIn;
use crate::session::use_session;
use crate::title::use_page_title;

#[component]
pub fn OverviewPage() -> impl IntoView {
    use_page_title("overview-title");
    view! { <SignedIn><Overview/></SignedIn> }
}

#[component]
fn Overview() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let info: RwSignal<Option<SecurityInfo>> = RwSignal::new(None);
    if !session.step_up_required.get_untracked() {
        leptos::task::spawn_local(async move {
            // Anything but an answer leaves the link to Security info, which
            // says what went wrong in full.
            if let Ok(loaded) = api::call::<GetSecurityInfo>(&()).await {
                info.try_set(Some(loaded));
            }
        });
    }
    // The applications they signed in to through secinfo, once known.
    let applications: RwSignal<Vec<ApplicationSignIn>> = RwSignal::new(Vec::new());
    leptos::task::spawn_local(async move {
        if let Ok(seen) = api::call::<MyApplications>(&()).await {
            applications.try_set(seen);
        }
    });
    let user = move |f: fn(&models::UserView) -> String| session.user_text(f);
    let is_admin = move || session.is_admin();
    view! {
        <section class="overview">
            <h1>{move || i18n.t("overview-title")}</h1>
            <div class="overview-grid">
                <div class="card overview-account">
                    <span class="avatar avatar-large" aria-hidden="true" data-initials=move || initials(&user(|u| u.display_name.clone()))></span>
                    <div>
                        <h2 translate="no">{move || user(|u| u.display_name.clone())}</h2>
                        <p class="muted" translate="no">{move || user(|u| u.account_name.to_string())}</p>
                        <p class="muted" translate="no">{move || user(|u| u.organization.clone())}</p>
                    </div>
                </div>
                <div class="card overview-card">
                    <h2><Icon glyph=Glyph::SecurityInfo/>{move || i18n.t("security-info-title")}</h2>
                    {move || match info.get() {
                        Some(info) => view! { <CoverageStatus coverage=info.coverage/> }.into_any(),
                        None if session.step_up_required.get() => view! {
                            <p class="muted">{move || i18n.t("overview-security-info-verify")}</p>
                        }.into_any(),
                        None => ().into_any(),
                    }}
                    <a class="button button-secondary" href="/security-info">{move || i18n.t("overview-security-info-link")}</a>
                </div>
                <div class="card overview-card">
                    <h2><Icon glyph=Glyph::Password/>{move || i18n.t("overview-password-heading")}</h2>
                    <p class="muted">{move || i18n.t("overview-password-text")}</p>
                    <a class="button button-secondary" href="/password">{move || i18n.t("password-link")}</a>
                </div>
                <Show when=move || applications.with(|a| !a.is_empty())>
                    <div class="card overview-card">
                        <h2>{move || i18n.t("overview-applications-title")}</h2>
                        <ul class="overview-applications">
                            {move || applications.get().into_iter().map(|seen| {
                                let mut args = i18n::Args::new();
                                args.set("application", seen.name);
                                args.set("time", date_time(&i18n, seen.at));
                                view! { <li>{move || i18n.t_with("overview-application-line", &args)}</li> }
                            }).collect_view()}
                        </ul>
                    </div>
                </Show>
                <Show when=is_admin>
                    <div class="card overview-card">
                        <h2><Icon glyph=Glyph::Policy/>{move || i18n.t("policy-title")}</h2>
                        <p class="muted">{move || i18n.t("overview-policy-text")}</p>
                        <a class="button button-secondary" href="/admin/policy">{move || i18n.t("overview-policy-link")}</a>
                    </div>
                </Show>
            </div>
        </section>
    }
}
