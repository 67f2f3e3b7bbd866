use super::Store;
use crate::clock::UnixTime;
use crate::error::AppResult;

/// Counter counted in one bucket's current window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counter {
    pub count: i64,
    pub window_start: UnixTime,
}

impl Store {
    /// The failures in `bucket` whose window began after `window_opened_after`.
    pub async fn counter(&self, bucket: &str, window_opened_after: UnixTime) -> AppResult<Counter> {
        let row: Option<(i64, i64)> = sqlx::query_as(
            "SELECT failures, window_start FROM throttle WHERE bucket = $1 AND window_start > $2",
        )
        .bind(bucket)
        .bind(window_opened_after)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map_or(
            Counter {
                count: 0,
                window_start: 0,
            },
            |(count, window_start)| Counter {
                count,
                window_start,
            },
        ))
    }

    /// Adds one failure in a single statement, so parallel requests each
    /// count (no read-then-write race), and opens a new window when the
    /// old one began at or before `window_opened_after`.
    pub async fn bump_counter(
        &self,
        bucket: &str,
        now: UnixTime,
        window_opened_after: UnixTime,
    ) -> AppResult<()> {
        sqlx::query(
            "INSERT INTO throttle (bucket, window_start, failures) VALUES ($1, $2, 1) \
             ON CONFLICT (bucket) DO UPDATE SET \
               failures = CASE WHEN throttle.window_start <= $3 THEN 1 ELSE throttle.failures + 1 END, \
               window_start = CASE WHEN throttle.window_start <= $3 THEN $2 ELSE throttle.window_start END",
        )
        .bind(bucket)
        .bind(now)
        .bind(window_opened_after)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn clear_counter(&self, bucket: &str) -> AppResult<()> {
        sqlx::query("DELETE FROM throttle WHERE bucket = $1")
            .bind(bucket)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
