//! An application's answer posted (`response_mode=form_post`): the page
//! posts the request to the authorization endpoint as a form of our own
//! origin, which carries the session, and the server answers with the
//! form that goes to the application. Only the whole client links it: a
//! post follows a sign-in.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Posts `query`, unless this very request was posted from this tab
/// before (then false: the server sent it back, and posting again would go
/// round for ever).
pub fn post_once(query: &str) -> bool {
    if posted_before(query) {
        return false;
    }
    post_request(query);
    true
}

/// Whether this very request (its `state` and `nonce` make each one of a
/// kind) was posted from this tab before; it is remembered as posted now.
fn posted_before(query: &str) -> bool {
    const POSTED: &str = "secinfo-posted-request";
    let Ok(Some(storage)) = window().session_storage() else {
        return false;
    };
    let before = storage.get_item(POSTED).ok().flatten().as_deref() == Some(query);
    let _ = storage.set_item(POSTED, query);
    before
}

/// Posts the request to the authorization endpoint as a form of this page
/// (our origin, so the session comes with it), which answers with the form
/// that goes to the application.
fn post_request(query: &str) {
    let Some(document) = window().document() else {
        return;
    };
    let Some(form) = document
        .create_element("form")
        .ok()
        .and_then(|f| f.dyn_into::<web_sys::HtmlFormElement>().ok())
    else {
        return;
    };
    form.set_method("post");
    form.set_action(models::oidc::AUTHORIZE_PATH);
    let pairs = web_sys::UrlSearchParams::new_with_str(query)
        .ok()
        .and_then(|params| js_sys::try_iter(&params).ok().flatten());
    for pair in pairs.into_iter().flatten().flatten() {
        let pair = js_sys::Array::from(&pair);
        let (Some(name), Some(value)) = (pair.get(0).as_string(), pair.get(1).as_string()) else {
            continue;
        };
        if let Ok(input) = document.create_element("input") {
            let _ = input.set_attribute("type", "hidden");
            let _ = input.set_attribute("name", &name);
            let _ = input.set_attribute("value", &value);
            let _ = form.append_child(&input);
        }
    }
    if let Some(body) = document.body() {
        let _ = body.append_child(&form);
    }
    let _ = form.submit();
}
