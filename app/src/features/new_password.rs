//! A new password, typed twice, with its strength shown as it is typed:
//! the same fields for changing a password and for resetting one.

use models::endpoints;
use std::time::Duration;

use leptos::html;
use leptos::prelude::*;
use models::{ApiError, Field};

use crate::api;
use crate::components::field::TextField;
use crate::i18n::use_i18n;

/// What the browser can tell of a new password before sending it (the
/// server's own first rules, `models::check_new_password`, and the two
/// fields agreeing), so that most mistakes need no round trip.
pub fn problem(
    password: &str,
    confirmation: &str,
    min_length: usize,
    account: Option<&models::AccountName>,
) -> Option<ApiError> {
    if let Some(account) = account
        && let Err(code) = models::check_new_password(password, min_length, account)
    {
        return Some(ApiError::at(code, Field::NewPassword));
    }
    (confirmation != password)
        .then(|| ApiError::at(models::ErrorCode::PasswordsDiffer, Field::ConfirmPassword))
}

/// Where the strength is asked: the signed-in person's, a reset's, or an
/// invited person's (by their link's token).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum StrengthOf {
    SignedIn,
    Reset,
    Invitation(StoredValue<String>),
}

#[component]
pub fn NewPasswordFields(
    new: RwSignal<String>,
    confirm: RwSignal<String>,
    error: RwSignal<Option<ApiError>>,
    /// The policy's fewest characters, for the hint.
    #[prop(into)]
    min_length: Signal<usize>,
    strength_of: StrengthOf,
    new_input: NodeRef<html::Input>,
    confirm_input: NodeRef<html::Input>,
) -> impl IntoView {
    let i18n = use_i18n();
    let score: RwSignal<Option<u8>> = RwSignal::new(None);
    // The strength, asked of the server a moment after typing stops: its
    // word lists are what the rule checks against.
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let typed = new.get();
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        if typed.is_empty() {
            score.set(None);
            return;
        }
        let handle = set_timeout_with_handle(
            move || {
                leptos::task::spawn_local(async move {
                    let rated = match strength_of {
                        StrengthOf::SignedIn => {
                            api::call_aside::<endpoints::RatePassword>(&models::PasswordCandidate {
                                password: typed.clone(),
                            })
                            .await
                        }
                        StrengthOf::Reset => {
                            api::call_aside::<endpoints::RateResetPassword>(
                                &models::PasswordCandidate {
                                    password: typed.clone(),
                                },
                            )
                            .await
                        }
                        StrengthOf::Invitation(token) => {
                            let candidate = models::InvitationCandidate {
                                token: token.get_value(),
                                password: typed.clone(),
                            };
                            api::call_aside::<endpoints::RateInvitationPassword>(&candidate).await
                        }
                    };
                    // The fields may be gone by now (the form was sent):
                    // then there is nothing to show the strength in.
                    if let Ok(strength) = rated
                        && new.try_get_untracked().is_some_and(|now| now == typed)
                    {
                        score.try_set(Some(strength.score));
                    }
                });
            },
            Duration::from_millis(300),
        )
        .ok();
        pending.set_value(handle);
    });
    on_cleanup(move || {
        if let Some(handle) = pending.try_get_value().flatten() {
            handle.clear();
        }
    });
    // Never a blank line: before a rating (an empty field, or one on its
    // way) it says where the strength will show (walk issue, item 14).
    let strength_text = move || match score.get() {
        None => i18n.t("password-strength-pending"),
        Some(s) => {
            let level = match s {
                0 => "password-strength-0",
                1 => "password-strength-1",
                2 => "password-strength-2",
                3 => "password-strength-3",
                _ => "password-strength-4",
            };
            let mut args = i18n::Args::new();
            args.set("level", i18n.t(level));
            i18n.t_with("password-strength", &args)
        }
    };
    let hint = Signal::derive(move || {
        let mut args = i18n::Args::new();
        args.set("min", min_length.get());
        i18n.t_with("password-new-hint", &args)
    });
    let at = move |field: Field| i18n.error_at(error, field);

    view! {
        <TextField id="new-password" label=i18n.text("password-new-label") hint=hint value=new
            error=at(Field::NewPassword) input_type="password" autocomplete="new-password" node_ref=new_input/>
        <div class="strength" aria-live="polite">
            <meter min="0" max="4" low="2" high="3" optimum="4" value=move || score.get().unwrap_or(0).to_string()
                class:unrated=move || score.get().is_none() aria-hidden="true"></meter>
            <p class="muted">{strength_text}</p>
        </div>
        <TextField id="confirm-password" label=i18n.text("password-confirm-label") value=confirm
            error=at(Field::ConfirmPassword) input_type="password" autocomplete="new-password" node_ref=confirm_input/>
    }
}
