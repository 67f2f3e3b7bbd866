//! Region names in the person's language, from the browser's own CLDR data
//! (`Intl.DisplayNames`), so the bundle carries no name tables.

use js_sys::{Array, Function, Object, Reflect};
use models::{Locale, Region};
use wasm_bindgen::JsValue;

/// `Intl.DisplayNames(locale, {type: "region"}).of(id)`, or the id itself.
fn region_namer(locale: Locale) -> Option<(JsValue, Function)> {
    let intl = Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok()?;
    let ctor: Function = Reflect::get(&intl, &JsValue::from_str("DisplayNames"))
        .ok()?
        .into();
    let options = Object::new();
    Reflect::set(
        &options,
        &JsValue::from_str("type"),
        &JsValue::from_str("region"),
    )
    .ok()?;
    let args = Array::of2(&JsValue::from_str(locale.tag()), &options);
    let namer = Reflect::construct(&ctor, &args).ok()?;
    let of: Function = Reflect::get(&namer, &JsValue::from_str("of")).ok()?.into();
    Some((namer, of))
}

/// The regions with their names, sorted for the language.
pub fn named(regions: &[Region], locale: Locale) -> Vec<(Region, String)> {
    let namer = region_namer(locale);
    let mut named: Vec<(Region, String)> = regions
        .iter()
        .map(|r| {
            let name = namer
                .as_ref()
                .and_then(|(this, of)| of.call1(this, &JsValue::from_str(&r.id)).ok())
                .and_then(|v| v.as_string())
                .unwrap_or_else(|| r.id.clone());
            (r.clone(), name)
        })
        .collect();
    let locales = Array::of1(&JsValue::from_str(locale.tag()));
    named.sort_by(|a, b| {
        let order =
            js_sys::JsString::from(a.1.as_str()).locale_compare(&b.1, &locales, &Object::new());
        order.cmp(&0)
    });
    named
}

/// The region a phone number most likely has, from the language.
pub fn default_region(locale: Locale) -> &'static str {
    match locale {
        Locale::En => "US",
        Locale::NlNl => "NL",
        Locale::SvSe => "SE",
    }
}
