//! The secinfo client, rendered in the browser.
//!
//! Map: `app.rs` wires context, the shell and the routes; `pages/` holds one
//! routed page per file; `components/` holds UI parts that never call the
//! API; `api/` is the only place that knows URLs; `i18n.rs` turns message
//! ids and error codes into the person's language.

mod api;
mod app;
mod components;
mod features;
mod i18n;
mod labels;
mod layout;
mod pages;
mod session;
mod title;
mod webauthn;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
