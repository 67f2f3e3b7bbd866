//! "Get back into your account" (SPEC §8): the account name, then one or
//! two verifications with the methods registered for password reset (the
//! same `StepUp` as a sign-in, in its reset mode), then a new password
//! twice. The server decides everything; this page follows where the reset
//! stands (`GET /api/password-reset`).

use leptos::html;
use leptos::prelude::*;
use models::{ApiError, ErrorCode, Field, PasswordResetState};

use crate::api;
use crate::components::actions::{FormActions, SubmitButton};
use crate::components::alert::ErrorAlert;
use crate::components::field::TextField;
use crate::features::new_password::{self, NewPasswordFields, StrengthOf};
use crate::features::step_up::StepUp;
use crate::i18n::use_i18n;
use crate::title::use_page_title;

/// Where the person is in the reset.
#[derive(Clone, PartialEq)]
enum Stage {
    Account,
    /// Verifying: the state as the server last said it.
    Verify(PasswordResetState),
    NewPassword {
        min_length: usize,
    },
    /// The reset cannot go on: too few methods, or it lapsed.
    Stopped(ErrorCode),
    Done,
}

impl Stage {
    fn after(outcome: Result<PasswordResetState, ApiError>) -> Stage {
        match outcome {
            Ok(state) if state.ready => Stage::NewPassword {
                min_length: state.min_length,
            },
            Ok(state) => Stage::Verify(state),
            Err(e) if e.code == ErrorCode::NotSignedIn => Stage::Stopped(ErrorCode::ResetExpired),
            Err(e) => Stage::Stopped(e.code),
        }
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    use_page_title("reset-title");
    let stage = RwSignal::new(Stage::Account);
    let account = RwSignal::new(String::new());
    let refresh = move || {
        leptos::task::spawn_local(async move {
            stage.set(Stage::after(api::password_reset().await));
        });
    };

    move || match stage.get() {
        Stage::Account => view! { <AccountStep account stage/> }.into_any(),
        Stage::Verify(state) => {
            let step = (state.verified + 1, state.required);
            view! { <StepUp reset_step=step on_verified=Callback::new(move |()| refresh())/> }
                .into_any()
        }
        Stage::NewPassword { min_length } => {
            view! { <NewPasswordStep account min_length stage/> }.into_any()
        }
        Stage::Stopped(code) => view! { <Stopped code stage/> }.into_any(),
        Stage::Done => view! { <Done/> }.into_any(),
    }
}

#[component]
fn AccountStep(account: RwSignal<String>, stage: RwSignal<Stage>) -> impl IntoView {
    let i18n = use_i18n();
    let error: RwSignal<Option<ApiError>> = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let input: NodeRef<html::Input> = NodeRef::new();
    Effect::new(move |_| {
        if let Some(input) = input.get() {
            let _ = input.focus();
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let name = account.get_untracked();
        if let Err(code) = models::AccountName::parse(&name) {
            error.set(Some(ApiError::at(code, Field::AccountName)));
            if let Some(input) = input.get_untracked() {
                let _ = input.focus();
            }
            return;
        }
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let outcome = match api::start_password_reset(&name).await {
                Ok(()) => Ok(api::password_reset().await),
                Err(e) => Err(e),
            };
            busy.set(false);
            match outcome {
                Ok(state) => stage.set(Stage::after(state)),
                Err(e) => {
                    error.set(Some(e));
                    if let Some(input) = input.get_untracked() {
                        let _ = input.focus();
                    }
                }
            }
        });
    };
    let general = Signal::derive(move || {
        error.with(|e| {
            e.as_ref()
                .filter(|e| e.field != Some(Field::AccountName))
                .map(|e| i18n.error(e))
        })
    });
    view! {
        <section class="card page-narrow reset" aria-labelledby="reset-title">
            <h1 id="reset-title">{move || i18n.t("reset-title")}</h1>
            <p class="lead">{move || i18n.t("reset-intro")}</p>
            <form class="form" novalidate on:submit=submit>
                <ErrorAlert message=general/>
                <TextField id="reset-account" label=i18n.text("signin-account-label") hint=i18n.text("signin-account-hint")
                    value=account error=i18n.error_at(error, Field::AccountName) autocomplete="username" node_ref=input/>
                <FormActions>
                    <a class="button button-secondary" href="/signin">{move || i18n.t("reset-back-to-sign-in")}</a>
                    <SubmitButton label=i18n.text("dialog-next") busy/>
                </FormActions>
            </form>
        </section>
    }
}

#[component]
fn NewPasswordStep(
    account: RwSignal<String>,
    min_length: usize,
    stage: RwSignal<Stage>,
) -> impl IntoView {
    let i18n = use_i18n();
    let new = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let error: RwSignal<Option<ApiError>> = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let new_input: NodeRef<html::Input> = NodeRef::new();
    let confirm_input: NodeRef<html::Input> = NodeRef::new();
    let heading: NodeRef<html::H1> = NodeRef::new();
    // Verified: the new password is what comes next.
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let refuse = move |e: ApiError| {
        let input = if e.field == Some(Field::ConfirmPassword) {
            confirm_input.get_untracked()
        } else {
            new_input.get_untracked()
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
        let name = models::AccountName::parse(&account.get_untracked()).ok();
        let confirmation = confirm.get_untracked();
        if let Some(e) = new_password::problem(&password, &confirmation, min_length, name.as_ref())
        {
            return refuse(e);
        }
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let outcome = api::set_reset_password(&password).await;
            busy.set(false);
            match outcome {
                Ok(()) => stage.set(Stage::Done),
                Err(e) if e.code == ErrorCode::ResetExpired => {
                    stage.set(Stage::Stopped(ErrorCode::ResetExpired));
                }
                Err(e) => refuse(e),
            }
        });
    };
    let general = Signal::derive(move || {
        error.with(|e| {
            e.as_ref()
                .filter(|e| !matches!(e.field, Some(Field::NewPassword | Field::ConfirmPassword)))
                .map(|e| i18n.error(e))
        })
    });
    view! {
        <section class="card page-narrow reset" aria-labelledby="reset-new-title">
            <h1 id="reset-new-title" tabindex="-1" node_ref=heading>{move || i18n.t("reset-new-title")}</h1>
            <p>{move || i18n.t("reset-new-intro")}</p>
            <form class="form" novalidate on:submit=submit>
                <ErrorAlert message=general/>
                <NewPasswordFields new confirm error strength_of=StrengthOf::Reset
                    min_length=Signal::derive(move || min_length) new_input confirm_input/>
                <FormActions>
                    <SubmitButton label=i18n.text("reset-save") busy/>
                </FormActions>
            </form>
        </section>
    }
}

/// The reset cannot go on: say why, and the way back.
#[component]
fn Stopped(code: ErrorCode, stage: RwSignal<Stage>) -> impl IntoView {
    let i18n = use_i18n();
    let heading: NodeRef<html::H1> = NodeRef::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let message = move || i18n.error(&ApiError::new(code));
    view! {
        <section class="card page-narrow reset" aria-labelledby="reset-title">
            <h1 id="reset-title" tabindex="-1" node_ref=heading>{move || i18n.t("reset-title")}</h1>
            <p class="notice" role="alert">{message}</p>
            <FormActions>
                <a class="button button-secondary" href="/signin">{move || i18n.t("reset-back-to-sign-in")}</a>
                <button type="button" class="button button-primary" on:click=move |_| stage.set(Stage::Account)>
                    {move || i18n.t("reset-start-again")}
                </button>
            </FormActions>
        </section>
    }
}

#[component]
fn Done() -> impl IntoView {
    let i18n = use_i18n();
    let heading: NodeRef<html::H1> = NodeRef::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    view! {
        <section class="card page-narrow reset" aria-labelledby="reset-done-title">
            <h1 id="reset-done-title" tabindex="-1" node_ref=heading>{move || i18n.t("reset-done-title")}</h1>
            <p role="status">{move || i18n.t("reset-done-intro")}</p>
            <FormActions>
                <a class="button button-primary" href="/signin">{move || i18n.t("signin-submit")}</a>
            </FormActions>
        </section>
    }
}
