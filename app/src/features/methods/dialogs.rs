//! The dialogs of the methods list: add a method, change the default,
//! delete a method (saying which method becomes the default).

use i18n::Args;
use leptos::prelude::*;
use models::endpoints;
use models::{
    ApiError, MethodId, MethodKind, MethodView, PhoneDelivery, SecurityInfo, SetDefaultRequest,
};

use crate::api;
use crate::components::actions::{FormActions, SubmitButton};
use crate::components::alert::ErrorAlert;
use crate::components::icons::MethodIcon;
use crate::form_submit::FormSubmit;
use crate::i18n::use_i18n;
use crate::labels::{default_label, method_name};

/// Every (method, delivery) the person can pick as default.
pub fn default_choices(info: &SecurityInfo) -> Vec<(MethodView, Option<PhoneDelivery>)> {
    let mut choices = Vec::new();
    for m in info
        .methods
        .iter()
        .filter(|m| m.kind.can_be_default() && m.usable)
    {
        if m.kind.is_phone() {
            for d in m.kind.deliveries().iter().rev() {
                choices.push((m.clone(), Some(*d)));
            }
        } else {
            choices.push((m.clone(), None));
        }
    }
    choices
}

#[component]
pub fn AddMethod(
    addable: Vec<MethodKind>,
    on_pick: Callback<MethodKind>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let chosen = RwSignal::new(addable.first().copied());
    let options = addable.clone();
    view! {
        <h2 id="dialog-title">{move || i18n.t("add-method-title")}</h2>
        <form class="form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if let Some(kind) = chosen.get_untracked() { on_pick.run(kind) }
        }>
            {if options.is_empty() {
                view! { <p>{move || i18n.t("add-method-none")}</p> }.into_any()
            } else {
                view! {
                    <div class="field">
                        <label class="field-label" for="add-method-kind">{move || i18n.t("add-method-label")}</label>
                        <div class="field-with-icon">
                        {move || chosen.get().map(|kind| view! { <MethodIcon kind/> })}
                        <select id="add-method-kind" class="field-input" on:change=move |ev| chosen.set(MethodKind::parse(&event_target_value(&ev)))>
                            {options.into_iter().map(|kind| view! {
                                <option value=kind.as_str() selected=move || chosen.get() == Some(kind)>{move || method_name(&i18n, kind)}</option>
                            }).collect_view()}
                        </select>
                        </div>
                    </div>
                }.into_any()
            }}
            <p class="muted">{move || i18n.t("add-method-missing-note")}</p>
            <FormActions back=i18n.text("dialog-cancel") on_back=on_cancel>
                <Show when=move || chosen.get().is_some()>
                    <SubmitButton label=i18n.text("add-method-submit") busy=false/>
                </Show>
            </FormActions>
        </form>
    }
}

/// The method that becomes the default when `deleted` goes: the choice the
/// server makes, through the same function (`models::next_default`).
fn next_default(
    info: &SecurityInfo,
    deleted: &MethodId,
) -> Option<(MethodView, Option<PhoneDelivery>)> {
    let rest: Vec<&MethodView> = info.methods.iter().filter(|m| &m.id != deleted).collect();
    let kinds: Vec<MethodKind> = rest.iter().map(|m| m.kind).collect();
    models::next_default(&kinds).map(|(i, delivery)| (rest[i].clone(), delivery))
}

#[component]
pub fn DeleteMethod(
    id: MethodId,
    info: SecurityInfo,
    on_deleted: Callback<SecurityInfo>,
    on_cancel: Callback<()>,
    /// Called instead of showing "not found" when the method is gone
    /// already (deleted in another tab): the page refreshes and says so.
    on_stale: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormSubmit::new();
    let FormSubmit { busy, error } = form;
    let is_default = info
        .default_method
        .as_ref()
        .is_some_and(|d| d.method_id == id);
    let next = is_default.then(|| next_default(&info, &id));
    // A security key is named in its own dialog: "Delete security key" → OK.
    let key_name = info
        .methods
        .iter()
        .find(|m| m.id == id && m.kind == MethodKind::SecurityKey)
        .map(|m| m.detail.clone());
    let is_key = key_name.is_some();
    // The phone stays while an alternate phone needs it: say so, offer no Delete.
    let kinds: Vec<MethodKind> = info.methods.iter().map(|m| m.kind).collect();
    let blocked = info
        .methods
        .iter()
        .position(|m| m.id == id)
        .and_then(|index| models::needed_by(&kinds, index))
        .map(|_| ApiError::new(models::ErrorCode::DeleteAlternatePhoneFirst));
    let id = StoredValue::new(id);
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request =
            async move { api::call_at::<endpoints::DeleteMethod>(&id.get_value(), &()).await };
        let deleted = move |info| on_deleted.run(info);
        form.send_or(request, deleted, form.unless_stale(Some(on_stale)));
    };
    view! {
        <h2 id="dialog-title">{move || i18n.t(if is_key { "security-key-delete-title" } else { "delete-dialog-title" })}</h2>
        <ErrorAlert message=Signal::derive(move || error.with(|e| e.as_ref().map(|e| i18n.error(e))))/>
        {match blocked {
            Some(reason) => view! {
                <p class="notice" role="status">{move || i18n.error(&reason)}</p>
                <FormActions back=i18n.text("dialog-cancel") on_back=on_cancel/>
            }.into_any(),
            None => view! {
                <p>{move || match &key_name {
                    Some(name) => {
                        let mut args = Args::new();
                        args.set("name", name.clone());
                        i18n.t_with("security-key-delete-question", &args)
                    }
                    None => i18n.t("delete-dialog-question"),
                }}</p>
                <p class="muted">{move || i18n.t("delete-dialog-warning")}</p>
                {next.map(|next| match next {
                    Some((m, d)) => {
                        let label = StoredValue::new(m);
                        view! { <p class="notice">{move || {
                            let mut args = Args::new();
                            args.set("method", label.with_value(|m| default_label(&i18n, m, d)));
                            i18n.t_with("delete-dialog-default-moves", &args)
                        }}</p> }.into_any()
                    }
                    None => view! { <p class="notice">{move || i18n.t("delete-dialog-no-default-left")}</p> }.into_any(),
                })}
                <form class="form" novalidate on:submit=confirm>
                    <FormActions back=i18n.text(if is_key { "dialog-cancel" } else { "delete-dialog-no" }) on_back=on_cancel>
                        <SubmitButton label=i18n.text(if is_key { "dialog-ok" } else { "delete-dialog-yes" }) busy class="button button-danger"/>
                    </FormActions>
                </form>
            }.into_any(),
        }}
    }
}

#[component]
pub fn ChangeDefault(
    info: SecurityInfo,
    on_changed: Callback<SecurityInfo>,
    on_cancel: Callback<()>,
    /// Called when the chosen method is gone already (see `DeleteMethod`).
    on_stale: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let choices = default_choices(&info);
    let current = choices
        .iter()
        .position(|(m, d)| {
            info.default_method
                .as_ref()
                .is_some_and(|def| def.method_id == m.id && def.delivery == *d)
        })
        .unwrap_or(0);
    let chosen = RwSignal::new(current);
    let form = FormSubmit::new();
    let FormSubmit { busy, error } = form;
    let choices = StoredValue::new(choices);
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((m, d)) = choices.with_value(|c| c.get(chosen.get_untracked()).cloned()) else {
            return;
        };
        let chosen = SetDefaultRequest {
            method_id: m.id,
            delivery: d,
        };
        let request = async move { api::call::<endpoints::SetDefault>(&chosen).await };
        let changed = move |info| on_changed.run(info);
        form.send_or(request, changed, form.unless_stale(Some(on_stale)));
    };
    view! {
        <h2 id="dialog-title">{move || i18n.t("default-dialog-title")}</h2>
        <form class="form" novalidate on:submit=confirm>
            <ErrorAlert message=Signal::derive(move || error.with(|e| e.as_ref().map(|e| i18n.error(e))))/>
            <div class="field">
                <label class="field-label" for="default-method-choice">{move || i18n.t("default-dialog-label")}</label>
                <select id="default-method-choice" class="field-input" on:change=move |ev| {
                    if let Ok(n) = event_target_value(&ev).parse::<usize>() { chosen.set(n) }
                }>
                    {choices.get_value().into_iter().enumerate().map(|(n, (m, d))| {
                        let m = StoredValue::new(m);
                        view! { <option value=n.to_string() selected=move || chosen.get() == n>{move || m.with_value(|m| default_label(&i18n, m, d))}</option> }
                    }).collect_view()}
                </select>
            </div>
            <FormActions back=i18n.text("dialog-back") on_back=on_cancel>
                <SubmitButton label=i18n.text("default-dialog-confirm") busy/>
            </FormActions>
        </form>
    }
}
