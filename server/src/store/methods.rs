use models::MethodKind;
use sqlx::Row;

use super::Store;
use crate::error::{AppError, AppResult};

/// A registered method; `detail` is what its owner recognises it by.
#[derive(Clone, Debug)]
pub struct MethodRecord {
    pub id: String,
    pub kind: MethodKind,
    pub detail: String,
}

impl Store {
    /// The user's methods, oldest first.
    pub async fn methods_of_user(&self, user_id: &str) -> AppResult<Vec<MethodRecord>> {
        let rows = sqlx::query(
            "SELECT id, kind, detail FROM methods WHERE user_id = $1 ORDER BY created_at, id",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let kind: String = row.try_get("kind")?;
                Ok(MethodRecord {
                    id: row.try_get("id")?,
                    kind: serde_json::from_value(serde_json::Value::String(kind))
                        .map_err(|e| AppError::internal(format!("stored method kind: {e}")))?,
                    detail: row.try_get("detail")?,
                })
            })
            .collect()
    }
}
