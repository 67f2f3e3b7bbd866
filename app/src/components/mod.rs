//! UI parts shared by pages. Architecture Invariant: components never call
//! the API; pages pass them data and callbacks.

pub mod account_menu;
pub mod actions;
pub mod alert;
pub mod dialog;
pub mod field;
pub mod icons;
pub mod language_switcher;
pub mod progress;
pub mod shown_once;
pub mod wizard_done;
