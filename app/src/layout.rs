//! The frame around every page: skip link; a header with the product's
//! mark, the organization's identity and the account menu (or, signed
//! out, the language); the navigation once signed in; the main landmark.
//! The header has one height signed in and out.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use models::Locale;
use models::endpoints::SetLocale;

use crate::address::use_address;
use crate::api;
use crate::components::account_menu::{AccountMenu, ShellNav};
use crate::components::icons::{Glyph, Icon};
use crate::components::language_switcher::LanguageSwitcher;
use crate::i18n::use_i18n;
use crate::session::use_session;

/// What only a signed-in person's frame shows: the account menu and the
/// navigation. The whole client passes `SIGNED_IN_PARTS`; the sign-in
/// entry passes none, so its download carries neither.
#[derive(Clone, Copy)]
pub struct SignedInParts {
    account_menu: fn(Callback<Locale>) -> AnyView,
    navigation: fn(RwSignal<bool>) -> AnyView,
}

pub const SIGNED_IN_PARTS: SignedInParts = SignedInParts {
    account_menu: |pick| view! { <SignedInMenu pick/> }.into_any(),
    navigation: |open| view! { <Navigation open/> }.into_any(),
};

#[component]
pub fn Shell(
    #[prop(optional)] signed_in: Option<SignedInParts>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();

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
                let _ = api::call::<SetLocale>(&models::SetLocaleRequest { locale }).await;
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

    // Moves focus itself: the router would otherwise take the click as navigation.
    let skip_to_main = |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some(main) = document().get_element_by_id("main")
            && let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main)
        {
            let _ = main.focus();
        }
    };

    let organization = move || session.user_text(|u| u.organization.clone());
    let logo = move || {
        session
            .user
            .with(|u| u.as_ref().and_then(|u| u.organization_logo.clone()))
    };
    // The navigation folds into a menu on narrow screens. Escape closes it
    // and gives focus back to its button; the account menu, opening,
    // closes it too (`ShellNav`): one panel over the page at a time.
    let nav_open = RwSignal::new(false);
    provide_context(ShellNav(nav_open));
    let nav_toggle: NodeRef<leptos::html::Button> = NodeRef::new();
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && nav_open.get_untracked() {
            nav_open.set(false);
            if let Some(toggle) = nav_toggle.get_untracked() {
                let _ = toggle.focus();
            }
        }
    });
    on_cleanup(move || escape.remove());
    let shows_navigation = move || signed_in.is_some() && session.is_signed_in();
    let address = use_address();
    let home = move || address.href("/");

    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>{move || i18n.t("shell-skip-to-content")}</a>
        <header class="shell-header">
            <div class="shell-header-inner">
                <Show when=shows_navigation>
                    <button
                        type="button"
                        class="shell-nav-toggle"
                        aria-controls="shell-nav"
                        node_ref=nav_toggle
                        aria-expanded=move || if nav_open.get() { "true" } else { "false" }
                        on:click=move |_| nav_open.update(|o| *o = !*o)
                    >
                        <Icon glyph=Glyph::Menu/>
                        <span>{move || i18n.t("shell-menu")}</span>
                    </button>
                </Show>
                <a class="shell-brand" href=home>
                    <span class="shell-brand-mark"><Icon glyph=Glyph::SecurityInfo/></span>
                    <span class="shell-brand-name">{move || i18n.t("shell-document-title")}</span>
                </a>
                <Show when=move || session.user.with(Option::is_some)>
                    <span class="shell-organization">
                        {move || logo().map(|src| view! { <img class="shell-organization-logo" src=src alt="" width="28" height="28"/> })}
                        <span class="shell-organization-name" translate="no">{organization}</span>
                    </span>
                </Show>
                <div class="shell-actions">
                    <Show
                        when=move || session.user.with(Option::is_some)
                        fallback=move || view! {
                            <LanguageSwitcher
                                label=Signal::derive(move || i18n.t("shell-language-label"))
                                current=Signal::derive(move || i18n.locale())
                                on_pick=pick
                            />
                        }
                    >
                        // A sign-in waiting for its second step is nobody's
                        // yet: who is signing in, and a way to cancel.
                        <Show when=move || !session.pending.get() fallback=SigningIn>
                            {signed_in.map(|parts| (parts.account_menu)(pick))}
                        </Show>
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
        <div class="shell-body" class:shell-body-with-nav=shows_navigation>
            {signed_in.map(|parts| view! {
                <Show when=move || session.is_signed_in()>
                    {(parts.navigation)(nav_open)}
                </Show>
            })}
            <main id="main" class="shell-main" tabindex="-1">
                {children()}
            </main>
        </div>
    }
}

/// Who is signing in while the sign-in waits for its second step, and a
/// way to cancel it (which ends the waiting session).
#[component]
fn SigningIn() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let cancelling = RwSignal::new(false);
    let who = move || {
        let mut args = i18n::Args::new();
        args.set("account", session.user_text(|u| u.account_name.to_string()));
        i18n.t_with("shell-signing-in-as", &args)
    };
    let cancel = move |_| {
        cancelling.set(true);
        // A page load: the sign-in entry is its own page.
        leptos::task::spawn_local(session.sign_out_and_load(models::SIGN_IN_PAGE));
    };
    view! {
        <div class="shell-signing-in">
            <span class="shell-signing-in-who">{who}</span>
            <button type="button" class="button button-secondary" on:click=cancel
                disabled=move || cancelling.get() aria-busy=move || cancelling.get().then_some("true")>
                {move || i18n.t("shell-cancel-sign-in")}
            </button>
        </div>
    }
}

/// The account menu of the signed-in person, with Sign out.
#[component]
fn SignedInMenu(pick: Callback<Locale>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let signing_out = RwSignal::new(false);
    let sign_out = Callback::new(move |()| {
        let navigate = navigate.clone();
        signing_out.set(true);
        leptos::task::spawn_local(async move {
            let _ = session.sign_out(false).await;
            signing_out.set(false);
            navigate(
                models::SIGN_IN_PAGE,
                leptos_router::NavigateOptions::default(),
            );
        });
    });
    let user = move |f: fn(&models::UserView) -> String| session.user_text(f);
    let account_label = Signal::derive(move || {
        let mut args = i18n::Args::new();
        args.set("name", user(|u| u.display_name.clone()));
        i18n.t_with("shell-account-menu", &args)
    });
    view! {
        <AccountMenu
            name=Signal::derive(move || user(|u| u.display_name.clone()))
            account=Signal::derive(move || user(|u| u.account_name.to_string()))
            button_label=account_label
            language_label=Signal::derive(move || i18n.t("shell-language-label"))
            sign_out_label=Signal::derive(move || i18n.t("shell-sign-out"))
            locale=Signal::derive(move || i18n.locale())
            on_pick=pick
            on_sign_out=sign_out
            signing_out
        />
    }
}

/// The pages of a signed-in person, like My Sign-Ins' side pane; the
/// current one is marked for screen readers as well as by its look.
#[component]
fn Navigation(open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let location = use_location();
    let is_admin = move || session.is_admin();
    let link = move |href: &'static str, glyph: Glyph, label: &'static str| {
        let current = move || {
            let path = location.pathname.get();
            // A person's page is within People.
            let within = path
                .strip_prefix(href)
                .is_some_and(|rest| rest.starts_with('/'));
            let here = path == href || within || (href == "/security-info" && path == "/");
            here.then_some("page")
        };
        view! {
            <li>
                <a href=href aria-current=current on:click=move |_| open.set(false)>
                    <Icon glyph/>
                    <span>{move || i18n.t(label)}</span>
                </a>
            </li>
        }
    };
    view! {
        <nav id="shell-nav" class="shell-nav" class:shell-nav-open=move || open.get()
            aria-label=move || i18n.t("shell-navigation")>
            <ul>
                {link("/overview", Glyph::Overview, "overview-title")}
                {link("/security-info", Glyph::SecurityInfo, "security-info-title")}
                {link("/password", Glyph::Password, "password-title")}
                <Show when=move || session.helps_people()>
                    {link("/admin/people", Glyph::People, "people-title")}
                </Show>
                <Show when=is_admin>
                    {link("/admin/policy", Glyph::Policy, "policy-title")}
                    {link("/admin/applications", Glyph::Applications, "applications-title")}
                </Show>
            </ul>
        </nav>
    }
}
