//! Change password (SPEC §1): the current password, then the new one twice
//! with its strength shown as it is typed (`features/new_password.rs`);
//! behind the recent verification. A person who has no password yet
//! (created with a Temporary Access Pass) sets one here, without a
//! current one; one given a temporary password by the help desk chooses
//! their own here before anything else.
//! Other sessions are signed out by the server.

use leptos::html;
use leptos::prelude::*;
use models::endpoints;
use models::{ApiError, ChangePasswordRequest, ErrorCode, Field, PasswordState};

use crate::api;
use crate::components::actions::{FormActions, SubmitButton};
use crate::components::alert::ErrorAlert;
use crate::components::field::TextField;
use crate::components::progress::Progress;
use crate::features::new_password::{self, NewPasswordFields, StrengthOf};
use crate::form_submit::FormSubmit;
use crate::i18n::use_i18n;
use crate::pages::recently_verified::RecentlyVerified;
use crate::pages::signed_in::SignedIn;
use crate::session::use_session;
use crate::title::use_page_title;

#[component]
pub fn PasswordPage() -> impl IntoView {
    use_page_title("password-title");
    view! { <SignedIn><RecentlyVerified><ChangePassword/></RecentlyVerified></SignedIn> }
}

#[component]
fn ChangePassword() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let min_length: RwSignal<Option<usize>> = RwSignal::new(None);
    let form = FormSubmit::new();
    let FormSubmit { busy, error } = form;
    Effect::new(move |_| {
        // Changing the password needs a recent verification: the gate asks
        // for it first, and this loads once none is due.
        if session.step_up_required.get() {
            return;
        }
        leptos::task::spawn_local(async move {
            match api::call::<endpoints::GetPasswordRules>(&()).await {
                Ok(rules) => {
                    error.set(None);
                    min_length.set(Some(rules.min_length));
                }
                Err(e) if e.code == ErrorCode::StepUpRequired => session.step_up_required.set(true),
                Err(e) => error.set(Some(e)),
            }
        });
    });

    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let done = RwSignal::new(false);
    let current_input: NodeRef<html::Input> = NodeRef::new();
    let new_input: NodeRef<html::Input> = NodeRef::new();
    let confirm_input: NodeRef<html::Input> = NodeRef::new();
    let done_note: NodeRef<html::P> = NodeRef::new();
    let password = move || {
        session
            .user
            .with(|u| u.as_ref().map(|u| u.password).unwrap_or_default())
    };
    let has_password = move || password().is_set();
    // A temporary password from the help desk: the person chooses their
    // own before anything else (`SignedIn` keeps them here).
    let temporary = move || password() == PasswordState::Temporary;
    // Said after a first password was set, rather than a change.
    let first_set = RwSignal::new(false);

    let focus = move |field: Option<Field>| {
        let input = match field {
            Some(Field::CurrentPassword) => current_input.get_untracked(),
            Some(Field::ConfirmPassword) => confirm_input.get_untracked(),
            _ => new_input.get_untracked(),
        };
        if let Some(input) = input {
            let _ = input.focus();
        }
    };
    let refuse = move |e: ApiError| {
        // The verification lapsed while the form was open: the gate asks
        // for it, and what was typed is kept behind it.
        if e.code == ErrorCode::StepUpRequired {
            session.step_up_required.set(true);
            return;
        }
        let field = e.field;
        error.set(Some(e));
        focus(field);
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        done.set(false);
        let request = ChangePasswordRequest {
            current_password: current.get_untracked(),
            new_password: new.get_untracked(),
        };
        // The rules the browser knows, so most mistakes need no round trip.
        let setting_first = !has_password();
        if request.current_password.is_empty() && !setting_first {
            return refuse(ApiError::at(
                ErrorCode::PasswordRequired,
                Field::CurrentPassword,
            ));
        }
        let account = session
            .user
            .with_untracked(|u| u.as_ref().map(|u| u.account_name.clone()));
        let min = min_length.get_untracked().unwrap_or(0);
        let confirmation = confirm.get_untracked();
        if let Some(e) =
            new_password::problem(&request.new_password, &confirmation, min, account.as_ref())
        {
            return refuse(e);
        }
        let changed = move |()| {
            current.set(String::new());
            new.set(String::new());
            confirm.set(String::new());
            first_set.set(setting_first);
            // From now on the current one is asked for.
            session.user.update(|u| {
                if let Some(u) = u {
                    u.password = PasswordState::Set;
                }
            });
            done.set(true);
        };
        let request = async move { api::call::<endpoints::ChangePassword>(&request).await };
        form.send_or(request, changed, refuse);
    };
    // Once shown, the confirmation is where the person looks next.
    Effect::new(move |_| {
        if done.get()
            && let Some(note) = done_note.get()
        {
            let _ = note.focus();
        }
    });
    let at = move |field: Field| i18n.error_at(error, field);
    let general = Signal::derive(move || {
        error.with(|e| {
            e.as_ref()
                .filter(|e| {
                    !matches!(
                        e.field,
                        Some(Field::CurrentPassword | Field::NewPassword | Field::ConfirmPassword)
                    )
                })
                .map(|e| i18n.error(e))
        })
    });
    view! {
            <section class="card page-narrow password" aria-labelledby="password-title">
                <h1 id="password-title">{move || match password() {
                    PasswordState::Set => i18n.t("password-title"),
                    PasswordState::Temporary => i18n.t("password-temporary-title"),
                    PasswordState::None => i18n.t("password-set-title"),
                }}</h1>
                <p>{move || match password() {
                    PasswordState::Set => i18n.t("password-intro"),
                    PasswordState::Temporary => i18n.t("password-temporary-intro"),
                    PasswordState::None => i18n.t("password-set-intro"),
                }}</p>
                <p class="notice" role="status" tabindex="-1" node_ref=done_note hidden=move || !done.get()>
                    {move || if first_set.get() { i18n.t("password-set-done") } else { i18n.t("password-changed") }}
                </p>
                {move || if min_length.get().is_none() && error.with(Option::is_none) {
                    view! { <Progress label=i18n.text("shell-loading")/> }.into_any()
                } else {
                    view! {
                        <form class="form" novalidate on:submit=submit>
                            <ErrorAlert message=general/>
                            <Show when=has_password>
                                <TextField id="current-password"
                                    label=Signal::derive(move || if temporary() { i18n.t("password-temporary-label") } else { i18n.t("password-current-label") })
                                    value=current
                                    error=at(Field::CurrentPassword) input_type="password" autocomplete="current-password" node_ref=current_input/>
                            </Show>
                            <NewPasswordFields new confirm error strength_of=StrengthOf::SignedIn
                                min_length=Signal::derive(move || min_length.get().unwrap_or(12)) new_input confirm_input/>
                            <FormActions>
                                <Show when=move || !temporary()>
                                    <a class="button button-secondary" href="/security-info">{move || i18n.t("policy-back")}</a>
                                </Show>
                                <SubmitButton label=Signal::derive(move || if has_password() { i18n.t("password-save") } else { i18n.t("password-set-save") }) busy/>
                            </FormActions>
                        </form>
                    }.into_any()
                }}
            </section>
    }
}
