//! Adapters to the world outside: texts and calls (the simulated carrier
//! or Twilio) and email (SMTP or the dev mailbox). They know nothing of
//! HTTP: Twilio's webhooks and the development pages are routes like any
//! other (`routes/twilio.rs`, `routes/handset.rs`, `routes/mailbox.rs`).

pub mod mail;
pub mod telephony;
pub mod twilio;
