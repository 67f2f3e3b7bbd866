//! Recovery codes (S31): generate ten single-use codes, shown this once,
//! to copy, download or print; generating again replaces the old ones.

use leptos::prelude::*;
use models::endpoints::GenerateRecoveryCodes;
use models::{MethodKind, SecurityInfo};

use crate::api;
use crate::components::actions::{FormActions, SubmitButton};
use crate::components::alert::ErrorAlert;
use crate::components::icons::MethodIcon;
use crate::form_submit::FormSubmit;
use crate::i18n::use_i18n;
use crate::session::use_session;

#[component]
pub fn RecoveryCodesWizard(
    /// A set exists and is being replaced.
    regenerate: bool,
    on_done: Callback<SecurityInfo>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormSubmit::new();
    let FormSubmit { busy, error } = form;
    let made: RwSignal<Option<(Vec<String>, SecurityInfo)>> = RwSignal::new(None);
    let generate = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = api::call::<GenerateRecoveryCodes>(&());
        form.send(request, move |set| {
            made.set(Some((set.codes, set.security_info)));
        });
    };
    view! {
        <h2 id="dialog-title" class="dialog-title"><MethodIcon kind=MethodKind::RecoveryCodes/>{move || i18n.t("recovery-codes-title")}</h2>
        {move || match made.get() {
            None => view! {
                <p>{move || i18n.t("recovery-codes-intro")}</p>
                {regenerate.then(|| view! { <p class="notice">{move || i18n.t("recovery-codes-replace-warning")}</p> })}
                <form class="form" novalidate on:submit=generate>
                    <ErrorAlert message=Signal::derive(move || error.with(|e| e.as_ref().map(|e| i18n.error(e))))/>
                    <FormActions back=i18n.text("dialog-cancel") on_back=on_cancel>
                        <SubmitButton label=i18n.text("recovery-codes-generate") busy/>
                    </FormActions>
                </form>
            }.into_any(),
            Some((codes, info)) => view! { <ShowCodes codes info on_done/> }.into_any(),
        }}
    }
}

#[component]
fn ShowCodes(
    codes: Vec<String>,
    info: SecurityInfo,
    on_done: Callback<SecurityInfo>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let copied = RwSignal::new(false);
    let heading: NodeRef<leptos::html::P> = NodeRef::new();
    // The codes replaced the first step: the person's place is here.
    Effect::new(move |_| {
        if let Some(p) = heading.get() {
            let _ = p.focus();
        }
    });
    let text = {
        let codes = codes.clone();
        move || {
            let mut args = i18n::Args::new();
            let account = session.user.with_untracked(|u| {
                u.as_ref()
                    .map(|u| u.account_name.to_string())
                    .unwrap_or_default()
            });
            args.set("account", account);
            let mut text = i18n.t_with("recovery-codes-file-heading", &args);
            for code in &codes {
                text.push('\n');
                text.push_str(code);
            }
            text.push('\n');
            text
        }
    };
    let download_href = {
        let text = text.clone();
        move || {
            let encoded: String = js_sys::encode_uri_component(&text()).into();
            ["data:text/plain;charset=utf-8,", encoded.as_str()].concat()
        }
    };
    let copy = {
        let text = text.clone();
        move |_| crate::clipboard::copy(&text(), copied)
    };
    let info = StoredValue::new(info);
    view! {
        <p class="notice" tabindex="-1" node_ref=heading>{move || i18n.t("recovery-codes-shown-once")}</p>
        <ol class="recovery-codes" aria-label=move || i18n.t("recovery-codes-list-label")>
            {codes.into_iter().map(|code| view! { <li><code translate="no">{code}</code></li> }).collect_view()}
        </ol>
        <div class="recovery-codes-actions">
            <button type="button" class="button button-secondary" on:click=copy>{move || i18n.t("recovery-codes-copy")}</button>
            <a class="button button-secondary" download="secinfo-recovery-codes.txt" href=download_href>
                {move || i18n.t("recovery-codes-download")}
            </a>
            <button type="button" class="button button-secondary" on:click=move |_| { let _ = window().print(); }>
                {move || i18n.t("recovery-codes-print")}
            </button>
            <p class="muted" role="status">{move || copied.get().then(|| i18n.t("recovery-codes-copied"))}</p>
        </div>
        <FormActions>
            <button type="button" class="button button-primary" on:click=move |_| on_done.run(info.get_value())>
                {move || i18n.t("dialog-done")}
            </button>
        </FormActions>
    }
}
