//! The Security info page: default sign-in method and registered methods.

use i18n::Args;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;
use models::{ErrorCode, MethodKind, MethodView, SecurityInfo};

use crate::api;
use crate::app::use_page_title;
use crate::components::alert::ErrorAlert;
use crate::components::progress::Progress;
use crate::i18n::{I18n, use_i18n};
use crate::session::use_session;

#[component]
pub fn SecurityInfoPage() -> impl IntoView {
    use_page_title("security-info-title");
    let session = use_session();
    let location = use_location();
    move || {
        if session.user.with(Option::is_none) {
            let here = location.pathname.get_untracked();
            let here = if here == "/" {
                "/security-info".to_owned()
            } else {
                here
            };
            view! { <Redirect path=format!("/signin?next={here}")/> }.into_any()
        } else {
            view! { <SecurityInfoContent/> }.into_any()
        }
    }
}

fn method_name(i18n: &I18n, kind: MethodKind) -> String {
    let id = match kind {
        MethodKind::Phone => "method-kind-phone",
        MethodKind::AlternatePhone => "method-kind-alternate-phone",
        MethodKind::OfficePhone => "method-kind-office-phone",
        MethodKind::AuthenticatorApp => "method-kind-authenticator-app",
        MethodKind::Email => "method-kind-email",
        MethodKind::SecurityQuestions => "method-kind-security-questions",
        MethodKind::SecurityKey => "method-kind-security-key",
    };
    i18n.t(id)
}

#[component]
fn SecurityInfoContent() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let info = LocalResource::new(api::security_info);
    let display_name = move || {
        session.user.with(|u| {
            u.as_ref()
                .map(|u| u.display_name.clone())
                .unwrap_or_default()
        })
    };
    let signed_in_as = move || {
        let mut args = Args::new();
        args.set("name", display_name());
        i18n.t_with("security-info-signed-in-as", &args)
    };

    let body = move || {
        Suspend::new(async move {
            match info.await {
                Ok(info) => view! { <Methods info=info/> }.into_any(),
                Err(error) => {
                    if error.code == ErrorCode::NotSignedIn {
                        session.user.set(None);
                    }
                    let message = Signal::derive(move || Some(i18n.error(&error)));
                    view! { <ErrorAlert message=message/> }.into_any()
                }
            }
        })
    };

    view! {
        <section class="security-info">
            <header class="page-header">
                <h1>{move || i18n.t("security-info-title")}</h1>
                <p class="lead">{move || i18n.t("security-info-intro")}</p>
                <p class="muted">{signed_in_as}</p>
            </header>
            <Suspense fallback=move || view! { <Progress label=Signal::derive(move || i18n.t("shell-loading"))/> }>
                {body}
            </Suspense>
        </section>
    }
}

#[component]
fn Methods(info: SecurityInfo) -> impl IntoView {
    let i18n = use_i18n();
    let SecurityInfo {
        default_method,
        methods,
    } = info;
    let default_label = move || match &default_method {
        Some(m) => format!("{} – {}", method_name(&i18n, m.kind), m.detail),
        None => i18n.t("security-info-default-none"),
    };
    let rows = methods.clone();
    view! {
        <div class="card">
            <dl class="default-method">
                <dt>{move || i18n.t("security-info-default-label")}</dt>
                <dd>{default_label}</dd>
            </dl>
        </div>
        <div class="card">
            <h2>{move || i18n.t("security-info-methods-heading")}</h2>
            {if rows.is_empty() {
                view! { <p class="empty-state">{move || i18n.t("security-info-no-methods")}</p> }.into_any()
            } else {
                view! {
                    <ul class="method-list">
                        {rows.into_iter().map(|m: MethodView| {
                            let kind = m.kind;
                            view! {
                                <li class="method-row">
                                    <span class="method-kind">{move || method_name(&i18n, kind)}</span>
                                    <span class="method-detail">{m.detail}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </div>
    }
}
