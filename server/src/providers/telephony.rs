//! Texts and calls, behind one interface: the simulated carrier for
//! development and tests (its handset page is `routes/handset.rs`), or
//! Twilio. `Config::validate` keeps the simulation out of production.

use models::{CallStatus, Locale};

use crate::clock::UnixTime;
use crate::config::TelephonyConfig;
use crate::error::AppResult;
use crate::store::{SimEntry, Store};

pub enum Telephony {
    /// Development and tests: texts and calls land in the database, for
    /// the test handset page.
    Simulated(Store),
    Twilio(super::twilio::Client),
}

impl Telephony {
    pub fn from_config(config: &TelephonyConfig, public_origin: &str, store: &Store) -> Telephony {
        match config {
            TelephonyConfig::Simulated => Telephony::Simulated(store.clone()),
            TelephonyConfig::Twilio(twilio) => {
                Telephony::Twilio(super::twilio::Client::new(twilio.clone(), public_origin))
            }
        }
    }

    pub async fn send_text(&self, to: &str, body: &str, now: UnixTime) -> AppResult<()> {
        match self {
            Telephony::Simulated(store) => {
                let entry = SimEntry::new(to, "text", body, "delivered", now)?;
                Ok(store.sim_record(&entry).await?)
            }
            Telephony::Twilio(client) => client.send_text(to, body).await,
        }
    }

    /// Places a call that reads `script` and waits for one key; the outcome
    /// arrives later through `call_event`.
    pub async fn place_call(
        &self,
        to: &str,
        extension: Option<&str>,
        script: &str,
        locale: Locale,
        challenge_id: &str,
        now: UnixTime,
    ) -> AppResult<()> {
        match self {
            Telephony::Simulated(store) => {
                let entry = SimEntry {
                    challenge_id: Some(challenge_id.to_owned()),
                    extension: extension.map(str::to_owned),
                    ..SimEntry::new(to, "call", script, "ringing", now)?
                };
                Ok(store.sim_record(&entry).await?)
            }
            Telephony::Twilio(client) => {
                client
                    .place_call(to, extension, script, locale, challenge_id)
                    .await
            }
        }
    }
}

/// Something happened on a verification call (from the handset page or a
/// carrier's webhook).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallEvent {
    Answered,
    Key(char),
    HungUp,
    NoAnswer,
}

/// Moves the challenge's call status: # confirms, any other key is a
/// wrong key, hanging up before # fails the call.
pub async fn call_event(store: &Store, challenge_id: &str, event: CallEvent) -> AppResult<()> {
    let Some(challenge) = store.challenge_by_id(challenge_id).await? else {
        return Ok(());
    };
    let current = challenge.call_status.unwrap_or(CallStatus::Ringing);
    if current == CallStatus::Confirmed || current.failed() {
        return Ok(());
    }
    let next = match event {
        CallEvent::Answered => CallStatus::Answered,
        CallEvent::Key('#') => CallStatus::Confirmed,
        CallEvent::Key(_) => CallStatus::WrongKey,
        CallEvent::HungUp if current == CallStatus::Ringing => CallStatus::NoAnswer,
        CallEvent::HungUp => CallStatus::HungUp,
        CallEvent::NoAnswer => CallStatus::NoAnswer,
    };
    Ok(store.set_call_status(challenge_id, next).await?)
}
