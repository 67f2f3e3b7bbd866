//! One routed page per file.

pub mod for_administrators;
pub mod invitation;
pub mod not_found;
pub mod overview;
pub mod password;
pub mod people;
pub mod people_import;
pub mod person;
pub mod person_actions;
pub mod policy;
pub mod recently_verified;
pub mod reset_password;
pub mod security_info;
pub mod sign_in;
pub mod signed_in;
pub mod whole_app;
