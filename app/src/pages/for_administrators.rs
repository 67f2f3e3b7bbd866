//! The guard of the administrators' pages (and of the ones the help desk
//! shares): anybody else signed in finds nothing there, not even its title
//! (the API refuses them as well); the page itself asks for a recent
//! verification (S11).

use leptos::prelude::*;

use crate::pages::recently_verified::RecentlyVerified;
use crate::pages::signed_in::SignedIn;
use crate::session::use_session;
use crate::title::use_page_title;

#[component]
pub fn ForAdministrators(
    /// The page's title message.
    title_id: &'static str,
    /// The help desk may open it too (People, a person's page).
    #[prop(optional)]
    help_desk: bool,
    children: ChildrenFn,
) -> impl IntoView {
    let session = use_session();
    let children = StoredValue::new(children);
    let for_admins = move || {
        let allowed = if help_desk {
            session.helps_people()
        } else {
            session.is_admin()
        };
        if allowed {
            view! { <Titled title_id>{children.get_value()()}</Titled> }.into_any()
        } else {
            view! { <crate::pages::not_found::NotFound/> }.into_any()
        }
    };
    view! { <SignedIn>{for_admins}</SignedIn> }
}

#[component]
fn Titled(title_id: &'static str, children: Children) -> impl IntoView {
    use_page_title(title_id);
    view! { <RecentlyVerified>{children()}</RecentlyVerified> }
}
