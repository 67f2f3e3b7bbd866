//! The browser tab's title: the page's own title, then the product's name.

use leptos::prelude::*;

use crate::i18n::use_i18n;

/// Sets `document.title` to the page's title (the message `id`) in the
/// current language, as one message so a translator can order it.
pub fn use_page_title(id: &'static str) {
    let i18n = use_i18n();
    Effect::new(move |_| {
        let mut args = i18n::Args::new();
        args.set("page", i18n.t(id));
        document().set_title(&i18n.t_with("shell-page-title", &args));
    });
}
