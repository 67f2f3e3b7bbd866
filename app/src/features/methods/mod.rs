//! A person's methods: the list with its dialogs (add, change the
//! default, delete), and the setup wizard of each kind.

pub mod authenticator;
pub mod dialogs;
pub mod email;
pub mod list;
pub mod phone;
pub mod questions;
pub mod recovery_codes;
pub mod regions;
pub mod security_key;
pub mod wizard;
