//! Set up your authenticator app (SPEC §3): QR code, "Can't scan image?"
//! with the account and secret as text, then the app's current code.

use i18n::Args;
use leptos::prelude::*;
use models::endpoints;
use models::{ApiError, AuthenticatorSetup, ErrorCode, Field, MethodKind, SecurityInfo};

use crate::api;
use crate::components::actions::{FormActions, SubmitButton};
use crate::components::alert::ErrorAlert;
use crate::components::field::TextField;
use crate::components::icons::MethodIcon;
use crate::components::progress::Progress;
use crate::components::wizard_done::WizardDone;
use crate::form_submit::FormSubmit;
use crate::i18n::use_i18n;

#[component]
pub fn AuthenticatorWizard(
    on_done: Callback<SecurityInfo>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let setup: RwSignal<Option<AuthenticatorSetup>> = RwSignal::new(None);
    let form = FormSubmit::new();
    let FormSubmit { busy, error } = form;
    let code = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let name_input: NodeRef<leptos::html::Input> = NodeRef::new();
    let show_secret = RwSignal::new(false);
    let result: RwSignal<Option<SecurityInfo>> = RwSignal::new(None);
    let code_input: NodeRef<leptos::html::Input> = NodeRef::new();
    leptos::task::spawn_local(async move {
        match api::call::<endpoints::StartAuthenticator>(&()).await {
            Ok(s) => setup.set(Some(s)),
            Err(e) => error.set(Some(e)),
        }
    });
    let code_error = i18n.error_at(error, Field::Code);
    let name_error = i18n.error_at(error, Field::KeyName);
    let general = Signal::derive(move || {
        error.with(|e| {
            e.as_ref()
                .filter(|e| !matches!(e.field, Some(Field::Code | Field::KeyName)))
                .map(|e| i18n.error(e))
        })
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(pending) = setup.with_untracked(|s| s.as_ref().map(|s| s.pending_id.clone()))
        else {
            return;
        };
        let typed = code.get_untracked();
        if typed.trim().is_empty() {
            error.set(Some(ApiError::at(ErrorCode::CodeRequired, Field::Code)));
            return;
        }
        let confirmation = models::ConfirmAuthenticator {
            code: typed,
            name: Some(name.get_untracked()).filter(|n| !n.trim().is_empty()),
        };
        let request =
            async move { api::call_at::<endpoints::ConfirmApp>(&pending, &confirmation).await };
        let refused = move |e: ApiError| {
            // Refused: the field the error is at (walk issue, item 4).
            let input = match e.field {
                Some(Field::KeyName) => name_input.get_untracked(),
                _ => code_input.get_untracked(),
            };
            error.set(Some(e));
            if let Some(input) = input {
                let _ = input.focus();
            }
        };
        form.send_or(request, move |info| result.set(Some(info)), refused);
    };

    view! {
        <h2 id="dialog-title" class="dialog-title"><MethodIcon kind=MethodKind::AuthenticatorApp/>{move || i18n.t("authenticator-wizard-title")}</h2>
        <ErrorAlert message=general/>
        {move || match (result.get(), setup.get()) {
            (Some(info), _) => view! {
                <WizardDone text_id="authenticator-success-text" on_done=Callback::new(move |()| on_done.run(info.clone()))/>
            }.into_any(),
            (None, None) => view! { <Progress label=Signal::derive(move || i18n.t("shell-loading"))/> }.into_any(),
            (None, Some(s)) => {
                let image = format!("data:image/svg+xml;base64,{}", window().btoa(&s.qr_svg).unwrap_or_default());
                let account = s.account_name.clone();
                let alt = move || {
                    let mut args = Args::new();
                    args.set("account", account.clone());
                    i18n.t_with("authenticator-qr-alt", &args)
                };
                let (account_text, secret_text) = (s.account_name.clone(), s.secret.clone());
                view! {
                    <p>{move || i18n.t("authenticator-wizard-intro")}</p>
                    <img class="qr" src=image alt=alt width="200" height="200"/>
                    // Where the step begins for the keyboard: before the code
                    // field, the way for whoever cannot scan.
                    <button type="button" class="button button-link" data-step-start="" aria-expanded=move || show_secret.get().to_string()
                        aria-controls="authenticator-manual" on:click=move |_| show_secret.update(|v| *v = !*v)>
                        {move || i18n.t("authenticator-cant-scan")}
                    </button>
                    <Show when=move || show_secret.get()>
                        <div id="authenticator-manual" class="notice">
                            <p>{move || i18n.t("authenticator-manual")}</p>
                            <dl class="manual-entry">
                                <dt>{move || i18n.t("authenticator-account-label")}</dt>
                                <dd>{account_text.clone()}</dd>
                                <dt>{move || i18n.t("authenticator-secret-label")}</dt>
                                <dd><code class="secret" translate="no">{secret_text.clone()}</code></dd>
                            </dl>
                        </div>
                    </Show>
                    <form class="form" novalidate on:submit=submit>
                        <TextField id="authenticator-code" label=Signal::derive(move || i18n.t("phone-wizard-code-label"))
                            value=code error=code_error autocomplete="one-time-code" inputmode="numeric" node_ref=code_input/>
                        <TextField id="authenticator-name" label=Signal::derive(move || i18n.t("authenticator-name-label"))
                            hint=Signal::derive(move || i18n.t("authenticator-name-hint"))
                            value=name error=name_error autocomplete="off" maxlength=models::SECURITY_KEY_NAME_MAX_CHARS node_ref=name_input/>
                        <FormActions back=i18n.text("dialog-cancel") on_back=on_cancel>
                            <SubmitButton label=i18n.text("dialog-next") busy/>
                        </FormActions>
                    </form>
                }.into_any()
            }
        }}
    }
}
