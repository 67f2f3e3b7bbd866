//! "Get back into your account" (SPEC §8): the account name, then one or
//! two verifications with the methods registered for password reset
//! (`ResetProof`: the same choice of methods as a sign-in's second step),
//! then a new password twice. The server decides everything; this page follows where the reset
//! stands (`GET /api/password-reset`).

use leptos::html;
use leptos::prelude::*;
use models::endpoints;
use models::{ApiError, Challenge, Channel, ErrorCode, Field, PasswordResetState, ResetWay};

use crate::api::{self, ChallengeAt};
use crate::components::actions::{FormActions, SubmitButton};
use crate::components::alert::ErrorAlert;
use crate::components::field::TextField;
use crate::features::challenge::{Calling, EnterCode};
use crate::features::new_password::{self, NewPasswordFields, StrengthOf};
use crate::features::verify::reset_proof::ResetProof;
use crate::form_submit::FormSubmit;
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
            stage.set(Stage::after(
                api::call::<endpoints::ResetProgress>(&()).await,
            ));
        });
    };

    move || match stage.get() {
        Stage::Account => view! { <AccountStep account stage/> }.into_any(),
        // Before the first proof: nothing of the person's is named (N2).
        Stage::Verify(state) if state.verified == 0 && !state.first_ways.is_empty() => {
            view! { <FirstProof state on_verified=Callback::new(move |()| refresh())/> }.into_any()
        }
        Stage::Verify(state) => {
            let (step, steps) = (state.verified + 1, state.required);
            view! { <ResetProof step steps on_verified=Callback::new(move |()| refresh())/> }
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
        let request = async move {
            let begun = models::StartPasswordReset { account_name: name };
            api::call::<endpoints::StartReset>(&begun).await?;
            Ok(api::call::<endpoints::ResetProgress>(&()).await)
        };
        let refused = move |e| {
            error.set(Some(e));
            if let Some(input) = input.get_untracked() {
                let _ = input.focus();
            }
        };
        FormSubmit { busy, error }.send_or(
            request,
            move |state| stage.set(Stage::after(state)),
            refused,
        );
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

/// The first verification of a reset: a way the policy allows, and the
/// whole number or address the code or call goes to (or an app's code).
/// The server answers the same whether or not it is the account's, so the
/// page says "if" — and nothing registered is shown.
#[component]
fn FirstProof(state: PasswordResetState, on_verified: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let ways = StoredValue::new(state.first_ways.clone());
    let chosen = RwSignal::new(state.first_ways.first().copied().unwrap_or(ResetWay::Text));
    let phone = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let app_code = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let error: RwSignal<Option<ApiError>> = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let challenge: RwSignal<Option<Challenge>> = RwSignal::new(None);
    let heading: NodeRef<html::H1> = NodeRef::new();
    let phone_input: NodeRef<html::Input> = NodeRef::new();
    let email_input: NodeRef<html::Input> = NodeRef::new();
    let app_input: NodeRef<html::Input> = NodeRef::new();
    // The page changed to this step: its heading says where the person is.
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let field_of = move |way: ResetWay| match way {
        ResetWay::Text | ResetWay::Call => phone_input,
        ResetWay::Email => email_input,
        ResetWay::AuthenticatorApp => app_input,
    };
    let focus_field = move || {
        if let Some(input) = field_of(chosen.get_untracked()).get_untracked() {
            let _ = input.focus();
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let way = chosen.get_untracked();
        error.set(None);
        if way == ResetWay::AuthenticatorApp {
            let typed = app_code.get_untracked();
            // An app's code is six digits: anything else costs no try.
            let refused = match typed.trim().is_empty() {
                true => Some(ErrorCode::CodeRequired),
                false => models::normalize_code(&typed)
                    .is_none()
                    .then_some(ErrorCode::WrongCode),
            };
            if let Some(code) = refused {
                error.set(Some(ApiError::at(code, Field::Code)));
                return focus_field();
            }
            let proof = models::ResetAppCode { code: typed };
            let request = async move { api::call::<endpoints::ResetWithAppCode>(&proof).await };
            let refused = move |e: ApiError| match e.code {
                // Proved, and then told the reset cannot go on: the page
                // reads where it stands and says so.
                ErrorCode::ResetNotPossible => on_verified.run(()),
                _ => {
                    error.set(Some(e));
                    focus_field();
                }
            };
            FormSubmit { busy, error }.send_or(request, move |_| on_verified.run(()), refused);
            return;
        }
        let Some(channel) = way.channel() else {
            return;
        };
        let to = match way {
            ResetWay::Email => email.get_untracked(),
            _ => phone.get_untracked(),
        };
        let contact = models::ResetContactRequest { channel, to };
        let request = async move { api::call::<endpoints::ResetContact>(&contact).await };
        let sent = move |sent| {
            code.set(String::new());
            challenge.set(Some(sent));
        };
        let refused = move |e| {
            error.set(Some(e));
            focus_field();
        };
        FormSubmit { busy, error }.send_or(request, sent, refused);
    };
    let label = move |way: ResetWay| {
        i18n.t(match way {
            ResetWay::Text => "reset-way-text",
            ResetWay::Call => "reset-way-call",
            ResetWay::Email => "reset-way-email",
            ResetWay::AuthenticatorApp => "reset-way-app",
        })
    };
    let action = move || match chosen.get() {
        ResetWay::Text | ResetWay::Email => i18n.t("step-up-send-code"),
        ResetWay::Call => i18n.t("step-up-call-me"),
        ResetWay::AuthenticatorApp => i18n.t("step-up-verify"),
    };
    let intro = move || {
        let mut args = i18n::Args::new();
        args.set("step", 1);
        args.set("steps", state.required);
        i18n.t_with("reset-verify-intro", &args)
    };
    let general = Signal::derive(move || {
        error.with(|e| {
            e.as_ref()
                .filter(|e| {
                    !matches!(
                        e.field,
                        Some(Field::PhoneNumber | Field::Email | Field::Code)
                    )
                })
                .map(|e| i18n.error(e))
        })
    });
    // Back from a code or a call: the choice as it was, its field ready.
    let back = Callback::new(move |()| {
        error.set(None);
        challenge.set(None);
        request_animation_frame(focus_field);
    });
    view! {
        <section class="card page-narrow reset" aria-labelledby="reset-title" data-focus-region="">
            <h1 id="reset-title" tabindex="-1" node_ref=heading>{move || i18n.t("reset-title")}</h1>
            <p>{intro}</p>
            {move || match challenge.get() {
                Some(c) if c.channel.sends_code() => {
                    let sent_id = match c.channel {
                        Channel::Email => "reset-code-sent-email",
                        _ => "reset-code-sent-phone",
                    };
                    view! {
                        <EnterCode challenge=c code error busy at=ChallengeAt::ResetContact
                            on_verified=Callback::new(move |_| on_verified.run(()))
                            on_back=back
                            on_resent=Callback::new(move |c| challenge.set(Some(c)))
                            back_label="dialog-back" sent_id focus=true/>
                    }.into_any()
                }
                Some(c) => view! {
                    <Calling challenge=c error at=ChallengeAt::ResetContact calling_id="reset-calling"
                        on_verified=Callback::new(move |()| on_verified.run(()))
                        on_back=back
                        on_again=Callback::new(move |c| challenge.set(Some(c)))
                        back_label="dialog-back"/>
                }.into_any(),
                None => view! {
                    <p class="muted">{move || i18n.t("reset-first-note")}</p>
                    <form class="form" novalidate on:submit=submit>
                        <ErrorAlert message=general/>
                        <fieldset class="choice">
                            <legend>{move || i18n.t("step-up-choose")}</legend>
                            {ways.get_value().into_iter().map(|way| view! {
                                <label class="choice-option">
                                    <input type="radio" name="reset-way" prop:checked=move || chosen.get() == way
                                        on:change=move |_| { chosen.set(way); error.set(None); }/>
                                    {move || label(way)}
                                </label>
                            }).collect_view()}
                        </fieldset>
                        <Show when=move || matches!(chosen.get(), ResetWay::Text | ResetWay::Call)>
                            <TextField id="reset-phone" label=i18n.text("reset-phone-label") hint=i18n.text("reset-phone-hint")
                                value=phone error=i18n.error_at(error, Field::PhoneNumber) autocomplete="tel"
                                inputmode="tel" node_ref=phone_input/>
                        </Show>
                        <Show when=move || chosen.get() == ResetWay::Email>
                            <TextField id="reset-email" label=i18n.text("reset-email-label") value=email
                                error=i18n.error_at(error, Field::Email) autocomplete="email" inputmode="email"
                                node_ref=email_input/>
                        </Show>
                        <Show when=move || chosen.get() == ResetWay::AuthenticatorApp>
                            <TextField id="reset-app-code" label=i18n.text("phone-wizard-code-label") value=app_code
                                error=i18n.error_at(error, Field::Code) autocomplete="one-time-code" inputmode="numeric"
                                node_ref=app_input/>
                        </Show>
                        <FormActions>
                            <a class="button button-secondary" href="/signin">{move || i18n.t("reset-back-to-sign-in")}</a>
                            <SubmitButton label=Signal::derive(action) busy/>
                        </FormActions>
                    </form>
                }.into_any(),
            }}
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
        let chosen = models::NewPasswordRequest {
            new_password: password,
        };
        let request = async move { api::call::<endpoints::SetResetPassword>(&chosen).await };
        let refused = move |e: ApiError| match e.code {
            ErrorCode::ResetExpired => stage.set(Stage::Stopped(ErrorCode::ResetExpired)),
            _ => refuse(e),
        };
        FormSubmit { busy, error }.send_or(request, move |()| stage.set(Stage::Done), refused);
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
