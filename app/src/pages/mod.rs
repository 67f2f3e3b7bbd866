//! One routed page per file.

pub mod application_sign_out;
pub mod applications;
pub mod authorize_post;
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

/// An administrators' page, for the administrators' entry alone
/// (`app::with_admin_pages`).
pub fn administrators_page(page: AdminPage) -> leptos::prelude::AnyView {
    use leptos::prelude::IntoAny;
    match page {
        AdminPage::Policy => policy::PolicyPage().into_any(),
        AdminPage::People => people::PeoplePage().into_any(),
        AdminPage::PeopleImport => people_import::PeopleImportPage().into_any(),
        AdminPage::Person => person::PersonPage().into_any(),
        AdminPage::Applications => applications::ApplicationsPage().into_any(),
    }
}

/// The administrators' pages (People, a person, the import, the policy,
/// Applications).
#[derive(Clone, Copy)]
pub enum AdminPage {
    Policy,
    People,
    PeopleImport,
    Person,
    Applications,
}
