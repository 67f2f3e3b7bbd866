//! People (for administrators): the organization's people, found by the
//! start of their account or of a word of their name, a page at a time;
//! each leads to their own page (`person.rs`). On a phone the table reads
//! as a list.

use leptos::prelude::*;
use models::endpoints::{AddPerson, SearchPeople};
use models::{
    AddPersonRequest, AddedPerson, ErrorCode, Field, IssuePassRequest, Locale, PassLifetime,
    PeoplePage as Found, PeopleQuery, PersonRow, Role,
};

use crate::api;
use crate::components::actions::{FormActions, SubmitButton};
use crate::components::alert::ErrorAlert;
use crate::components::dialog::Dialog;
use crate::components::field::TextField;
use crate::components::icons::MethodIcon;
use crate::components::progress::Progress;
use crate::features::pass_fields::{PassFields, PassShown};
use crate::form_submit::FormSubmit;
use crate::i18n::use_i18n;
use crate::labels::method_name;
use crate::pages::for_administrators::ForAdministrators;
use crate::session::use_session;

#[component]
pub fn PeoplePage() -> impl IntoView {
    view! { <ForAdministrators title_id="people-title" help_desk=true><People/></ForAdministrators> }
}

#[component]
fn People() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let typed = RwSignal::new(String::new());
    // What was last asked for, and what it found.
    let asked = RwSignal::new(PeopleQuery::default());
    let found: RwSignal<Option<Result<Found, models::ApiError>>> = RwSignal::new(None);
    let results: NodeRef<leptos::html::Div> = NodeRef::new();
    Effect::new(move |_| {
        let query = asked.get();
        // The gate asks for a recent verification first (S11).
        if session.step_up_required.get() {
            return;
        }
        leptos::task::spawn_local(async move {
            let answer = api::call::<SearchPeople>(&query).await;
            if matches!(&answer, Err(e) if e.code == ErrorCode::StepUpRequired) {
                session.step_up_required.set(true);
                return;
            }
            found.set(Some(answer));
        });
    });
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        asked.set(PeopleQuery {
            query: typed.get_untracked(),
            page: 0,
        });
    };
    let to_page = move |page: usize| {
        asked.update(|q| q.page = page);
        // The person paging reads on at the top of the new page.
        if let Some(results) = results.get_untracked() {
            let _ = results.focus();
        }
    };
    // "Add a person": the policy's pass bounds come with every search.
    let adding = RwSignal::new(false);
    let add_button: NodeRef<leptos::html::Button> = NodeRef::new();
    let close = Callback::new(move |()| {
        adding.set(false);
        if let Some(button) = add_button.get_untracked() {
            let _ = button.focus();
        }
    });
    let lifetime = move || {
        found.with(|f| {
            f.as_ref()
                .and_then(|f| f.as_ref().ok())
                .map(|f| f.pass_lifetime)
        })
    };
    view! {
        <section class="people" aria-labelledby="people-title">
            <header class="page-header people-header">
                <div>
                    <h1 id="people-title">{move || i18n.t("people-title")}</h1>
                    <p class="lead">{move || i18n.t("people-intro")}</p>
                </div>
                // Adding people is an administrator's (S40).
                <Show when=move || session.is_admin()>
                    <div class="people-header-actions">
                        <a class="button button-secondary" href="/admin/people/import">{move || i18n.t("people-import")}</a>
                        <button type="button" class="button button-primary" node_ref=add_button
                            disabled=move || lifetime().is_none() on:click=move |_| adding.set(true)>
                            {move || i18n.t("people-add")}
                        </button>
                    </div>
                </Show>
            </header>
            {move || adding.get().then(lifetime).flatten().map(|lifetime| view! {
                <Dialog labelled_by="add-person-title" on_close=close>
                    <AddPersonDialog lifetime on_cancel=close/>
                </Dialog>
            })}
            <form class="form people-search" role="search" novalidate on:submit=search>
                <TextField id="people-query" label=i18n.text("people-search-label") value=typed
                    error=Signal::derive(|| None::<String>) autocomplete="off"/>
                <button type="submit" class="button button-primary">{move || i18n.t("people-search")}</button>
            </form>
            <div class="people-results" tabindex="-1" node_ref=results>
                {move || match found.get() {
                    None => view! { <Progress label=i18n.text("shell-loading")/> }.into_any(),
                    Some(Err(e)) => view! { <ErrorAlert message=Signal::derive(move || Some(i18n.error(&e)))/> }.into_any(),
                    Some(Ok(page)) if page.people.is_empty() => view! {
                        <p class="empty-state" role="status">{move || i18n.t("people-none")}</p>
                    }.into_any(),
                    Some(Ok(page)) => view! { <PeopleTable page to_page/> }.into_any(),
                }}
            </div>
        </section>
    }
}

#[component]
fn PeopleTable(page: Found, to_page: impl Fn(usize) + Copy + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let number = page.page;
    let mut args = i18n::Args::new();
    args.set("page", number + 1);
    view! {
        <table class="people-table">
            <caption class="visually-hidden">{move || i18n.t("people-title")}</caption>
            <thead>
                <tr>
                    <th scope="col">{move || i18n.t("people-column-name-account")}</th>
                    <th scope="col">{move || i18n.t("people-column-role")}</th>
                    <th scope="col">{move || i18n.t("people-column-status")}</th>
                    <th scope="col">{move || i18n.t("people-column-ready")}</th>
                    <th scope="col">{move || i18n.t("people-column-methods")}</th>
                    <th scope="col">{move || i18n.t("people-column-last-sign-in")}</th>
                </tr>
            </thead>
            <tbody>
                {page.people.into_iter().map(|person| view! { <Row person/> }).collect_view()}
            </tbody>
        </table>
        // One page needs no way to another.
        <nav class="people-pager" aria-label=move || i18n.t("people-pages") hidden=number == 0 && !page.more>
            <button type="button" class="button button-secondary" disabled=number == 0
                on:click=move |_| to_page(number.saturating_sub(1))>{move || i18n.t("people-previous")}</button>
            <span>{move || i18n.t_with("people-page", &args)}</span>
            <button type="button" class="button button-secondary" disabled=!page.more
                on:click=move |_| to_page(number + 1)>{move || i18n.t("people-next")}</button>
        </nav>
    }
}

#[component]
fn Row(person: PersonRow) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/admin/people/{}", person.id);
    let role = role_name(i18n, person.role);
    let has_pass = person.has_pass;
    let disabled = person.status == models::PersonStatus::Disabled;
    let status_id = match (disabled, person.invited) {
        (true, _) => "people-status-disabled",
        (false, true) => "people-status-invited",
        (false, false) => "people-status-active",
    };
    let models::Readiness { two_step, reset } = person.ready;
    let two_step_id = match two_step {
        true => "people-two-step-ready",
        false => "people-two-step-missing",
    };
    let reset_id = match reset {
        true => "people-reset-ready",
        false => "people-reset-missing",
    };
    let last_sign_in = match person.last_sign_in {
        Some(at) => crate::labels::date(&i18n, at).into_any(),
        None => (move || i18n.t("people-never")).into_any(),
    };
    let methods = person.methods;
    let no_methods = methods.is_empty();
    view! {
        <tr>
            <th scope="row" data-label=move || i18n.t("people-column-name-account")>
                <a href=href>{person.display_name}</a>
                <span class="people-sub">{person.account_name.to_string()}</span>
            </th>
            <td data-label=move || i18n.t("people-column-role")>{role}</td>
            <td data-label=move || i18n.t("people-column-status")>
                <span class:people-disabled=disabled>{move || i18n.t(status_id)}</span>
                {has_pass.then(|| view! { <span class="people-sub">{move || i18n.t("people-has-pass")}</span> })}
            </td>
            <td data-label=move || i18n.t("people-column-ready")>
                <span class="people-ready" class:people-missing=!two_step>{move || i18n.t(two_step_id)}</span>
                <span class="people-ready" class:people-missing=!reset>{move || i18n.t(reset_id)}</span>
            </td>
            <td data-label=move || i18n.t("people-column-methods")>
                <ul class="people-methods">
                    {methods.into_iter().map(|kind| view! {
                        <li title=move || method_name(&i18n, kind)>
                            <MethodIcon kind/>
                            <span class="visually-hidden">{move || method_name(&i18n, kind)}</span>
                        </li>
                    }).collect_view()}
                </ul>
                {no_methods.then(|| view! { <span>{move || i18n.t("people-no-methods")}</span> })}
            </td>
            <td data-label=move || i18n.t("people-column-last-sign-in")>{last_sign_in}</td>
        </tr>
    }
}

/// "Add a person": their account (in the organization's domain), name,
/// language and role, and their first pass; then the pass, shown once,
/// and their page.
#[component]
fn AddPersonDialog(lifetime: PassLifetime, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = leptos_router::hooks::use_navigate();
    let form = FormSubmit::new();
    let FormSubmit { busy, error } = form;
    let account = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let locale: RwSignal<Option<Locale>> = RwSignal::new(None);
    let role = RwSignal::new(Role::Member);
    let minutes = RwSignal::new(lifetime.default_minutes);
    let one_time = RwSignal::new(true);
    // The first sign-in: a pass shown now, or an invitation by email.
    let inviting = RwSignal::new(false);
    let email = RwSignal::new(String::new());
    let email_input: NodeRef<leptos::html::Input> = NodeRef::new();
    let added: RwSignal<Option<(AddedPerson, String)>> = RwSignal::new(None);
    let account_input: NodeRef<leptos::html::Input> = NodeRef::new();
    let name_input: NodeRef<leptos::html::Input> = NodeRef::new();
    // The example names the organization's own domain.
    let domain = session.user_text(|u| {
        u.account_name
            .as_str()
            .rsplit_once('@')
            .map(|(_, d)| d.to_owned())
            .unwrap_or_default()
    });
    let mut example = i18n::Args::new();
    example.set("domain", domain);
    let example = StoredValue::new(example);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = AddPersonRequest {
            account_name: account.get_untracked(),
            display_name: name.get_untracked(),
            locale: locale.get_untracked(),
            role: role.get_untracked(),
            pass: IssuePassRequest {
                lifetime_minutes: Some(minutes.get_untracked()),
                one_time: one_time.get_untracked(),
            },
            invitation: inviting.get_untracked().then(|| email.get_untracked()),
        };
        let shown_name = request.display_name.trim().to_owned();
        let sent = async move { api::call::<AddPerson>(&request).await };
        form.send_or(
            sent,
            move |person| added.set(Some((person, shown_name))),
            move |e| {
                let input = match e.field {
                    Some(Field::DisplayName) => name_input.get_untracked(),
                    Some(Field::AccountName) => account_input.get_untracked(),
                    Some(Field::Email) => email_input.get_untracked(),
                    _ => None,
                };
                error.set(Some(e));
                if let Some(input) = input {
                    let _ = input.focus();
                }
            },
        );
    };
    let general = i18n.error_besides_any(
        error,
        &[
            Field::AccountName,
            Field::DisplayName,
            Field::Lifetime,
            Field::Email,
        ],
    );
    view! {
        <h2 id="add-person-title">{move || i18n.t("people-add-title")}</h2>
        {move || match added.get() {
            None => view! {
                <ErrorAlert message=general/>
                <form class="form" novalidate on:submit=submit>
                    <TextField id="add-account" label=i18n.text("people-add-account")
                        hint=Signal::derive(move || example.with_value(|args| i18n.t_with("people-add-account-hint", args)))
                        value=account error=i18n.error_at(error, Field::AccountName) autocomplete="off" node_ref=account_input/>
                    <TextField id="add-name" label=i18n.text("people-add-name") value=name
                        error=i18n.error_at(error, Field::DisplayName) autocomplete="off" node_ref=name_input
                        maxlength=models::DISPLAY_NAME_MAX_CHARS/>
                    <div class="field">
                        <label class="field-label" for="add-language">{move || i18n.t("people-add-language")}</label>
                        <select id="add-language" class="field-input" on:change=move |ev| locale.set(Locale::parse(&event_target_value(&ev)))>
                            <option value="" selected=true>{move || i18n.t("people-add-language-unset")}</option>
                            {Locale::ALL.into_iter().map(|l| view! { <option value=l.tag() lang=l.tag()>{l.endonym()}</option> }).collect_view()}
                        </select>
                    </div>
                    <RoleField role/>
                    <fieldset class="choice">
                        <legend>{move || i18n.t("people-add-first")}</legend>
                        <label class="choice-option">
                            <input type="radio" name="add-first" value="pass" prop:checked=move || !inviting.get() on:change=move |_| inviting.set(false)/>
                            {move || i18n.t("people-add-first-pass")}
                        </label>
                        <label class="choice-option">
                            <input type="radio" name="add-first" value="invitation" prop:checked=move || inviting.get() on:change=move |_| inviting.set(true)/>
                            {move || i18n.t("people-add-first-invitation")}
                        </label>
                    </fieldset>
                    <Show when=move || inviting.get() fallback=move || view! {
                        <PassFields lifetime minutes one_time error=i18n.error_at(error, Field::Lifetime)/>
                    }>
                        <TextField id="add-email" label=i18n.text("people-add-email") hint=i18n.text("people-add-email-hint")
                            value=email error=i18n.error_at(error, Field::Email) autocomplete="off" node_ref=email_input
                            input_type="email"/>
                    </Show>
                    <FormActions back=i18n.text("dialog-cancel") on_back=on_cancel>
                        <SubmitButton label=Signal::derive(move || match inviting.get() {
                            true => i18n.t("people-add-submit-invitation"),
                            false => i18n.t("people-add-submit"),
                        }) busy/>
                    </FormActions>
                </form>
            }.into_any(),
            Some((person, shown_name)) => {
                let navigate = navigate.clone();
                let href = format!("/admin/people/{}", person.id);
                let on_done = Callback::new(move |()| navigate(&href, leptos_router::NavigateOptions::default()));
                match (person.pass, person.invited) {
                    (Some(pass), _) => view! { <PassShown pass name=shown_name on_done/> }.into_any(),
                    (None, invited) => view! {
                        <InvitationSent name=shown_name address=invited.unwrap_or_default() on_done/>
                    }.into_any(),
                }
            }
        }}
    }
}

/// The invitation went out: to whom, for how long; Done opens their page.
#[component]
fn InvitationSent(name: String, address: String, on_done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let text: NodeRef<leptos::html::P> = NodeRef::new();
    Effect::new(move |_| {
        if let Some(text) = text.get() {
            let _ = text.focus();
        }
    });
    let mut args = i18n::Args::new();
    args.set("name", name);
    args.set("address", address);
    args.set("days", models::INVITATION_DAYS);
    view! {
        <p class="notice" role="status" tabindex="-1" node_ref=text>{move || i18n.t_with("people-invitation-sent", &args)}</p>
        <FormActions>
            <button type="button" class="button button-primary" on:click=move |_| on_done.run(())>{move || i18n.t("dialog-done")}</button>
        </FormActions>
    }
}

/// A role, in the reader's language.
pub fn role_name(i18n: crate::i18n::I18n, role: Role) -> Signal<String> {
    match role {
        Role::Member => i18n.text("people-role-person"),
        Role::HelpDesk => i18n.text("people-role-help-desk"),
        Role::Administrator => i18n.text("people-role-administrator"),
    }
}

/// The role a person is given: member, help desk or administrator.
#[component]
pub fn RoleField(
    role: RwSignal<Role>,
    #[prop(optional)] error: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = error.unwrap_or_else(|| Signal::derive(|| None));
    view! {
        <div class="field" class:field-invalid=move || error.with(Option::is_some)>
            <label class="field-label" for="person-role">{move || i18n.t("person-role-label")}</label>
            <select id="person-role" class="field-input"
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || error.with(Option::is_some).then_some("person-role-error")
                on:change=move |ev| { if let Some(r) = Role::parse(&event_target_value(&ev)) { role.set(r) } }>
                {Role::ALL.into_iter().map(|r| view! {
                    <option value=r.as_str() selected=move || role.get() == r>{role_name(i18n, r)}</option>
                }).collect_view()}
            </select>
            {move || error.get().map(|text| view! { <p class="field-error" id="person-role-error">{text}</p> })}
        </div>
    }
}
