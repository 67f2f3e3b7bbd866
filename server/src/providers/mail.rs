//! Email, behind one interface: SMTP through lettre, or the dev mailbox
//! (`routes/mailbox.rs`) for development and tests. `Config::validate`
//! keeps the dev mailbox out of production.

use std::time::Duration;

use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::clock::UnixTime;
use crate::config::{MailConfig, SmtpConfig, SmtpTls};
use crate::error::{AppError, AppResult};
use crate::store::{MailboxEntry, Store};

/// One email, already rendered in its reader's language.
pub struct Email<'a> {
    pub to: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
}

pub enum Mailer {
    /// Development and tests: mail lands in the database, for the dev
    /// mailbox page.
    DevMailbox(Store),
    Smtp {
        transport: AsyncSmtpTransport<Tokio1Executor>,
        from: Mailbox,
    },
}

impl Mailer {
    pub fn from_config(config: &MailConfig, store: &Store) -> Result<Mailer, String> {
        match config {
            MailConfig::DevMailbox => Ok(Mailer::DevMailbox(store.clone())),
            MailConfig::Smtp(smtp) => smtp_mailer(smtp),
        }
    }

    pub async fn send(&self, email: &Email<'_>, now: UnixTime) -> AppResult<()> {
        match self {
            Mailer::DevMailbox(store) => {
                let entry = MailboxEntry {
                    id: crate::secret::sortable_id()?,
                    to_address: email.to.to_lowercase(),
                    subject: email.subject.to_owned(),
                    body: email.body.to_owned(),
                    created_at: now,
                };
                Ok(store.mailbox_record(&entry).await?)
            }
            Mailer::Smtp { transport, from } => {
                let to: Mailbox = email
                    .to
                    .parse()
                    .map_err(|e| AppError::internal("email recipient", e))?;
                let message = Message::builder()
                    .from(from.clone())
                    .to(to)
                    .subject(email.subject)
                    .header(ContentType::TEXT_PLAIN)
                    .body(email.body.to_owned())
                    .map_err(|e| AppError::internal("email message", e))?;
                transport.send(message).await.map_err(|e| {
                    // Letters like å before the @ need the server's SMTPUTF8
                    // (RFC 6531); without it the address cannot be mailed
                    // from here, which the person is told at the field.
                    if !email.to.is_ascii() && e.to_string().contains("SMTPUTF8") {
                        AppError::invalid(
                            models::ErrorCode::EmailLocalPartUnsupported,
                            models::Field::Email,
                        )
                    } else {
                        AppError::internal("smtp", e)
                    }
                })?;
                Ok(())
            }
        }
    }
}

/// Builds the transport (inside the Tokio runtime: it keeps a pool).
fn smtp_mailer(config: &SmtpConfig) -> Result<Mailer, String> {
    crate::config::check_smtp(config)?;
    type Transport = AsyncSmtpTransport<Tokio1Executor>;
    let host = config.host.as_str();
    let builder = match config.tls {
        SmtpTls::None => Transport::builder_dangerous(host),
        SmtpTls::Starttls => Transport::starttls_relay(host).map_err(|e| format!("smtp: {e}"))?,
        SmtpTls::Tls => Transport::relay(host).map_err(|e| format!("smtp: {e}"))?,
    };
    let mut builder = builder
        .port(config.port)
        .timeout(Some(Duration::from_secs(15)));
    if !config.username.is_empty() {
        builder = builder.credentials(Credentials::new(
            config.username.clone(),
            config.password.clone(),
        ));
    }
    let from = config
        .from
        .parse()
        .map_err(|e| format!("mail.from {:?}: {e}", config.from))?;
    Ok(Mailer::Smtp {
        transport: builder.build(),
        from,
    })
}
