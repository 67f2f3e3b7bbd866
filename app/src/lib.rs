//! The secinfo client, rendered in the browser. Two entries share this
//! library: the whole application (`main.rs`) and the sign-in page alone
//! (`bin/secinfo-signin.rs`), which a signed-out person downloads instead.
//!
//! Map: `app.rs` wires context, the shell and the routes of each entry; `pages/` holds one
//! routed page per file; `components/` holds UI parts that never call the
//! API; `api/` is the only place that knows URLs; `i18n.rs` turns message
//! ids and error codes into the person's language.

mod address;
mod api;
mod app;
mod components;
mod features;
mod focus;
mod i18n;
mod labels;
mod layout;
mod pages;
mod session;
mod title;
mod webauthn;

/// Starts the whole application.
pub fn start_app() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}

/// Starts the sign-in page alone: every other page is loaded from the
/// server with the whole application.
pub fn start_sign_in() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::SignInEntry);
}
