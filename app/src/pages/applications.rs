//! Applications (for administrators): those that sign their people in
//! through secinfo (OpenID Connect), and registering one — its client id,
//! and its secret shown this once, to copy into the application.

use leptos::prelude::*;
use models::endpoints::{
    ListApplications, RegisterApplication, ReplaceApplicationSecret, SetApplicationStatus,
};
use models::oidc::{
    ApplicationStatus, ApplicationView, NewApplication, RegisteredApplication, SignInStrength,
    TokenSigning,
};
use models::{ApiError, ClientId, Field};

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
    view! {
        <ul class="application-list">
            {applications.into_iter().map(|application| view! { <ApplicationItem application/> }).collect_view()}
        </ul>
    }
}

/// One application: what it is registered with, and what an administrator
/// does to it — a new secret (shown this once), disable or enable.
#[component]
fn ApplicationItem(application: ApplicationView) -> impl IntoView {
    let i18n = use_i18n();
    let current = RwSignal::new(application);
    let form = FormSubmit::new();
    let FormSubmit { busy, error } = form;
    let new_secret: RwSignal<Option<RegisteredApplication>> = RwSignal::new(None);
    // A button's name: one message naming the application.
    let label = move |id: &'static str| {
        Signal::derive(move || {
            let mut args = i18n::Args::new();
            args.set("application", current.with(|a| a.name.clone()));
            i18n.t_with(id, &args)
        })
    };
    let replace_secret = move |_| {
        let id = current.with_untracked(|a| ClientId::new(a.client_id.clone()));
        form.send_or(
            async move { api::call_at::<ReplaceApplicationSecret>(&id, &()).await },
            move |answer| new_secret.set(Some(answer)),
            move |refusal| error.set(Some(refusal)),
        );
    };
    let toggle = move |_| {
        let id = current.with_untracked(|a| ClientId::new(a.client_id.clone()));
        let status = ApplicationStatus {
            disabled: !current.with_untracked(|a| a.disabled),
        };
        form.send_or(
            async move { api::call_at::<SetApplicationStatus>(&id, &status).await },
            move |view| current.set(view),
            move |refusal| error.set(Some(refusal)),
        );
    };
    // Done with the secret: the cursor goes back to the button that asked
    // for it.
    let again: NodeRef<leptos::html::Button> = NodeRef::new();
    let on_done = Callback::new(move |()| {
        new_secret.set(None);
        request_animation_frame(move || {
            if let Some(button) = again.get_untracked() {
                let _ = button.focus();
            }
        });
    });
    let general = Signal::derive(move || error.with(|e| e.as_ref().map(|e| i18n.error(e))));
    // Drawn once: disabling or enabling changes what it says and its
    // button's name, not the button, so the cursor stays on it.
    let application = current.get_untracked();
    let kind = match application.public {
        true => "applications-public",
        false => "applications-confidential",
    };
    let disabled = move || current.with(|a| a.disabled);
    let status = move || match disabled() {
        true => "applications-disabled",
        false => "applications-active",
    };
    let toggle_label = Signal::derive(move || {
        let id = match disabled() {
            true => "applications-enable",
            false => "applications-disable",
        };
        label(id).get()
    });
    let created = date(&i18n, application.created_at);
    let public = application.public;
    let requires = application.requires;
    view! {
        <li class="application" class:application-disabled=disabled>
            <h3>{application.name.clone()}</h3>
            <dl class="manual-entry">
                <dt>{move || i18n.t("applications-client-id")}</dt>
                <dd><code translate="no">{application.client_id.clone()}</code></dd>
                <dt>{move || i18n.t("applications-kind")}</dt>
                <dd>{move || i18n.t(kind)}</dd>
                <dt>{move || i18n.t("applications-status")}</dt>
                <dd>{move || i18n.t(status())}</dd>
                <dt>{move || i18n.t("applications-redirect-uris")}</dt>
                <dd>{application.redirect_uris.join(" ")}</dd>
                {(!application.logout_uris.is_empty()).then(|| view! {
                    <dt>{move || i18n.t("applications-logout-uris")}</dt>
                    <dd>{application.logout_uris.join(" ")}</dd>
                })}
                {application.backchannel_logout_uri.clone().map(|uri| view! {
                    <dt>{move || i18n.t("applications-backchannel-uri")}</dt>
                    <dd>{uri}</dd>
                })}
                <dt>{move || i18n.t("applications-requires")}</dt>
                <dd>{move || i18n.t(requirement_id(requires))}</dd>
                <dt>{move || i18n.t("applications-scopes")}</dt>
                <dd><code translate="no">{application.scopes.join(" ")}</code></dd>
                <dt>{move || i18n.t("applications-signing")}</dt>
                <dd><code translate="no">{application.id_token_signed_response_alg.alg()}</code></dd>
                <dt>{move || i18n.t("applications-registered")}</dt>
                <dd>{created}</dd>
            </dl>
            <ErrorAlert message=general/>
            <Show when=move || new_secret.with(Option::is_some)>
                {move || new_secret.get().map(|answer| view! {
                    <Registered answer on_done said_id="applications-new-secret-shown"/>
                })}
            </Show>
            <div class="form-actions" hidden=move || new_secret.with(Option::is_some)>
                {(!public).then(|| view! {
                    <button type="button" class="button button-secondary" on:click=replace_secret node_ref=again
                        disabled=move || busy.get()>{label("applications-new-secret")}</button>
                })}
                <button type="button" class="button button-secondary" on:click=toggle
                    disabled=move || busy.get()>{toggle_label}</button>
            </div>
        </li>
    }
}

/// The words for the sign-in an application requires.
fn requirement_id(requires: Option<SignInStrength>) -> &'static str {
    match requires {
        None | Some(SignInStrength::SingleFactor) => "applications-requires-any",
        Some(SignInStrength::MultiFactor) => "applications-requires-multi-factor",
        Some(SignInStrength::PhishingResistant) => "applications-requires-phishing-resistant",
    }
}

/// The sign-ins an application may require, as a select's values (none:
/// what the application asks for).
const REQUIREMENT_CHOICES: [&str; 3] = ["", "multi-factor", "phishing-resistant"];

fn requirement_of(choice: &str) -> Option<SignInStrength> {
    match choice {
        "multi-factor" => Some(SignInStrength::MultiFactor),
        "phishing-resistant" => Some(SignInStrength::PhishingResistant),
        _ => None,
    }
}

/// How its tokens may be signed, by JOSE name.
const SIGNING_CHOICES: [&str; 2] = [TokenSigning::Es256.alg(), TokenSigning::Rs256.alg()];

/// The words for a way of signing.
fn signing_id(choice: &str) -> &'static str {
    match TokenSigning::of_alg(choice).unwrap_or_default() {
        TokenSigning::Es256 => "applications-signing-es256",
        TokenSigning::Rs256 => "applications-signing-rs256",
    }
}

/// The scopes an administrator chooses from (`openid` always).
const SCOPE_CHOICES: [&str; 3] = ["profile", "email", "offline_access"];

/// The words for a scope of `SCOPE_CHOICES`.
fn scope_label(scope: &str) -> &'static str {
    match scope {
        "profile" => "applications-scope-profile",
        "email" => "applications-scope-email",
        _ => "applications-scope-offline-access",
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
    let logout_uris = RwSignal::new(String::new());
    let backchannel = RwSignal::new(String::new());
    let public = RwSignal::new(false);
    let requires = RwSignal::new("");
    let signing = RwSignal::new(TokenSigning::default().alg());
    let scopes = RwSignal::new(vec!["profile", "email", "offline_access"]);
    let name_input: NodeRef<leptos::html::Input> = NodeRef::new();
    let uris_input: NodeRef<leptos::html::Textarea> = NodeRef::new();
    let logout_input: NodeRef<leptos::html::Textarea> = NodeRef::new();
    let backchannel_input: NodeRef<leptos::html::Input> = NodeRef::new();
    let message_at = move |field: Option<Field>| {
        Signal::derive(move || {
            error.with(|e| {
                e.as_ref()
                    .filter(|e| e.field == field)
                    .map(|e| i18n.error(e))
            })
        })
    };
    let lines = |text: RwSignal<String>| -> Vec<String> {
        text.get_untracked()
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let backchannel = backchannel.get_untracked();
        let request = NewApplication {
            name: name.get_untracked(),
            redirect_uris: lines(uris),
            logout_uris: lines(logout_uris),
            backchannel_logout_uri: Some(backchannel.trim().to_owned()).filter(|b| !b.is_empty()),
            public: public.get_untracked(),
            scopes: Some(
                std::iter::once("openid")
                    .chain(scopes.get_untracked())
                    .map(str::to_owned)
                    .collect(),
            ),
            requires: requirement_of(requires.get_untracked()),
            id_token_signed_response_alg: TokenSigning::of_alg(signing.get_untracked())
                .unwrap_or_default(),
        };
        form.send_or(
            async move { api::call::<RegisterApplication>(&request).await },
            move |answer| on_registered.run(answer),
            move |refusal| {
                let field = refusal.field;
                error.set(Some(refusal));
                let _ = match field {
                    Some(Field::RedirectUris) => uris_input.get_untracked().map(|i| i.focus()),
                    Some(Field::LogoutUris) => logout_input.get_untracked().map(|i| i.focus()),
                    Some(Field::BackchannelLogoutUri) => {
                        backchannel_input.get_untracked().map(|i| i.focus())
                    }
                    _ => name_input.get_untracked().map(|i| i.focus()),
                };
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
            <AddressesField id="application-uris" label_id="applications-redirect-uris"
                hint_id="applications-redirect-uris-hint" value=uris
                error=message_at(Some(Field::RedirectUris)) node_ref=uris_input/>
            <AddressesField id="application-logout-uris" label_id="applications-logout-uris"
                hint_id="applications-logout-uris-hint" value=logout_uris
                error=message_at(Some(Field::LogoutUris)) node_ref=logout_input/>
            <TextField
                id="application-backchannel-uri"
                label=Signal::derive(move || i18n.t("applications-backchannel-uri"))
                hint=Signal::derive(move || i18n.t("applications-backchannel-uri-hint"))
                value=backchannel
                error=message_at(Some(Field::BackchannelLogoutUri))
                autocomplete="off"
                node_ref=backchannel_input
            />
            <SelectField id="application-requires" label_id="applications-requires"
                hint_id="applications-requires-hint" choices=&REQUIREMENT_CHOICES
                message_of=|choice| requirement_id(requirement_of(choice)) value=requires/>
            <SelectField id="application-signing" label_id="applications-signing"
                hint_id="applications-signing-hint" choices=&SIGNING_CHOICES
                message_of=signing_id value=signing/>
            <fieldset class="choice">
                <legend>{move || i18n.t("applications-scopes")}</legend>
                {SCOPE_CHOICES.into_iter().map(|scope| view! {
                    <label class="choice-option">
                        <input type="checkbox" prop:checked=move || scopes.with(|s| s.contains(&scope))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                scopes.update(|s| {
                                    s.retain(|kept| *kept != scope);
                                    if on {
                                        s.push(scope);
                                    }
                                });
                            }/>
                        <span>{move || i18n.t(scope_label(scope))}</span>
                    </label>
                }).collect_view()}
            </fieldset>
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

/// One of a few `choices`, each said by the message `message_of` names,
/// with its hint described by it.
#[component]
fn SelectField(
    id: &'static str,
    label_id: &'static str,
    hint_id: &'static str,
    choices: &'static [&'static str],
    message_of: fn(&str) -> &'static str,
    value: RwSignal<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint = format!("{id}-hint");
    view! {
        <div class="field">
            <label class="field-label" for=id>{move || i18n.t(label_id)}</label>
            <p class="field-hint" id=hint.clone()>{move || i18n.t(hint_id)}</p>
            <select id=id class="field-input" aria-describedby=hint
                on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    if let Some(kept) = choices.iter().find(|v| **v == chosen) {
                        value.set(kept);
                    }
                }>
                {choices.iter().map(|&choice| view! {
                    <option value=choice selected=move || value.get() == choice>{move || i18n.t(message_of(choice))}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// Addresses, one per line: a text field of several lines, its hint and
/// its error described by it.
#[component]
fn AddressesField(
    id: &'static str,
    label_id: &'static str,
    hint_id: &'static str,
    value: RwSignal<String>,
    error: Signal<Option<String>>,
    node_ref: NodeRef<leptos::html::Textarea>,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = format!("{hint} {error_id}");
    let hint_only = hint.clone();
    view! {
        <div class="field" class:field-invalid=move || error.with(Option::is_some)>
            <label class="field-label" for=id>{move || i18n.t(label_id)}</label>
            <p class="field-hint" id=hint>{move || i18n.t(hint_id)}</p>
            <textarea class="field-input" id=id name=id rows="3" spellcheck="false" autocapitalize="none" node_ref=node_ref
                aria-describedby=move || match error.with(Option::is_some) { true => described.clone(), false => hint_only.clone() }
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))></textarea>
            {move || error.get().map(|text| view! {
                <p class="field-error" id=error_id.clone()>
                    <span class="field-error-icon" aria-hidden="true"></span>
                    {text}
                </p>
            })}
        </div>
    }
}

/// An application just registered: its client id and (confidential) its
/// secret, shown this once, with Copy; the cursor on them.
#[component]
fn Registered(
    answer: RegisteredApplication,
    on_done: Callback<()>,
    /// What it says first; by default, that the application is registered.
    #[prop(optional)]
    said_id: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let said = said_id.unwrap_or(match answer.client_secret.is_some() {
        true => "applications-registered-secret",
        false => "applications-registered-public",
    });
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
