//! The core every verification shares: the person's methods to choose
//! from, and verifying with the one chosen.

use i18n::Args;
use leptos::prelude::*;
use models::endpoints;
use models::{ApiError, Challenge, MethodId, MethodKind, PhoneDelivery, StepUpOption};

use crate::api;
use crate::components::actions::{FormActions, SubmitButton};
use crate::components::alert::ErrorAlert;
use crate::components::field::TextField;
use crate::components::progress::Progress;
use crate::features::challenge::{Calling, EnterCode};
use crate::form_submit::{FormSubmit, Latest};
use crate::i18n::use_i18n;

/// The card a verification is shown in: its heading (which takes the
/// cursor when the page is the verification) and what it asks for.
#[component]
pub(super) fn VerifyCard(
    /// The heading's message.
    title_id: &'static str,
    intro: Signal<String>,
    focus_heading: bool,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let heading: NodeRef<leptos::html::H1> = NodeRef::new();
    if focus_heading {
        Effect::new(move |_| {
            if let Some(h) = heading.get() {
                let _ = h.focus();
            }
        });
    }
    view! {
        <section class="card page-narrow step-up" aria-labelledby="step-up-title" data-focus-region="">
            <h1 id="step-up-title" tabindex="-1" node_ref=heading>{move || i18n.t(title_id)}</h1>
            <p>{intro}</p>
            {children()}
        </section>
    }
}

/// Choosing one of the person's methods (from the list the server offers
/// for this session) and verifying with it.
#[component]
pub(super) fn ChooseAndVerify(
    /// Called once the session is verified.
    on_verified: Callback<()>,
    /// The message of the way back to the list.
    back_label: &'static str,
    /// The default method (listed first) starts at once, and the list is
    /// shown when asked for (a sign-in's "Sign in another way").
    #[prop(optional)]
    starts_at_default: bool,
    /// Each step's field takes the cursor (the page is the verification).
    #[prop(optional)]
    moves_focus: bool,
    /// Security questions were chosen: the purpose that offers them asks.
    #[prop(optional)]
    on_questions: Option<Callback<()>>,
    /// Only methods of this kind are offered (an application asked for a
    /// security key or passkey).
    #[prop(optional)]
    only: Option<MethodKind>,
) -> impl IntoView {
    let i18n = use_i18n();
    let options = LocalResource::new(move || async move {
        let list = api::call::<endpoints::StepUpOptions>(&()).await?;
        Ok::<_, ApiError>(
            list.into_iter()
                .filter(|o| only.is_none_or(|kind| o.kind == kind))
                .collect::<Vec<_>>(),
        )
    });
    let choosing = RwSignal::new(!starts_at_default);
    let chosen = RwSignal::new(0usize);
    let challenge: RwSignal<Option<Challenge>> = RwSignal::new(None);
    let form = FormSubmit::new();
    let FormSubmit { busy, error } = form;
    // Each choice of a method is an attempt; going back abandons it.
    let latest = Latest::new();
    let resent = RwSignal::new(false);
    // A method whose code the person types here: an authenticator app, or
    // recovery codes (their kind and id).
    let app_method: RwSignal<Option<(MethodKind, MethodId)>> = RwSignal::new(None);
    let code = RwSignal::new(String::new());

    let send = move |list: Vec<StepUpOption>| {
        let Some(option) = list.get(chosen.get_untracked()).cloned() else {
            return;
        };
        if option.kind == MethodKind::SecurityQuestions {
            if let Some(ask) = on_questions {
                error.set(None);
                ask.run(());
            }
            return;
        }
        choosing.set(false);
        match (option.kind, option.delivery) {
            // The browser asks for the key; nothing to type.
            (MethodKind::SecurityKey, _) => {
                let ceremony = async {
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
                form.send_latest(
                    latest,
                    ceremony,
                    move |_| on_verified.run(()),
                    move |e| error.set(Some(e)),
                );
            }
            // An authenticator app or recovery codes: nothing to send, ask
            // for the code.
            (kind, None) if kind != MethodKind::Email => {
                error.set(None);
                app_method.set(Some((kind, option.method_id)));
            }
            (_, delivery) => {
                let start = models::StartStepUp {
                    method_id: option.method_id,
                    delivery,
                };
                let started = async move { api::call::<endpoints::StartStepUpCode>(&start).await };
                form.send_latest(
                    latest,
                    started,
                    move |c| challenge.set(Some(c)),
                    move |e| error.set(Some(e)),
                );
            }
        }
    };
    // Back to the list: whatever was on its way is no longer waited for.
    let choose_again = move || {
        form.abandon(latest);
        choosing.set(true);
    };
    let back = move || {
        choose_again();
        challenge.set(None);
        app_method.set(None);
    };
    // A sign-in starts with the default method (listed first) at once.
    if starts_at_default {
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
    // "Sign in another way" puts the person on the first choice.
    let choice_form: NodeRef<leptos::html::Form> = NodeRef::new();
    Effect::new(move |_| {
        if let Some(form) = choice_form.get()
            && starts_at_default
            && let Ok(Some(first)) = form.query_selector("input")
            && let Ok(first) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(first)
        {
            let _ = first.focus();
        }
    });
    let general = Signal::derive(move || error.with(|e| e.as_ref().map(|e| i18n.error(e))));

    view! {
        {move || app_method.get().map(|(kind, method_id)| view! {
            <AppCode kind method_id form on_verified moves_focus back_label on_back=Callback::new(move |()| back())/>
        })}
        {move || if app_method.with(Option::is_some) { ().into_any() } else { match challenge.get() {
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
                                                        {move || option_label(i18n, &o)}
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
    }
}

/// A code the person types from an authenticator app or their recovery
/// codes.
#[component]
fn AppCode(
    kind: MethodKind,
    method_id: MethodId,
    form: FormSubmit,
    on_verified: Callback<()>,
    moves_focus: bool,
    back_label: &'static str,
    on_back: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let FormSubmit { busy, error } = form;
    let recovery = kind == MethodKind::RecoveryCodes;
    let code = RwSignal::new(String::new());
    let input: NodeRef<leptos::html::Input> = NodeRef::new();
    let method_id = StoredValue::new(method_id);
    let verify = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let code = code.get_untracked();
        if code.trim().is_empty() {
            error.set(Some(ApiError::at(
                models::ErrorCode::CodeRequired,
                models::Field::Code,
            )));
            return;
        }
        // An app's code is six digits: anything else costs no try.
        if !recovery && models::normalize_code(&code).is_none() {
            error.set(Some(ApiError::at(
                models::ErrorCode::WrongCode,
                models::Field::Code,
            )));
            return;
        }
        let method_id = method_id.get_value();
        let request = async move {
            if recovery {
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
            if let Some(input) = input.get_untracked() {
                let _ = input.focus();
            }
        };
        // Done with these signals before `on_verified`, which may take the
        // component away: `FormSubmit` ends `busy` first.
        form.send_or(request, move |_| on_verified.run(()), refused);
    };
    let code_error = i18n.error_at(error, models::Field::Code);
    Effect::new(move |_| {
        if let Some(input) = input.get()
            && moves_focus
        {
            let _ = input.focus();
        }
    });
    let (intro, label) = match recovery {
        true => (
            i18n.text("step-up-recovery-code-intro"),
            i18n.text("recovery-code-label"),
        ),
        false => (
            i18n.text("step-up-authenticator"),
            i18n.text("phone-wizard-code-label"),
        ),
    };
    let inputmode = if recovery { "text" } else { "numeric" };
    view! {
        <form class="form" novalidate on:submit=verify>
            <p>{intro}</p>
            <TextField id="step-up-app-code" label
                value=code error=code_error autocomplete="one-time-code" inputmode node_ref=input/>
            <FormActions back=i18n.text(back_label) on_back>
                <SubmitButton label=i18n.text("step-up-verify") busy/>
            </FormActions>
        </form>
    }
}

/// The button says what choosing does.
fn action_label(option: Option<&StepUpOption>) -> &'static str {
    match option.map(|o| (o.kind, o.delivery)) {
        Some((_, Some(PhoneDelivery::Text)) | (MethodKind::Email, None)) => "step-up-send-code",
        Some((_, Some(PhoneDelivery::Call))) => "step-up-call-me",
        Some((MethodKind::SecurityKey, None)) => "step-up-use-key",
        _ => "dialog-next",
    }
}

/// One choice of the list, in the person's language.
fn option_label(i18n: crate::i18n::I18n, o: &StepUpOption) -> String {
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
}
