//! The flows of the Security info page: one module per wizard or panel.

pub mod authenticator_wizard;
pub mod email_wizard;
pub mod method_wizard;
pub mod phone_wizard;
pub mod questions_wizard;
pub mod regions;
pub mod registration;
pub mod security_key_wizard;
pub mod step_up;
