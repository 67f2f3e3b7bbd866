//! The organization's policy, for its admins: which methods exist, what
//! each counts for, and how many are required. Saved with the admin API;
//! the change applies to everyone's next request.

use leptos::prelude::*;
use models::endpoints;
use models::policy::{MethodRule, Policy};
use models::{ApiError, ErrorCode, Field, MethodKind};

use crate::api;
use crate::components::actions::{FormActions, SubmitButton};
use crate::components::alert::ErrorAlert;
use crate::components::progress::Progress;
use crate::features::pass_fields::lifetime_label;
use crate::form_submit::FormSubmit;
use crate::i18n::use_i18n;
use crate::labels::method_name;
use crate::pages::for_administrators::ForAdministrators;
use crate::session::use_session;

#[component]
pub fn PolicyPage() -> impl IntoView {
    view! { <ForAdministrators title_id="policy-title"><PolicyEditor/></ForAdministrators> }
}

#[component]
fn PolicyEditor() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let policy: RwSignal<Option<Policy>> = RwSignal::new(None);
    let error: RwSignal<Option<ApiError>> = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let saved = RwSignal::new(false);
    Effect::new(move |_| {
        // Changing the policy needs a recent verification, as one's own
        // security info does (S11): the gate asks for it first, and this
        // loads once none is due.
        if session.step_up_required.get() {
            return;
        }
        leptos::task::spawn_local(async move {
            match api::call::<endpoints::GetPolicy>(&()).await {
                Ok(p) => {
                    error.set(None);
                    policy.set(Some(p));
                }
                Err(e) if e.code == ErrorCode::StepUpRequired => session.step_up_required.set(true),
                Err(e) => error.set(Some(e)),
            }
        });
    });
    // The cursor to the method whose rule was refused (its first checkbox).
    let focus_method = move |index: Option<usize>| {
        let Some(kind) = index.and_then(|n| MethodKind::ALL.get(n)) else {
            return;
        };
        let id = ["policy-", kind.as_str(), "-allowed"].concat();
        if let Some(element) = document().get_element_by_id(&id)
            && let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element)
        {
            let _ = element.focus();
        }
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(current) = policy.get_untracked() else {
            return;
        };
        // The policy's own check, before anything is sent.
        if let Err(problem) = current.check() {
            let refused = problem.api_error();
            focus_method(refused.index);
            error.set(Some(refused));
            return;
        }
        saved.set(false);
        let request = async move { api::call::<endpoints::PutPolicy>(&current).await };
        FormSubmit { busy, error }.send(request, move |p| {
            policy.set(Some(p));
            saved.set(true);
        });
    };
    // An error of one method is told at its fields, the rest above the form.
    let alert = Signal::derive(move || {
        error.with(|e| {
            e.as_ref()
                .filter(|e| e.field != Some(Field::Kind))
                .map(|e| i18n.error(e))
        })
    });

    view! {
        <section class="card policy" aria-labelledby="policy-title" data-focus-region="">
            <h1 id="policy-title">{move || i18n.t("policy-title")}</h1>
            <p>{move || i18n.t("policy-intro")}</p>
            <ErrorAlert message=alert/>
            {move || match policy.get() {
                None if error.with(Option::is_none) => view! { <Progress label=Signal::derive(move || i18n.t("shell-loading"))/> }.into_any(),
                None => ().into_any(),
                Some(_) => view! {
                    <form class="form" novalidate on:submit=save>
                        {MethodKind::OFFER_ORDER.into_iter().map(|kind| view! { <MethodRuleFields kind policy error/> }).collect_view()}
                        <PolicyChoice policy id="policy-registration" label_id="policy-registration-label"
                            hint_id="policy-registration-hint" values=vec![0, 1, 2, 3]
                            get=|p| i64::try_from(p.registration_required).unwrap_or(i64::MAX) set=|p, n| p.registration_required = usize::try_from(n).unwrap_or_default()/>
                        <PolicyChoice policy id="policy-reset" label_id="policy-reset-label" values=vec![1, 2]
                            get=|p| i64::try_from(p.reset_methods_required).unwrap_or(i64::MAX) set=|p, n| p.reset_methods_required = usize::try_from(n).unwrap_or_default()/>
                        <PolicyChoice policy id="policy-code-lifetime" label_id="policy-code-lifetime-label"
                            values=vec![2, 5, 10] unit_id="policy-minutes"
                            get=|p| p.code_lifetime_minutes set=|p, n| p.code_lifetime_minutes = n/>
                        <PolicyChoice policy id="policy-code-tries" label_id="policy-code-tries-label"
                            values=vec![3, 5, 10]
                            get=|p| p.code_tries set=|p, n| p.code_tries = n/>
                        <PolicyChoice policy id="policy-step-up" label_id="policy-step-up-label"
                            hint_id="policy-step-up-hint" values=vec![5, 10, 15, 30, 60] unit_id="policy-minutes"
                            get=|p| p.step_up_minutes set=|p, n| p.step_up_minutes = n/>
                        <PolicyChoice policy id="policy-password-length" label_id="policy-password-length-label"
                            values=vec![8, 10, 12, 14, 16]
                            get=|p| i64::try_from(p.password_min_length).unwrap_or(i64::MAX) set=|p, n| p.password_min_length = usize::try_from(n).unwrap_or_default()/>
                        <PolicyChoice policy id="policy-pass-min" label_id="policy-pass-min-label"
                            values=models::PASS_LIFETIME_STEPS.to_vec() named=lifetime_label
                            get=|p| p.temporary_access_pass.min_lifetime_minutes set=|p, n| p.temporary_access_pass.min_lifetime_minutes = n/>
                        <PolicyChoice policy id="policy-pass-default" label_id="policy-pass-default-label"
                            values=models::PASS_LIFETIME_STEPS.to_vec() named=lifetime_label
                            get=|p| p.temporary_access_pass.default_lifetime_minutes set=|p, n| p.temporary_access_pass.default_lifetime_minutes = n/>
                        <PolicyChoice policy id="policy-pass-max" label_id="policy-pass-max-label"
                            values=models::PASS_LIFETIME_STEPS.to_vec() named=lifetime_label
                            get=|p| p.temporary_access_pass.max_lifetime_minutes set=|p, n| p.temporary_access_pass.max_lifetime_minutes = n/>
                        <PolicyChoice policy id="policy-pass-length" label_id="policy-pass-length-label"
                            values=vec![8, 10, 12, 16, 24, 32]
                            get=|p| i64::try_from(p.temporary_access_pass.length).unwrap_or(i64::MAX) set=|p, n| p.temporary_access_pass.length = usize::try_from(n).unwrap_or_default()/>
                        <div class="field">
                            <label class="field-label" for="policy-support">{move || i18n.t("policy-support-label")}</label>
                            <p class="field-hint" id="policy-support-hint">{move || i18n.t("policy-support-hint")}</p>
                            <input id="policy-support" class="field-input" type="text" autocomplete="off"
                                aria-describedby="policy-support-hint" maxlength=models::policy::SUPPORT_CONTACT_MAX_CHARS
                                prop:value=move || policy.with(|p| p.as_ref().map(|p| p.support_contact.clone()).unwrap_or_default())
                                on:input=move |ev| {
                                    let typed = event_target_value(&ev);
                                    policy.update(|p| if let Some(p) = p { p.support_contact = typed });
                                }/>
                        </div>
                        <div class="field">
                            <label class="choice-option">
                                <input type="checkbox" id="policy-two-step" aria-describedby="policy-two-step-hint"
                                    prop:checked=move || policy.with(|p| p.as_ref().is_some_and(|p| p.two_step_sign_in))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        policy.update(|p| if let Some(p) = p { p.two_step_sign_in = on });
                                    }/>
                                {move || i18n.t("policy-two-step-label")}
                            </label>
                            <p class="field-hint" id="policy-two-step-hint">{move || i18n.t("policy-two-step-hint")}</p>
                        </div>
                        <p class="muted" role="status">{move || saved.get().then(|| i18n.t("policy-saved"))}</p>
                        <FormActions>
                            <a class="button button-secondary" href="/security-info">{move || i18n.t("policy-back")}</a>
                            <SubmitButton label=i18n.text("policy-save") busy step_start=true/>
                        </FormActions>
                    </form>
                }.into_any(),
            }}
        </section>
    }
}

/// One number of the policy, chosen from sensible values (the current one
/// is always among them), so there is nothing to mistype.
#[component]
fn PolicyChoice(
    policy: RwSignal<Option<Policy>>,
    id: &'static str,
    label_id: &'static str,
    #[prop(optional)] hint_id: Option<&'static str>,
    values: Vec<i64>,
    /// The message that names a value (`$count`); without it, the number.
    #[prop(optional)]
    unit_id: Option<&'static str>,
    /// Or what names a value, when one message cannot.
    #[prop(optional)]
    named: Option<fn(&crate::i18n::I18n, i64) -> String>,
    get: fn(&Policy) -> i64,
    set: fn(&mut Policy, i64),
) -> impl IntoView {
    let i18n = use_i18n();
    let mut values = values;
    if let Some(current) = policy.with_untracked(|p| p.as_ref().map(get))
        && !values.contains(&current)
    {
        values.push(current);
        values.sort_unstable();
    }
    let hint_element_id = hint_id.map(|_| format!("{id}-hint"));
    view! {
        <div class="field">
            <label class="field-label" for=id>{move || i18n.t(label_id)}</label>
            {hint_id.map(|hint| view! { <p class="field-hint" id=format!("{id}-hint")>{move || i18n.t(hint)}</p> })}
            <select id=id class="field-input" aria-describedby=hint_element_id
                on:change=move |ev| {
                    if let Ok(n) = event_target_value(&ev).parse() {
                        policy.update(|p| if let Some(p) = p { set(p, n) });
                    }
                }>
                {values.into_iter().map(|n| view! {
                    <option value=n.to_string() selected=move || policy.with(|p| p.as_ref().map(get) == Some(n))>
                        {move || match unit_id {
                            _ if named.is_some() => named.map(|name| name(&i18n, n)).unwrap_or_default(),
                            Some(unit) => {
                                let mut args = i18n::Args::new();
                                args.set("count", n);
                                i18n.t_with(unit, &args)
                            }
                            None => n.to_string(),
                        }}
                    </option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// One method: allowed or not, and what it counts for within what it can
/// do (email and questions only reset a password, an alternate phone only
/// verifies a sign-in).
#[component]
fn MethodRuleFields(
    kind: MethodKind,
    policy: RwSignal<Option<Policy>>,
    error: RwSignal<Option<ApiError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let position = MethodKind::ALL.iter().position(|k| *k == kind);
    let here = move || {
        error.with(|e| {
            e.as_ref()
                .filter(|e| e.field == Some(Field::Kind) && e.index == position)
                .map(|e| i18n.error(e))
        })
    };
    let rule = move || {
        policy.with(|p| {
            p.as_ref()
                .and_then(|p| p.methods.iter().find(|r| r.kind == kind).copied())
        })
    };
    let update = move |change: &dyn Fn(&mut MethodRule)| {
        policy.update(|p| {
            if let Some(rule) = p
                .as_mut()
                .and_then(|p| p.methods.iter_mut().find(|r| r.kind == kind))
            {
                change(rule);
            }
        });
    };
    let allow = move |allowed: bool| {
        policy.update(|p| {
            let Some(p) = p else { return };
            p.methods.retain(|r| r.kind != kind);
            if allowed {
                p.methods.push(MethodRule::full(kind));
            }
        });
    };
    let full = MethodRule::full(kind);
    let id = kind.as_str();
    let (allowed_id, mfa_id, sspr_id) = (
        format!("policy-{id}-allowed"),
        format!("policy-{id}-mfa"),
        format!("policy-{id}-sspr"),
    );
    let error_id = format!("policy-{id}-error");
    let described = error_id.clone();
    view! {
        <fieldset class="choice policy-method" class:field-invalid=move || here().is_some()
            aria-describedby=move || here().map(|_| described.clone())>
            <legend>{move || method_name(&i18n, kind)}</legend>
            {move || here().map(|text| view! {
                <p class="field-error" id=error_id.clone()><span class="field-error-icon" aria-hidden="true"></span>{text}</p>
            })}
            <label class="choice-option">
                <input type="checkbox" id=allowed_id prop:checked=move || rule().is_some()
                    on:change=move |ev| allow(event_target_checked(&ev))/>
                {move || i18n.t("policy-allowed")}
            </label>
            <label class="choice-option">
                <input type="checkbox" id=mfa_id prop:checked=move || rule().is_some_and(|r| r.mfa)
                    disabled=move || !full.mfa || rule().is_none()
                    on:change=move |ev| { let on = event_target_checked(&ev); update(&|r| r.mfa = on) }/>
                {move || i18n.t("policy-mfa")}
            </label>
            <label class="choice-option">
                <input type="checkbox" id=sspr_id prop:checked=move || rule().is_some_and(|r| r.sspr)
                    disabled=move || !full.sspr || rule().is_none()
                    on:change=move |ev| { let on = event_target_checked(&ev); update(&|r| r.sspr = on) }/>
                {move || i18n.t("policy-sspr")}
            </label>
        </fieldset>
    }
}
