//! One person, for an administrator: who they are, their methods (masked)
//! and what these cover, and their Temporary Access Pass — issued here,
//! shown this once, or revoked (S33); their account's actions, sessions
//! and activity are `person_actions.rs`'s.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use models::endpoints::{GetPerson, IssuePass, RevokePass, SetRole};
use models::{
    ErrorCode, Field, IssuePassRequest, IssuedPass, PersonDetail, PersonId, Role, SetRoleRequest,
};

use crate::api;
use crate::components::actions::{FormActions, SubmitButton};
use crate::components::alert::ErrorAlert;
use crate::components::dialog::Dialog;
use crate::components::icons::MethodIcon;
use crate::components::progress::Progress;
use crate::features::methods::list::CoverageStatus;
use crate::features::pass_fields::{PassFields, PassShown};
use crate::form_submit::FormSubmit;
use crate::i18n::use_i18n;
use crate::labels::{date, date_time, method_name};
use crate::pages::for_administrators::ForAdministrators;
use crate::pages::people::{RoleField, role_name};
use crate::pages::person_actions::{
    AccountCard, ActivitySeen, PersonAction, ProfileForm, SessionsSeen,
};
use crate::session::use_session;

#[component]
pub fn PersonPage() -> impl IntoView {
    view! { <ForAdministrators title_id="person-title" help_desk=true><Person/></ForAdministrators> }
}

/// What is open over the page.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    Nothing,
    Issue,
    Revoke,
}

#[component]
fn Person() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let params = use_params_map();
    let id = move || PersonId::new(params.with(|p| p.get("id").unwrap_or_default()));
    let loaded: RwSignal<Option<Result<PersonDetail, models::ApiError>>> = RwSignal::new(None);
    let reload = RwSignal::new(0u32);
    // After a dialog changed the person, the page is drawn anew: the
    // cursor goes back to Issue a Temporary Access Pass once it is there.
    let refocus = RwSignal::new(false);
    // What the last action did, said above the page once it is drawn
    // anew, with the cursor there: a message naming the person.
    let done: RwSignal<Option<&'static str>> = RwSignal::new(None);
    let navigate = leptos_router::hooks::use_navigate();
    let acted = Callback::new(move |action: PersonAction| {
        match action.done_id() {
            Some(id) => {
                done.set(Some(id));
                reload.update(|n| *n += 1);
            }
            // A deleted person's page is gone: back to People.
            None => navigate("/admin/people", leptos_router::NavigateOptions::default()),
        }
    });
    let saved = Callback::new(move |said: &'static str| {
        done.set(Some(said));
        reload.update(|n| *n += 1);
    });
    Effect::new(move |_| {
        reload.track();
        let id = id();
        if session.step_up_required.get() {
            return;
        }
        leptos::task::spawn_local(async move {
            let answer = api::call_at::<GetPerson>(&id, &()).await;
            if matches!(&answer, Err(e) if e.code == ErrorCode::StepUpRequired) {
                session.step_up_required.set(true);
                return;
            }
            loaded.set(Some(answer));
        });
    });
    view! {
        <p class="person-back"><a href="/admin/people">{move || i18n.t("person-back")}</a></p>
        {move || match loaded.get() {
            None => view! { <Progress label=i18n.text("shell-loading")/> }.into_any(),
            Some(Err(e)) => view! {
                <h1>{move || i18n.t("person-title")}</h1>
                <ErrorAlert message=Signal::derive(move || Some(i18n.error(&e)))/>
            }.into_any(),
            Some(Ok(person)) => view! {
                <PersonShown person refocus done acted saved on_changed=Callback::new(move |()| {
                    done.set(None);
                    refocus.set(true);
                    reload.update(|n| *n += 1);
                })/>
            }.into_any(),
        }}
    }
}

#[component]
fn PersonShown(
    person: PersonDetail,
    refocus: RwSignal<bool>,
    done: RwSignal<Option<&'static str>>,
    acted: Callback<PersonAction>,
    saved: Callback<&'static str>,
    on_changed: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(Open::Nothing);
    let done_notice: NodeRef<leptos::html::P> = NodeRef::new();
    Effect::new(move |_| {
        if let Some(notice) = done_notice.get() {
            let _ = notice.focus();
        }
    });
    let mut named = i18n::Args::new();
    named.set("name", person.display_name.clone());
    let done_line = done.get_untracked().map(|id| {
        view! { <p class="notice person-done" role="status" tabindex="-1" node_ref=done_notice>{move || i18n.t_with(id, &named)}</p> }
    });
    let issue_button: NodeRef<leptos::html::Button> = NodeRef::new();
    Effect::new(move |_| {
        if let Some(button) = issue_button.get()
            && refocus.get_untracked()
        {
            refocus.set(false);
            let _ = button.focus();
        }
    });
    let close = Callback::new(move |()| {
        open.set(Open::Nothing);
        if let Some(button) = issue_button.get_untracked() {
            let _ = button.focus();
        }
    });
    let session = use_session();
    // The role shown follows the role form without reloading the page.
    let shown_role = RwSignal::new(person.role);
    let role = move || role_name(i18n, shown_role.get()).get();
    let may_act = person.may_act;
    let person = StoredValue::new(person);
    let shown = move |f: fn(&PersonDetail) -> String| person.with_value(f);
    let pass_line = person.with_value(|p| p.pass.clone()).map(|pass| {
        let mut args = i18n::Args::new();
        args.set("time", date_time(&i18n, pass.expires_at));
        let uses = crate::labels::pass_uses(i18n, pass.one_time);
        view! { <p>{move || i18n.t_with("person-pass-until", &args)} " " {uses}</p> }
    });
    let has_pass = pass_line.is_some();
    view! {
        <section class="person" aria-labelledby="person-name">
            <header class="page-header">
                <h1 id="person-name">{shown(|p| p.display_name.clone())}</h1>
                <p class="lead">{shown(|p| p.account_name.to_string())} " · " {role}</p>
            </header>
            {done_line}
            <div class="card">
                <CoverageStatus coverage=person.with_value(|p| p.coverage.clone())/>
            </div>
            <AccountCard person=person.get_value() on_done=acted on_said=saved/>
            <section class="card" aria-labelledby="person-methods">
                <h2 id="person-methods">{move || i18n.t("person-methods")}</h2>
                <MethodsSeen person=person.get_value()/>
            </section>
            <section class="card person-pass" aria-labelledby="person-pass">
                <h2 id="person-pass">{move || i18n.t("pass-title")}</h2>
                {match pass_line {
                    Some(line) => line.into_any(),
                    None => view! { <p>{move || i18n.t("person-no-pass")}</p> }.into_any(),
                }}
                <Show when=move || may_act fallback=move || view! { <p class="notice">{move || i18n.t("person-not-yours")}</p> }>
                <div class="person-pass-actions">
                    <button type="button" class="button button-primary" node_ref=issue_button on:click=move |_| open.set(Open::Issue)>
                        {move || i18n.t("person-issue-pass")}
                    </button>
                    {has_pass.then(|| view! {
                        <button type="button" class="button button-secondary" on:click=move |_| open.set(Open::Revoke)>
                            {move || i18n.t("person-revoke-pass")}
                        </button>
                    })}
                </div>
                </Show>
            </section>
            // Roles are given by administrators (S40).
            <Show when=move || may_act>
                <ProfileForm person=person.get_value() saved_id="person-profile-saved" on_saved=saved/>
            </Show>
            <Show when=move || session.is_admin()>
                <RoleForm person=person.get_value() shown_role/>
            </Show>
            <SessionsSeen person=person.get_value()/>
            <ActivitySeen person=person.get_value()/>
            {move || match open.get() {
                Open::Nothing => ().into_any(),
                Open::Issue => view! {
                    <Dialog labelled_by="issue-title" on_close=Callback::new(move |()| { close.run(()); on_changed.run(()) })>
                        <IssuePassDialog person=person.get_value() on_done=Callback::new(move |()| { close.run(()); on_changed.run(()) }) on_cancel=close/>
                    </Dialog>
                }.into_any(),
                Open::Revoke => view! {
                    <Dialog labelled_by="revoke-title" on_close=close>
                        <RevokePassDialog person=person.get_value() on_done=Callback::new(move |()| { close.run(()); on_changed.run(()) }) on_cancel=close/>
                    </Dialog>
                }.into_any(),
            }}
        </section>
    }
}

/// The person's methods, as an administrator may see them.
#[component]
fn MethodsSeen(person: PersonDetail) -> impl IntoView {
    let i18n = use_i18n();
    if person.methods.is_empty() {
        return view! { <p class="empty-state">{move || i18n.t("person-no-methods")}</p> }
            .into_any();
    }
    view! {
        <ul class="method-list">
            {person.methods.into_iter().map(|method| {
                let mut args = i18n::Args::new();
                args.set("date", date(&i18n, method.added_at));
                let kind = method.kind;
                view! {
                    <li class="method-row">
                        <MethodIcon kind/>
                        <div class="method-main">
                            <span class="method-kind">{move || method_name(&i18n, kind)}</span>
                            <span class="method-detail">{method.detail}</span>
                            <span class="method-meta">{move || i18n.t_with("methods-added", &args)}</span>
                        </div>
                    </li>
                }
            }).collect_view()}
        </ul>
    }.into_any()
}

/// "Issue a Temporary Access Pass": its lifetime and whether it signs in
/// once, then the pass, shown this once.
#[component]
fn IssuePassDialog(
    person: PersonDetail,
    on_done: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormSubmit::new();
    let FormSubmit { busy, error } = form;
    let lifetime = person.pass_lifetime;
    let minutes = RwSignal::new(lifetime.default_minutes);
    let one_time = RwSignal::new(true);
    let issued: RwSignal<Option<IssuedPass>> = RwSignal::new(None);
    let replaces = person.pass.is_some();
    let id = StoredValue::new(person.id.clone());
    let name = person.display_name.clone();
    let mut named = i18n::Args::new();
    named.set("name", person.display_name.clone());
    let named = StoredValue::new(named);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = IssuePassRequest {
            lifetime_minutes: Some(minutes.get_untracked()),
            one_time: one_time.get_untracked(),
        };
        let id = id.get_value();
        let sent = async move { api::call_at::<IssuePass>(&id, &request).await };
        form.send(sent, move |pass| issued.set(Some(pass)));
    };
    let lifetime_error = i18n.error_at(error, Field::Lifetime);
    let general = i18n.error_besides(error, Field::Lifetime);
    view! {
        <h2 id="issue-title">{move || i18n.t("issue-title")}</h2>
        {move || match issued.get() {
            None => view! {
                <p>{move || i18n.t_with("issue-intro", &named.get_value())}</p>
                <ErrorAlert message=general/>
                <form class="form" novalidate on:submit=submit>
                    <PassFields lifetime minutes one_time error=lifetime_error/>
                    {replaces.then(|| view! { <p class="notice">{move || i18n.t("issue-replaces")}</p> })}
                    <FormActions back=i18n.text("dialog-cancel") on_back=on_cancel>
                        <SubmitButton label=i18n.text("issue-submit") busy/>
                    </FormActions>
                </form>
            }.into_any(),
            Some(pass) => view! {
                <PassShown pass name=name.clone() on_done/>
            }.into_any(),
        }}
    }
}

/// "Revoke the pass?": it signs in no more, and its sessions end.
#[component]
fn RevokePassDialog(
    person: PersonDetail,
    on_done: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormSubmit::new();
    let FormSubmit { busy, error } = form;
    let id = StoredValue::new(person.id.clone());
    let mut named = i18n::Args::new();
    named.set("name", person.display_name);
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = id.get_value();
        let sent = async move { api::call_at::<RevokePass>(&id, &()).await };
        form.send(sent, move |()| on_done.run(()));
    };
    view! {
        <h2 id="revoke-title">{move || i18n.t("revoke-title")}</h2>
        <ErrorAlert message=Signal::derive(move || error.with(|e| e.as_ref().map(|e| i18n.error(e))))/>
        <p>{move || i18n.t_with("revoke-question", &named)}</p>
        <form class="form" novalidate on:submit=confirm>
            <FormActions back=i18n.text("dialog-cancel") on_back=on_cancel>
                <SubmitButton label=i18n.text("revoke-confirm") busy class="button button-danger"/>
            </FormActions>
        </form>
    }
}

/// The person's role, changed by an administrator; the organization keeps
/// at least one administrator (refused at the field otherwise).
#[component]
fn RoleForm(person: PersonDetail, shown_role: RwSignal<Role>) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormSubmit::new();
    let FormSubmit { busy, error } = form;
    let role = RwSignal::new(person.role);
    let saved = RwSignal::new(false);
    let id = StoredValue::new(person.id);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        let request = SetRoleRequest {
            role: role.get_untracked(),
        };
        let id = id.get_value();
        let sent = async move { api::call_at::<SetRole>(&id, &request).await };
        form.send(sent, move |()| {
            saved.set(true);
            shown_role.set(role.get_untracked());
        });
    };
    view! {
        <section class="card" aria-labelledby="person-role-title">
            <h2 id="person-role-title">{move || i18n.t("person-role-title")}</h2>
            <form class="form" novalidate on:submit=submit>
                <RoleField role error=i18n.error_at(error, Field::Role)/>
                <p class="notice" role="status" hidden=move || !saved.get()>{move || i18n.t("person-role-saved")}</p>
                <FormActions>
                    <SubmitButton label=i18n.text("person-role-save") busy/>
                </FormActions>
            </form>
        </section>
    }
}
