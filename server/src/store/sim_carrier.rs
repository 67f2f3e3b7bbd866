use super::Store;
use super::StoreResult;
use crate::clock::UnixTime;

/// A text or call the simulated carrier delivered to a handset.
#[derive(Clone, Debug)]
pub struct SimEntry {
    pub id: String,
    pub to_number: String,
    /// `text` or `call`.
    pub kind: String,
    pub body: String,
    pub challenge_id: Option<String>,
    pub extension: Option<String>,
    /// For calls: ringing, answered, ended.
    pub status: String,
    pub keys_pressed: String,
    pub created_at: UnixTime,
}

impl SimEntry {
    /// A new text or call to `to`, with no challenge or extension yet.
    pub fn new(
        to: &str,
        kind: &str,
        body: &str,
        status: &str,
        now: UnixTime,
    ) -> StoreResult<SimEntry> {
        Ok(SimEntry {
            id: crate::secret::sortable_id()?,
            to_number: to.to_owned(),
            kind: kind.to_owned(),
            body: body.to_owned(),
            challenge_id: None,
            extension: None,
            status: status.to_owned(),
            keys_pressed: String::new(),
            created_at: now,
        })
    }
}

type SimRow = (
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
    String,
    i64,
);

impl Store {
    pub async fn sim_record(&self, entry: &SimEntry) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO sim_carrier (id, to_number, kind, body, challenge_id, extension, status, keys_pressed, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(&entry.id)
        .bind(&entry.to_number)
        .bind(&entry.kind)
        .bind(&entry.body)
        .bind(&entry.challenge_id)
        .bind(&entry.extension)
        .bind(&entry.status)
        .bind(&entry.keys_pressed)
        .bind(entry.created_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Everything delivered to `number`, newest first.
    pub async fn sim_inbox(&self, number: &str) -> StoreResult<Vec<SimEntry>> {
        let rows: Vec<SimRow> = sqlx::query_as(
            "SELECT id, to_number, kind, body, challenge_id, extension, status, keys_pressed, created_at \
             FROM sim_carrier WHERE to_number = $1 ORDER BY created_at DESC, id DESC",
        )
        .bind(number)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(sim_from_row).collect())
    }

    pub async fn sim_entry(&self, id: &str) -> StoreResult<Option<SimEntry>> {
        let row: Option<SimRow> = sqlx::query_as(
            "SELECT id, to_number, kind, body, challenge_id, extension, status, keys_pressed, created_at \
             FROM sim_carrier WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(sim_from_row))
    }

    pub async fn sim_update(&self, id: &str, status: &str, keys_pressed: &str) -> StoreResult<()> {
        sqlx::query("UPDATE sim_carrier SET status = $1, keys_pressed = $2 WHERE id = $3")
            .bind(status)
            .bind(keys_pressed)
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

fn sim_from_row(r: SimRow) -> SimEntry {
    SimEntry {
        id: r.0,
        to_number: r.1,
        kind: r.2,
        body: r.3,
        challenge_id: r.4,
        extension: r.5,
        status: r.6,
        keys_pressed: r.7,
        created_at: r.8,
    }
}
