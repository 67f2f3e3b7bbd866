//! Verify your identity with a code from an authenticator app, a security
//! key, or a code or call to one of the person's phones: before viewing or
//! changing security info (S11), as the second step of a sign-in (S27),
//! where the default method starts at once and the others are "Sign in
//! another way", and as a step of a password reset (S29), which also
//! offers an email address and security questions.

use i18n::Args;
use leptos::prelude::*;
use models::endpoints;
use models::{ApiError, Challenge, MethodId, MethodKind, PhoneDelivery};

use crate::api;
use crate::components::actions::{FormActions, SubmitButton};
use crate::components::alert::ErrorAlert;
use crate::components::field::TextField;
use crate::components::progress::Progress;
use crate::features::challenge::{Calling, EnterCode};
use crate::form_submit::FormSubmit;
use crate::i18n::use_i18n;
use models::StepUpOption;

#[component]
pub fn StepUp(
    /// Called once the session is verified.
    on_verified: Callback<()>,
    /// The second step of a sign-in rather than a step-up.
    #[prop(optional)]
    at_sign_in: bool,
    /// A password reset's step: which one, of how many.
    #[prop(optional)]
    reset_step: Option<(usize, usize)>,
) -> impl IntoView {
    let i18n = use_i18n();
    // At sign-in and in a reset the page is the verification: each step's
    // field takes the cursor. A step-up leaves it where the person was.
    let moves_focus = at_sign_in || reset_step.is_some();
    let options = LocalResource::new(|| api::call::<endpoints::StepUpOptions>(&()));
    // At sign-in the list of methods is "Sign in another way", shown when
    // asked for; a step-up shows it at once.
    let choosing = RwSignal::new(!at_sign_in);
    let cant_use = RwSignal::new(false);
    let chosen = RwSignal::new(0usize);
    let challenge: RwSignal<Option<Challenge>> = RwSignal::new(None);
    let error: RwSignal<Option<ApiError>> = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let resent = RwSignal::new(false);
    // A method whose code the person types here: an authenticator app, or
    // recovery codes (their kind and id).
    let app_method: RwSignal<Option<(MethodKind, MethodId)>> = RwSignal::new(None);
    // A reset's security questions, once chosen.
    let answering = RwSignal::new(false);
    let app_code = RwSignal::new(String::new());
    let app_input: NodeRef<leptos::html::Input> = NodeRef::new();
    let verify_app = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((kind, method_id)) = app_method.get_untracked() else {
            return;
        };
        let code = app_code.get_untracked();
        if code.trim().is_empty() {
            error.set(Some(ApiError::at(
                models::ErrorCode::CodeRequired,
                models::Field::Code,
            )));
            return;
        }
        // An app's code is six digits: anything else costs no try.
        if kind == MethodKind::AuthenticatorApp && models::normalize_code(&code).is_none() {
            error.set(Some(ApiError::at(
                models::ErrorCode::WrongCode,
                models::Field::Code,
            )));
            return;
        }
        let request = async move {
            if kind == MethodKind::RecoveryCodes {
                api::call::<endpoints::RecoveryCodeStepUp>(&models::RecoveryCodeRequest { code })
                    .await
            } else {
                api::call::<endpoints::AppStepUp>(&models::AuthenticatorCode { method_id, code })
                    .await
            }
        };
        let refused = move |e| {
            error.set(Some(e));
            // Refused (a wrong or used code): back to the field.
            if let Some(input) = app_input.get_untracked() {
                let _ = input.focus();
            }
        };
        // Done with this component's signals before `on_verified`, which
        // may take the component away: `FormSubmit` ends `busy` first.
        let form = FormSubmit { busy, error };
        form.send_or(request, move |_| on_verified.run(()), refused);
    };
    let app_code_error = i18n.error_at(error, models::Field::Code);
    let recovery = move || {
        app_method.with(|m| {
            m.as_ref()
                .is_some_and(|(kind, _)| *kind == MethodKind::RecoveryCodes)
        })
    };
    Effect::new(move |_| {
        if let Some(input) = app_input.get()
            && moves_focus
        {
            let _ = input.focus();
        }
    });
    let code = RwSignal::new(String::new());

    // The button says what choosing does.
    let action_label = |option: Option<&StepUpOption>| match option.map(|o| (o.kind, o.delivery)) {
        Some((_, Some(PhoneDelivery::Text)) | (MethodKind::Email, None)) => "step-up-send-code",
        Some((_, Some(PhoneDelivery::Call))) => "step-up-call-me",
        Some((MethodKind::SecurityKey, None)) => "step-up-use-key",
        _ => "dialog-next",
    };
    let label = move |o: &StepUpOption| {
        let mut args = Args::new();
        args.set("number", o.masked.clone());
        args.set("address", o.masked.clone());
        i18n.t_with(
            match (o.kind, o.delivery) {
                (_, Some(PhoneDelivery::Text)) => "step-up-text",
                (_, Some(PhoneDelivery::Call)) => "step-up-call",
                (MethodKind::SecurityKey, None) => "step-up-security-key",
                (MethodKind::Email, None) => "step-up-email",
                (MethodKind::SecurityQuestions, None) => "step-up-questions",
                (MethodKind::RecoveryCodes, None) => "step-up-recovery-code",
                (_, None) => "step-up-authenticator",
            },
            &args,
        )
    };
    // Each choice of a method is an attempt. What arrives for an earlier
    // one (a code sent while the person moved on to another way) is
    // dropped: it would take away what they chose since.
    let attempt = StoredValue::new(0u32);
    let new_attempt = move || {
        attempt.update_value(|n| *n += 1);
        attempt.get_value()
    };
    let still = move |this: u32| attempt.try_get_value() == Some(this);
    let send = move |list: Vec<StepUpOption>| {
        let Some(option) = list.get(chosen.get_untracked()).cloned() else {
            return;
        };
        let this = new_attempt();
        choosing.set(false);
        if option.kind == MethodKind::SecurityKey {
            // The browser asks for the key; nothing to type.
            busy.set(true);
            error.set(None);
            leptos::task::spawn_local(async move {
                let outcome = async {
                    let ceremony = api::call::<endpoints::StartKeyStepUp>(&()).await?;
                    let assertion = crate::webauthn::get_assertion(&ceremony.options_json, None)
                        .await
                        .map_err(ApiError::new)?;
                    api::call_at::<endpoints::FinishKeyStepUp>(
                        &ceremony.ceremony_id,
                        &models::FinishSecurityKeyRequest {
                            credential_json: assertion,
                        },
                    )
                    .await
                };
                let outcome = outcome.await;
                if !still(this) {
                    return;
                }
                busy.set(false);
                match outcome {
                    Ok(_) => on_verified.run(()),
                    Err(e) => error.set(Some(e)),
                }
            });
            return;
        }
        if option.kind == MethodKind::SecurityQuestions {
            error.set(None);
            answering.set(true);
            return;
        }
        if option.delivery.is_none() && option.kind != MethodKind::Email {
            // An authenticator app: nothing to send, ask for its code.
            error.set(None);
            app_method.set(Some((option.kind, option.method_id)));
            return;
        }
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let started = api::call::<endpoints::StartStepUpCode>(&models::StartStepUp {
                method_id: option.method_id.clone(),
                delivery: option.delivery,
            })
            .await;
            if !still(this) {
                return;
            }
            match started {
                Ok(c) => challenge.set(Some(c)),
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    // Back to the list: whatever was on its way is no longer waited for.
    let choose_again = move || {
        error.set(None);
        new_attempt();
        busy.set(false);
        choosing.set(true);
    };
    let general = Signal::derive(move || error.with(|e| e.as_ref().map(|e| i18n.error(e))));
    // A sign-in starts with the default method (listed first) at once.
    if at_sign_in {
        let started = StoredValue::new(false);
        Effect::new(move |_| {
            if let Some(Ok(list)) = options.get()
                && !started.get_value()
            {
                started.set_value(true);
                if !list.is_empty() {
                    send(list);
                }
            }
        });
    }
    let back_label = match at_sign_in {
        true => "signin-another-way",
        false => "dialog-back",
    };
    // At sign-in the page changed under the person: their place is here.
    let heading: NodeRef<leptos::html::H1> = NodeRef::new();
    if at_sign_in {
        Effect::new(move |_| {
            if let Some(h) = heading.get() {
                let _ = h.focus();
            }
        });
    }
    // "Sign in another way" puts the person on the first choice.
    let choice_form: NodeRef<leptos::html::Form> = NodeRef::new();
    Effect::new(move |_| {
        if let Some(form) = choice_form.get()
            && at_sign_in
            && let Ok(Some(first)) = form.query_selector("input")
            && let Ok(first) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(first)
        {
            let _ = first.focus();
        }
    });
    let back = move || {
        choose_again();
        challenge.set(None);
        app_method.set(None);
        answering.set(false);
    };
    let title = match reset_step {
        Some(_) => "reset-title",
        None => "step-up-title",
    };
    let intro = move || match reset_step {
        Some((step, steps)) => {
            let mut args = Args::new();
            args.set("step", step);
            args.set("steps", steps);
            i18n.t_with("reset-verify-intro", &args)
        }
        None if at_sign_in => i18n.t("signin-verify-intro"),
        None => i18n.t("step-up-intro"),
    };
    // A reset's heading says where the person is: look there first.
    if reset_step.is_some() {
        Effect::new(move |_| {
            if let Some(h) = heading.get() {
                let _ = h.focus();
            }
        });
    }

    view! {
        <section class="card page-narrow step-up" aria-labelledby="step-up-title" data-focus-region="">
            <h1 id="step-up-title" tabindex="-1" node_ref=heading>{move || i18n.t(title)}</h1>
            <p>{intro}</p>
            {move || answering.get().then(|| view! {
                <ResetQuestionsStep on_verified on_back=Callback::new(move |()| back())/>
            })}
            {move || app_method.get().is_some().then(|| view! {
                <form class="form" novalidate on:submit=verify_app>
                    <p>{move || i18n.t(if recovery() { "step-up-recovery-code-intro" } else { "step-up-authenticator" })}</p>
                    <TextField id="step-up-app-code" label=Signal::derive(move || i18n.t(if recovery() { "recovery-code-label" } else { "phone-wizard-code-label" }))
                        value=app_code error=app_code_error autocomplete="one-time-code" inputmode=if recovery() { "text" } else { "numeric" } node_ref=app_input/>
                    <FormActions back=i18n.text(back_label) on_back=Callback::new(move |()| back())>
                        <SubmitButton label=i18n.text("step-up-verify") busy/>
                    </FormActions>
                </form>
            })}
            {move || if app_method.get().is_some() || answering.get() { ().into_any() } else { match challenge.get() {
                Some(c) if c.channel.sends_code() => view! {
                    <EnterCode challenge=c code error busy
                        on_verified=Callback::new(move |_| on_verified.run(()))
                        on_back=Callback::new(move |()| back())
                        on_resent=Callback::new(move |c| { resent.set(true); challenge.set(Some(c)) })
                        back_label=back_label
                        resent=resent.get_untracked()
                        focus=moves_focus/>
                }.into_any(),
                Some(c) => view! {
                    <Calling challenge=c error
                        on_verified=Callback::new(move |()| on_verified.run(()))
                        on_back=Callback::new(move |()| back())
                        on_again=Callback::new(move |c| challenge.set(Some(c)))
                        back_label=back_label/>
                }.into_any(),
                None => view! {
                    <Suspense fallback=move || view! { <Progress label=Signal::derive(move || i18n.t("shell-loading"))/> }>
                        {move || options.get().map(|result| match result {
                            Err(e) => view! { <ErrorAlert message=Signal::derive(move || Some(i18n.error(&e)))/> }.into_any(),
                            Ok(list) => {
                                let list = StoredValue::new(list);
                                view! {
                                    <ErrorAlert message=general/>
                                    {move || (busy.get() && !choosing.get()).then(|| view! {
                                        <Progress label=i18n.text("signin-verifying")/>
                                    })}
                                    {move || if choosing.get() {
                                        view! {
                                            <form class="form" novalidate node_ref=choice_form on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); send(list.get_value()) }>
                                                <fieldset class="choice">
                                                    <legend>{move || i18n.t("step-up-choose")}</legend>
                                                    {list.get_value().into_iter().enumerate().map(|(n, o)| view! {
                                                        <label class="choice-option">
                                                            <input type="radio" name="step-up-option" prop:checked=move || chosen.get() == n on:change=move |_| chosen.set(n)/>
                                                            {move || label(&o)}
                                                        </label>
                                                    }).collect_view()}
                                                </fieldset>
                                                <FormActions>
                                                    <SubmitButton label=Signal::derive(move || i18n.t(list.with_value(|l| action_label(l.get(chosen.get()))))) busy/>
                                                </FormActions>
                                            </form>
                                        }.into_any()
                                    } else {
                                        view! {
                                            <p class="another-way">
                                                <button type="button" class="button button-link" on:click=move |_| choose_again()>
                                                    {move || i18n.t(back_label)}
                                                </button>
                                            </p>
                                        }.into_any()
                                    }}
                                }.into_any()
                            }
                        })}
                    </Suspense>
                }.into_any(),
            }}}
            {at_sign_in.then(|| view! {
                <div class="cant-use">
                    <button type="button" class="button button-link" aria-expanded=move || cant_use.get().to_string()
                        on:click=move |_| cant_use.update(|v| *v = !*v)>
                        {move || i18n.t("signin-cant-use")}
                    </button>
                    <Show when=move || cant_use.get()>
                        <p class="notice" role="status">{move || i18n.t("signin-cant-use-help")}</p>
                    </Show>
                </div>
            })}
        </section>
    }
}

/// The security questions a password reset asks (chosen by the server),
/// answered all at once.
#[component]
fn ResetQuestionsStep(on_verified: Callback<()>, on_back: Callback<()>) -> impl IntoView {
    const IDS: [&str; 5] = [
        "reset-answer-1",
        "reset-answer-2",
        "reset-answer-3",
        "reset-answer-4",
        "reset-answer-5",
    ];
    let i18n = use_i18n();
    let asked = LocalResource::new(|| api::call::<endpoints::GetResetQuestions>(&()));
    let error: RwSignal<Option<ApiError>> = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let form: NodeRef<leptos::html::Form> = NodeRef::new();
    // The first answer is where the person types next.
    Effect::new(move |_| {
        if let Some(form) = form.get()
            && let Ok(Some(first)) = form.query_selector("input")
            && let Ok(first) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(first)
        {
            let _ = first.focus();
        }
    });
    let general = Signal::derive(move || {
        error.with(|e| {
            e.as_ref()
                .filter(|e| e.index.is_none())
                .map(|e| i18n.error(e))
        })
    });
    view! {
        <Suspense fallback=move || view! { <Progress label=Signal::derive(move || i18n.t("shell-loading"))/> }>
            {move || asked.get().map(|result| match result {
                Err(e) => view! { <ErrorAlert message=Signal::derive(move || Some(i18n.error(&e)))/> }.into_any(),
                Ok(list) => {
                    let questions: Vec<(String, Option<models::OwnQuestion>, RwSignal<String>)> = list
                        .questions
                        .into_iter()
                        .take(IDS.len())
                        .map(|q| (q.id, q.written, RwSignal::new(String::new())))
                        .collect();
                    let questions = StoredValue::new(questions);
                    let submit = move |ev: leptos::ev::SubmitEvent| {
                        ev.prevent_default();
                        let answers: Vec<models::QuestionAnswer> = questions.with_value(|qs| {
                            qs.iter()
                                .map(|(id, _, answer)| models::QuestionAnswer {
                                    question: id.clone(),
                                    answer: answer.get_untracked(),
                                })
                                .collect()
                        });
                        // An empty answer needs no round trip.
                        if let Some(index) = answers.iter().position(|a| a.answer.trim().is_empty()) {
                            let mut e = ApiError::at(models::ErrorCode::AnswerRequired, models::Field::Answer);
                            e.index = Some(index);
                            error.set(Some(e));
                            focus_answer(form, index);
                            return;
                        }
                        busy.set(true);
                        error.set(None);
                        leptos::task::spawn_local(async move {
                            let outcome = api::call::<endpoints::AnswerResetQuestions>(&models::QuestionAnswers { answers }).await;
                            busy.set(false);
                            match outcome {
                                Ok(_) => on_verified.run(()),
                                Err(e) => {
                                    focus_answer(form, e.index.unwrap_or(0));
                                    error.set(Some(e));
                                }
                            }
                        });
                    };
                    view! {
                        <form class="form" novalidate node_ref=form on:submit=submit>
                            <p>{move || i18n.t("reset-questions-intro")}</p>
                            <ErrorAlert message=general/>
                            {questions.get_value().into_iter().enumerate().map(|(n, (id, text, answer))| {
                                let label = Signal::derive(move || match &text {
                                    Some(written) => crate::features::methods::questions::own_question(&i18n, written),
                                    None => i18n.t(&format!("question-{id}")),
                                });
                                let at = Signal::derive(move || error.with(|e| {
                                    e.as_ref().filter(|e| e.index == Some(n)).map(|e| i18n.error(e))
                                }));
                                view! { <TextField id=IDS[n] label value=answer error=at autocomplete="off"/> }
                            }).collect_view()}
                            <FormActions back=i18n.text("dialog-back") on_back>
                                <SubmitButton label=i18n.text("step-up-verify") busy/>
                            </FormActions>
                        </form>
                    }.into_any()
                }
            })}
        </Suspense>
    }
}

/// Puts the cursor in the n-th answer.
fn focus_answer(form: NodeRef<leptos::html::Form>, index: usize) {
    if let Some(form) = form.get_untracked()
        && let Ok(inputs) = form.query_selector_all("input")
        && let Ok(index) = u32::try_from(index)
        && let Some(input) = inputs.item(index)
        && let Ok(input) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(input)
    {
        let _ = input.focus();
    }
}
