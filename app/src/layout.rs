//! The frame around every page: skip link, header with the language
//! switcher and sign-out, and the main landmark.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use models::Locale;

use crate::api;
use crate::components::language_switcher::LanguageSwitcher;
use crate::i18n::use_i18n;
use crate::session::use_session;

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();

    let pick = Callback::new(move |locale: Locale| {
        i18n.pick(locale);
        if session.user.with_untracked(Option::is_some) {
            session.user.update(|u| {
                if let Some(u) = u {
                    u.locale = Some(locale);
                }
            });
            // Kept server-side for the next sign-in; a failure here only
            // means the choice is not remembered, the page still switches.
            leptos::task::spawn_local(async move {
                let _ = api::set_locale(locale).await;
            });
        }
    });

    // Shown in the language `?lng=` asked for, not the person's own: offer
    // to keep it (their stored choice stays until they do).
    let offer = move || {
        let forced = i18n.forced()?;
        let stored = session.user.with(|u| u.as_ref().map(|u| u.locale))?;
        (stored != Some(forced) && i18n.locale() == forced).then_some(forced)
    };
    let language_args = move |locale: Locale| {
        let mut args = i18n::Args::new();
        args.set("language", locale.endonym());
        args
    };

    let signing_out = RwSignal::new(false);
    let sign_out = move |_| {
        let navigate = navigate.clone();
        signing_out.set(true);
        leptos::task::spawn_local(async move {
            let _ = session.sign_out(false).await;
            signing_out.set(false);
            navigate("/signin", Default::default());
        });
    };

    // Moves focus itself: the router would otherwise take the click as navigation.
    let skip_to_main = |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some(main) = document().get_element_by_id("main")
            && let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main)
        {
            let _ = main.focus();
        }
    };

    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>{move || i18n.t("shell-skip-to-content")}</a>
        <header class="shell-header">
            <div class="shell-header-inner">
                <a class="shell-brand" href="/security-info">
                    <span class="shell-brand-mark" aria-hidden="true"></span>
                    <span>{move || i18n.t("shell-document-title")}</span>
                </a>
                <div class="shell-actions">
                    <LanguageSwitcher
                        label=Signal::derive(move || i18n.t("shell-language-label"))
                        current=Signal::derive(move || i18n.locale())
                        on_pick=pick
                    />
                    <Show when=move || session.user.with(Option::is_some)>
                        <button
                            type="button"
                            class="button button-secondary"
                            on:click=sign_out.clone()
                            disabled=move || signing_out.get()
                        >
                            {move || i18n.t("shell-sign-out")}
                        </button>
                    </Show>
                </div>
            </div>
        </header>
        {move || offer().map(|locale| view! {
            <div class="shell-language-offer" role="status">
                <p>{move || i18n.t_with("shell-language-shown", &language_args(locale))}</p>
                <button type="button" class="button button-link" on:click=move |_| pick.run(locale)>
                    {move || i18n.t_with("shell-language-keep", &language_args(locale))}
                </button>
            </div>
        })}
        <main id="main" class="shell-main" tabindex="-1">
            {children()}
        </main>
    }
}
