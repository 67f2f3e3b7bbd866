//! Verify your identity: before viewing or changing security info, a code
//! or a call to one of the person's phones (S11).

use i18n::Args;
use leptos::prelude::*;
use models::{ApiError, PhoneChallenge, PhoneDelivery};

use crate::api::{self, StepUpOption};
use crate::components::alert::ErrorAlert;
use crate::components::progress::Progress;
use crate::features::phone_wizard::{Calling, EnterCode, Entry};
use crate::i18n::use_i18n;

#[component]
pub fn StepUp(
    /// Called once the session is verified.
    on_verified: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let options = LocalResource::new(api::step_up_options);
    let chosen = RwSignal::new(0usize);
    let challenge: RwSignal<Option<PhoneChallenge>> = RwSignal::new(None);
    let error: RwSignal<Option<ApiError>> = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let resent = RwSignal::new(false);
    let entry = Entry::new("", PhoneDelivery::Text);

    let label = move |o: &StepUpOption| {
        let mut args = Args::new();
        args.set("number", o.masked.clone());
        i18n.t_with(
            if o.delivery == PhoneDelivery::Text {
                "step-up-text"
            } else {
                "step-up-call"
            },
            &args,
        )
    };
    let send = move |list: Vec<StepUpOption>| {
        let Some(option) = list.get(chosen.get_untracked()).cloned() else {
            return;
        };
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            match api::start_step_up(&option.method_id, option.delivery).await {
                Ok(c) => challenge.set(Some(c)),
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let general = Signal::derive(move || error.with(|e| e.as_ref().map(|e| i18n.error(e))));

    view! {
        <section class="card page-narrow step-up" aria-labelledby="step-up-title">
            <h1 id="step-up-title">{move || i18n.t("step-up-title")}</h1>
            <p>{move || i18n.t("step-up-intro")}</p>
            {move || match challenge.get() {
                Some(c) if c.delivery == PhoneDelivery::Text => view! {
                    <EnterCode challenge=c entry error busy
                        on_verified=Callback::new(move |_| on_verified.run(()))
                        on_back=Callback::new(move |()| { error.set(None); challenge.set(None) })
                        on_resent=Callback::new(move |c| { resent.set(true); challenge.set(Some(c)) })
                        back_label="dialog-back"
                        resent=resent.get_untracked()/>
                }.into_any(),
                Some(c) => view! {
                    <Calling challenge=c error
                        on_verified=Callback::new(move |()| on_verified.run(()))
                        on_back=Callback::new(move |()| { error.set(None); challenge.set(None) })
                        on_again=Callback::new(move |c| challenge.set(Some(c)))
                        back_label="dialog-back"/>
                }.into_any(),
                None => view! {
                    <Suspense fallback=move || view! { <Progress label=Signal::derive(move || i18n.t("shell-loading"))/> }>
                        {move || options.get().map(|result| match result {
                            Err(e) => view! { <ErrorAlert message=Signal::derive(move || Some(i18n.error(&e)))/> }.into_any(),
                            Ok(list) => {
                                let for_send = list.clone();
                                view! {
                                    <form class="form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); send(for_send.clone()) }>
                                        <ErrorAlert message=general/>
                                        <fieldset class="choice">
                                            <legend>{move || i18n.t("step-up-choose")}</legend>
                                            {list.into_iter().enumerate().map(|(n, o)| view! {
                                                <label class="choice-option">
                                                    <input type="radio" name="step-up-option" prop:checked=move || chosen.get() == n on:change=move |_| chosen.set(n)/>
                                                    {move || label(&o)}
                                                </label>
                                            }).collect_view()}
                                        </fieldset>
                                        <div class="form-actions">
                                            <button type="submit" class="button button-primary" disabled=move || busy.get()>
                                                <Show when=move || busy.get()><span class="button-spinner" aria-hidden="true"></span></Show>
                                                {move || i18n.t("step-up-send")}
                                            </button>
                                        </div>
                                    </form>
                                }.into_any()
                            }
                        })}
                    </Suspense>
                }.into_any(),
            }}
        </section>
    }
}
