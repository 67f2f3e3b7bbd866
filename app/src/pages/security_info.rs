//! The Security info page: default sign-in method, methods, and the
//! dialogs that add, change and delete them (SPEC §1).

use i18n::Args;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;
use models::{
    ApiError, ErrorCode, MethodKind, MethodView, PhoneDelivery, SecurityInfo, SetDefaultRequest,
};

use crate::api;
use crate::app::use_page_title;
use crate::components::alert::ErrorAlert;
use crate::components::dialog::Dialog;
use crate::components::progress::Progress;
use crate::features::method_wizard::MethodWizard;
use crate::features::registration::Registration;
use crate::features::step_up::StepUp;
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

pub fn method_name(i18n: &I18n, kind: MethodKind) -> String {
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

/// "Phone - text +1 4255551234" and the like (SPEC §1).
pub fn default_label(i18n: &I18n, method: &MethodView, delivery: Option<PhoneDelivery>) -> String {
    let id = match (method.kind, delivery) {
        (MethodKind::Phone, Some(PhoneDelivery::Text)) => "methods-default-phone-text",
        (MethodKind::Phone, _) => "methods-default-phone-call",
        (MethodKind::AlternatePhone, _) => "methods-default-alternate-phone-call",
        (MethodKind::OfficePhone, _) => "methods-default-office-phone-call",
        (MethodKind::SecurityKey, _) => "methods-default-security-key",
        (kind, _) => return method_name(i18n, kind),
    };
    let mut args = Args::new();
    args.set("number", method.detail.clone());
    args.set("name", method.detail.clone());
    i18n.t_with(id, &args)
}

/// Every (method, delivery) the person can pick as default.
fn default_choices(info: &SecurityInfo) -> Vec<(MethodView, Option<PhoneDelivery>)> {
    let mut choices = Vec::new();
    for m in info
        .methods
        .iter()
        .filter(|m| m.kind.mfa_capable() && m.usable)
    {
        if m.kind.is_phone() {
            for d in m.kind.deliveries().iter().rev() {
                choices.push((m.clone(), Some(*d)));
            }
        } else {
            choices.push((m.clone(), None));
        }
    }
    choices
}

/// What the page shows over the list.
#[derive(Clone, Debug, PartialEq)]
enum Panel {
    None,
    Add,
    Wizard {
        kind: MethodKind,
        replaces: Option<String>,
    },
    Delete(String),
    Default,
}

#[component]
fn SecurityInfoContent() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let reload = RwSignal::new(0u32);
    let loaded: RwSignal<Option<Result<SecurityInfo, ApiError>>> = RwSignal::new(None);
    Effect::new(move |_| {
        reload.track();
        leptos::task::spawn_local(async move {
            let result = api::security_info().await;
            if let Err(e) = &result
                && e.code == ErrorCode::NotSignedIn
            {
                session.user.set(None);
            }
            loaded.set(Some(result));
        });
    });
    let navigate = leptos_router::hooks::use_navigate();
    let sign_out_everywhere = Callback::new(move |()| {
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            if api::sign_out_everywhere().await.is_ok() {
                session.user.set(None);
                // A fresh CSRF token for the next sign-in.
                let _ = api::session().await;
                navigate("/signin", Default::default());
            }
        });
    });
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

    view! {
        {move || match loaded.get() {
            None => view! { <Progress label=Signal::derive(move || i18n.t("shell-loading"))/> }.into_any(),
            Some(Err(e)) if e.code == ErrorCode::StepUpRequired => view! {
                <StepUp on_verified=Callback::new(move |()| reload.update(|n| *n += 1))/>
            }.into_any(),
            Some(Err(e)) => view! {
                <section class="security-info">
                    <h1>{move || i18n.t("security-info-title")}</h1>
                    <ErrorAlert message=Signal::derive(move || Some(i18n.error(&e)))/>
                </section>
            }.into_any(),
            // Registration is enforced: nothing else until enough methods exist.
            Some(Ok(info)) if info.methods.len() < info.required && !info.addable.is_empty() => view! {
                <Registration info on_done=Callback::new(move |info| loaded.set(Some(Ok(info))))/>
            }.into_any(),
            Some(Ok(info)) => view! {
                <section class="security-info">
                    <header class="page-header">
                        <h1>{move || i18n.t("security-info-title")}</h1>
                        <p class="lead">{move || i18n.t("security-info-intro")}</p>
                        <p class="muted">{signed_in_as}</p>
                    </header>
                    <Methods info=info on_change=Callback::new(move |info| loaded.set(Some(Ok(info))))/>
                    <p class="sign-out-everywhere">
                        <button type="button" class="button button-link" on:click=move |_| sign_out_everywhere.run(())>
                            {move || i18n.t("security-info-sign-out-everywhere")}
                        </button>
                    </p>
                    <Show when=move || session.user.with(|u| u.as_ref().is_some_and(|u| u.is_admin))>
                        <p class="admin-link"><a href="/admin/policy">{move || i18n.t("policy-title")}</a></p>
                    </Show>
                </section>
            }.into_any(),
        }}
    }
}

#[component]
fn Methods(info: SecurityInfo, on_change: Callback<SecurityInfo>) -> impl IntoView {
    let i18n = use_i18n();
    let panel = RwSignal::new(Panel::None);
    let info = StoredValue::new(info);
    let default_view = move || {
        info.with_value(|info| {
            info.default_method.as_ref().and_then(|d| {
                info.methods
                    .iter()
                    .find(|m| m.id == d.method_id)
                    .map(|m| (m.clone(), d.delivery))
            })
        })
    };
    let default_text = move || match default_view() {
        Some((m, delivery)) => default_label(&i18n, &m, delivery),
        None => i18n.t("security-info-default-none"),
    };
    let has_default_choices = info.with_value(|info| !default_choices(info).is_empty());
    let rows = info.with_value(|info| info.methods.clone());
    let coverage = info.with_value(|info| info.coverage.clone());
    let coverage_lines = move || {
        let mut mfa = Args::new();
        mfa.set("count", coverage.mfa_methods);
        let mut sspr = Args::new();
        sspr.set("count", coverage.sspr_methods);
        sspr.set("missing", coverage.sspr_missing);
        [
            if coverage.mfa_methods > 0 {
                i18n.t_with("coverage-mfa-ready", &mfa)
            } else {
                i18n.t("coverage-mfa-missing")
            },
            if coverage.sspr_missing == 0 {
                i18n.t_with("coverage-sspr-ready", &sspr)
            } else {
                i18n.t_with("coverage-sspr-missing", &sspr)
            },
        ]
    };
    let close = Callback::new(move |()| panel.set(Panel::None));
    let updated = Callback::new(move |new_info: SecurityInfo| {
        panel.set(Panel::None);
        on_change.run(new_info);
    });

    view! {
        <div class="card">
            <ul class="coverage">
                {move || coverage_lines().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
            <dl class="default-method">
                <dt>{move || i18n.t("security-info-default-label")}</dt>
                <dd>{default_text}</dd>
            </dl>
            <Show when=move || has_default_choices>
                <button type="button" class="button button-link" on:click=move |_| panel.set(Panel::Default)
                    aria-label=move || format!("{}: {}", i18n.t("methods-default-change"), i18n.t("security-info-default-label"))>
                    {move || i18n.t("methods-default-change")}
                </button>
            </Show>
        </div>
        <div class="card">
            <div class="card-header">
                <h2>{move || i18n.t("security-info-methods-heading")}</h2>
                <button type="button" class="button button-primary" on:click=move |_| panel.set(Panel::Add)>
                    <span aria-hidden="true">"+ "</span>{move || i18n.t("methods-add")}
                </button>
            </div>
            {if rows.is_empty() {
                view! { <p class="empty-state">{move || i18n.t("security-info-no-methods")}</p> }.into_any()
            } else {
                view! {
                    <ul class="method-list">
                        {rows.into_iter().map(|m: MethodView| {
                            let kind = m.kind;
                            let (id_change, id_delete) = (m.id.clone(), m.id.clone());
                            let delivery = m.delivery.map(|d| if d == PhoneDelivery::Text { "methods-delivery-text" } else { "methods-delivery-call" });
                            let name = move || method_name(&i18n, kind);
                            view! {
                                <li class="method-row">
                                    <span class="method-kind">{name}</span>
                                    <span class="method-detail">{m.detail.clone()}</span>
                                    <span class="method-delivery">{move || delivery.map(|d| i18n.t(d))}</span>
                                    {(!m.usable).then(|| view! { <span class="method-unusable">{move || i18n.t("methods-not-usable")}</span> })}
                                    <span class="method-actions">
                                        <Show when=move || kind.is_phone() || kind == MethodKind::Email>
                                            <button type="button" class="button button-link"
                                                aria-label=move || format!("{}: {}", i18n.t("methods-change"), name())
                                                on:click={
                                                    let id = id_change.clone();
                                                    move |_| panel.set(Panel::Wizard { kind, replaces: Some(id.clone()) })
                                                }>
                                                {move || i18n.t("methods-change")}
                                            </button>
                                        </Show>
                                        <button type="button" class="button button-link"
                                            aria-label=move || format!("{}: {}", i18n.t("methods-delete"), name())
                                            on:click={
                                                let id = id_delete.clone();
                                                move |_| panel.set(Panel::Delete(id.clone()))
                                            }>
                                            {move || i18n.t("methods-delete")}
                                        </button>
                                    </span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </div>
        {move || match panel.get() {
            Panel::None => ().into_any(),
            Panel::Add => view! {
                <Dialog labelled_by="dialog-title" on_close=close>
                    <AddMethod addable=info.with_value(|i| i.addable.clone()) on_pick=Callback::new(move |kind| panel.set(Panel::Wizard { kind, replaces: None })) on_cancel=close/>
                </Dialog>
            }.into_any(),
            Panel::Wizard { kind, replaces } => view! {
                <Dialog labelled_by="dialog-title" on_close=close>
                    <MethodWizard kind replaces on_done=updated on_cancel=close/>
                </Dialog>
            }.into_any(),
            Panel::Delete(id) => view! {
                <Dialog labelled_by="dialog-title" on_close=close>
                    <DeleteMethod id info=info.get_value() on_deleted=updated on_cancel=close/>
                </Dialog>
            }.into_any(),
            Panel::Default => view! {
                <Dialog labelled_by="dialog-title" on_close=close>
                    <ChangeDefault info=info.get_value() on_changed=updated on_cancel=close/>
                </Dialog>
            }.into_any(),
        }}
    }
}

#[component]
fn AddMethod(
    addable: Vec<MethodKind>,
    on_pick: Callback<MethodKind>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let chosen = RwSignal::new(addable.first().copied());
    let options = addable.clone();
    view! {
        <h2 id="dialog-title">{move || i18n.t("add-method-title")}</h2>
        <form class="form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if let Some(kind) = chosen.get_untracked() { on_pick.run(kind) }
        }>
            {if options.is_empty() {
                view! { <p>{move || i18n.t("add-method-none")}</p> }.into_any()
            } else {
                view! {
                    <div class="field">
                        <label class="field-label" for="add-method-kind">{move || i18n.t("add-method-label")}</label>
                        <select id="add-method-kind" class="field-input" on:change=move |ev| chosen.set(MethodKind::parse(&event_target_value(&ev)))>
                            {options.into_iter().map(|kind| view! {
                                <option value=kind.as_str() selected=move || chosen.get() == Some(kind)>{move || method_name(&i18n, kind)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                }.into_any()
            }}
            <p class="muted">{move || i18n.t("add-method-missing-note")}</p>
            <div class="form-actions">
                <button type="button" class="button button-secondary" on:click=move |_| on_cancel.run(())>{move || i18n.t("dialog-cancel")}</button>
                <Show when=move || chosen.get().is_some()>
                    <button type="submit" class="button button-primary">{move || i18n.t("add-method-submit")}</button>
                </Show>
            </div>
        </form>
    }
}

/// Mirrors the server's choice of the next default (SPEC §7) to say it
/// before the person confirms.
/// The method that becomes the default when `deleted` goes: the choice the
/// server makes, through the same function (`models::next_default`).
fn next_default(info: &SecurityInfo, deleted: &str) -> Option<(MethodView, Option<PhoneDelivery>)> {
    let rest: Vec<&MethodView> = info.methods.iter().filter(|m| m.id != deleted).collect();
    let kinds: Vec<MethodKind> = rest.iter().map(|m| m.kind).collect();
    models::next_default(&kinds).map(|(i, delivery)| (rest[i].clone(), delivery))
}

#[component]
fn DeleteMethod(
    id: String,
    info: SecurityInfo,
    on_deleted: Callback<SecurityInfo>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error: RwSignal<Option<ApiError>> = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let is_default = info
        .default_method
        .as_ref()
        .is_some_and(|d| d.method_id == id);
    let next = is_default.then(|| next_default(&info, &id));
    // A security key is named in its own dialog: "Delete security key" → OK.
    let key_name = info
        .methods
        .iter()
        .find(|m| m.id == id && m.kind == MethodKind::SecurityKey)
        .map(|m| m.detail.clone());
    let is_key = key_name.is_some();
    let id = StoredValue::new(id);
    let confirm = move |_| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            match api::delete_method(&id.get_value()).await {
                Ok(info) => on_deleted.run(info),
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    view! {
        <h2 id="dialog-title">{move || i18n.t(if is_key { "security-key-delete-title" } else { "delete-dialog-title" })}</h2>
        <ErrorAlert message=Signal::derive(move || error.with(|e| e.as_ref().map(|e| i18n.error(e))))/>
        <p>{move || match &key_name {
            Some(name) => {
                let mut args = Args::new();
                args.set("name", name.clone());
                i18n.t_with("security-key-delete-question", &args)
            }
            None => i18n.t("delete-dialog-question"),
        }}</p>
        <p class="muted">{move || i18n.t("delete-dialog-warning")}</p>
        {next.map(|next| match next {
            Some((m, d)) => {
                let label = StoredValue::new(m);
                view! { <p class="notice">{move || {
                    let mut args = Args::new();
                    args.set("method", label.with_value(|m| default_label(&i18n, m, d)));
                    i18n.t_with("delete-dialog-default-moves", &args)
                }}</p> }.into_any()
            }
            None => view! { <p class="notice">{move || i18n.t("delete-dialog-no-default-left")}</p> }.into_any(),
        })}
        <div class="form-actions">
            <button type="button" class="button button-secondary" on:click=move |_| on_cancel.run(())>{move || i18n.t(if is_key { "dialog-cancel" } else { "delete-dialog-no" })}</button>
            <button type="button" class="button button-danger" disabled=move || busy.get() on:click=confirm>
                <Show when=move || busy.get()><span class="button-spinner" aria-hidden="true"></span></Show>
                {move || i18n.t(if is_key { "dialog-ok" } else { "delete-dialog-yes" })}
            </button>
        </div>
    }
}

#[component]
fn ChangeDefault(
    info: SecurityInfo,
    on_changed: Callback<SecurityInfo>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let choices = default_choices(&info);
    let current = choices
        .iter()
        .position(|(m, d)| {
            info.default_method
                .as_ref()
                .is_some_and(|def| def.method_id == m.id && def.delivery == *d)
        })
        .unwrap_or(0);
    let chosen = RwSignal::new(current);
    let error: RwSignal<Option<ApiError>> = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let choices = StoredValue::new(choices);
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((m, d)) = choices.with_value(|c| c.get(chosen.get_untracked()).cloned()) else {
            return;
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            match api::set_default(&SetDefaultRequest {
                method_id: m.id,
                delivery: d,
            })
            .await
            {
                Ok(info) => on_changed.run(info),
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    view! {
        <h2 id="dialog-title">{move || i18n.t("default-dialog-title")}</h2>
        <form class="form" novalidate on:submit=confirm>
            <ErrorAlert message=Signal::derive(move || error.with(|e| e.as_ref().map(|e| i18n.error(e))))/>
            <div class="field">
                <label class="field-label" for="default-method-choice">{move || i18n.t("default-dialog-label")}</label>
                <select id="default-method-choice" class="field-input" on:change=move |ev| {
                    if let Ok(n) = event_target_value(&ev).parse::<usize>() { chosen.set(n) }
                }>
                    {choices.get_value().into_iter().enumerate().map(|(n, (m, d))| {
                        let m = StoredValue::new(m);
                        view! { <option value=n.to_string() selected=move || chosen.get() == n>{move || m.with_value(|m| default_label(&i18n, m, d))}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="form-actions">
                <button type="button" class="button button-secondary" on:click=move |_| on_cancel.run(())>{move || i18n.t("dialog-back")}</button>
                <button type="submit" class="button button-primary" disabled=move || busy.get()>{move || i18n.t("default-dialog-confirm")}</button>
            </div>
        </form>
    }
}
