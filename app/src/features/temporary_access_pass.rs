//! The person's Temporary Access Pass on Security info (S33): until when it
//! works, and deleting it once they have their own methods — which ends
//! this session too, when it began with the pass.

use leptos::prelude::*;
use models::PassView;
use models::endpoints::{DeleteOwnPass, GetOwnPass};

use crate::api;
use crate::components::actions::{FormActions, SubmitButton};
use crate::components::alert::ErrorAlert;
use crate::components::dialog::Dialog;
use crate::form_submit::FormSubmit;
use crate::i18n::use_i18n;
use crate::labels;
use crate::session::use_session;

#[component]
pub fn PassNotice() -> impl IntoView {
    let i18n = use_i18n();
    let pass = LocalResource::new(|| api::call::<GetOwnPass>(&()));
    let confirming = RwSignal::new(false);
    let opener: NodeRef<leptos::html::Button> = NodeRef::new();
    let close = Callback::new(move |()| {
        confirming.set(false);
        if let Some(button) = opener.get_untracked() {
            let _ = button.focus();
        }
    });
    let deleted = Callback::new(move |()| {
        confirming.set(false);
        pass.refetch();
    });
    move || {
        let view = pass.get().and_then(Result::ok).flatten()?;
        let until = {
            let mut args = i18n::Args::new();
            args.set("time", labels::date_time(&i18n, view.expires_at));
            args
        };
        let this_session = view.this_session;
        let shown = StoredValue::new(view.clone());
        let uses = crate::labels::pass_uses(i18n, view.one_time);
        Some(view! {
            <section class="pass-notice" aria-labelledby="pass-title">
                <h2 id="pass-title">{move || i18n.t("pass-title")}</h2>
                <p>{move || i18n.t_with("pass-valid-until", &until)} " " {uses}</p>
                {this_session.then(|| view! { <p>{move || i18n.t("pass-this-session")}</p> })}
                <button type="button" class="button button-secondary" node_ref=opener on:click=move |_| confirming.set(true)>
                    {move || i18n.t("pass-delete")}
                </button>
                <Show when=move || confirming.get()>
                    <Dialog labelled_by="pass-delete-title" on_close=close>
                        <DeletePass pass=shown.get_value() on_cancel=close on_deleted=deleted/>
                    </Dialog>
                </Show>
            </section>
        })
    }
}

/// "Delete your Temporary Access Pass?": what it ends, then it is gone.
#[component]
fn DeletePass(pass: PassView, on_cancel: Callback<()>, on_deleted: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let form = FormSubmit::new();
    let FormSubmit { busy, error } = form;
    let this_session = pass.this_session;
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = async { api::call::<DeleteOwnPass>(&()).await };
        form.send(request, move |()| {
            if this_session {
                // This session ended with the pass: sign in again.
                leptos::task::spawn_local(session.sign_out_and_load(models::SIGN_IN_PAGE));
            } else {
                on_deleted.run(());
            }
        });
    };
    let question = if this_session {
        i18n.text("pass-delete-signs-out")
    } else {
        i18n.text("pass-delete-question")
    };
    view! {
        <h2 id="pass-delete-title">{move || i18n.t("pass-delete-title")}</h2>
        <ErrorAlert message=Signal::derive(move || error.with(|e| e.as_ref().map(|e| i18n.error(e))))/>
        <p>{question}</p>
        <form class="form" novalidate on:submit=confirm>
            <FormActions back=i18n.text("dialog-cancel") on_back=on_cancel>
                <SubmitButton label=i18n.text("pass-delete-confirm") busy class="button button-danger"/>
            </FormActions>
        </form>
    }
}
