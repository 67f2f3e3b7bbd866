//! The Security info page (SPEC §1): the step-up in front of it, the
//! registration interrupt while methods are missing, then who is signed
//! in, their methods, and "Sign out everywhere".

use leptos::prelude::*;
use models::endpoints::GetSecurityInfo;
use models::{ApiError, ErrorCode, SecurityInfo};

use crate::api;
use crate::components::actions::{FormActions, SubmitButton};
use crate::components::alert::ErrorAlert;
use crate::components::dialog::Dialog;
use crate::components::progress::Progress;
use crate::features::methods::list::MethodList;
use crate::features::registration::Registration;
use crate::features::temporary_access_pass::PassNotice;
use crate::form_submit::FormSubmit;
use crate::i18n::use_i18n;
use crate::pages::recently_verified::RecentlyVerified;
use crate::pages::signed_in::SignedIn;
use crate::session::use_session;
use crate::title::use_page_title;

#[component]
pub fn SecurityInfoPage() -> impl IntoView {
    use_page_title("security-info-title");
    view! { <SignedIn><RecentlyVerified><SecurityInfoContent/></RecentlyVerified></SignedIn> }
}

#[component]
fn SecurityInfoContent() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let reload = RwSignal::new(0u32);
    // Said after a dialog found its method changed elsewhere, over the
    // list as it is now.
    let changed_elsewhere = RwSignal::new(false);
    let changed_here = RwSignal::new(false);
    // Focus goes to that notice: the dialog that opened is gone, and so is
    // the button that opened it.
    let notice: NodeRef<leptos::html::P> = NodeRef::new();
    Effect::new(move |_| {
        if let Some(notice) = notice.get() {
            let _ = notice.focus();
        }
    });
    let loaded: RwSignal<Option<Result<SecurityInfo, ApiError>>> = RwSignal::new(None);
    Effect::new(move |_| {
        reload.track();
        // While a verification is due the gate asks for it; this loads once
        // it is done, and asks the gate when the server says one is due.
        if session.step_up_required.get() {
            return;
        }
        leptos::task::spawn_local(async move {
            let result = api::call::<GetSecurityInfo>(&()).await;
            match result.as_ref().map_err(|e| e.code) {
                Err(ErrorCode::NotSignedIn) => session.user.set(None),
                Err(ErrorCode::SignInNotFinished) => session.pending.set(true),
                Err(ErrorCode::StepUpRequired) => {
                    loaded.set(None);
                    session.step_up_required.set(true);
                    return;
                }
                _ => {}
            }
            loaded.set(Some(result));
        });
    });
    // "Sign out everywhere" asks first; the sign-in page then says it is done.
    let confirming = RwSignal::new(false);
    let opener: NodeRef<leptos::html::Button> = NodeRef::new();
    let close = Callback::new(move |()| {
        confirming.set(false);
        if let Some(button) = opener.get_untracked() {
            let _ = button.focus();
        }
    });
    view! {
        {move || match loaded.get() {
            None => view! { <Progress label=Signal::derive(move || i18n.t("shell-loading"))/> }.into_any(),
            Some(Err(e)) => view! {
                <section class="security-info">
                    <h1>{move || i18n.t("security-info-title")}</h1>
                    <ErrorAlert message=Signal::derive(move || Some(i18n.error(&e)))/>
                </section>
            }.into_any(),
            // Registration is enforced: nothing else until enough methods exist.
            Some(Ok(info)) if info.needs_registration() => view! {
                <Registration info on_done=Callback::new(move |info| loaded.set(Some(Ok(info))))/>
            }.into_any(),
            Some(Ok(info)) => view! {
                <section class="security-info">
                    <header class="page-header">
                        <h1>{move || i18n.t("security-info-title")}</h1>
                        <p class="lead">{move || i18n.t("security-info-intro")}</p>
                    </header>
                    <PassNotice/>
                    {move || changed_elsewhere.get().then(|| view! {
                        <p class="notice" role="status" tabindex="-1" node_ref=notice>{move || i18n.t("security-info-changed-elsewhere")}</p>
                    })}
                    <MethodList info=info focus_heading=changed_here.get_untracked()
                        on_change=Callback::new(move |info| {
                            changed_elsewhere.set(false);
                            changed_here.set(true);
                            loaded.set(Some(Ok(info)));
                        })
                        on_stale=Callback::new(move |()| {
                            changed_elsewhere.set(true);
                            reload.update(|n| *n += 1);
                        })/>
                    <p class="sign-out-everywhere">
                        <button type="button" class="button button-link" node_ref=opener on:click=move |_| confirming.set(true)>
                            {move || i18n.t("security-info-sign-out-everywhere")}
                        </button>
                    </p>
                    <Show when=move || confirming.get()>
                        <Dialog labelled_by="sign-out-everywhere-title" on_close=close>
                            <SignOutEverywhere on_cancel=close/>
                        </Dialog>
                    </Show>
                </section>
            }.into_any(),
        }}
    }
}

/// "Sign out everywhere?": what it does, then it is done.
#[component]
fn SignOutEverywhere(on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = leptos_router::hooks::use_navigate();
    let form = FormSubmit::new();
    let FormSubmit { busy, error } = form;
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let navigate = navigate.clone();
        form.send(session.sign_out(true), move |()| {
            navigate(
                "/signin?signed-out=everywhere",
                leptos_router::NavigateOptions::default(),
            );
        });
    };
    view! {
        <h2 id="sign-out-everywhere-title">{move || i18n.t("sign-out-everywhere-title")}</h2>
        <ErrorAlert message=Signal::derive(move || error.with(|e| e.as_ref().map(|e| i18n.error(e))))/>
        <p>{move || i18n.t("sign-out-everywhere-question")}</p>
        <form class="form" novalidate on:submit=confirm>
            <FormActions back=i18n.text("dialog-cancel") on_back=on_cancel>
                <SubmitButton label=i18n.text("sign-out-everywhere-confirm") busy class="button button-danger"/>
            </FormActions>
        </form>
    }
}
