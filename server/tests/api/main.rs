//! API tests: the whole server as a `Router`, on SQLite and on PostgreSQL.
//! Each test gets its own database and a manual clock.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot unwrap has failed"
)]
#![allow(
    clippy::pedantic,
    reason = "tests are held to clippy's default groups; pedantic is for the product's code"
)]

mod authenticator;
mod email;
mod guards;
mod helpers;
mod instances;
mod invitations;
mod locale_and_pages;
mod oidc;
mod operations;
mod password;
mod password_reset;
mod people;
mod people_import;
mod person_actions;
mod phone;
mod policy;
mod probe_findings;
mod questions;
mod recovery_codes;
mod security;
mod security_key;
mod sign_in;
mod store;
mod temporary_access_pass;
mod twilio;
mod two_step;
mod upgrades;
