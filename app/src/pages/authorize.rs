//! An application's sign-in request (OpenID Connect's `/oauth2/authorize`),
//! on the sign-in entry: the server decides where it goes — back to the
//! application with a code, or to our sign-in page first, which comes back
//! here — and this page goes there. A request that names no application
//! of ours, or an address it did not register, stays here with the reason.

use leptos::prelude::*;
use models::endpoints::ContinueAuthorization;
use models::oidc::{Authorization, AuthorizationRequest};
use models::{ApiError, sign_in_returning_to};

use crate::address::use_address;
use crate::api;
use crate::components::alert::ErrorAlert;
use crate::components::progress::Progress;
use crate::i18n::use_i18n;
use crate::title::use_page_title;

#[component]
pub fn AuthorizePage() -> impl IntoView {
    use_page_title("authorize-title");
    let i18n = use_i18n();
    let address = use_address();
    let refused: RwSignal<Option<ApiError>> = RwSignal::new(None);
    let query = window().location().search().unwrap_or_default();
    let request = AuthorizationRequest {
        query: query.trim_start_matches('?').to_owned(),
    };
    leptos::task::spawn_local(async move {
        match api::call::<ContinueAuthorization>(&request).await {
            // The application's own address, which it registered.
            Ok(Authorization::Return { to }) => {
                let _ = window().location().replace(&to);
            }
            Ok(Authorization::SignIn { next }) => {
                address.replace_with(&sign_in_returning_to(&next));
            }
            Err(e) => {
                refused.try_set(Some(e));
            }
        }
    });
    let message = Signal::derive(move || refused.with(|e| e.as_ref().map(|e| i18n.error(e))));
    move || match refused.with(Option::is_some) {
        false => view! {
            <Progress label=Signal::derive(move || i18n.t("authorize-continuing"))/>
        }
        .into_any(),
        true => view! {
            <section class="card page-narrow">
                <h1>{move || i18n.t("authorize-title")}</h1>
                <ErrorAlert message=message/>
            </section>
        }
        .into_any(),
    }
}
