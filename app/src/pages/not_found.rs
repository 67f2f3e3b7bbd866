use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::title::use_page_title;

#[component]
pub fn NotFound() -> impl IntoView {
    use_page_title("not-found-title");
    let i18n = use_i18n();
    view! {
        <section class="card page-narrow">
            <h1>{move || i18n.t("not-found-title")}</h1>
            <p>{move || i18n.t("not-found-body")}</p>
            <p><a href="/security-info">{move || i18n.t("not-found-link")}</a></p>
        </section>
    }
}
