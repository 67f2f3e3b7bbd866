//! What methods are called in the person's language: the kind of method
//! ("Authenticator app") and a method as the default ("Phone - text +1
//! 4255551234", SPEC §1). Every page and wizard names methods through here.

use i18n::Args;
use models::{MethodKind, MethodView, PhoneDelivery};

use crate::i18n::I18n;

pub fn method_name(i18n: &I18n, kind: MethodKind) -> String {
    let id = match kind {
        MethodKind::Phone => "method-kind-phone",
        MethodKind::AlternatePhone => "method-kind-alternate-phone",
        MethodKind::OfficePhone => "method-kind-office-phone",
        MethodKind::AuthenticatorApp => "method-kind-authenticator-app",
        MethodKind::Email => "method-kind-email",
        MethodKind::SecurityQuestions => "method-kind-security-questions",
        MethodKind::SecurityKey => "method-kind-security-key",
        MethodKind::RecoveryCodes => "method-kind-recovery-codes",
    };
    i18n.t(id)
}

/// "Phone - text +1 4255551234" and the like (SPEC §1).
pub fn default_label(i18n: &I18n, method: &MethodView, delivery: Option<PhoneDelivery>) -> String {
    let id = match (method.kind, delivery) {
        (MethodKind::Phone, Some(PhoneDelivery::Text)) => "methods-default-phone-text",
        (MethodKind::Phone, _) => "methods-default-phone-call",
        (MethodKind::AlternatePhone, _) => "methods-default-alternate-phone-call",
        (MethodKind::OfficePhone, _) => "methods-default-office-phone-call",
        (MethodKind::SecurityKey, _) => "methods-default-security-key",
        (kind, _) => return method_name(i18n, kind),
    };
    let mut args = Args::new();
    args.set("number", method.detail.clone());
    args.set("name", method.detail.clone());
    i18n.t_with(id, &args)
}

/// A day and time of day in the person's language ("2 Dec 2026, 14:30"),
/// by the browser's own calendar data and time zone.
pub fn date_time(i18n: &I18n, unix_seconds: i64) -> String {
    let options = locale_options(&[
        ("year", "numeric"),
        ("month", "short"),
        ("day", "numeric"),
        ("hour", "numeric"),
        ("minute", "2-digit"),
    ]);
    js_date(unix_seconds)
        .to_locale_string(i18n.locale().tag(), &options)
        .into()
}

/// A day in the person's language ("2 Dec 2026", "2 dec. 2026"), by the
/// browser's own calendar data.
pub fn date(i18n: &I18n, unix_seconds: i64) -> String {
    let options = locale_options(&[("year", "numeric"), ("month", "short"), ("day", "numeric")]);
    js_date(unix_seconds)
        .to_locale_date_string(i18n.locale().tag(), &options)
        .into()
}

/// `Intl.DateTimeFormat`'s options, from their names and values.
fn locale_options(fields: &[(&str, &str)]) -> js_sys::Object {
    let options = js_sys::Object::new();
    for (key, value) in fields {
        let _ = js_sys::Reflect::set(&options, &(*key).into(), &(*value).into());
    }
    options
}

fn js_date(unix_seconds: i64) -> js_sys::Date {
    #[allow(
        clippy::cast_precision_loss,
        reason = "seconds since 1970 fit an f64 exactly"
    )]
    let millis = unix_seconds as f64 * 1000.0;
    js_sys::Date::new(&millis.into())
}

/// How often a Temporary Access Pass signs in, in the reader's language.
pub fn pass_uses(i18n: I18n, one_time: bool) -> leptos::prelude::Signal<String> {
    if one_time {
        i18n.text("pass-one-time")
    } else {
        i18n.text("pass-multi-use")
    }
}
