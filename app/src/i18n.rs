//! The person's language on the client: which locale is shown, how it was
//! chosen, and message lookup that re-renders when it changes.
//!
//! Order (SPEC §1): `?lng=` for the page it is on > the signed-in user's
//! stored choice > a choice made in this browser before signing in > the
//! languages an application's sign-in request names (`ui_locales`) > the
//! browser's languages > en. Signed in, a page shown by `?lng=` in another
//! language than the stored one offers to keep it (the layout).

use i18n::{Args, Localizer, files};
use leptos::prelude::*;
use models::{ApiError, Locale};

use crate::address::query_value;

/// Every message: what the administrators' entry shows.
pub const ALL_MESSAGES: Localizer = Localizer::of(files::ALL);

/// What the whole client shows: every file but those of the
/// administrators' pages alone (their errors, People, the import, a
/// person's activity, Applications), which only the administrators' entry
/// draws and carries (`app::with_admin_pages`), and the server's texts,
/// calls and emails (`messages.ftl`).
pub const MEMBER_MESSAGES: Localizer = Localizer::of(MEMBER_FILES);
static MEMBER_FILES: &[&i18n::Messages] = &[
    &files::BRAND,
    &files::ERRORS,
    &files::INVITATION,
    &files::MEMBER_ERRORS,
    &files::METHODS,
    &files::PASSWORD,
    &files::QUESTIONS,
    &files::RESET,
    &files::SECURITY_INFO,
    &files::SHELL,
    &files::SIGNIN,
];

/// The messages the sign-in entry shows: its own (the link to a password
/// reset among them), the shell's and the errors of its first step
/// (`errors.ftl`; those of setting up methods, the second step and a new
/// password are `member-errors.ftl`, which it never shows). The other files are not
/// linked into it; a message it lacks is shown as its id and logged, which
/// fails the end-to-end tests.
pub const SIGN_IN_MESSAGES: Localizer = Localizer::of(SIGN_IN_FILES);
static SIGN_IN_FILES: &[&i18n::Messages] =
    &[&files::BRAND, &files::ERRORS, &files::SHELL, &files::SIGNIN];

/// Where an anonymous visitor's own choice is kept until they sign in.
const STORAGE_KEY: &str = "secinfo-locale";

#[derive(Clone, Copy)]
pub struct I18n {
    messages: Localizer,
    locale: RwSignal<Locale>,
    /// Whether the person picked the language here with the switcher (then
    /// it is sent along at sign-in and becomes their stored choice).
    picked: RwSignal<bool>,
    /// The language the address asked for with `?lng=`, if it did.
    forced: Option<Locale>,
    /// The pseudo-locale is shown (`?lng=en-XA`, where the server offers
    /// it: development and tests).
    pseudo: RwSignal<bool>,
}

impl I18n {
    /// Provides the person's language with `messages`: every message
    /// (`ALL_MESSAGES`), or an entry's own (`SIGN_IN_MESSAGES`).
    pub fn provide(messages: Localizer) -> I18n {
        let (initial, picked) = initial_locale();
        let forced = forced_locale();
        let i18n = I18n {
            messages,
            locale: RwSignal::new(forced.unwrap_or(initial)),
            picked: RwSignal::new(picked),
            forced,
            pseudo: RwSignal::new(false),
        };
        provide_context(i18n);
        Effect::new(move |_| {
            let tag = match i18n.pseudo.get() {
                true => i18n::PSEUDO_TAG,
                false => i18n.locale.get().tag(),
            };
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("lang", tag);
            }
        });
        i18n
    }

    pub fn locale(&self) -> Locale {
        self.locale.get()
    }

    /// Shows `locale` now (e.g. the user's stored choice after sign-in),
    /// unless the address asked for a language: that one stays.
    pub fn show(&self, locale: Locale) {
        if self.forced.is_none() {
            self.locale.set(locale);
        }
    }

    /// Shows the pseudo-locale when the address asked for it and the
    /// server offers it.
    pub fn offer_pseudo(&self, offered: bool) {
        let asked = asked_language().as_deref() == Some(i18n::PSEUDO_TAG);
        self.pseudo.set(offered && asked);
    }

    /// The language `?lng=` asked for, if any.
    pub fn forced(&self) -> Option<Locale> {
        self.forced
    }

    /// The tag for `?lng=` that shows another page as this one is shown
    /// by the address's asking: the pseudo-locale, or a forced language.
    pub fn asked_tag(&self) -> Option<&'static str> {
        match self.pseudo.get_untracked() {
            true => Some(i18n::PSEUDO_TAG),
            false => self.forced.map(Locale::tag),
        }
    }

    /// The switcher: shows `locale` and remembers it in this browser.
    pub fn pick(&self, locale: Locale) {
        self.locale.set(locale);
        self.picked.set(true);
        if let Ok(Some(storage)) = window().local_storage() {
            let _ = storage.set_item(STORAGE_KEY, locale.tag());
        }
    }

    /// The choice to send with a sign-in, if the person made one here.
    pub fn picked_locale(&self) -> Option<Locale> {
        self.picked
            .get_untracked()
            .then(|| self.locale.get_untracked())
    }

    /// The message `id` in the current locale (reactive).
    pub fn t(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// The message `id` as a signal, for a component's label.
    pub fn text(self, id: &'static str) -> Signal<String> {
        Signal::derive(move || self.t(id))
    }

    pub fn t_with(&self, id: &str, args: &Args) -> String {
        self.format(id, Some(args))
    }

    fn format(&self, id: &str, args: Option<&Args>) -> String {
        let locale = self.locale.get();
        if !self.messages.has(locale, id) {
            // Shown as its id. The end-to-end tests fail on this error: a
            // message this entry does not carry, or one that does not exist.
            leptos::logging::error!("no message `{id}` in this client entry");
        }
        match self.pseudo.get() {
            true => self.messages.format_pseudo(id, args),
            false => self.messages.format(locale, id, args),
        }
    }

    /// The message for an API error, in the current locale.
    pub fn error(&self, error: &ApiError) -> String {
        let mut args = Args::new();
        let minutes = error.retry_after.map_or(1, |s| s.div_ceil(60).max(1));
        args.set("minutes", minutes);
        self.t_with(&error.code.message_id(), &args)
    }

    /// The message of `error` when it belongs to `field`, for that field.
    pub fn error_at(
        self,
        error: RwSignal<Option<ApiError>>,
        field: models::Field,
    ) -> Signal<Option<String>> {
        Signal::derive(move || {
            error.with(|e| {
                e.as_ref()
                    .filter(|e| e.field == Some(field))
                    .map(|e| self.error(e))
            })
        })
    }

    /// The message of `error` when it does not belong to `field`: for the
    /// alert above the form.
    pub fn error_besides(
        self,
        error: RwSignal<Option<ApiError>>,
        field: models::Field,
    ) -> Signal<Option<String>> {
        Signal::derive(move || {
            error.with(|e| {
                e.as_ref()
                    .filter(|e| e.field != Some(field))
                    .map(|e| self.error(e))
            })
        })
    }

    /// As `error_besides`, for a form with several fields that show their
    /// own errors.
    pub fn error_besides_any(
        self,
        error: RwSignal<Option<ApiError>>,
        fields: &'static [models::Field],
    ) -> Signal<Option<String>> {
        Signal::derive(move || {
            error.with(|e| {
                e.as_ref()
                    .filter(|e| e.field.is_none_or(|f| !fields.contains(&f)))
                    .map(|e| self.error(e))
            })
        })
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// The language `?lng=` asks for, if the address has one.
/// The language tag this page's address asks for with `?lng=`, as written.
fn asked_language() -> Option<String> {
    let search = window().location().search().unwrap_or_default();
    query_value(&search, "lng")
}

fn forced_locale() -> Option<Locale> {
    asked_language()
        .filter(|tag| tag != i18n::PSEUDO_TAG)
        .map(|tag| i18n::negotiate([tag.as_str()]))
}

/// The language before anyone signs in, `?lng=` aside: this browser's
/// earlier choice, else its languages; and whether it was a choice.
fn initial_locale() -> (Locale, bool) {
    if let Ok(Some(storage)) = window().local_storage()
        && let Some(locale) = storage
            .get_item(STORAGE_KEY)
            .ok()
            .flatten()
            .and_then(|t| Locale::parse(&t))
    {
        return (locale, true);
    }
    // An application's sign-in request may say which languages its person
    // reads (OpenID Connect's `ui_locales`): before the browser's.
    let location = window().location();
    let asked = (location.pathname().ok().as_deref() == Some(models::oidc::AUTHORIZE_PATH))
        .then(|| query_value(&location.search().unwrap_or_default(), "ui_locales"))
        .flatten()
        .unwrap_or_default();
    let languages: Vec<String> = window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    let tags = asked
        .split_whitespace()
        .chain(languages.iter().map(String::as_str));
    (i18n::negotiate(tags), false)
}
