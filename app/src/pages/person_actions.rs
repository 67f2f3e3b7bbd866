//! What an administrator or the help desk does for one person, on their
//! page: the account's state with its actions (each asked for in a dialog),
//! the name and language, and what the person's sessions and recent
//! activity are (S40).

use leptos::prelude::*;
use models::endpoints::{
    DeletePerson, EndPersonSessions, InvitePerson, RemovePassword, RequireRegistration, SetStatus,
    SetTemporaryPassword, UpdatePerson,
};
use models::{
    ApiError, Field, Locale, PasswordState, PersonDetail, PersonId, PersonProfile, PersonStatus,
    SetStatusRequest,
};

use crate::api;
use crate::components::actions::{FormActions, SubmitButton};
use crate::components::alert::ErrorAlert;
use crate::components::dialog::Dialog;
use crate::components::field::TextField;
use crate::components::shown_once::ShownOnce;
use crate::form_submit::FormSubmit;
use crate::i18n::use_i18n;
use crate::labels::date_time;
use crate::session::use_session;

/// One thing done to a person's account, asked for first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PersonAction {
    SignOut,
    RequireRegistration,
    RemovePassword,
    TemporaryPassword,
    Disable,
    Enable,
    Delete,
}

impl PersonAction {
    /// The button that asks for it (its label's message, and its element
    /// id, so that a closed dialog gives the cursor back to it).
    fn button_id(self) -> &'static str {
        match self {
            PersonAction::SignOut => "person-sign-out",
            PersonAction::RequireRegistration => "person-require-registration",
            PersonAction::RemovePassword => "person-remove-password",
            PersonAction::TemporaryPassword => "person-temporary-password",
            PersonAction::Disable => "person-disable",
            PersonAction::Enable => "person-enable",
            PersonAction::Delete => "person-delete",
        }
    }

    fn title_id(self) -> &'static str {
        match self {
            PersonAction::SignOut => "person-sign-out-title",
            PersonAction::RequireRegistration => "person-require-registration-title",
            PersonAction::RemovePassword => "person-remove-password-title",
            PersonAction::TemporaryPassword => "person-temporary-password-title",
            PersonAction::Disable => "person-disable-title",
            PersonAction::Enable => "person-enable-title",
            PersonAction::Delete => "person-delete-title",
        }
    }

    fn question_id(self) -> &'static str {
        match self {
            PersonAction::SignOut => "person-sign-out-question",
            PersonAction::RequireRegistration => "person-require-registration-question",
            PersonAction::RemovePassword => "person-remove-password-question",
            PersonAction::TemporaryPassword => "person-temporary-password-question",
            PersonAction::Disable => "person-disable-question",
            PersonAction::Enable => "person-enable-question",
            PersonAction::Delete => "person-delete-question",
        }
    }

    fn confirm_id(self) -> &'static str {
        match self {
            PersonAction::SignOut => "person-sign-out-confirm",
            PersonAction::RequireRegistration => "person-require-registration-confirm",
            PersonAction::RemovePassword => "person-remove-password-confirm",
            PersonAction::TemporaryPassword => "person-temporary-password-confirm",
            PersonAction::Disable => "person-disable-confirm",
            PersonAction::Enable => "person-enable-confirm",
            PersonAction::Delete => "person-delete-confirm",
        }
    }

    /// What the page says once it is done (a deleted person's page is
    /// left for People).
    pub fn done_id(self) -> Option<&'static str> {
        Some(match self {
            PersonAction::SignOut => "person-sign-out-done",
            PersonAction::RequireRegistration => "person-require-registration-done",
            PersonAction::RemovePassword => "person-remove-password-done",
            PersonAction::TemporaryPassword => "person-temporary-password-done",
            PersonAction::Disable => "person-disable-done",
            PersonAction::Enable => "person-enable-done",
            PersonAction::Delete => return None,
        })
    }

    /// Whether it takes something away that the person must then get back.
    fn is_drastic(self) -> bool {
        self != PersonAction::Enable
    }

    /// Does it; what it answers to be shown this once (a temporary
    /// password), if anything.
    async fn send(self, id: PersonId) -> Result<Option<String>, ApiError> {
        if self == PersonAction::TemporaryPassword {
            let given = api::call_at::<SetTemporaryPassword>(&id, &()).await?;
            return Ok(Some(given.password));
        }
        let done = match self {
            PersonAction::SignOut => api::call_at::<EndPersonSessions>(&id, &()).await,
            PersonAction::RequireRegistration => {
                api::call_at::<RequireRegistration>(&id, &()).await
            }
            PersonAction::RemovePassword => api::call_at::<RemovePassword>(&id, &()).await,
            PersonAction::Disable | PersonAction::Enable => {
                let status = match self {
                    PersonAction::Disable => PersonStatus::Disabled,
                    _ => PersonStatus::Active,
                };
                api::call_at::<SetStatus>(&id, &SetStatusRequest { status }).await
            }
            PersonAction::Delete => api::call_at::<DeletePerson>(&id, &()).await,
            PersonAction::TemporaryPassword => Ok(()),
        };
        done.map(|()| None)
    }
}

/// The person's account: whether they can sign in, their password, their
/// last sign-in, and what may be done to it.
#[component]
pub fn AccountCard(
    person: PersonDetail,
    on_done: Callback<PersonAction>,
    /// An invitation sent: the message that says so.
    on_said: Callback<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let open: RwSignal<Option<PersonAction>> = RwSignal::new(None);
    let inviting = RwSignal::new(false);
    // A person without a password chooses one from an invitation.
    let invitable = !person.password.is_set();
    let disabled = person.status == PersonStatus::Disabled;
    let status_id = match disabled {
        true => "person-status-disabled",
        false => "person-status-active",
    };
    let password_id = match person.password {
        PasswordState::Set => "person-password-set",
        PasswordState::Temporary => "person-password-temporary",
        PasswordState::None => "person-password-none",
    };
    let last = person.last_sign_in.map(|at| {
        let mut args = i18n::Args::new();
        args.set("time", date_time(&i18n, at));
        args
    });
    let mut actions = vec![
        PersonAction::SignOut,
        PersonAction::RequireRegistration,
        PersonAction::TemporaryPassword,
        PersonAction::RemovePassword,
        if disabled {
            PersonAction::Enable
        } else {
            PersonAction::Disable
        },
    ];
    // Deleting is an administrator's, as adding is.
    if session.is_admin() {
        actions.push(PersonAction::Delete);
    }
    // One's own account is Security info's and Change password's (the
    // server refuses these actions on oneself too).
    let yours = session.user_text(|u| u.account_name.to_string()) == person.account_name.as_str();
    let may_act = person.may_act && !yours;
    let person = StoredValue::new(person);
    view! {
        <section class="card person-account" aria-labelledby="person-account">
            <h2 id="person-account">{move || i18n.t("person-account")}</h2>
            <ul class="person-facts">
                <li class:person-disabled=disabled>{move || i18n.t(status_id)}</li>
                <li>{move || i18n.t(password_id)}</li>
                <li>{match last {
                    Some(args) => (move || i18n.t_with("person-last-sign-in", &args)).into_any(),
                    None => (move || i18n.t("person-never-signed-in")).into_any(),
                }}</li>
            </ul>
            {yours.then(|| view! { <p class="notice">{move || i18n.t("person-account-yours")}</p> })}
            {may_act.then(|| view! {
                <div class="person-actions">
                    {actions.into_iter().map(|action| view! {
                        <button type="button" id=action.button_id()
                            class=if action.is_drastic() { "button button-secondary" } else { "button button-primary" }
                            on:click=move |_| open.set(Some(action))>
                            {move || i18n.t(action.button_id())}
                        </button>
                    }).collect_view()}
                    {invitable.then(|| view! {
                        <button type="button" id="person-invite" class="button button-secondary" on:click=move |_| inviting.set(true)>
                            {move || i18n.t("person-invite")}
                        </button>
                    })}
                </div>
            })}
            {move || inviting.get().then(|| {
                let close = Callback::new(move |()| inviting.set(false));
                view! {
                    <Dialog labelled_by="person-invite-title" on_close=close>
                        <InviteDialog person=person.get_value() on_cancel=close done_id="person-invite-done"
                            on_done=Callback::new(move |said| { inviting.set(false); on_said.run(said) })/>
                    </Dialog>
                }
            })}
            {move || open.get().map(|action| {
                let close = Callback::new(move |()| open.set(None));
                view! {
                    <Dialog labelled_by="person-action-title" on_close=close>
                        <ConfirmAction action person=person.get_value() on_cancel=close
                            on_done=Callback::new(move |()| { open.set(None); on_done.run(action) })/>
                    </Dialog>
                }
            })}
        </section>
    }
}

/// "Send an invitation": the address it goes to; the link lets the person
/// choose a password, and an earlier one stops working.
#[component]
fn InviteDialog(
    person: PersonDetail,
    /// What the page says once it is sent.
    done_id: &'static str,
    on_done: Callback<&'static str>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormSubmit::new();
    let FormSubmit { busy, error } = form;
    let email = RwSignal::new(String::new());
    let email_input: NodeRef<leptos::html::Input> = NodeRef::new();
    let id = StoredValue::new(person.id.clone());
    let mut named = i18n::Args::new();
    named.set("name", person.display_name);
    named.set("days", models::INVITATION_DAYS);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = models::InviteRequest {
            email: email.get_untracked(),
        };
        let id = id.get_value();
        let sent = async move { api::call_at::<InvitePerson>(&id, &request).await };
        form.send_or(
            sent,
            move |()| on_done.run(done_id),
            move |e| {
                let at_email = e.field == Some(Field::Email);
                error.set(Some(e));
                if at_email && let Some(input) = email_input.get_untracked() {
                    let _ = input.focus();
                }
            },
        );
    };
    view! {
        <h2 id="person-invite-title">{move || i18n.t("person-invite-title")}</h2>
        <p>{move || i18n.t_with("person-invite-intro", &named)}</p>
        <ErrorAlert message=i18n.error_besides(error, Field::Email)/>
        <form class="form" novalidate on:submit=submit>
            <TextField id="invite-email" label=i18n.text("people-add-email") hint=i18n.text("people-add-email-hint")
                value=email error=i18n.error_at(error, Field::Email) autocomplete="off" node_ref=email_input
                input_type="email"/>
            <FormActions back=i18n.text("dialog-cancel") on_back=on_cancel>
                <SubmitButton label=i18n.text("person-invite-submit") busy/>
            </FormActions>
        </form>
    }
}

/// "Disable the account?" and the like: what it does to the person, then
/// the action, or Cancel.
#[component]
fn ConfirmAction(
    action: PersonAction,
    person: PersonDetail,
    on_done: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormSubmit::new();
    let FormSubmit { busy, error } = form;
    let id = StoredValue::new(person.id.clone());
    let name = StoredValue::new(person.display_name.clone());
    let mut named = i18n::Args::new();
    named.set("name", person.display_name);
    // A temporary password, shown this once before the dialog closes.
    let shown: RwSignal<Option<String>> = RwSignal::new(None);
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let sent = action.send(id.get_value());
        form.send(sent, move |answer| match answer {
            Some(secret) => shown.set(Some(secret)),
            None => on_done.run(()),
        });
    };
    let class = match action.is_drastic() {
        true => "button button-danger",
        false => "button button-primary",
    };
    let named = StoredValue::new(named);
    view! {
        <h2 id="person-action-title">{move || i18n.t(action.title_id())}</h2>
        {move || match shown.get() {
            Some(secret) => view! { <SecretShown secret name=name.get_value() on_done/> }.into_any(),
            None => view! {
                <ErrorAlert message=Signal::derive(move || error.with(|e| e.as_ref().map(|e| i18n.error(e))))/>
                <p>{move || named.with_value(|named| i18n.t_with(action.question_id(), named))}</p>
                <form class="form" novalidate on:submit=confirm>
                    <FormActions back=i18n.text("dialog-cancel") on_back=on_cancel>
                        <SubmitButton label=i18n.text(action.confirm_id()) busy class/>
                    </FormActions>
                </form>
            }.into_any(),
        }}
    }
}

/// A temporary password just given, to hand to the person: shown this
/// once, with Copy; the cursor on it.
#[component]
fn SecretShown(secret: String, name: String, on_done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let mut named = i18n::Args::new();
    named.set("name", name);
    view! {
        <ShownOnce copy=Some(secret.clone()) copy_label_id="recovery-codes-copy" on_done>
            <p>{move || i18n.t_with("person-temporary-password-shown", &named)}</p>
            <p class="person-issued-text"><code translate="no">{secret}</code></p>
        </ShownOnce>
    }
}

/// The person's name and language, changed for them; once saved, what to
/// say (`saved_id`, a message naming the person).
#[component]
pub fn ProfileForm(
    person: PersonDetail,
    saved_id: &'static str,
    on_saved: Callback<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormSubmit::new();
    let FormSubmit { busy, error } = form;
    let name = RwSignal::new(person.display_name.clone());
    let locale = RwSignal::new(person.locale);
    let name_input: NodeRef<leptos::html::Input> = NodeRef::new();
    let id = StoredValue::new(person.id);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = PersonProfile {
            display_name: name.get_untracked(),
            locale: locale.get_untracked(),
        };
        let id = id.get_value();
        let sent = async move { api::call_at::<UpdatePerson>(&id, &request).await };
        form.send_or(
            sent,
            move |()| on_saved.run(saved_id),
            move |e| {
                let at_name = e.field == Some(Field::DisplayName);
                error.set(Some(e));
                if at_name && let Some(input) = name_input.get_untracked() {
                    let _ = input.focus();
                }
            },
        );
    };
    view! {
        <section class="card" aria-labelledby="person-profile-title">
            <h2 id="person-profile-title">{move || i18n.t("person-profile-title")}</h2>
            <ErrorAlert message=i18n.error_besides(error, Field::DisplayName)/>
            <form class="form" novalidate on:submit=submit>
                <TextField id="profile-name" label=i18n.text("people-add-name") value=name
                    error=i18n.error_at(error, Field::DisplayName) autocomplete="off" node_ref=name_input
                    maxlength=models::DISPLAY_NAME_MAX_CHARS/>
                <div class="field">
                    <label class="field-label" for="profile-language">{move || i18n.t("people-add-language")}</label>
                    <select id="profile-language" class="field-input" on:change=move |ev| locale.set(Locale::parse(&event_target_value(&ev)))>
                        <option value="" selected=move || locale.get().is_none()>{move || i18n.t("people-add-language-unset")}</option>
                        {Locale::ALL.into_iter().map(|l| view! {
                            <option value=l.tag() lang=l.tag() selected=move || locale.get() == Some(l)>{l.endonym()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <FormActions>
                    <SubmitButton label=i18n.text("person-profile-save") busy/>
                </FormActions>
            </form>
        </section>
    }
}

/// Where the person is signed in.
#[component]
pub fn SessionsSeen(person: PersonDetail) -> impl IntoView {
    let i18n = use_i18n();
    let none = person.sessions.is_empty();
    let lines = person.sessions.into_iter().map(|session| {
        let browser = match (session.browser, session.system) {
            (Some(browser), Some(system)) => {
                let mut args = i18n::Args::new();
                args.set("browser", browser);
                args.set("system", system);
                (move || i18n.t_with("person-session-browser", &args)).into_any()
            }
            (Some(known), None) | (None, Some(known)) => known.into_any(),
            (None, None) => (move || i18n.t("person-session-unknown")).into_any(),
        };
        let mut args = i18n::Args::new();
        args.set("address", session.address);
        args.set("started", date_time(&i18n, session.started_at));
        args.set("seen", date_time(&i18n, session.last_seen_at));
        view! {
            <li class="person-line">
                <span class="person-line-main">{browser}</span>
                <span class="person-line-meta">{move || i18n.t_with("person-session-line", &args)}</span>
            </li>
        }
    }).collect_view();
    view! {
        <section class="card" aria-labelledby="person-sessions">
            <h2 id="person-sessions">{move || i18n.t("person-sessions")}</h2>
            {match none {
                true => view! { <p class="empty-state">{move || i18n.t("person-no-sessions")}</p> }.into_any(),
                false => view! { <ul class="person-lines">{lines}</ul> }.into_any(),
            }}
        </section>
    }
}

/// What happened to the person's account lately, and who did it when it
/// was not them.
#[component]
pub fn ActivitySeen(person: PersonDetail) -> impl IntoView {
    let i18n = use_i18n();
    let none = person.activity.is_empty();
    let lines = person
        .activity
        .into_iter()
        .map(|line| {
            let mut args = i18n::Args::new();
            args.set("time", date_time(&i18n, line.at));
            args.set("address", line.address);
            if let Some(by) = &line.by {
                args.set("name", by.clone());
            }
            let meta_id = match line.by {
                Some(_) => "person-activity-by",
                None => "person-activity-meta",
            };
            let activity = line.activity;
            view! {
                <li class="person-line">
                    <span class="person-line-main">{move || i18n.t(&activity.message_id())}</span>
                    <span class="person-line-meta">{move || i18n.t_with(meta_id, &args)}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="person-activity">
            <h2 id="person-activity">{move || i18n.t("person-activity")}</h2>
            {match none {
                true => view! { <p class="empty-state">{move || i18n.t("person-no-activity")}</p> }.into_any(),
                false => view! { <ol class="person-lines">{lines}</ol> }.into_any(),
            }}
        </section>
    }
}
