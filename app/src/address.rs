//! Where the page is and how to leave it. The whole client asks its
//! router. The sign-in entry carries no router (28 KB of a signed-out
//! person's first download): it reads the browser's address, and leaves by
//! loading the next page from the server, which answers a session with the
//! whole client.

use leptos::prelude::*;
use leptos_router::NavigateOptions;

use crate::focus::focus_heading_after_load;

#[derive(Clone, Copy)]
pub struct Address {
    /// The query, without its "?" (it changes in the whole client).
    search: Signal<String>,
    how: Leaving,
}

#[derive(Clone, Copy)]
enum Leaving {
    /// Through the router, staying in this page load.
    Router(Callback<String>),
    /// By loading the page, which keeps the language the address asked
    /// for (`?lng=`, this tag while it asks).
    Load {
        asked_language: Signal<Option<&'static str>>,
    },
}

impl Address {
    /// The whole client's: its router's. Called inside the router.
    pub fn provide_from_router() {
        let location = leptos_router::hooks::use_location();
        let navigate = leptos_router::hooks::use_navigate();
        let replace = Callback::new(move |path: String| {
            let options = NavigateOptions {
                replace: true,
                ..Default::default()
            };
            navigate(&path, options);
        });
        provide_context(Address {
            search: location.search.into(),
            how: Leaving::Router(replace),
        });
    }

    /// The sign-in entry's: the browser's address, left by loading.
    pub fn provide_from_browser(asked_language: Signal<Option<&'static str>>) {
        let search = window().location().search().unwrap_or_default();
        provide_context(Address {
            search: Signal::stored(search.trim_start_matches('?').to_owned()),
            how: Leaving::Load { asked_language },
        });
    }

    /// The query parameter `name`, decoded; none when empty.
    pub fn query(&self, name: &str) -> Option<String> {
        self.search.with(|search| query_value(search, name))
    }

    /// A link to `path` (its own query allowed) from this page: loaded
    /// from the sign-in entry, it keeps the language the address asked for
    /// (reactive: the pseudo-locale is known once the server has answered).
    pub fn href(&self, path: &str) -> String {
        let Leaving::Load { asked_language } = self.how else {
            return path.to_owned();
        };
        match asked_language.get() {
            Some(tag) => models::asking_for_language(path, tag),
            None => path.to_owned(),
        }
    }

    /// Goes to `path` in place of this page (Back skips it). Loaded anew,
    /// the next page focuses its heading, as after any move between pages.
    pub fn replace_with(&self, path: &str) {
        match self.how {
            // An application's sign-in request is no page of the router's:
            // the server answers it with the sign-in entry.
            Leaving::Router(_) if path.starts_with(models::oidc::AUTHORIZE_PATH) => {
                self.load(path);
            }
            Leaving::Router(navigate) => navigate.run(path.to_owned()),
            Leaving::Load { .. } => self.load(path),
        }
    }

    /// Loads this address again: the server may answer it with the whole
    /// client now.
    pub fn reload(&self) {
        let location = window().location();
        let here = format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        self.load(&here);
    }

    fn load(&self, path: &str) {
        focus_heading_after_load();
        let _ = window().location().replace(&untrack(|| self.href(path)));
    }
}

pub fn use_address() -> Address {
    expect_context::<Address>()
}

/// The value of `key` in a query (with or without its "?"), decoded as the
/// browser decodes it; none when absent or empty.
pub fn query_value(search: &str, key: &str) -> Option<String> {
    web_sys::UrlSearchParams::new_with_str(search)
        .ok()?
        .get(key)
        .filter(|v| !v.is_empty())
}
