//! The Twilio adapter: texts through Messages, calls through Calls with
//! TwiML that gathers one key, and the webhooks that report what happened,
//! each checked against `X-Twilio-Signature`.

use std::collections::BTreeMap;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac};
use models::Locale;
use sha1::Sha1;

use crate::config::TwilioConfig;
use crate::error::{AppError, AppResult};
use crate::markup::escape;

pub struct Client {
    config: TwilioConfig,
    /// Where Twilio reaches our webhooks.
    public_origin: String,
    http: reqwest::Client,
}

impl Client {
    pub fn new(config: TwilioConfig, public_origin: &str) -> Client {
        Client {
            config,
            public_origin: public_origin.trim_end_matches('/').to_owned(),
            http: reqwest::Client::new(),
        }
    }

    fn url(&self, resource: &str) -> String {
        format!(
            "{}/2010-04-01/Accounts/{}/{resource}.json",
            self.config.api_base.trim_end_matches('/'),
            self.config.account_sid
        )
    }

    async fn post(&self, resource: &str, form: &[(&str, &str)]) -> AppResult<()> {
        let response = self
            .http
            .post(self.url(resource))
            .basic_auth(&self.config.account_sid, Some(&self.config.auth_token))
            .form(form)
            .send()
            .await
            .map_err(|e| AppError::internal("twilio request", e))?;
        if !response.status().is_success() {
            return Err(AppError::internal(
                "twilio refused a request",
                format!("{resource}: status {}", response.status()),
            ));
        }
        Ok(())
    }

    pub async fn send_text(&self, to: &str, body: &str) -> AppResult<()> {
        self.post(
            "Messages",
            &[
                ("To", to),
                ("From", &self.config.from_number),
                ("Body", body),
            ],
        )
        .await
    }

    pub async fn place_call(
        &self,
        to: &str,
        extension: Option<&str>,
        script: &str,
        locale: Locale,
        challenge_id: &str,
    ) -> AppResult<()> {
        let twiml = call_twiml(&self.public_origin, script, locale, challenge_id);
        let status_callback = format!(
            "{}/api/twilio/calls/{challenge_id}/status",
            self.public_origin
        );
        // "w" waits half a second: dial the office extension once connected.
        let digits = extension.map(|e| format!("ww{e}"));
        let mut form = vec![
            ("To", to),
            ("From", self.config.from_number.as_str()),
            ("Twiml", twiml.as_str()),
            ("StatusCallback", status_callback.as_str()),
        ];
        if let Some(digits) = &digits {
            form.push(("SendDigits", digits));
        }
        self.post("Calls", &form).await
    }
}

/// TwiML that reads the script in the person's language and sends the one
/// key pressed to our webhook.
pub fn call_twiml(origin: &str, script: &str, locale: Locale, challenge_id: &str) -> String {
    let action = format!("{origin}/api/twilio/calls/{challenge_id}/gather");
    format!(
        "<Response><Gather input=\"dtmf\" numDigits=\"1\" timeout=\"15\" action=\"{}\" method=\"POST\"><Say language=\"{}\">{}</Say></Gather><Hangup/></Response>",
        escape(&action),
        voice_language(locale),
        escape(script)
    )
}

/// The voice that reads a script: Twilio's `<Say language>` for each of
/// our locales (a Dutch script read by an English voice is gibberish).
fn voice_language(locale: Locale) -> &'static str {
    match locale {
        Locale::En => "en-US",
        Locale::NlNl => "nl-NL",
        Locale::SvSe => "sv-SE",
    }
}

/// Twilio's request signature: HMAC-SHA1 under the auth token of the full
/// URL followed by every POST parameter, sorted by name, name then value.
pub fn signature(auth_token: &str, url: &str, params: &BTreeMap<String, String>) -> String {
    let Ok(mut mac) = Hmac::<Sha1>::new_from_slice(auth_token.as_bytes()) else {
        return String::new();
    };
    mac.update(url.as_bytes());
    for (name, value) in params {
        mac.update(name.as_bytes());
        mac.update(value.as_bytes());
    }
    STANDARD.encode(mac.finalize().into_bytes())
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot unwrap has failed"
)]
mod tests {
    use super::*;

    #[test]
    fn signature_matches_twilios_documented_example() {
        // From Twilio's "Webhooks security" documentation.
        let mut params = BTreeMap::new();
        for (k, v) in [
            ("CallSid", "CA1234567890ABCDE"),
            ("Caller", "+12349013030"),
            ("Digits", "1234"),
            ("From", "+12349013030"),
            ("To", "+18005551212"),
        ] {
            params.insert(k.to_owned(), v.to_owned());
        }
        let sig = signature(
            "12345",
            "https://mycompany.com/myapp.php?foo=1&bar=2",
            &params,
        );
        assert_eq!(sig, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
    }

    #[test]
    fn twiml_escapes_the_script_and_gathers_one_key() {
        let xml = call_twiml(
            "https://s.example",
            "Press # <now> & \"then\"",
            Locale::En,
            "c1",
        );
        assert!(xml.contains("numDigits=\"1\""));
        assert!(xml.contains("action=\"https://s.example/api/twilio/calls/c1/gather\""));
        assert!(xml.contains("Press # &lt;now&gt; &amp; &quot;then&quot;"));
    }

    #[test]
    fn the_script_is_read_in_the_persons_language() {
        let say = |locale| call_twiml("https://s.example", "…", locale, "c1");
        assert!(say(Locale::En).contains("<Say language=\"en-US\">"));
        assert!(say(Locale::NlNl).contains("<Say language=\"nl-NL\">"));
        assert!(say(Locale::SvSe).contains("<Say language=\"sv-SE\">"));
    }
}
