//! The steps every verification by phone or email shares, whatever it is
//! for (registering a method, stepping up): enter the code that was sent,
//! or wait while a call is answered.

use std::time::Duration;

use i18n::Args;
use leptos::prelude::*;
use models::{ApiError, CallStatus, Challenge, ErrorCode, Field, SecurityInfo};

use crate::api::{self, ChallengeAt};
use crate::components::actions::{FormActions, SubmitButton};
use crate::components::alert::ErrorAlert;
use crate::components::field::TextField;
use crate::components::progress::Progress;
use crate::form_submit::FormSubmit;
use crate::i18n::use_i18n;

/// Counts down the seconds until another code may be asked for.
fn countdown(from: u64) -> RwSignal<u64> {
    let left = RwSignal::new(from);
    if let Ok(handle) = set_interval_with_handle(
        move || left.update(|s| *s = s.saturating_sub(1)),
        Duration::from_secs(1),
    ) {
        on_cleanup(move || handle.clear());
    }
    left
}

#[component]
pub fn EnterCode(
    challenge: Challenge,
    /// What the person typed, kept when they go back and forth.
    code: RwSignal<String>,
    error: RwSignal<Option<ApiError>>,
    busy: RwSignal<bool>,
    /// With the security info the code changed; none for a reset's.
    on_verified: Callback<Option<SecurityInfo>>,
    on_back: Callback<()>,
    on_resent: Callback<Challenge>,
    /// Whose challenge this is.
    #[prop(optional)]
    at: ChallengeAt,
    /// The message id of the back button.
    #[prop(default = "phone-wizard-change-number")]
    back_label: &'static str,
    /// The message id saying where the code went (`$number` or `$address`).
    #[prop(default = "phone-wizard-code-sent")]
    sent_id: &'static str,
    /// This challenge replaced one whose code was resent: say so.
    #[prop(optional)]
    resent: bool,
    /// Put the cursor in the code field as the step appears.
    #[prop(optional)]
    focus: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let code_input: NodeRef<leptos::html::Input> = NodeRef::new();
    if focus {
        Effect::new(move |_| {
            if let Some(input) = code_input.get() {
                let _ = input.focus();
            }
        });
    }
    let cooldown = countdown(challenge.resend_after);
    let resent = RwSignal::new(resent);
    let id = StoredValue::new(challenge.challenge_id.clone());
    let destination = challenge.destination.clone();
    let sent_text = move || {
        let mut args = Args::new();
        // Phone messages name a number, email messages an address.
        args.set("number", destination.clone());
        args.set("address", destination.clone());
        i18n.t_with(sent_id, &args)
    };
    let code_error = i18n.error_at(error, Field::Code);
    let general = i18n.error_besides(error, Field::Code);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let typed = code.get_untracked();
        if typed.trim().is_empty() {
            error.set(Some(ApiError::at(ErrorCode::CodeRequired, Field::Code)));
            return;
        }
        // What cannot be a code is refused here: it costs no try.
        if models::normalize_code(&typed).is_none() {
            error.set(Some(ApiError::at(ErrorCode::WrongCode, Field::Code)));
            return;
        }
        let request = async move { api::submit_code_at(at, &id.get_value(), &typed).await };
        let refused = move |e| {
            error.set(Some(e));
            // The button was disabled while busy, which drops the focus:
            // back to the code, where the error is.
            if let Some(input) = code_input.get_untracked() {
                let _ = input.focus();
            }
        };
        // `busy` and `error` may be the step-up's, which `on_verified` takes
        // away: the submit is over before it is acted on.
        let form = FormSubmit { busy, error };
        form.send_or(request, move |info| on_verified.run(info), refused);
    };
    let resend = move |_: leptos::ev::MouseEvent| {
        leptos::task::spawn_local(async move {
            match api::resend_at(at, &id.get_value()).await {
                Ok(challenge) => {
                    error.set(None);
                    on_resent.run(challenge);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <form class="form" novalidate on:submit=submit>
            <p>{sent_text}</p>
            <ErrorAlert message=general/>
            <TextField
                id="phone-code"
                label=Signal::derive(move || i18n.t("phone-wizard-code-label"))
                value=code
                error=code_error
                autocomplete="one-time-code"
                inputmode="numeric"
                node_ref=code_input
            />
            <div class="resend">
                <button type="button" class="button button-link" disabled=move || { cooldown.get() > 0 } on:click=resend>
                    {move || i18n.t("phone-wizard-resend")}
                </button>
                <p class="muted" aria-live="polite" aria-atomic="true">
                    {move || {
                        let left = cooldown.get();
                        if left > 0 {
                            let mut args = Args::new();
                            args.set("seconds", left);
                            i18n.t_with("phone-wizard-resend-wait", &args)
                        } else if resent.get() {
                            i18n.t("phone-wizard-code-resent")
                        } else {
                            String::new()
                        }
                    }}
                </p>
            </div>
            <FormActions back=i18n.text(back_label) on_back=on_back>
                <SubmitButton label=i18n.text("dialog-next") busy/>
            </FormActions>
        </form>
    }
}

#[component]
pub fn Calling(
    challenge: Challenge,
    error: RwSignal<Option<ApiError>>,
    on_verified: Callback<()>,
    on_back: Callback<()>,
    on_again: Callback<Challenge>,
    #[prop(default = "phone-wizard-change-number")] back_label: &'static str,
    /// Whose challenge this is.
    #[prop(optional)]
    at: ChallengeAt,
    /// The message id saying who is called (`$number`).
    #[prop(default = "phone-wizard-calling")]
    calling_id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let status = RwSignal::new(CallStatus::Ringing);
    let id = challenge.challenge_id.clone();
    // Poll once a second until the call is confirmed or failed, one poll
    // at a time: the poll that finishes the call gives the session a new
    // id, and a poll sent beside it with the old one would be refused.
    let alive = RwSignal::new(true);
    let polling = StoredValue::new(false);
    on_cleanup(move || alive.set(false));
    if let Ok(handle) = set_interval_with_handle(
        {
            let id = id.clone();
            move || {
                if !alive.get_untracked() || status.get_untracked().failed() || polling.get_value()
                {
                    return;
                }
                polling.set_value(true);
                let id = id.clone();
                leptos::task::spawn_local(async move {
                    let progress = api::call_progress_at(at, &id).await;
                    polling.set_value(false);
                    match progress {
                        Ok(progress) if progress.done => {
                            if alive.get_untracked() {
                                alive.set(false);
                                on_verified.run(());
                            }
                        }
                        Ok(progress) => {
                            if alive.get_untracked() {
                                status.set(progress.status);
                            }
                        }
                        Err(e) => error.set(Some(e)),
                    }
                });
            }
        },
        Duration::from_secs(1),
    ) {
        on_cleanup(move || handle.clear());
    }
    let destination = challenge.destination.clone();
    let calling = move || {
        let mut args = Args::new();
        args.set("number", destination.clone());
        i18n.t_with(calling_id, &args)
    };
    let failure = move || match status.get() {
        CallStatus::NoAnswer => Some(i18n.t("phone-wizard-call-no-answer")),
        CallStatus::HungUp => Some(i18n.t("phone-wizard-call-hung-up")),
        CallStatus::WrongKey => Some(i18n.t("phone-wizard-call-wrong-key")),
        _ => None,
    };
    // One error at a time: a refused "Call me again" replaces the call's
    // own failure, which it answers.
    let problem = move || {
        error
            .with(|e| e.as_ref().map(|e| i18n.error(e)))
            .or_else(failure)
    };
    // Calling again waits for the same cooldown as a new code, shown.
    let cooldown = countdown(challenge.resend_after);
    let again = move |_| {
        let id = id.clone();
        leptos::task::spawn_local(async move {
            match api::resend_at(at, &id).await {
                Ok(challenge) => {
                    error.set(None);
                    on_again.run(challenge);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        // While the call is on: who is called, and what to do — said once
        // (the progress line is the status screen readers announce).
        {move || match problem() {
            None => view! {
                <p tabindex="-1" data-step-start="">{calling.clone()}</p>
                <Progress label=Signal::derive(move || i18n.t("phone-wizard-calling-hint"))/>
            }.into_any(),
            Some(text) => view! {
                <div class="alert alert-error" role="alert"><span class="alert-icon" aria-hidden="true"></span><p>{text}</p></div>
            }.into_any(),
        }}
        <Show when=move || status.get().failed()>
            <p class="muted" aria-live="polite" aria-atomic="true">
                {move || {
                    let left = cooldown.get();
                    (left > 0).then(|| {
                        let mut args = Args::new();
                        args.set("seconds", left);
                        i18n.t_with("phone-wizard-call-again-wait", &args)
                    })
                }}
            </p>
        </Show>
        <FormActions back=i18n.text(back_label) on_back>
            <Show when=move || status.get().failed()>
                <button type="button" class="button button-primary" disabled=move || { cooldown.get() > 0 }
                    on:click=again.clone()>{move || i18n.t("phone-wizard-call-again")}</button>
            </Show>
        </FormActions>
    }
}
