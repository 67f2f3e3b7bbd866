//! Set up a security key (SPEC §6): name it → the browser's prompt →
//! done. A cancelled or refused prompt returns to the name, kept.

use leptos::html;
use leptos::prelude::*;
use models::endpoints;
use models::{ApiError, ErrorCode, Field, MethodKind, SecurityInfo};

use crate::api;
use crate::components::actions::{FormActions, SubmitButton};
use crate::components::alert::ErrorAlert;
use crate::components::field::TextField;
use crate::components::icons::MethodIcon;
use crate::components::progress::Progress;
use crate::components::wizard_done::WizardDone;
use crate::form_submit::FormSubmit;
use crate::i18n::use_i18n;
use crate::webauthn;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    /// The key's name, then the browser's prompt (the form busy).
    Name,
    Done,
}

#[component]
pub fn SecurityKeyWizard(
    on_done: Callback<SecurityInfo>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = RwSignal::new(String::new());
    let step = RwSignal::new(Step::Name);
    let form = FormSubmit::new();
    let FormSubmit {
        busy: waiting,
        error,
    } = form;
    let result: RwSignal<Option<SecurityInfo>> = RwSignal::new(None);
    let input: NodeRef<html::Input> = NodeRef::new();
    // The browser's prompt under way, ended when the wizard closes (a
    // pending prompt would block the next one).
    let prompt = StoredValue::new_local(None::<web_sys::AbortController>);
    on_cleanup(move || {
        if let Some(controller) = prompt.try_get_value().flatten() {
            controller.abort();
        }
    });

    let register = move || {
        if name.with_untracked(|n| n.trim().is_empty()) {
            error.set(Some(ApiError::at(
                ErrorCode::KeyNameRequired,
                Field::KeyName,
            )));
            return;
        }
        if waiting.get_untracked() {
            return;
        }
        let controller = web_sys::AbortController::new().ok();
        let signal = controller.as_ref().map(web_sys::AbortController::signal);
        prompt.set_value(controller);
        let ceremony = async move {
            let creation =
                api::call::<endpoints::StartSecurityKey>(&models::StartSecurityKeyRequest {
                    name: name.get_untracked(),
                })
                .await?;
            let credential = webauthn::create_credential(&creation.options_json, signal.as_ref())
                .await
                .map_err(ApiError::new)?;
            api::call_at::<endpoints::FinishSecurityKey>(
                &creation.ceremony_id,
                &models::FinishSecurityKeyRequest {
                    credential_json: credential,
                },
            )
            .await
        };
        // The wizard may have closed while the prompt was open: then its
        // signals are gone, and nothing is shown.
        form.send_or(
            ceremony,
            move |info| {
                result.try_set(Some(info));
                step.try_set(Step::Done);
            },
            move |e| {
                error.try_set(Some(e));
            },
        );
    };

    // "Try again" is for a prompt that failed, not for a missing name.
    let prompt_failed =
        move || error.with(|e| e.as_ref().is_some_and(|e| e.field != Some(Field::KeyName)));
    // A name typed after "Enter a name" answers it: the error goes.
    Effect::watch(
        move || name.get(),
        move |_, _, _| {
            if error.with_untracked(|e| e.as_ref().is_some_and(|e| e.field == Some(Field::KeyName)))
            {
                error.set(None);
            }
        },
        false,
    );
    let at_name = i18n.error_at(error, Field::KeyName);
    let general = i18n.error_besides(error, Field::KeyName);
    // Tracks the input too: after the browser's prompt the name step is
    // drawn anew, and the error's field gets the focus once it is there.
    Effect::new(move |_| {
        if at_name.with(Option::is_some)
            && let Some(input) = input.get()
        {
            let _ = input.focus();
        }
    });

    view! {
        <h2 id="dialog-title" class="dialog-title"><MethodIcon kind=MethodKind::SecurityKey/>{move || i18n.t("security-key-wizard-title")}</h2>
        {move || match step.get() {
            Step::Name if waiting.get() => view! {
                <Progress label=Signal::derive(move || i18n.t("security-key-waiting"))/>
                <FormActions back=i18n.text("dialog-cancel") on_back=on_cancel/>
            }.into_any(),
            Step::Name => view! {
                <p>{move || i18n.t("security-key-wizard-intro")}</p>
                <form class="form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); register() }>
                    <ErrorAlert message=general/>
                    <TextField
                        id="security-key-name"
                        label=Signal::derive(move || i18n.t("security-key-name-label"))
                        hint=Signal::derive(move || i18n.t("security-key-name-hint"))
                        value=name
                        error=at_name
                        autocomplete="off"
                        node_ref=input
                        maxlength=models::SECURITY_KEY_NAME_MAX_CHARS
                    />
                    <FormActions back=i18n.text("dialog-cancel") on_back=on_cancel>
                        <SubmitButton
                            label=Signal::derive(move || i18n.t(if prompt_failed() { "security-key-try-again" } else { "dialog-next" }))
                            busy=false
                        />
                    </FormActions>
                </form>
            }.into_any(),
            Step::Done => view! {
                <WizardDone text_id="security-key-success-text"
                    on_done=Callback::new(move |()| { if let Some(info) = result.get_untracked() { on_done.run(info) } })/>
            }.into_any(),
        }}
    }
}
