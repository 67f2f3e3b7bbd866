//! The secinfo client, rendered in the browser. Three entries share this
//! library: the whole application (`main.rs`); the sign-in page alone
//! (`bin/secinfo-signin.rs`), which a signed-out person downloads instead;
//! and the whole application with the administrators' pages
//! (`bin/secinfo-admin.rs`), which the server sends for `/admin/…`, so that
//! a member never downloads them (`app::with_admin_pages`).
//!
//! Map: `app.rs` wires context, the shell and the routes of each entry; `pages/` holds one
//! routed page per file; `components/` holds UI parts that never call the
//! API; `api/` is the only place that knows URLs; `i18n.rs` turns message
//! ids and error codes into the person's language.
//!
//! Why several entries rather than Leptos's lazy routes with wasm splitting:
//! splitting needs cargo-leptos's pipeline (`--emit-relocs`, `wasm-split`, a
//! patched `wasm-bindgen` run) that Trunk does not have, and the split points
//! would still pull the shared view code into the first chunk; a second Trunk
//! build of a second binary needs nothing new, and the linker drops from each
//! wasm what its entry never reaches. The price: moving between the entries
//! is a page load (after signing in, to the second step, to password reset),
//! which keeps `?lng=` and moves focus as a move within the application would
//! (`address.rs`, `focus.rs`); the sign-in page prefetches the whole client's
//! JS and wasm once its form is shown (`xtask/src/build.rs` writes the links),
//! so that load comes from the cache. The sign-in entry shows its form before
//! `GET /api/session` answers; a sign-in sent before the answer waits in
//! `api/` for the CSRF token it brings.
//!
//! Architecture Invariant: the sign-in entry reaches no code only a signed-in
//! person needs (`Shell` takes the account menu and navigation as
//! `SignedInParts`, `SignInPage` its second step as a `SecondStep`: only the
//! whole client passes them), and has no router: what it needs of the address
//! it asks of `Address`.

#![allow(
    clippy::needless_pass_by_value,
    reason = "Leptos components take their props by value, whether they keep them or not"
)]

mod address;
mod api;
mod app;
mod clipboard;
mod components;
mod features;
mod focus;
mod form_submit;
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
    app::loaded_here();
    leptos::mount::mount_to_body(app::App);
}

/// Starts the whole application with the administrators' pages, which
/// only it reaches.
pub fn start_admin() {
    console_error_panic_hook::set_once();
    app::with_admin_pages(pages::administrators_page, i18n::ALL_MESSAGES);
    leptos::mount::mount_to_body(app::App);
}

/// Starts the sign-in page alone: every other page is loaded from the
/// server with the whole application.
pub fn start_sign_in() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::SignInEntry);
}
