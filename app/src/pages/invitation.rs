//! An invitation's link (S41): whose it is, then their first password,
//! typed twice; they are then signed in and go on to Security info, which
//! asks for the methods their organization requires. The link's token is
//! in its fragment, which no server sees; it is read once and taken off
//! the address.

use leptos::html;
use leptos::prelude::*;
use models::endpoints::GetInvitation;
use models::{AcceptInvitation, ApiError, ErrorCode, Field, InvitationToken, InvitationView};

use crate::api;
use crate::components::actions::{FormActions, SubmitButton};
use crate::components::alert::ErrorAlert;
use crate::components::progress::Progress;
use crate::features::new_password::{self, NewPasswordFields, StrengthOf};
use crate::form_submit::FormSubmit;
use crate::i18n::use_i18n;
use crate::session::use_session;
use crate::title::use_page_title;

#[component]
pub fn InvitationPage() -> impl IntoView {
    use_page_title("invitation-title");
    let i18n = use_i18n();
    let location = window().location();
    let token = location.hash().unwrap_or_default();
    let token = StoredValue::new(token.trim_start_matches('#').to_owned());
    // The token is the link's secret: not left in the address bar.
    if let Ok(history) = window().history()
        && let Ok(path) = location.pathname()
    {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
    let loaded: RwSignal<Option<Result<InvitationView, ApiError>>> = RwSignal::new(None);
    leptos::task::spawn_local(async move {
        let asked = InvitationToken {
            token: token.get_value(),
        };
        loaded.set(Some(api::call::<GetInvitation>(&asked).await));
    });
    view! {
        {move || match loaded.get() {
            None => view! { <Progress label=i18n.text("shell-loading")/> }.into_any(),
            Some(Err(e)) => view! { <Stopped error=e/> }.into_any(),
            Some(Ok(invitation)) => view! { <ChoosePassword invitation token loaded/> }.into_any(),
        }}
    }
}

/// The link no longer works: why, and the way to the sign-in page.
#[component]
fn Stopped(error: ApiError) -> impl IntoView {
    let i18n = use_i18n();
    let heading: NodeRef<html::H1> = NodeRef::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    view! {
        <section class="card page-narrow" aria-labelledby="invitation-title">
            <h1 id="invitation-title" tabindex="-1" node_ref=heading>{move || i18n.t("invitation-title")}</h1>
            <p class="notice" role="alert">{move || i18n.error(&error)}</p>
            <FormActions>
                <a class="button button-secondary" href=models::SIGN_IN_PAGE>{move || i18n.t("reset-back-to-sign-in")}</a>
            </FormActions>
        </section>
    }
}

/// "Welcome": their account, and their first password.
#[component]
fn ChoosePassword(
    invitation: InvitationView,
    token: StoredValue<String>,
    loaded: RwSignal<Option<Result<InvitationView, ApiError>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = leptos_router::hooks::use_navigate();
    let form = FormSubmit::new();
    let FormSubmit { busy, error } = form;
    let new = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let new_input: NodeRef<html::Input> = NodeRef::new();
    let confirm_input: NodeRef<html::Input> = NodeRef::new();
    let min_length = invitation.min_password_length;
    let account = invitation.account_name.clone();
    let mut welcome = i18n::Args::new();
    welcome.set("name", invitation.display_name.clone());
    let mut intro = i18n::Args::new();
    intro.set("account", invitation.account_name.to_string());
    intro.set("organization", invitation.organization.clone());
    let refuse = move |e: ApiError| {
        if e.code == ErrorCode::InvitationExpired {
            loaded.set(Some(Err(e)));
            return;
        }
        let input = match e.field {
            Some(Field::ConfirmPassword) => confirm_input.get_untracked(),
            _ => new_input.get_untracked(),
        };
        error.set(Some(e));
        if let Some(input) = input {
            let _ = input.focus();
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let password = new.get_untracked();
        let confirmation = confirm.get_untracked();
        if let Some(e) = new_password::problem(&password, &confirmation, min_length, Some(&account))
        {
            return refuse(e);
        }
        let request = AcceptInvitation {
            token: token.get_value(),
            new_password: password,
        };
        let sent = async move { api::accept_invitation(&request).await };
        let navigate = navigate.clone();
        form.send_or(
            sent,
            move |info| {
                session.signed_in(i18n, info);
                navigate("/security-info", leptos_router::NavigateOptions::default());
            },
            refuse,
        );
    };
    let general = Signal::derive(move || {
        error.with(|e| {
            e.as_ref()
                .filter(|e| !matches!(e.field, Some(Field::NewPassword | Field::ConfirmPassword)))
                .map(|e| i18n.error(e))
        })
    });
    view! {
        <section class="card page-narrow" aria-labelledby="invitation-title">
            <h1 id="invitation-title">{move || i18n.t_with("invitation-welcome", &welcome)}</h1>
            <p>{move || i18n.t_with("invitation-intro", &intro)}</p>
            <form class="form" novalidate on:submit=submit>
                <ErrorAlert message=general/>
                <NewPasswordFields new confirm error strength_of=StrengthOf::Invitation(token)
                    min_length=Signal::derive(move || min_length) new_input confirm_input/>
                <FormActions>
                    <SubmitButton label=i18n.text("invitation-submit") busy/>
                </FormActions>
            </form>
        </section>
    }
}
