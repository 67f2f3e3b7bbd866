//! "Verify your identity", for three purposes, each its own file over one
//! shared core (`method_choice.rs`: choosing one of the person's methods
//! and verifying with it — a code from an authenticator app or a recovery
//! code, a security key, a code or call to a phone, a code by email):
//! `step_up.rs` before viewing or changing security info (S11),
//! `second_step.rs` a sign-in's second step (S27), `reset_proof.rs` a
//! password reset's steps (S29), which also offers security questions;
//! `stronger_sign_in.rs` a stronger sign-in an application asks for.

mod method_choice;
pub mod reset_proof;
pub mod second_step;
pub mod step_up;
pub mod stronger_sign_in;
