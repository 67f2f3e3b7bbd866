//! The sign-in page alone, the first download of a signed-out person.

fn main() {
    secinfo_app::start_sign_in();
}
