//! Who is signed in, shared by every page.

use leptos::prelude::*;
use models::endpoints;
use models::{SessionInfo, UserView};

use crate::api;
use crate::i18n::I18n;

#[derive(Clone, Copy)]
pub struct Session {
    pub user: RwSignal<Option<UserView>>,
    /// The password was right and the sign-in waits for its second step
    /// (S27): only the verification and sign-out are open.
    pub pending: RwSignal<bool>,
    /// Viewing or changing security info first asks for a verification
    /// (S11): pages show the step-up at once instead of being refused.
    pub step_up_required: RwSignal<bool>,
    /// The session ended while the page was open (signed out elsewhere,
    /// or expired): the sign-in page says so.
    pub ended: RwSignal<bool>,
    /// False until the first `GET /api/session` has answered.
    pub ready: RwSignal<bool>,
    /// Set when that first answer failed (server unreachable).
    pub failed: RwSignal<Option<models::ApiError>>,
}

impl Session {
    /// Provides the context and asks the server who is signed in.
    pub fn provide(i18n: I18n) -> Session {
        let session = Session {
            user: RwSignal::new(None),
            pending: RwSignal::new(false),
            step_up_required: RwSignal::new(false),
            ended: RwSignal::new(false),
            ready: RwSignal::new(false),
            failed: RwSignal::new(None),
        };
        provide_context(session);
        // Any call that finds the session gone: forget the person (pages
        // then leave for the sign-in page, clearing what they showed).
        // After signing out here nobody is remembered, so nothing is said.
        api::on_session_ended(move || {
            if session.user.with_untracked(Option::is_some) {
                session.user.set(None);
                session.pending.set(false);
                session.ended.set(true);
            }
        });
        leptos::task::spawn_local(async move {
            match api::session().await {
                Ok(info) => {
                    i18n.offer_pseudo(info.pseudo_locale);
                    session.signed_in(i18n, info);
                }
                Err(error) => session.failed.set(Some(error)),
            }
            session.ready.set(true);
        });
        session
    }

    /// Signs out here, or everywhere the person is signed in, then forgets
    /// the user and fetches a fresh CSRF token for the next sign-in. Signing
    /// out here always ends the page's session; everywhere, only once the
    /// server has ended them all.
    pub async fn sign_out(self, everywhere: bool) -> Result<(), models::ApiError> {
        if everywhere {
            api::call::<endpoints::SignOutEverywhere>(&()).await?;
        } else {
            let _ = api::call::<endpoints::SignOut>(&()).await;
        }
        self.user.set(None);
        self.pending.set(false);
        let _ = api::session().await;
        Ok(())
    }

    /// Ends this browser's sign-in and loads `page`, changing nothing on
    /// this page in between: a page that forgot its user would move to the
    /// sign-in in place first, and that move would race the load.
    pub async fn sign_out_and_load(self, page: &str) {
        let _ = api::call::<endpoints::SignOut>(&()).await;
        let _ = leptos::prelude::window().location().assign(page);
    }

    /// Adopts the user (and their stored language) after sign-in or load.
    pub fn signed_in(&self, i18n: I18n, info: SessionInfo) {
        if let Some(locale) = info.user.as_ref().and_then(|u| u.locale) {
            i18n.show(locale);
        }
        self.ended.set(false);
        self.pending.set(info.verification_required);
        self.step_up_required.set(info.step_up_required);
        self.user.set(info.user);
    }

    /// A text about the signed-in person (name, account, organization);
    /// empty when nobody is. Reactive.
    pub fn user_text(&self, field: fn(&UserView) -> String) -> String {
        self.user
            .with(|u| u.as_ref().map(field).unwrap_or_default())
    }

    /// Whether the signed-in person administers their organization. Reactive.
    pub fn is_admin(&self) -> bool {
        self.user.with(|u| u.as_ref().is_some_and(|u| u.is_admin))
    }

    /// Whether the person helps others: an administrator or the help desk.
    pub fn helps_people(&self) -> bool {
        self.user
            .with(|u| u.as_ref().is_some_and(|u| u.is_admin || u.is_help_desk))
    }

    /// Whether someone is signed in with every step their sign-in needs.
    pub fn is_signed_in(&self) -> bool {
        // Both read every time, so that an effect tracks both.
        let user = self.user.with(Option::is_some);
        let pending = self.pending.get();
        user && !pending
    }
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}
