//! Registration at sign-in (SPEC §1): while the person has fewer methods
//! than the organization requires, "More information required" → "Keep
//! your account secure" (method N of M) → Success → Done.

use i18n::Args;
use leptos::prelude::*;
use models::{MethodKind, SecurityInfo};

use crate::components::actions::FormActions;
use crate::components::wizard_done::WizardFinished;
use crate::features::methods::wizard::MethodWizard;
use crate::i18n::use_i18n;
use crate::labels::{default_label, method_name};

#[derive(Clone, Debug, PartialEq)]
enum Stage {
    Intro,
    Method(SecurityInfo),
    Success(SecurityInfo),
}

#[component]
pub fn Registration(
    info: SecurityInfo,
    /// Called with the final security info when the person chooses Done.
    on_done: Callback<SecurityInfo>,
) -> impl IntoView {
    let i18n = use_i18n();
    let total = info.methods_needed().max(1);
    let first = info.usable_methods();
    let no_longer_allowed = info.has_unusable_methods();
    let stage = RwSignal::new(Stage::Intro);
    // "I want to set up a different method": the kind chosen instead.
    let chosen: RwSignal<Option<MethodKind>> = RwSignal::new(None);
    let choosing = RwSignal::new(false);
    // Once the wizard's method is registered, choosing another is over.
    let finished = RwSignal::new(false);
    provide_context(WizardFinished(finished));
    let start_info = StoredValue::new(info);

    // The policy's order decides what comes next (the server says which).
    let next_kind = |info: &SecurityInfo| {
        info.suggested
            .or_else(|| info.addable.first().copied())
            .unwrap_or(MethodKind::Phone)
    };
    let after = Callback::new(move |info: SecurityInfo| {
        finished.set(false);
        if info.needs_registration() {
            stage.set(Stage::Method(info));
        } else {
            stage.set(Stage::Success(info));
        }
    });

    view! {
        <section class="card page-narrow registration" aria-labelledby="registration-title" data-focus-region="">
            {move || match stage.get() {
                Stage::Intro => view! {
                    <h1 id="registration-title">{move || i18n.t("register-title")}</h1>
                    <p>{move || i18n.t("register-intro")}</p>
                    {no_longer_allowed.then(|| view! { <p class="notice">{move || i18n.t("register-no-longer-allowed")}</p> })}
                    <FormActions>
                        <button type="button" class="button button-primary" on:click=move |_| stage.set(Stage::Method(start_info.get_value()))>
                            {move || i18n.t("dialog-next")}
                        </button>
                    </FormActions>
                }.into_any(),
                Stage::Method(info) => {
                    let step = info.usable_methods().saturating_sub(first) + 1;
                    // A method that counts for two-step verification but not for
                    // password reset (a passkey first) leaves one more to ask for.
                    let total = total.max(step - 1 + info.methods_needed());
                    let kind = next_kind(&info);
                    let step_text = move || {
                        let mut args = Args::new();
                        args.set("current", step);
                        args.set("total", total);
                        i18n.t_with("register-step", &args)
                    };
                    let addable = info.addable.clone();
                    let cancel = Callback::new(move |()| { chosen.set(None); stage.set(Stage::Intro) });
                    let done = Callback::new(move |info| { chosen.set(None); after.run(info) });
                    view! {
                        <h1 id="registration-title">{move || i18n.t("register-wizard-title")}</h1>
                        <p class="muted">{step_text}</p>
                        {move || view! { <MethodWizard kind=chosen.get().unwrap_or(kind) replaces=None on_done=done on_cancel=cancel/> }}
                        <div class="different-method" hidden=move || finished.get()>
                            <button type="button" class="button button-link" aria-expanded=move || choosing.get().to_string()
                                on:click=move |_| choosing.update(|v| *v = !*v)>
                                {move || i18n.t("register-different-method")}
                            </button>
                            <Show when=move || choosing.get()>
                                <div class="field">
                                    <label class="field-label" for="register-method-kind">{move || i18n.t("add-method-label")}</label>
                                    <select id="register-method-kind" class="field-input" on:change=move |ev| {
                                        chosen.set(MethodKind::parse(&event_target_value(&ev)));
                                        choosing.set(false);
                                    }>
                                        {addable.iter().copied().map(|k| view! {
                                            <option value=k.as_str() selected=move || chosen.get().unwrap_or(kind) == k>
                                                {move || method_name(&i18n, k)}
                                            </option>
                                        }).collect_view()}
                                    </select>
                                </div>
                            </Show>
                        </div>
                    }.into_any()
                }
                Stage::Success(info) => {
                    let done_info = info.clone();
                    let default_text = info.default_method.as_ref().and_then(|d| {
                        info.methods.iter().find(|m| m.id == d.method_id).map(|m| (m.clone(), d.delivery))
                    });
                    let methods = info.methods.clone();
                    view! {
                        <h1 id="registration-title">{move || i18n.t("register-success-title")}</h1>
                        <p>{move || i18n.t("register-success-text")}</p>
                        <dl class="default-method">
                            <dt>{move || i18n.t("security-info-default-label")}</dt>
                            <dd>{move || default_text.as_ref().map(|(m, d)| default_label(&i18n, m, *d)).unwrap_or_default()}</dd>
                        </dl>
                        <ul class="method-list">
                            {methods.into_iter().map(|m| {
                                let kind = m.kind;
                                view! {
                                    <li class="method-row">
                                        <span class="method-kind">{move || method_name(&i18n, kind)}</span>
                                        <span class="method-detail" translate="no">{m.detail.clone()}</span>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        <FormActions>
                            <button type="button" class="button button-primary" on:click=move |_| on_done.run(done_info.clone())>
                                {move || i18n.t("dialog-done")}
                            </button>
                        </FormActions>
                    }.into_any()
                }
            }}
        </section>
    }
}
