//! Copy buttons: a recovery code set, a pass, a temporary password.

use leptos::prelude::*;

/// Puts `text` on the clipboard; `copied` turns true once it is there (the
/// page then says so).
pub fn copy(text: &str, copied: RwSignal<bool>) {
    let promise = window().navigator().clipboard().write_text(text);
    leptos::task::spawn_local(async move {
        if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
            copied.set(true);
        }
    });
}
