use super::Store;
use super::StoreResult;
use crate::clock::UnixTime;

/// An email the dev mailbox received instead of an SMTP server.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MailboxEntry {
    pub id: String,
    pub to_address: String,
    pub subject: String,
    pub body: String,
    pub created_at: UnixTime,
}

type MailboxRow = (String, String, String, String, i64);

impl Store {
    pub async fn mailbox_record(&self, entry: &MailboxEntry) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO dev_mailbox (id, to_address, subject, body, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&entry.id)
        .bind(&entry.to_address)
        .bind(&entry.subject)
        .bind(&entry.body)
        .bind(entry.created_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Everything delivered to `address` (compared without case), newest first.
    pub async fn mailbox(&self, address: &str) -> StoreResult<Vec<MailboxEntry>> {
        let rows: Vec<MailboxRow> = sqlx::query_as(
            "SELECT id, to_address, subject, body, created_at FROM dev_mailbox \
             WHERE to_address = $1 ORDER BY created_at DESC, id DESC",
        )
        .bind(address.to_lowercase())
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| MailboxEntry {
                id: r.0,
                to_address: r.1,
                subject: r.2,
                body: r.3,
                created_at: r.4,
            })
            .collect())
    }
}
