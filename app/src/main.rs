//! The whole client: every page.

fn main() {
    secinfo_app::start_app();
}
