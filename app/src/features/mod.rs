//! The flows of the Security info page. `methods/` is the list of methods,
//! its dialogs and one wizard per kind; `challenge.rs` the steps every
//! verification by code or call shares; `registration.rs` the interrupt
//! that asks for more methods; `verify/` "Verify your identity" (a
//! step-up, a sign-in's second step, a password reset's steps, over one
//! core of choosing and verifying a method);
//! `new_password.rs` the new password's fields and strength;
//! `temporary_access_pass.rs` the person's pass, while they have one;
//! `pass_fields.rs` what issuing a pass asks and shows (administrators).

pub mod challenge;
pub mod methods;
pub mod new_password;
pub mod pass_fields;
pub mod registration;
pub mod temporary_access_pass;
pub mod verify;
