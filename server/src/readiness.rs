//! Whether this instance can serve (`/health/ready`): the database answers,
//! it has every migration this binary needs, and the carriers are
//! configured. A load balancer sends traffic only while it is.

use serde::Serialize;

use crate::config::{MailConfig, TelephonyConfig};
use crate::state::AppState;

#[derive(Debug, Serialize)]
pub struct Readiness {
    pub ready: bool,
    /// `ok`, or what is wrong.
    pub database: String,
    pub migrations: String,
    /// Which provider sends texts and places calls.
    pub telephony: &'static str,
    pub mail: &'static str,
}

pub async fn check(state: &AppState) -> Readiness {
    let (database, migrations) = match state.store.migrations().await {
        Err(error) => {
            tracing::warn!(%error, "readiness: the database does not answer");
            ("unreachable".to_owned(), "unknown".to_owned())
        }
        Ok(migrations) => {
            let pending = migrations.iter().filter(|m| !m.applied).count();
            let state = if pending == 0 {
                "ok".to_owned()
            } else {
                format!("{pending} pending")
            };
            ("ok".to_owned(), state)
        }
    };
    let telephony = match state.config.telephony {
        TelephonyConfig::Simulated => "simulated",
        TelephonyConfig::Twilio(_) => "twilio",
    };
    let mail = match state.config.mail {
        MailConfig::DevMailbox => "dev mailbox",
        MailConfig::Smtp(_) => "smtp",
    };
    Readiness {
        ready: database == "ok" && migrations == "ok",
        database,
        migrations,
        telephony,
        mail,
    }
}
