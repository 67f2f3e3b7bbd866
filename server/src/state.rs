//! What one instance holds in memory: only what never changes while it
//! runs — the configuration, the compiled messages, the WebAuthn relying
//! party, the codes' key, the CSP with the client's script hashes — and its
//! pools: database connections (SQLite 8: one writer at a time, readers
//! beside it in WAL; PostgreSQL 10) and Argon2id hashing (`passwords.rs`).
//! That keeps one instance under 50 MiB resident at its peak. Nothing about
//! a person, a session, a limit or a policy is cached.
//!
//! Several instances share one PostgreSQL and must be given the same
//! `secret_key` and `public_origin`/`webauthn_rp_id`. Sessions, challenges,
//! ceremonies, resets, throttle counters and the audit trail are rows, and
//! every limit is one conditional statement, so a request may land on any
//! instance; the policy is read with the session on every request, so an
//! administrator's change applies on the next request everywhere. Never
//! cache here: the policy, a session's state, counts of tries or sends, a
//! method list. Instances × 10 connections must stay under PostgreSQL's
//! `max_connections`.

use std::ops::Deref;
use std::sync::Arc;

use crate::clock::Clock;
use crate::config::Config;
use crate::store::Store;

/// Everything a handler may need, cheap to clone.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

pub struct Inner {
    pub config: Config,
    pub store: Store,
    pub clock: Arc<dyn Clock>,
    /// Texts, voice scripts and emails in the user's language.
    pub l10n: i18n::Localizer,
    pub telephony: crate::providers::telephony::Telephony,
    pub mailer: crate::providers::mail::Mailer,
    /// The WebAuthn relying party (security keys).
    pub webauthn: webauthn_rs::Webauthn,
    /// Key of the one-time codes' digests (S4).
    pub code_key: Vec<u8>,
    /// The built client, in memory: the one this binary carries, else the
    /// files of `static_dir` as they were at start.
    pub client: crate::client_files::ClientFiles,
    /// The Content-Security-Policy, with hashes of the client's inline
    /// loader script computed once at start.
    pub csp: String,
    /// The ID-token signing keys this instance has opened, by key id
    /// (`oidc_keys.rs`), so that a signature does not decrypt and parse
    /// its key again.
    pub signing_keys: crate::opened_keys::OpenedKeys,
}

impl AppState {
    #[allow(
        clippy::expect_used,
        reason = "start-up, not a request: Config::validate has checked these settings"
    )]
    pub fn new(config: Config, store: Store, clock: Arc<dyn Clock>) -> AppState {
        let client = crate::client_files::ClientFiles::embedded()
            .unwrap_or_else(|| crate::client_files::ClientFiles::read_dir(&config.static_dir));
        let csp = crate::csp::content_security_policy(|page| client.text(page));
        let telephony = crate::providers::telephony::Telephony::from_config(
            &config.telephony,
            &config.public_origin,
            &store,
        );
        let mailer = crate::providers::mail::Mailer::from_config(&config.mail, &store)
            .expect("Config::validate has checked the mail settings");
        let webauthn =
            crate::security_key::relying_party(&config.public_origin, &config.webauthn_rp_id)
                .expect("Config::validate has checked the WebAuthn settings");
        let code_key = if config.secret_key.is_empty() {
            // Development and tests only (production requires a key): a
            // random key per process.
            crate::secret::random_token(32)
                .unwrap_or_default()
                .into_bytes()
        } else {
            config.secret_key.clone().into_bytes()
        };
        AppState(Arc::new(Inner {
            config,
            store,
            clock,
            l10n: i18n::Localizer::new(),
            telephony,
            mailer,
            webauthn,
            code_key,
            client,
            csp,
            signing_keys: crate::opened_keys::OpenedKeys::default(),
        }))
    }

    pub fn now(&self) -> i64 {
        self.clock.now()
    }
}

impl Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}
