//! The HTTP edge below the routes: extractors that parse a request into
//! domain values, the cookies, the answer a domain error becomes, the
//! security headers and CSRF check, and the client's files.
//!
//! Architecture Invariant: axum lives here, in `routes/`, `lib.rs` and
//! `main.rs`, and nowhere else (checked by `cargo xtask tidy`).

pub mod cookies;
pub mod endpoint;
pub mod extract;
pub mod observe;
pub mod respond;
pub mod security;
pub mod static_files;
