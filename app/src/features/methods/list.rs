//! The default sign-in method, the coverage lines and the list of methods,
//! with the dialog each action opens.

use i18n::Args;
use leptos::prelude::*;
use models::{Coverage, MethodId, MethodKind, MethodView, PhoneDelivery, SecurityInfo};

use crate::components::dialog::Dialog;
use crate::components::icons::{Glyph, Icon, MethodIcon};
use crate::features::methods::dialogs::{AddMethod, ChangeDefault, DeleteMethod, default_choices};
use crate::features::methods::wizard::MethodWizard;
use crate::i18n::use_i18n;
use crate::labels::{date, default_label, method_name};

/// What the page shows over the list.
#[derive(Clone, Debug, PartialEq)]
enum Panel {
    None,
    Add,
    Wizard {
        kind: MethodKind,
        replaces: Option<MethodView>,
    },
    Delete(MethodId),
    Default,
}

#[component]
pub fn MethodList(
    info: SecurityInfo,
    on_change: Callback<SecurityInfo>,
    /// A dialog found its method gone (changed in another tab or window).
    on_stale: Callback<()>,
    /// Shown after a change: focus goes back to what opened the dialog
    /// when the list drawn anew has it again (Add method, the default's
    /// Change), else to the list's heading, where the change shows.
    #[prop(optional)]
    focus_heading: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let heading: NodeRef<leptos::html::H2> = NodeRef::new();
    Effect::new(move |_| {
        if let Some(heading) = heading.get()
            && focus_heading
        {
            let opener = crate::components::dialog::take_opener_id()
                .and_then(|id| document().get_element_by_id(&id))
                .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
            match opener {
                Some(opener) => {
                    let _ = opener.focus();
                }
                None => {
                    let _ = heading.focus();
                }
            }
        }
    });
    let panel = RwSignal::new(Panel::None);
    let info = StoredValue::new(info);
    let default_view = move || {
        info.with_value(|info| {
            info.default_method.as_ref().and_then(|d| {
                info.methods
                    .iter()
                    .find(|m| m.id == d.method_id)
                    .map(|m| (m.clone(), d.delivery))
            })
        })
    };
    let default_text = move || match default_view() {
        Some((m, delivery)) => default_label(&i18n, &m, delivery),
        None => i18n.t("security-info-default-none"),
    };
    let has_default_choices = info.with_value(|info| !default_choices(info).is_empty());
    let rows = info.with_value(|info| info.methods.clone());
    let coverage = info.with_value(|info| info.coverage.clone());
    let default_id =
        info.with_value(|info| info.default_method.as_ref().map(|d| d.method_id.clone()));
    let close = Callback::new(move |()| panel.set(Panel::None));
    let stale = Callback::new(move |()| {
        panel.set(Panel::None);
        on_stale.run(());
    });
    let updated = Callback::new(move |new_info: SecurityInfo| {
        panel.set(Panel::None);
        on_change.run(new_info);
    });

    view! {
        <div class="card">
            <CoverageStatus coverage/>
            <dl class="default-method">
                <dt>{move || i18n.t("security-info-default-label")}</dt>
                <dd>
                    <span>{default_text}</span>
                    <Show when=move || has_default_choices>
                        <button type="button" id="change-default-method" class="button button-link" on:click=move |_| panel.set(Panel::Default)
                            aria-label=move || i18n.t("methods-default-change-label")>
                            {move || i18n.t("methods-default-change")}
                        </button>
                    </Show>
                </dd>
            </dl>
        </div>
        <div class="card">
            <div class="card-header">
                <h2 tabindex="-1" node_ref=heading>{move || i18n.t("security-info-methods-heading")}</h2>
                <button type="button" id="add-method" class="button button-primary" on:click=move |_| panel.set(Panel::Add)>
                    <Icon glyph=Glyph::Plus/>{move || i18n.t("methods-add")}
                </button>
            </div>
            {if rows.is_empty() {
                view! { <p class="empty-state">{move || i18n.t("security-info-no-methods")}</p> }.into_any()
            } else {
                view! {
                    <ul class="method-list">
                        {rows.into_iter().map(|m: MethodView| {
                            let kind = m.kind;
                            let usable = m.usable;
                            let (changed, regenerated, id_delete) = (m.clone(), m.clone(), m.id.clone());
                            let delivery = m.delivery.map(|d| if d == PhoneDelivery::Text { "methods-delivery-text" } else { "methods-delivery-call" });
                            let name = move || method_name(&i18n, kind);
                            let is_default = default_id.as_ref() == Some(&m.id);
                            let added = move || {
                                let mut args = Args::new();
                                args.set("date", date(&i18n, m.added_at));
                                i18n.t_with("methods-added", &args)
                            };
                            // An app's or a key's own name tells it from the others.
                            let own_name = matches!(kind, MethodKind::AuthenticatorApp | MethodKind::SecurityKey)
                                .then(|| m.detail.clone())
                                .filter(|d| !d.is_empty());
                            let delete_label = if own_name.is_some() { "methods-delete-named-label" } else { "methods-delete-label" };
                            let own_name = StoredValue::new(own_name);
                            let named = move || {
                                let mut args = Args::new();
                                args.set("method", name());
                                if let Some(own) = own_name.get_value() {
                                    args.set("name", own);
                                }
                                args
                            };
                            view! {
                                <li class="method-row">
                                    <MethodIcon kind/>
                                    <div class="method-main">
                                    <span class="method-kind">
                                        {name}
                                        {is_default.then(|| view! { <span class="badge">{move || i18n.t("methods-default-badge")}</span> })}
                                    </span>
                                    {match m.remaining {
                                        // Recovery codes: how many are left, and a warning when few are.
                                        Some(left) => {
                                            let count = move || { let mut args = Args::new(); args.set("count", left); args };
                                            view! {
                                                <span class="method-detail" class:method-warning=left <= 2>
                                                    {move || i18n.t_with(if left <= 2 { "recovery-codes-running-low" } else { "recovery-codes-left" }, &count())}
                                                </span>
                                            }.into_any()
                                        }
                                        None => view! { <span class="method-detail" translate="no">{m.detail.clone()}</span> }.into_any(),
                                    }}
                                    <span class="method-meta">
                                        {delivery.map(|d| view! { <span class="method-delivery">{move || i18n.t(d)}</span> })}
                                        <span class="method-added">{added}</span>
                                    </span>
                                    {(!m.usable).then(|| view! {
                                        <span class="method-unusable"><Icon glyph=Glyph::Attention/>{move || i18n.t("methods-not-usable")}</span>
                                    })}
                                    </div>
                                    <span class="method-actions">
                                        // A method the policy no longer allows can only go: changing it
                                        // would end in "not available" (defect 6).
                                        <Show when=move || usable && (kind.is_phone() || kind == MethodKind::Email)>
                                            <button type="button" class="button button-link"
                                                aria-label=move || i18n.t_with("methods-change-label", &named())
                                                on:click={
                                                    let changed = changed.clone();
                                                    move |_| panel.set(Panel::Wizard { kind, replaces: Some(changed.clone()) })
                                                }>
                                                {move || i18n.t("methods-change")}
                                            </button>
                                        </Show>
                                        <Show when=move || usable && kind == MethodKind::RecoveryCodes>
                                            <button type="button" class="button button-link"
                                                aria-label=move || i18n.t_with("methods-regenerate-label", &named())
                                                on:click={
                                                    let regenerated = regenerated.clone();
                                                    move |_| panel.set(Panel::Wizard { kind, replaces: Some(regenerated.clone()) })
                                                }>
                                                {move || i18n.t("methods-regenerate")}
                                            </button>
                                        </Show>
                                        <button type="button" class="button button-link"
                                            aria-label=move || i18n.t_with(delete_label, &named())
                                            on:click={
                                                let id = id_delete.clone();
                                                move |_| panel.set(Panel::Delete(id.clone()))
                                            }>
                                            {move || i18n.t("methods-delete")}
                                        </button>
                                    </span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </div>
        {move || match panel.get() {
            Panel::None => ().into_any(),
            Panel::Add => view! {
                <Dialog labelled_by="dialog-title" on_close=close>
                    <AddMethod addable=info.with_value(|i| i.addable.clone()) on_pick=Callback::new(move |kind| panel.set(Panel::Wizard { kind, replaces: None })) on_cancel=close/>
                </Dialog>
            }.into_any(),
            Panel::Wizard { kind, replaces } => view! {
                <Dialog labelled_by="dialog-title" on_close=close>
                    <MethodWizard kind replaces on_done=updated on_cancel=close on_stale=stale/>
                </Dialog>
            }.into_any(),
            Panel::Delete(id) => view! {
                <Dialog labelled_by="dialog-title" on_close=close>
                    <DeleteMethod id info=info.get_value() on_deleted=updated on_cancel=close on_stale=stale/>
                </Dialog>
            }.into_any(),
            Panel::Default => view! {
                <Dialog labelled_by="dialog-title" on_close=close>
                    <ChangeDefault info=info.get_value() on_changed=updated on_cancel=close on_stale=stale/>
                </Dialog>
            }.into_any(),
        }}
    }
}

/// Whether sign-in and password reset are covered: a status each, said in
/// words and marked by an icon and colour that are never the only signal.
#[component]
pub fn CoverageStatus(coverage: Coverage) -> impl IntoView {
    let i18n = use_i18n();
    let mut mfa = Args::new();
    mfa.set("count", coverage.mfa_methods);
    let mut sspr = Args::new();
    sspr.set("count", coverage.sspr_methods);
    sspr.set("missing", coverage.sspr_missing);
    let mfa_id = match coverage.mfa_methods {
        0 => "coverage-mfa-missing",
        _ => "coverage-mfa-ready",
    };
    let sspr_id = match coverage.sspr_missing {
        0 => "coverage-sspr-ready",
        _ => "coverage-sspr-missing",
    };
    let lines = [
        (coverage.mfa_methods > 0, mfa_id, mfa),
        (coverage.sspr_missing == 0, sspr_id, sspr),
    ];
    view! {
        <ul class="coverage">
            {lines.into_iter().map(|(ready, id, args)| view! {
                <li class="coverage-item" class:coverage-ready=ready class:coverage-attention=!ready>
                    <Icon glyph=if ready { Glyph::Ready } else { Glyph::Attention }/>
                    <span>{move || i18n.t_with(id, &args)}</span>
                </li>
            }).collect_view()}
        </ul>
    }
}
