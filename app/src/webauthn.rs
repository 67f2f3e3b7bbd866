//! The browser's side of a security key ceremony: the WebAuthn JSON forms
//! (`PublicKeyCredential.parseCreationOptionsFromJSON`,
//! `parseRequestOptionsFromJSON` and `toJSON`) turn the server's options
//! into a credential and back, so no binary juggling happens here.

use js_sys::{Function, JSON, Object, Promise, Reflect};
use models::ErrorCode;
use wasm_bindgen::{JsCast, JsValue};

fn get(target: &JsValue, name: &str) -> Result<JsValue, ErrorCode> {
    Reflect::get(target, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
        .ok_or(ErrorCode::SecurityKeyUnsupported)
}

fn method(target: &JsValue, name: &str) -> Result<Function, ErrorCode> {
    get(target, name)?
        .dyn_into::<Function>()
        .map_err(|_| ErrorCode::SecurityKeyUnsupported)
}

/// What a failed `navigator.credentials.create` means to the person.
fn failure(error: &JsValue) -> ErrorCode {
    let name = Reflect::get(error, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    match name.as_str() {
        // Closed, timed out, or refused by the person.
        "NotAllowedError" | "AbortError" => ErrorCode::SecurityKeyCancelled,
        "NotSupportedError" | "SecurityError" => ErrorCode::SecurityKeyUnsupported,
        // InvalidStateError: this key is already registered.
        _ => ErrorCode::SecurityKeyRejected,
    }
}

/// Asks the browser to create a credential (register a key) for
/// `options_json` (`{"publicKey": …}`); returns it as JSON text.
/// `abort` ends the browser's prompt when the person leaves the wizard.
pub async fn create_credential(
    options_json: &str,
    abort: Option<&web_sys::AbortSignal>,
) -> Result<String, ErrorCode> {
    ceremony(
        options_json,
        "parseCreationOptionsFromJSON",
        "create",
        abort,
        None,
    )
    .await
}

/// Asks the browser to use a registered key for `options_json`; returns
/// the signed assertion as JSON text.
pub async fn get_assertion(
    options_json: &str,
    abort: Option<&web_sys::AbortSignal>,
) -> Result<String, ErrorCode> {
    ceremony(
        options_json,
        "parseRequestOptionsFromJSON",
        "get",
        abort,
        None,
    )
    .await
}

/// Whether the browser can offer passkeys in a field's autofill (WebAuthn
/// conditional mediation).
pub async fn autofill_available() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let window: JsValue = window.into();
    let Ok(class) = get(&window, "PublicKeyCredential") else {
        return false;
    };
    let Ok(check) = method(&class, "isConditionalMediationAvailable") else {
        return false;
    };
    let Some(promise) = check
        .call0(&class)
        .ok()
        .and_then(|p| p.dyn_into::<Promise>().ok())
    else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Offers the passkeys for `options_json` in the autofill of the field
/// marked `autocomplete="… webauthn"`: settles when the person picks one
/// there, or when `abort` ends it.
pub async fn get_assertion_from_autofill(
    options_json: &str,
    abort: &web_sys::AbortSignal,
) -> Result<String, ErrorCode> {
    ceremony(
        options_json,
        "parseRequestOptionsFromJSON",
        "get",
        Some(abort),
        Some("conditional"),
    )
    .await
}

async fn ceremony(
    options_json: &str,
    parser: &str,
    call: &str,
    abort: Option<&web_sys::AbortSignal>,
    mediation: Option<&str>,
) -> Result<String, ErrorCode> {
    let window: JsValue = web_sys::window()
        .ok_or(ErrorCode::SecurityKeyUnsupported)?
        .into();
    let class = get(&window, "PublicKeyCredential")?;
    let parse = method(&class, parser)?;
    let options = JSON::parse(options_json).map_err(|_| ErrorCode::SecurityKeyRejected)?;
    let public_key = parse
        .call1(&class, &get(&options, "publicKey")?)
        .map_err(|e| failure(&e))?;
    let request = Object::new();
    Reflect::set(&request, &JsValue::from_str("publicKey"), &public_key)
        .map_err(|_| ErrorCode::SecurityKeyUnsupported)?;
    if let Some(signal) = abort {
        Reflect::set(&request, &JsValue::from_str("signal"), signal)
            .map_err(|_| ErrorCode::SecurityKeyUnsupported)?;
    }
    if let Some(mediation) = mediation {
        Reflect::set(
            &request,
            &JsValue::from_str("mediation"),
            &JsValue::from_str(mediation),
        )
        .map_err(|_| ErrorCode::SecurityKeyUnsupported)?;
    }
    let credentials = get(&get(&window, "navigator")?, "credentials")?;
    let promise: Promise = method(&credentials, call)?
        .call1(&credentials, &request)
        .map_err(|e| failure(&e))?
        .dyn_into()
        .map_err(|_| ErrorCode::SecurityKeyUnsupported)?;
    let credential = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|e| failure(&e))?;
    let json = method(&credential, "toJSON")?
        .call0(&credential)
        .map_err(|e| failure(&e))?;
    JSON::stringify(&json)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or(ErrorCode::SecurityKeyRejected)
}
