//! Set up your email (SPEC §4): address → 6-digit code by email → done.
//! The code step is the phone wizard's, with the email's words.

use i18n::Args;
use leptos::html;
use leptos::prelude::*;
use models::endpoints::StartEmail;
use models::{ApiError, Challenge, Field, MethodKind, MethodView, SecurityInfo, StartEmailRequest};

use crate::api;
use crate::components::actions::{FormActions, SubmitButton};
use crate::components::alert::ErrorAlert;
use crate::components::field::TextField;
use crate::components::icons::MethodIcon;
use crate::components::wizard_done::WizardDone;
use crate::features::challenge::EnterCode;
use crate::form_submit::FormSubmit;
use crate::i18n::use_i18n;

#[derive(Clone, Debug, PartialEq)]
enum Step {
    Enter,
    Code(Challenge),
    Done,
}

#[component]
pub fn EmailWizard(
    /// The email method being changed, if any: its address is shown.
    replaces: Option<MethodView>,
    on_done: Callback<SecurityInfo>,
    on_cancel: Callback<()>,
    /// Called instead of showing "not found" when the method is gone
    /// already (deleted in another tab): the page refreshes and says so.
    #[prop(optional)]
    on_stale: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    // Kept across steps: "Change email" loses nothing typed.
    let address = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let step = RwSignal::new(Step::Enter);
    let form = FormSubmit::new();
    let FormSubmit { busy, error } = form;
    let resent = RwSignal::new(false);
    let result: RwSignal<Option<SecurityInfo>> = RwSignal::new(None);
    let replaces = StoredValue::new(replaces);
    let title_id = match replaces.with_value(Option::is_some) {
        false => "email-wizard-title",
        true => "email-wizard-change-title",
    };
    let current = replaces.with_value(|r| r.as_ref().map(|m| m.detail.clone()));

    let show = move |challenge: Challenge| {
        code.set(String::new());
        step.set(Step::Code(challenge));
    };
    let start = move || {
        if busy.get_untracked() {
            return;
        }
        resent.set(false);
        let request = StartEmailRequest {
            address: address.get_untracked(),
            replaces: replaces.with_value(|r| r.as_ref().map(|m| m.id.clone())),
        };
        let request = async move { api::call::<StartEmail>(&request).await };
        form.send_or(request, show, form.unless_stale(on_stale));
    };

    view! {
        <h2 id="dialog-title" class="dialog-title"><MethodIcon kind=MethodKind::Email/>{move || i18n.t(title_id)}</h2>
        {move || current.clone().filter(|_| step.with(|s| matches!(s, Step::Enter))).map(|address| {
            let mut args = Args::new();
            args.set("address", address);
            view! { <p class="muted">{move || i18n.t_with("email-wizard-current", &args)}</p> }
        })}
        {move || match step.get() {
            Step::Enter => view! { <EnterAddress address error busy on_next=Callback::new(move |()| start()) on_cancel/> }.into_any(),
            Step::Code(challenge) => view! {
                <EnterCode challenge code error busy
                    sent_id="email-wizard-code-sent"
                    back_label="email-wizard-change-address"
                    on_verified=Callback::new(move |info: Option<SecurityInfo>| if let Some(info) = info { result.set(Some(info)); step.set(Step::Done) })
                    on_back=Callback::new(move |()| { error.set(None); step.set(Step::Enter) })
                    on_resent=Callback::new(move |c| { resent.set(true); show(c) })
                    resent=resent.get_untracked()/>
            }.into_any(),
            Step::Done => view! {
                <WizardDone text_id="email-wizard-success-text"
                    on_done=Callback::new(move |()| { if let Some(info) = result.get_untracked() { on_done.run(info) } })/>
            }.into_any(),
        }}
    }
}

#[component]
fn EnterAddress(
    address: RwSignal<String>,
    error: RwSignal<Option<ApiError>>,
    busy: RwSignal<bool>,
    on_next: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let input: NodeRef<html::Input> = NodeRef::new();
    let at_field = i18n.error_at(error, Field::Email);
    let general = i18n.error_besides(error, Field::Email);
    // An error at the address puts the cursor back there.
    Effect::new(move |_| {
        if at_field.with(Option::is_some)
            && let Some(input) = input.get_untracked()
        {
            let _ = input.focus();
        }
    });
    view! {
        <p>{move || i18n.t("email-wizard-intro")}</p>
        <form class="form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); on_next.run(()) }>
            <p class="form-question">{move || i18n.t("email-wizard-question")}</p>
            <ErrorAlert message=general/>
            <TextField
                id="email-address"
                label=Signal::derive(move || i18n.t("email-wizard-address-label"))
                hint=Signal::derive(move || i18n.t("email-wizard-address-hint"))
                value=address
                error=at_field
                input_type="email"
                autocomplete="email"
                node_ref=input
            />
            <FormActions back=i18n.text("dialog-cancel") on_back=on_cancel>
                <SubmitButton label=i18n.text("dialog-next") busy/>
            </FormActions>
        </form>
    }
}
