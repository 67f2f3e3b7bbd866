//! Applications (for administrators): those that sign their people in
//! through secinfo (OpenID Connect), and registering one — its client id,
//! and its secret shown this once, to copy into the application.

use leptos::prelude::*;
use models::endpoints::{ListApplications, RegisterApplication};
use models::oidc::{ApplicationView, NewApplication, RegisteredApplication};
use models::{ApiError, Field};

use crate::api;
use crate::components::actions::{FormActions, SubmitButton};
use crate::components::alert::ErrorAlert;
use crate::components::field::TextField;
use crate::components::progress::Progress;
use crate::components::shown_once::ShownOnce;
use crate::form_submit::FormSubmit;
use crate::i18n::use_i18n;
use crate::labels::date;
use crate::pages::for_administrators::ForAdministrators;
use crate::session::use_session;

/// What describes the redirect addresses' field: its hint, and its error
/// when there is one (element ids).
const URIS_HINT: &str = "application-uris-hint";
const URIS_HINT_AND_ERROR: &str = "application-uris-hint application-uris-error";

#[component]
pub fn ApplicationsPage() -> impl IntoView {
    view! { <ForAdministrators title_id="applications-title"><Applications/></ForAdministrators> }
}

#[component]
fn Applications() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let loaded: RwSignal<Option<Result<Vec<ApplicationView>, ApiError>>> = RwSignal::new(None);
    let reload = RwSignal::new(0u32);
    let registered: RwSignal<Option<RegisteredApplication>> = RwSignal::new(None);
    Effect::new(move |_| {
        reload.track();
        if session.step_up_required.get() {
            return;
        }
        leptos::task::spawn_local(async move {
            loaded.try_set(Some(api::call::<ListApplications>(&()).await));
        });
    });
    let on_registered = Callback::new(move |answer: RegisteredApplication| {
        registered.set(Some(answer));
        reload.update(|n| *n += 1);
    });
    let on_done = Callback::new(move |()| registered.set(None));
    view! {
        <section class="card">
            <h1>{move || i18n.t("applications-title")}</h1>
            <p class="lead">{move || i18n.t("applications-intro")}</p>
            {move || match loaded.get() {
                None => view! { <Progress label=Signal::derive(move || i18n.t("shell-loading"))/> }.into_any(),
                Some(Err(e)) => view! {
                    <ErrorAlert message=Signal::derive(move || Some(i18n.error(&e)))/>
                }.into_any(),
                Some(Ok(applications)) if applications.is_empty() => view! {
                    <p>{move || i18n.t("applications-none")}</p>
                }.into_any(),
                Some(Ok(applications)) => view! { <ApplicationList applications/> }.into_any(),
            }}
        </section>
        <section class="card">
            <h2>{move || i18n.t("applications-register-title")}</h2>
            {move || match registered.get() {
                Some(answer) => view! { <Registered answer on_done/> }.into_any(),
                None => view! { <RegisterForm on_registered/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn ApplicationList(applications: Vec<ApplicationView>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="application-list">
            {applications.into_iter().map(|application| {
                let kind = if application.public { "applications-public" } else { "applications-confidential" };
                let created = date(&i18n, application.created_at);
                view! {
                    <li class="application">
                        <h3>{application.name}</h3>
                        <dl class="manual-entry">
                            <dt>{move || i18n.t("applications-client-id")}</dt>
                            <dd><code translate="no">{application.client_id}</code></dd>
                            <dt>{move || i18n.t("applications-kind")}</dt>
                            <dd>{move || i18n.t(kind)}</dd>
                            <dt>{move || i18n.t("applications-redirect-uris")}</dt>
                            <dd>{application.redirect_uris.join(" ")}</dd>
                            <dt>{move || i18n.t("applications-registered")}</dt>
                            <dd>{created}</dd>
                        </dl>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// Registers an application: its name, where codes may go (one address
/// per line), and whether it can keep a secret.
#[component]
fn RegisterForm(on_registered: Callback<RegisteredApplication>) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormSubmit::new();
    let FormSubmit { busy, error } = form;
    let name = RwSignal::new(String::new());
    let uris = RwSignal::new(String::new());
    let public = RwSignal::new(false);
    let name_input: NodeRef<leptos::html::Input> = NodeRef::new();
    let uris_input: NodeRef<leptos::html::Textarea> = NodeRef::new();
    let message_at = move |field: Option<Field>| {
        Signal::derive(move || {
            error.with(|e| {
                e.as_ref()
                    .filter(|e| e.field == field)
                    .map(|e| i18n.error(e))
            })
        })
    };
    let uris_error = message_at(Some(Field::RedirectUris));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = NewApplication {
            name: name.get_untracked(),
            redirect_uris: uris
                .get_untracked()
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .map(str::to_owned)
                .collect(),
            logout_uris: Vec::new(),
            backchannel_logout_uri: None,
            public: public.get_untracked(),
        };
        form.send_or(
            async move { api::call::<RegisterApplication>(&request).await },
            move |answer| on_registered.run(answer),
            move |refusal| {
                let field = refusal.field;
                error.set(Some(refusal));
                if field == Some(Field::RedirectUris) {
                    if let Some(input) = uris_input.get_untracked() {
                        let _ = input.focus();
                    }
                } else if let Some(input) = name_input.get_untracked() {
                    let _ = input.focus();
                }
            },
        );
    };
    view! {
        <form class="form" novalidate on:submit=submit aria-busy=move || busy.get().then_some("true")>
            <ErrorAlert message=message_at(None)/>
            <TextField
                id="application-name"
                label=Signal::derive(move || i18n.t("applications-name"))
                value=name
                error=message_at(Some(Field::ApplicationName))
                autocomplete="off"
                node_ref=name_input
            />
            <div class="field" class:field-invalid=move || uris_error.with(Option::is_some)>
                <label class="field-label" for="application-uris">{move || i18n.t("applications-redirect-uris")}</label>
                <p class="field-hint" id="application-uris-hint">{move || i18n.t("applications-redirect-uris-hint")}</p>
                <textarea class="field-input" id="application-uris" name="application-uris" rows="3" spellcheck="false" autocapitalize="none" node_ref=uris_input
                    aria-describedby=move || match uris_error.with(Option::is_some) { true => URIS_HINT_AND_ERROR, false => URIS_HINT }
                    aria-invalid=move || uris_error.with(Option::is_some).then_some("true")
                    prop:value=move || uris.get()
                    on:input=move |ev| uris.set(event_target_value(&ev))></textarea>
                {move || uris_error.get().map(|text| view! {
                    <p class="field-error" id="application-uris-error">
                        <span class="field-error-icon" aria-hidden="true"></span>
                        {text}
                    </p>
                })}
            </div>
            <label class="choice-option">
                <input type="checkbox" prop:checked=move || public.get()
                    on:change=move |ev| public.set(event_target_checked(&ev))/>
                <span>{move || i18n.t("applications-public-choice")}</span>
            </label>
            <FormActions>
                <SubmitButton label=i18n.text("applications-register") busy/>
            </FormActions>
        </form>
    }
}

/// An application just registered: its client id and (confidential) its
/// secret, shown this once, with Copy; the cursor on them.
#[component]
fn Registered(answer: RegisteredApplication, on_done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let said = match answer.client_secret.is_some() {
        true => "applications-registered-secret",
        false => "applications-registered-public",
    };
    view! {
        <ShownOnce copy=answer.client_secret.clone() copy_label_id="applications-copy-secret" on_done>
            <p>{move || i18n.t(said)}</p>
            <dl class="manual-entry">
                <dt>{move || i18n.t("applications-client-id")}</dt>
                <dd><code translate="no">{answer.client_id}</code></dd>
                {answer.client_secret.map(|secret| view! {
                    <dt>{move || i18n.t("applications-client-secret")}</dt>
                    <dd><code translate="no">{secret}</code></dd>
                })}
            </dl>
        </ShownOnce>
    }
}
