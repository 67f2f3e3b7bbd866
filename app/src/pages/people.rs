//! People (for administrators): the organization's people, found by the
//! start of their account or of a word of their name, a page at a time;
//! each leads to their own page (`person.rs`). On a phone the table reads
//! as a list.

use leptos::prelude::*;
use models::endpoints::SearchPeople;
use models::{ErrorCode, PeoplePage as Found, PeopleQuery, PersonRow};

use crate::api;
use crate::components::alert::ErrorAlert;
use crate::components::field::TextField;
use crate::components::icons::MethodIcon;
use crate::components::progress::Progress;
use crate::i18n::use_i18n;
use crate::labels::method_name;
use crate::pages::for_administrators::ForAdministrators;
use crate::session::use_session;

#[component]
pub fn PeoplePage() -> impl IntoView {
    view! { <ForAdministrators title_id="people-title"><People/></ForAdministrators> }
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
    view! {
        <section class="people" aria-labelledby="people-title">
            <header class="page-header">
                <h1 id="people-title">{move || i18n.t("people-title")}</h1>
                <p class="lead">{move || i18n.t("people-intro")}</p>
            </header>
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
                    <th scope="col">{move || i18n.t("people-column-name")}</th>
                    <th scope="col">{move || i18n.t("people-column-account")}</th>
                    <th scope="col">{move || i18n.t("people-column-role")}</th>
                    <th scope="col">{move || i18n.t("people-column-methods")}</th>
                    <th scope="col">{move || i18n.t("people-column-pass")}</th>
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
    let role = if person.is_admin {
        i18n.text("people-role-administrator")
    } else {
        i18n.text("people-role-person")
    };
    let has_pass = person.has_pass;
    let methods = person.methods;
    let no_methods = methods.is_empty();
    view! {
        <tr>
            <th scope="row" data-label=move || i18n.t("people-column-name")><a href=href>{person.display_name}</a></th>
            <td data-label=move || i18n.t("people-column-account")>{person.account_name.to_string()}</td>
            <td data-label=move || i18n.t("people-column-role")>{role}</td>
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
            <td data-label=move || i18n.t("people-column-pass")>
                {move || if has_pass { i18n.t("people-has-pass") } else { i18n.t("people-no-pass") }}
            </td>
        </tr>
    }
}
