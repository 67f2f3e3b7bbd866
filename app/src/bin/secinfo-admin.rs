//! The whole client with the administrators' pages: what an administrator
//! or the help desk downloads on their pages.

fn main() {
    secinfo_app::start_admin();
}
