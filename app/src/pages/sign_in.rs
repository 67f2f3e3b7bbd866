//! Sign in with a work or school account.

use leptos::html;
use leptos::prelude::*;
use models::endpoints::{ContinueAuthorization, StartPasskeySignIn};
use models::oidc::{Authorization, AuthorizationRequest, StrongerProof};
use models::{AccountName, ApiError, Field, Password, SignInRequest, safe_return_path};

use crate::address::use_address;
use crate::api;
use crate::components::actions::{FormActions, SubmitButton};
use crate::components::alert::ErrorAlert;
use crate::components::field::TextField;
use crate::components::progress::Progress;
use crate::form_submit::FormSubmit;
use crate::i18n::use_i18n;
use crate::pages::whole_app::LoadWholeApp;
use crate::session::use_session;
use crate::title::use_page_title;

/// Shows the second step of a sign-in, given what to do once verified.
pub type SecondStep = fn(Callback<()>) -> AnyView;

/// Shows the stronger sign-in an application asked for (its name, the
/// proof), given what to do once it is given.
pub type Stronger = fn(String, StrongerProof, Callback<()>) -> AnyView;

/// Posts an application's request as a form of this page, unless this
/// very request was posted before (then false).
pub type PostRequest = fn(&str) -> bool;

/// The sign-in page. The whole client shows the second step with
/// `second_step`; the sign-in entry has none and loads the whole client
/// for it (the server sends it to a sign-in waiting for its second step).
/// So with what only follows a sign-in: an application's demand for a
/// stronger one (`stronger`) and its answer posted (`post`).
#[component]
pub fn SignInPage(
    #[prop(optional)] second_step: Option<SecondStep>,
    #[prop(optional)] stronger: Option<Stronger>,
    #[prop(optional)] post: Option<PostRequest>,
) -> impl IntoView {
    use_page_title("signin-title");
    let i18n = use_i18n();
    let session = use_session();
    let address = use_address();
    // Sent by an application (OpenID Connect, `/oauth2/authorize`): the
    // server says whether the person goes back to it at once, or signs in
    // here first (`authorize`).
    let authorizing =
        window().location().pathname().ok().as_deref() == Some(models::oidc::AUTHORIZE_PATH);
    let asked = Asked::new(authorizing);
    let next = move || {
        if let Some(next) = asked.next.get_untracked() {
            return next;
        }
        let next = untrack(|| address.query("next"));
        safe_return_path(next.as_deref()).to_owned()
    };
    // Arrived from "Sign out everywhere": say that it is done.
    let signed_out_everywhere =
        move || address.query("signed-out").as_deref() == Some("everywhere");

    let account = RwSignal::new(String::new());
    if authorizing {
        authorize(asked, account, post);
    }
    let for_application = move || {
        asked.application.get().map(|name| {
            let mut args = i18n::Args::new();
            args.set("application", name);
            view! { <p class="lead">{move || i18n.t_with("signin-for-application", &args)}</p> }
        })
    };

    // Already signed in: nothing to do here. An application's request
    // waits for the server's answer, which sends a session on already.
    Effect::new(move |_| {
        if session.is_signed_in() && (!authorizing || asked.next.with(Option::is_some)) {
            address.replace_with(&next());
        }
    });

    let password = RwSignal::new(String::new());
    let error: RwSignal<Option<ApiError>> = RwSignal::new(None);
    let account_input: NodeRef<html::Input> = NodeRef::new();
    let password_input: NodeRef<html::Input> = NodeRef::new();

    let message_at = move |field: Option<Field>| {
        Signal::derive(move || {
            error.with(|e| {
                e.as_ref()
                    .filter(|e| e.field == field)
                    .map(|e| i18n.error(e))
            })
        })
    };
    let focus_field = move |field: Option<Field>| {
        let input = match field {
            Some(Field::Password) => password_input.get(),
            _ => account_input.get(),
        };
        if let Some(input) = input {
            let _ = input.focus();
        }
    };

    let submit = Action::new_local(move |request: &SignInRequest| {
        let request = request.clone();
        async move { api::sign_in(&request).await }
    });
    Effect::new(move |_| match submit.value().get() {
        Some(Ok(info)) => session.signed_in(i18n, info),
        Some(Err(e)) => {
            if e.field == Some(Field::Password) {
                password.set(String::new());
            }
            let field = e.field;
            error.set(Some(e));
            focus_field(field.or(Some(Field::AccountName)));
        }
        None => {}
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if submit.pending().get_untracked() {
            return;
        }
        // The same rules as the server's, so most mistakes need no round trip.
        let checked = AccountName::parse(&account.get_untracked())
            .map_err(|code| ApiError::at(code, Field::AccountName))
            .and_then(|_| {
                Password::parse(&password.get_untracked())
                    .map_err(|code| ApiError::at(code, Field::Password))
            });
        match checked {
            Err(e) => {
                let field = e.field;
                error.set(Some(e));
                focus_field(field);
            }
            Ok(password_ok) => {
                error.set(None);
                submit.dispatch(SignInRequest {
                    account_name: account.get_untracked(),
                    password: password_ok,
                    locale: i18n.picked_locale(),
                });
            }
        }
    };

    // Where the browser offers passkeys in the account field's autofill, one
    // is asked for there from the start (conditional mediation). The button
    // and leaving the page end that request first: a browser holds one.
    let autofill: StoredValue<Option<web_sys::AbortController>> = StoredValue::new(None);
    let stop_autofill = move || {
        if let Some(controller) = autofill.try_get_value().flatten() {
            controller.abort();
        }
    };
    on_cleanup(stop_autofill);
    leptos::task::spawn_local(async move {
        if !crate::webauthn::autofill_available().await {
            return;
        }
        let Ok(controller) = web_sys::AbortController::new() else {
            return;
        };
        let signal = controller.signal();
        if autofill.try_set_value(Some(controller)).is_some() {
            return; // the page is gone already
        }
        let outcome = async {
            let ceremony = api::call::<StartPasskeySignIn>(&()).await?;
            let assertion =
                crate::webauthn::get_assertion_from_autofill(&ceremony.options_json, &signal)
                    .await
                    .map_err(ApiError::new)?;
            api::finish_passkey_sign_in(&ceremony.ceremony_id, assertion).await
        };
        match outcome.await {
            Ok(info) => session.signed_in(i18n, info),
            // Ended by the button or by leaving: nothing to say.
            Err(e) if e.code == models::ErrorCode::SecurityKeyCancelled => {}
            Err(e) => {
                error.try_set(Some(e));
            }
        }
    });

    // "Sign in with a passkey": no account name; the browser asks for the
    // passkey and its unlock (S32).
    let passkey = FormSubmit {
        busy: RwSignal::new(false),
        error,
    };
    let passkey_busy = passkey.busy;
    let with_passkey = move |_| {
        if passkey_busy.get_untracked() {
            return;
        }
        stop_autofill();
        let ceremony = async {
            let ceremony = api::call::<StartPasskeySignIn>(&()).await?;
            let assertion = crate::webauthn::get_assertion(&ceremony.options_json, None)
                .await
                .map_err(ApiError::new)?;
            api::finish_passkey_sign_in(&ceremony.ceremony_id, assertion).await
        };
        passkey.send(ceremony, move |info| session.signed_in(i18n, info));
    };

    // "Use a Temporary Access Pass": the same field, named for the pass;
    // the cursor goes there.
    let with_pass = RwSignal::new(false);
    let use_pass = move |on: bool| {
        with_pass.set(on);
        password.set(String::new());
        error.set(None);
        if let Some(input) = password_input.get_untracked() {
            // No password manager offers (or saves) the password for a pass.
            let token = if on {
                "one-time-code"
            } else {
                "current-password"
            };
            let _ = input.set_attribute("autocomplete", token);
            let _ = input.focus();
        }
    };

    let pending = submit.pending();
    // The password was right; the second step comes next (S27).
    let waits_for_second_step = move || session.pending.get() && session.user.with(Option::is_some);
    // Verified: on to where the person was going (the effect above would
    // too, but only once it has seen the session pending).
    let verified = Callback::new(move |()| {
        session.pending.set(false);
        address.replace_with(&next());
    });
    move || {
        if asked.waiting.get() {
            return view! {
                <Progress label=Signal::derive(move || i18n.t("authorize-continuing"))/>
            }
            .into_any();
        }
        if let Some((application, proof)) = asked.stronger.get() {
            // Asked again once the person has proved themselves.
            let again = Callback::new(move |()| authorize(asked, account, post));
            return match stronger {
                Some(show) => show(application, proof, again),
                None => view! { <LoadWholeApp/> }.into_any(),
            };
        }
        if let Some(refused) = asked.refused.get() {
            return view! {
                <section class="card page-narrow">
                    <h1>{move || i18n.t("authorize-title")}</h1>
                    <ErrorAlert message=Signal::derive(move || Some(i18n.error(&refused)))/>
                </section>
            }
            .into_any();
        }
        if waits_for_second_step() {
            match second_step {
                Some(show) => show(verified),
                None => view! { <LoadWholeApp/> }.into_any(),
            }
        } else {
            view! {
        <section class="card page-narrow signin">
            <h1>{move || i18n.t("signin-title")}</h1>
            {for_application}
            {move || signed_out_everywhere().then(|| view! {
                <p class="notice" role="status">{move || i18n.t("signin-signed-out-everywhere")}</p>
            })}
            // The session ended while a page was open: say why the person is here.
            {move || session.ended.get().then(|| view! {
                <p class="notice" role="status">{move || i18n.t("signin-session-ended")}</p>
            })}
            // Sent by an application, the page says where it leads instead.
            {move || asked.application.with(Option::is_none).then(|| view! {
                <p class="lead">{move || i18n.t("signin-intro")}</p>
            })}
            <form class="form" novalidate on:submit=on_submit aria-busy=move || pending.get().then_some("true")>
                <ErrorAlert message=message_at(None)/>
                <TextField
                    id="account"
                    label=Signal::derive(move || i18n.t("signin-account-label"))
                    hint=Signal::derive(move || i18n.t("signin-account-hint"))
                    value=account
                    error=message_at(Some(Field::AccountName))
                    autocomplete="username webauthn"
                    node_ref=account_input
                />
                // A Temporary Access Pass goes where the password would;
                // asked for by name, the field says so.
                <TextField
                    id="password"
                    label=Signal::derive(move || i18n.t(if with_pass.get() { "signin-pass-label" } else { "signin-password-label" }))
                    hint=Signal::derive(move || if with_pass.get() { i18n.t("signin-pass-hint") } else { String::new() })
                    value=password
                    error=message_at(Some(Field::Password))
                    input_type="password"
                    autocomplete="current-password"
                    node_ref=password_input
                />
                <FormActions>
                    <SubmitButton
                        label=Signal::derive(move || i18n.t(if pending.get() { "signin-submitting" } else { "signin-submit" }))
                        busy=pending
                    />
                </FormActions>
            </form>
            <p class="forgot"><a href=move || address.href("/reset-password")>{move || i18n.t("signin-forgot")}</a></p>
            <p class="use-pass">
                <button type="button" class="button button-link" on:click=move |_| use_pass(!with_pass.get_untracked())>
                    {move || if with_pass.get() { i18n.t("signin-use-password") } else { i18n.t("signin-use-pass") }}
                </button>
            </p>
            <div class="passkey">
                <button type="button" class="button button-secondary" on:click=with_passkey
                    disabled=move || passkey_busy.get() aria-busy=move || passkey_busy.get().then_some("true")>
                    {move || i18n.t(if passkey_busy.get() { "signin-passkey-waiting" } else { "signin-passkey" })}
                </button>
            </div>
        </section>
    }.into_any()
        }
    }
}

/// What an application's sign-in request came to: waiting for the
/// server's answer, refused (no application of ours, or an address it did
/// not register), or to sign in here first — naming the application, and
/// coming back to the request (`next`) afterwards.
#[derive(Clone, Copy)]
struct Asked {
    waiting: RwSignal<bool>,
    refused: RwSignal<Option<ApiError>>,
    application: RwSignal<Option<String>>,
    next: RwSignal<Option<String>>,
    /// Signed in, the application asks for more: its name and the proof.
    stronger: RwSignal<Option<(String, StrongerProof)>>,
}

impl Asked {
    fn new(authorizing: bool) -> Asked {
        Asked {
            waiting: RwSignal::new(authorizing),
            refused: RwSignal::new(None),
            application: RwSignal::new(None),
            next: RwSignal::new(None),
            stronger: RwSignal::new(None),
        }
    }
}

/// Hands this address's request to the server: back to the application
/// (its own registered address), or sign in here first, with the account
/// it suggests filled in.
fn authorize(asked: Asked, account: RwSignal<String>, post: Option<PostRequest>) {
    let query = window().location().search().unwrap_or_default();
    let request = AuthorizationRequest {
        query: query.trim_start_matches('?').to_owned(),
    };
    asked.waiting.set(true);
    asked.stronger.set(None);
    leptos::task::spawn_local(async move {
        match api::call::<ContinueAuthorization>(&request).await {
            Ok(Authorization::Return { to }) => {
                let _ = window().location().replace(&to);
                return;
            }
            Ok(Authorization::Post) => match post {
                Some(post) if post(&request.query) => return,
                // Posted once and back here: posting again would go round
                // for ever. (The sign-in entry is never asked: a post
                // follows a sign-in, which the whole client shows.)
                _ => {
                    asked
                        .refused
                        .try_set(Some(ApiError::new(models::ErrorCode::Internal)));
                    crate::focus::focus_heading_once_shown();
                }
            },
            Ok(Authorization::StepUp { application, proof }) => {
                asked.stronger.try_set(Some((application, proof)));
            }
            Ok(Authorization::SignIn {
                application,
                login_hint,
                next,
            }) => {
                account.try_set(login_hint.unwrap_or_default());
                asked.application.try_set(Some(application));
                asked.next.try_set(Some(next));
            }
            Err(e) => {
                asked.refused.try_set(Some(e));
                crate::focus::focus_heading_once_shown();
            }
        }
        asked.waiting.try_set(false);
    });
}
