//! The Set up your phone wizard (SPEC §2): number → code or call → done.

use i18n::Args;
use leptos::html;
use leptos::prelude::*;
use models::endpoints;
use models::{
    ApiError, Challenge, Field, MethodKind, MethodView, PhoneDelivery, SecurityInfo,
    StartPhoneRequest,
};

use crate::api;
use crate::components::actions::{FormActions, SubmitButton};
use crate::components::alert::ErrorAlert;
use crate::components::field::TextField;
use crate::components::icons::MethodIcon;
use crate::components::wizard_done::WizardDone;
use crate::features::challenge::{Calling, EnterCode};
use crate::features::methods::regions;
use crate::form_submit::FormSubmit;
use crate::i18n::use_i18n;

#[derive(Clone, Debug, PartialEq)]
enum Step {
    Enter,
    Code(Challenge),
    Calling(Challenge),
    Done,
}

/// Everything typed so far, kept across steps ("Change number" loses nothing).
#[derive(Clone, Copy)]
struct Entry {
    pub region: RwSignal<String>,
    pub number: RwSignal<String>,
    pub delivery: RwSignal<PhoneDelivery>,
    pub code: RwSignal<String>,
}

impl Entry {
    pub fn new(region: &str, delivery: PhoneDelivery) -> Entry {
        Entry {
            region: RwSignal::new(region.to_owned()),
            number: RwSignal::new(String::new()),
            delivery: RwSignal::new(delivery),
            code: RwSignal::new(String::new()),
        }
    }
}

#[component]
pub fn PhoneWizard(
    kind: MethodKind,
    /// The phone method being changed, if any: its number is shown.
    replaces: Option<MethodView>,
    /// Called with the updated security info when the person chooses Done.
    on_done: Callback<SecurityInfo>,
    on_cancel: Callback<()>,
    /// Called instead of showing "not found" when the method is gone
    /// already (deleted in another tab): the page refreshes and says so.
    #[prop(optional)]
    on_stale: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let entry = Entry::new(
        regions::default_region(i18n.locale()),
        kind.deliveries()
            .first()
            .copied()
            .unwrap_or(PhoneDelivery::Call),
    );
    let step = RwSignal::new(Step::Enter);
    let form = FormSubmit::new();
    let FormSubmit { busy, error } = form;
    let result: RwSignal<Option<SecurityInfo>> = RwSignal::new(None);
    let resent = RwSignal::new(false);
    let replaces = StoredValue::new(replaces);

    let changing = replaces.with_value(Option::is_some);
    let title_id = match (kind, changing) {
        (MethodKind::AlternatePhone, false) => "phone-wizard-title-alternate-phone",
        (MethodKind::OfficePhone, false) => "phone-wizard-title-office-phone",
        (_, false) => "phone-wizard-title-phone",
        (MethodKind::AlternatePhone, true) => "phone-wizard-change-title-alternate-phone",
        (MethodKind::OfficePhone, true) => "phone-wizard-change-title-office-phone",
        (_, true) => "phone-wizard-change-title-phone",
    };
    let current = replaces.with_value(|r| r.as_ref().map(|m| m.detail.clone()));

    // The extension the server removed from the typed number, to say so.
    let removed_extension: RwSignal<Option<String>> = RwSignal::new(None);
    let same_number: RwSignal<Option<MethodKind>> = RwSignal::new(None);

    // A verification under way: the step it shows.
    let show = move |challenge: Challenge| {
        entry.code.set(String::new());
        same_number.set(challenge.also_registered_as);
        removed_extension.set(
            challenge
                .extension_removed
                .then(|| extension_typed(&entry.number.get_untracked()).unwrap_or_default()),
        );
        step.set(if challenge.channel.sends_code() {
            Step::Code(challenge)
        } else {
            Step::Calling(challenge)
        });
    };

    let start = move || {
        let request = StartPhoneRequest {
            kind,
            region: entry.region.get_untracked(),
            number: entry.number.get_untracked(),
            delivery: entry.delivery.get_untracked(),
            replaces: replaces.with_value(|r| r.as_ref().map(|m| m.id.clone())),
        };
        let request = async move { api::call::<endpoints::StartPhone>(&request).await };
        form.send_or(request, show, form.unless_stale(on_stale));
    };

    // What the new phone is good for, as the policy counts it now.
    let success_text = move || {
        let counts = result.with_untracked(|r| {
            r.as_ref()
                .and_then(|info| info.methods.iter().find(|m| m.kind == kind))
                .map(|m| (m.for_sign_in, m.for_reset))
        });
        match counts {
            Some((true, true)) => "phone-wizard-success-text",
            Some((false, true)) => "phone-wizard-success-text-reset-only",
            _ => "phone-wizard-success-text-call-only",
        }
    };
    let finished = move |info: SecurityInfo| {
        result.set(Some(info));
        step.set(Step::Done);
    };

    view! {
        <h2 id="dialog-title" class="dialog-title"><MethodIcon kind=kind/>{move || i18n.t(title_id)}</h2>
        {move || current.clone().filter(|_| step.with(|s| matches!(s, Step::Enter))).map(|number| {
            let mut args = Args::new();
            args.set("number", number);
            view! { <p class="muted">{move || i18n.t_with("phone-wizard-current", &args)}</p> }
        })}
        {move || {
            let shown = matches!(step.get(), Step::Code(_) | Step::Calling(_));
            removed_extension.get().filter(|_| shown).map(|ext| {
                let mut args = Args::new();
                args.set("extension", ext);
                view! { <p class="notice" role="status">{move || i18n.t_with("phone-wizard-extension-removed", &args)}</p> }
            })
        }}
        {move || {
            let shown = matches!(step.get(), Step::Code(_) | Step::Calling(_));
            same_number.get().filter(|_| shown).map(|kind| {
                let mut args = Args::new();
                args.set("kind", kind.as_str());
                view! { <p class="notice" role="status">{move || i18n.t_with("phone-wizard-same-number", &args)}</p> }
            })
        }}
        {move || match step.get() {
            Step::Enter => view! { <EnterNumber kind entry error busy on_next=Callback::new(move |()| { resent.set(false); start() }) on_cancel/> }.into_any(),
            Step::Code(challenge) => view! {
                <EnterCode challenge code=entry.code error busy on_verified=Callback::new(move |info: Option<SecurityInfo>| if let Some(info) = info { finished(info) })
                    on_back=Callback::new(move |()| { error.set(None); step.set(Step::Enter) })
                    on_resent=Callback::new(move |c| { resent.set(true); show(c) })
                    resent=resent.get_untracked()/>
            }.into_any(),
            Step::Calling(challenge) => view! {
                <Calling challenge error on_verified=Callback::new(move |()| {
                        leptos::task::spawn_local(async move {
                            if let Ok(info) = api::call::<endpoints::GetSecurityInfo>(&()).await { finished(info) }
                        });
                    })
                    on_back=Callback::new(move |()| { error.set(None); step.set(Step::Enter) })
                    on_again=Callback::new(show)/>
            }.into_any(),
            Step::Done => view! {
                <WizardDone
                    text_id=success_text()
                    on_done=Callback::new(move |()| { if let Some(info) = result.get_untracked() { on_done.run(info) } })/>
            }.into_any(),
        }}
    }
}

#[component]
fn EnterNumber(
    kind: MethodKind,
    entry: Entry,
    error: RwSignal<Option<ApiError>>,
    busy: RwSignal<bool>,
    on_next: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let regions_list = LocalResource::new(|| api::call::<endpoints::PhoneRegions>(&()));
    let number_input: NodeRef<html::Input> = NodeRef::new();
    let at = move |field: Field| {
        Signal::derive(move || {
            error.with(|e| {
                e.as_ref()
                    .filter(|e| e.field == Some(field))
                    .map(|e| i18n.error(e))
            })
        })
    };
    let general = Signal::derive(move || {
        error.with(|e| {
            e.as_ref()
                .filter(|e| !matches!(e.field, Some(Field::PhoneNumber | Field::Region)))
                .map(|e| i18n.error(e))
        })
    });
    Effect::new(move |_| {
        if error.with(|e| {
            e.as_ref()
                .is_some_and(|e| e.field == Some(Field::PhoneNumber))
        }) && let Some(input) = number_input.get_untracked()
        {
            let _ = input.focus();
        }
    });
    let options = move || {
        let locale = i18n.locale();
        regions_list.get().and_then(Result::ok).map(|list| {
            regions::named(&list, locale)
                .into_iter()
                .map(|(region, name)| {
                    let mut args = Args::new();
                    args.set("region", name);
                    args.set("code", region.calling_code);
                    let label = i18n.t_with("phone-wizard-region-option", &args);
                    let id = region.id.clone();
                    let selected = move || entry.region.get() == id;
                    view! { <option value=region.id.clone() selected=selected>{label}</option> }
                })
                .collect_view()
        })
    };
    let region_error = at(Field::Region);
    view! {
        <p>{move || i18n.t(if kind == MethodKind::Phone { "phone-wizard-intro" } else { "phone-wizard-intro-call-only" })}</p>
        <form class="form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); on_next.run(()) }>
            <p class="form-question">{move || i18n.t("phone-wizard-question")}</p>
            <ErrorAlert message=general/>
            <div class="field" class:field-invalid=move || region_error.with(Option::is_some)>
                <label class="field-label" for="phone-region">{move || i18n.t("phone-wizard-region-label")}</label>
                <select id="phone-region" class="field-input" prop:value=move || entry.region.get()
                    aria-invalid=move || region_error.with(Option::is_some).then_some("true")
                    on:change=move |ev| entry.region.set(event_target_value(&ev))>
                    <Suspense fallback=move || view! { <option value="">{i18n.t("shell-loading")}</option> }>{options}</Suspense>
                </select>
                {move || region_error.get().map(|text| view! { <p class="field-error"><span class="field-error-icon" aria-hidden="true"></span>{text}</p> })}
            </div>
            <TextField
                id="phone-number"
                label=Signal::derive(move || i18n.t("phone-wizard-number-label"))
                hint=Signal::derive(move || i18n.t(if kind == MethodKind::OfficePhone { "phone-wizard-office-hint" } else { "phone-wizard-number-hint" }))
                value=entry.number
                error=at(Field::PhoneNumber)
                input_type="tel"
                autocomplete="tel"
                node_ref=number_input
            />
            <Show when=move || kind == MethodKind::Phone>
                <fieldset class="choice">
                    <legend>{move || i18n.t("phone-wizard-delivery-legend")}</legend>
                    <label class="choice-option">
                        <input type="radio" name="delivery" value="text"
                            prop:checked=move || entry.delivery.get() == PhoneDelivery::Text
                            on:change=move |_| entry.delivery.set(PhoneDelivery::Text)/>
                        {move || i18n.t("phone-wizard-text")}
                    </label>
                    <label class="choice-option">
                        <input type="radio" name="delivery" value="call"
                            prop:checked=move || entry.delivery.get() == PhoneDelivery::Call
                            on:change=move |_| entry.delivery.set(PhoneDelivery::Call)/>
                        {move || i18n.t("phone-wizard-call")}
                    </label>
                </fieldset>
            </Show>
            // About texts only: a call-only phone (or a call chosen) gets none.
            <Show when=move || kind.deliveries().contains(&PhoneDelivery::Text) && entry.delivery.get() == PhoneDelivery::Text>
                <p class="muted">{move || i18n.t("phone-wizard-rates")}</p>
            </Show>
            <FormActions back=i18n.text("dialog-cancel") on_back=on_cancel>
                <SubmitButton label=i18n.text("dialog-next") busy/>
            </FormActions>
        </form>
    }
}

fn extension_typed(number: &str) -> Option<String> {
    number
        .split(['x', 'X'])
        .nth(1)
        .map(|e| e.trim().to_owned())
        .filter(|e| !e.is_empty())
}
