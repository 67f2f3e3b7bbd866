//! Configuration: built-in defaults, then an optional TOML file
//! (`SECINFO_CONFIG`, default `secinfo.toml` if present), then environment
//! variables `SECINFO_<FIELD>` (nested with `__`, e.g. `SECINFO_SIGNIN__WINDOW_MINUTES`).
//!
//! Architecture Invariant: `Config::validate` refuses every development or
//! test seam in `production` mode, so none can be enabled by accident.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// The default. No seams, secure cookies.
    Production,
    /// `cargo xtask serve`: demo organization, printed demo passwords.
    Development,
    /// Playwright and API tests: also the test-only user fixtures API.
    Test,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Config {
    pub mode: Mode,
    pub bind: SocketAddr,
    /// The exact origin browsers use, e.g. `https://secinfo.contoso.example`.
    /// State-changing requests must come from it (CSRF), and it decides HSTS.
    pub public_origin: String,
    /// `sqlite://data/secinfo.db` or `postgres://user@host/db`.
    pub database_url: String,
    /// `false` only for plain-http localhost development.
    pub cookie_secure: bool,
    /// Seed the demo organization and its users on start.
    pub demo_seed: bool,
    /// The built client (Trunk's `dist/`).
    pub static_dir: PathBuf,
    /// Take the client address from `X-Forwarded-For` (behind a proxy you run).
    pub trust_forwarded_for: bool,
    pub session: SessionLimits,
    pub signin: SigninLimits,
    /// The operator's caps over every organization on this server.
    pub sending: SendingLimits,
    /// Key for the digests of one-time codes, shared by every instance
    /// (at least 32 characters). Required in production; development and
    /// tests make a random one per process when it is empty.
    pub secret_key: String,
    pub telephony: TelephonyConfig,
    pub mail: MailConfig,
    /// The WebAuthn relying party id for security keys; empty means the
    /// host of `public_origin` (`localhost` in development and tests).
    pub webauthn_rp_id: String,
    pub log: LogConfig,
    pub metrics: MetricsConfig,
    pub backup: BackupConfig,
}

/// How log lines are written to standard output.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct LogConfig {
    pub format: LogFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// One readable line per event (the default).
    Text,
    /// One JSON object per line, for a log collector.
    Json,
}

/// `/metrics` (Prometheus text format) is never public: it answers only a
/// request carrying `Authorization: Bearer <token>`, and nobody while the
/// token is empty.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct MetricsConfig {
    pub token: String,
}

/// Scheduled online backups of a SQLite database (PostgreSQL has its own
/// tools: `pg_dump`). Off while `directory` is empty.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct BackupConfig {
    pub directory: Option<PathBuf>,
    pub every_hours: u64,
    /// How many backups are kept; older ones are removed.
    pub keep: usize,
}

/// Where emails go.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(tag = "transport", rename_all = "kebab-case")]
pub enum MailConfig {
    /// Keeps emails for the dev mailbox page (`/dev/mailbox`).
    /// Development and tests only.
    DevMailbox,
    Smtp(SmtpConfig),
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SmtpConfig {
    pub host: String,
    pub port: u16,
    pub tls: SmtpTls,
    /// Empty for a server that takes mail without signing in.
    #[serde(default)]
    pub username: String,
    #[serde(default)]
    pub password: String,
    /// The sender, e.g. `Contoso security info <security@contoso.example>`.
    pub from: String,
}

/// How the SMTP connection is protected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpTls {
    /// Implicit TLS (usually port 465).
    Tls,
    /// Plain, then STARTTLS, which is required (usually port 587).
    Starttls,
    /// Unencrypted: a relay on the same host only.
    None,
}

/// Who sends texts and places calls.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(tag = "provider", rename_all = "lowercase")]
pub enum TelephonyConfig {
    /// Records texts and calls for the test handset page (`/dev/handset`).
    /// Development and tests only.
    Simulated,
    Twilio(TwilioConfig),
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct TwilioConfig {
    /// `https://api.twilio.com` (a local stand-in in tests).
    pub api_base: String,
    pub account_sid: String,
    pub auth_token: String,
    /// The number texts and calls come from, E.164.
    pub from_number: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SessionLimits {
    pub idle_minutes: i64,
    pub absolute_hours: i64,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SigninLimits {
    /// Wrong passwords per account per window before sign-in is refused.
    pub account_failures: i64,
    /// Wrong passwords per client address per window.
    pub address_failures: i64,
    pub window_minutes: i64,
}

/// What the whole server may send, whatever each organization allows:
/// the operator's bill and the carrier's account, not any organization's
/// policy (an organization's own cap is `limits.global` of its policy, S17).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SendingLimits {
    /// Texts, calls and emails, each per hour across every organization.
    pub per_channel_per_hour: i64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            mode: Mode::Production,
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            public_origin: "http://localhost:8080".into(),
            database_url: "sqlite://data/secinfo.db".into(),
            cookie_secure: true,
            demo_seed: false,
            static_dir: PathBuf::from("dist"),
            trust_forwarded_for: false,
            session: SessionLimits {
                idle_minutes: 30,
                absolute_hours: 12,
            },
            signin: SigninLimits {
                account_failures: 10,
                address_failures: 50,
                window_minutes: 15,
            },
            sending: SendingLimits {
                per_channel_per_hour: 20_000,
            },
            secret_key: String::new(),
            telephony: TelephonyConfig::Simulated,
            mail: MailConfig::DevMailbox,
            webauthn_rp_id: String::new(),
            log: LogConfig {
                format: LogFormat::Text,
            },
            metrics: MetricsConfig {
                token: String::new(),
            },
            backup: BackupConfig {
                directory: None,
                every_hours: 24,
                keep: 7,
            },
        }
    }
}

impl Config {
    /// The host of `public_origin`: what a text's origin-bound line names.
    pub fn public_host(&self) -> Option<String> {
        reqwest::Url::parse(&self.public_origin)
            .ok()?
            .host_str()
            .map(str::to_owned)
    }

    /// The configuration the server runs with: `SECINFO_CONFIG` (or
    /// `secinfo.toml` where present) under the environment. Every problem is
    /// one line of the error.
    pub fn load() -> Result<Config, String> {
        let file = std::env::var("SECINFO_CONFIG").unwrap_or_else(|_| "secinfo.toml".into());
        Config::load_from(Path::new(&file)).map_err(|problems| problems.join("\n"))
    }

    /// Reads `file` (when it exists) under the environment and lists every
    /// problem, each in one line: what `check-config` prints and what the
    /// server refuses to start on.
    pub fn load_from(file: &Path) -> Result<Config, Vec<String>> {
        let config: Config = Figment::from(Serialized::defaults(Config::default()))
            .merge(Toml::file(file))
            .merge(Env::prefixed("SECINFO_").split("__").ignore(&["config"]))
            .extract()
            .map_err(|errors| {
                errors
                    .into_iter()
                    .map(|e| format!("configuration: {e}"))
                    .collect::<Vec<_>>()
            })?;
        let problems = config.problems();
        if problems.is_empty() {
            Ok(config)
        } else {
            Err(problems)
        }
    }

    /// Refuses combinations that would weaken a production deployment, or
    /// cannot work. Every problem, not only the first.
    pub fn validate(&self) -> Result<(), String> {
        let problems = self.problems();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems.join("\n"))
        }
    }

    pub fn problems(&self) -> Vec<String> {
        let mut problems: Vec<String> = Vec::new();
        let mut refuse = |problem: &str| problems.push(problem.to_owned());
        let origin_is_local = ["http://localhost:", "http://127.0.0.1:", "http://[::1]:"]
            .iter()
            .any(|p| self.public_origin.starts_with(p));
        if !self.cookie_secure && !origin_is_local {
            refuse(
                "cookie_secure = false is only allowed for a plain-http localhost public_origin",
            );
        }
        if self.mode == Mode::Production {
            if self.demo_seed {
                refuse("demo_seed is a development seam: set mode = \"development\" to use it");
            }
            if !self.cookie_secure {
                refuse("production mode needs cookie_secure = true");
            }
            if matches!(self.telephony, TelephonyConfig::Simulated) {
                refuse(
                    "the simulated carrier is a development seam: configure telephony.provider = \"twilio\"",
                );
            }
            if matches!(self.mail, MailConfig::DevMailbox) {
                refuse(
                    "the dev mailbox is a development seam: configure mail.transport = \"smtp\"",
                );
            }
            if self.secret_key.len() < 32 {
                refuse("production mode needs a secret_key of at least 32 characters");
            }
        } else if !self.secret_key.is_empty() && self.secret_key.len() < 32 {
            refuse("secret_key must have at least 32 characters");
        }
        if let Err(problem) =
            crate::security_key::relying_party(&self.public_origin, &self.webauthn_rp_id)
        {
            refuse(&problem);
        }
        if let Err(problem) = self.database_url.parse::<crate::store::Backend>() {
            refuse(&problem);
        }
        if let MailConfig::Smtp(smtp) = &self.mail
            && let Err(problem) = check_smtp(smtp)
        {
            refuse(&problem);
        }
        if let TelephonyConfig::Twilio(twilio) = &self.telephony
            && let Err(problem) = check_twilio(twilio)
        {
            refuse(&problem);
        }
        if self.session.idle_minutes <= 0 || self.session.absolute_hours <= 0 {
            refuse("session limits must be positive");
        }
        if self.signin.account_failures <= 0
            || self.signin.address_failures <= 0
            || self.signin.window_minutes <= 0
        {
            refuse("signin limits must be positive");
        }
        if self.sending.per_channel_per_hour <= 0 {
            refuse("sending.per_channel_per_hour must be positive");
        }
        if !self.metrics.token.is_empty() && self.metrics.token.len() < 32 {
            refuse("metrics.token must have at least 32 characters (or be empty: no /metrics)");
        }
        if self.backup.directory.is_some() {
            if self.backup.every_hours == 0 {
                refuse("backup.every_hours must be at least 1");
            }
            if self.backup.keep == 0 {
                refuse("backup.keep must be at least 1");
            }
            if !self.database_url.starts_with("sqlite:") {
                refuse("backup.directory backs up SQLite only: back PostgreSQL up with pg_dump");
            }
        }
        problems
    }

    pub fn is_https(&self) -> bool {
        self.public_origin.starts_with("https://")
    }

    /// Whether the test-only fixtures API is mounted.
    pub fn test_seams(&self) -> bool {
        self.mode == Mode::Test
    }

    /// Whether the client may show the pseudo-locale (a translators' and
    /// tests' check, never in production).
    pub fn pseudo_locale(&self) -> bool {
        self.mode != Mode::Production
    }

    /// Whether the dev mailbox page is mounted.
    pub fn dev_mailbox(&self) -> bool {
        self.mode != Mode::Production && matches!(self.mail, MailConfig::DevMailbox)
    }

    /// Whether the simulated carrier's handset page is mounted.
    pub fn handset(&self) -> bool {
        self.mode != Mode::Production && matches!(self.telephony, TelephonyConfig::Simulated)
    }
}

/// Refuses Twilio settings that cannot work, before anything is sent.
fn check_twilio(config: &TwilioConfig) -> Result<(), String> {
    if !config.api_base.starts_with("https://")
        && !config.api_base.starts_with("http://127.0.0.1")
        && !config.api_base.starts_with("http://localhost")
    {
        return Err(format!(
            "telephony.api_base must be an https:// address, not {:?}",
            config.api_base
        ));
    }
    if config.account_sid.trim().is_empty() || config.auth_token.trim().is_empty() {
        return Err("telephony.account_sid and telephony.auth_token are required".into());
    }
    if !config.from_number.starts_with('+') {
        return Err(format!(
            "telephony.from_number must be an E.164 number (+…), not {:?}",
            config.from_number
        ));
    }
    Ok(())
}

/// Refuses SMTP settings that cannot work, before anything is sent.
pub(crate) fn check_smtp(config: &SmtpConfig) -> Result<(), String> {
    if config.host.trim().is_empty() {
        return Err("mail.host is empty".into());
    }
    config
        .from
        .parse::<lettre::message::Mailbox>()
        .map(|_| ())
        .map_err(|e| format!("mail.from {:?}: {e}", config.from))
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
    fn defaults_are_production_and_secure() {
        let config = Config {
            secret_key: "k".repeat(32),
            telephony: TelephonyConfig::Twilio(TwilioConfig {
                api_base: "https://api.twilio.com".into(),
                account_sid: "AC1".into(),
                auth_token: "t".into(),
                from_number: "+15005550006".into(),
            }),
            mail: MailConfig::Smtp(SmtpConfig {
                host: "smtp.contoso.example".into(),
                port: 587,
                tls: SmtpTls::Starttls,
                username: "secinfo".into(),
                password: "p".into(),
                from: "security@contoso.example".into(),
            }),
            ..Config::default()
        };
        assert_eq!(config.mode, Mode::Production);
        assert!(config.cookie_secure);
        assert!(!config.demo_seed);
        assert!(config.validate().is_ok());
        assert!(!config.test_seams());
        assert!(!config.handset());
        assert!(!config.dev_mailbox());
        assert!(!config.pseudo_locale());
        let development = Config {
            mode: Mode::Development,
            ..Config::default()
        };
        assert!(development.pseudo_locale());
    }

    #[test]
    fn production_refuses_the_dev_mailbox() {
        let config = Config {
            secret_key: "k".repeat(32),
            telephony: TelephonyConfig::Twilio(TwilioConfig {
                api_base: "https://api.twilio.com".into(),
                account_sid: "AC1".into(),
                auth_token: "t".into(),
                from_number: "+15005550006".into(),
            }),
            ..Config::default()
        };
        assert!(config.validate().unwrap_err().contains("dev mailbox"));
        let config = Config {
            mode: Mode::Development,
            ..config
        };
        assert!(config.validate().is_ok());
        assert!(config.dev_mailbox());
    }

    #[test]
    fn production_refuses_the_simulated_carrier_and_a_missing_key() {
        let config = Config {
            secret_key: "k".repeat(32),
            ..Config::default()
        };
        assert!(config.validate().unwrap_err().contains("simulated"));
        let config = Config {
            mode: Mode::Development,
            ..Config::default()
        };
        assert!(config.validate().is_ok());
        assert!(config.handset());
    }

    #[test]
    fn production_refuses_development_seams() {
        let config = Config {
            demo_seed: true,
            ..Config::default()
        };
        assert!(config.validate().is_err());
        let config = Config {
            cookie_secure: false,
            ..Config::default()
        };
        assert!(config.validate().is_err());
    }

    #[test]
    fn insecure_cookies_only_on_localhost() {
        let config = Config {
            mode: Mode::Development,
            cookie_secure: false,
            public_origin: "http://secinfo.example".into(),
            ..Config::default()
        };
        assert!(config.validate().is_err());
        let config = Config {
            public_origin: "http://localhost:8080".into(),
            ..config
        };
        assert!(config.validate().is_ok());
    }
}
