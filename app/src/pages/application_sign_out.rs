//! An application's sign-out request (OpenID Connect's `/oauth2/logout`),
//! a page of the whole client: the server ends the session when the
//! request names it, and says where to go — back to the application, or
//! our sign-in page. A request that names no application of ours, or an
//! address it did not register, stays here with the reason.

use leptos::prelude::*;
use models::ApiError;
use models::endpoints::EndSession;
use models::oidc::{AuthorizationRequest, SignedOut};

use crate::api;
use crate::components::alert::ErrorAlert;
use crate::components::progress::Progress;
use crate::i18n::use_i18n;
use crate::title::use_page_title;

#[component]
pub fn ApplicationSignOutPage() -> impl IntoView {
    use_page_title("application-sign-out-title");
    let i18n = use_i18n();
    let refused: RwSignal<Option<ApiError>> = RwSignal::new(None);
    let query = window().location().search().unwrap_or_default();
    let request = AuthorizationRequest {
        query: query.trim_start_matches('?').to_owned(),
    };
    leptos::task::spawn_local(async move {
        match api::call::<EndSession>(&request).await {
            Ok(SignedOut { to }) => {
                // The application's own registered address, or ours.
                let to = to.unwrap_or_else(|| models::SIGN_IN_PAGE.to_owned());
                let _ = window().location().replace(&to);
            }
            Err(e) => {
                refused.try_set(Some(e));
                crate::focus::focus_heading_once_shown();
            }
        }
    });
    move || match refused.get() {
        None => view! {
            <Progress label=Signal::derive(move || i18n.t("application-signing-out"))/>
        }
        .into_any(),
        Some(e) => view! {
            <section class="card page-narrow">
                <h1>{move || i18n.t("application-sign-out-title")}</h1>
                <ErrorAlert message=Signal::derive(move || Some(i18n.error(&e)))/>
            </section>
        }
        .into_any(),
    }
}
