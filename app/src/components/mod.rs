//! UI parts shared by pages. Architecture Invariant: components never call
//! the API; pages pass them data and callbacks.

pub mod actions;
pub mod alert;
pub mod dialog;
pub mod field;
pub mod language_switcher;
pub mod progress;
pub mod wizard_done;
