//! The one gate of the pages that show or change security info: while the
//! session says a verification is due (S11), the step-up; then the page.
//! The page stays mounted behind it, hidden, so that nothing typed is lost
//! when a step-up comes between (the window lapsed while the person was
//! typing); a page reloads what it shows when `step_up_required` turns
//! false, and sets it when the server answers `step-up-required`.

use leptos::prelude::*;

use crate::features::verify::step_up::StepUp;
use crate::session::use_session;

#[component]
pub fn RecentlyVerified(children: Children) -> impl IntoView {
    let session = use_session();
    let due = move || session.step_up_required.get();
    view! {
        <Show when=due>
            <StepUp on_verified=Callback::new(move |()| session.step_up_required.set(false))/>
        </Show>
        <div class="recently-verified" hidden=due>{children()}</div>
    }
}
