use super::Store;
use super::StoreResult;
use crate::clock::UnixTime;

/// Counter counted in one bucket's current window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counter {
    pub count: i64,
    pub window_start: UnixTime,
}

impl Store {
    /// The failures in `bucket` whose window began after `window_opened_after`.
    pub async fn counter(
        &self,
        bucket: &str,
        window_opened_after: UnixTime,
    ) -> StoreResult<Counter> {
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
    ) -> StoreResult<()> {
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

    pub async fn clear_counter(&self, bucket: &str) -> StoreResult<()> {
        sqlx::query("DELETE FROM throttle WHERE bucket = $1")
            .bind(bucket)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

impl Store {
    /// Takes one unit from every bucket of `limits`, or from none: each
    /// bucket is raised by one conditional statement that refuses once it
    /// holds `limit` units in its window, so parallel requests can never
    /// pass a limit together. Several buckets are raised in one transaction
    /// that begins with a write, so a refusal by a later bucket takes
    /// nothing from the earlier ones; one bucket needs none (the statement
    /// is the whole change: on the hot path of every code checked, that is
    /// two round trips fewer). Returns the index of the first limit that
    /// refused, with when its window ends.
    pub async fn take(
        &self,
        limits: &[(&str, i64, i64)],
        now: UnixTime,
    ) -> StoreResult<Option<(usize, UnixTime)>> {
        if let [(bucket, limit, window)] = limits {
            if raise(&self.pool, bucket, *limit, now - window, now).await? {
                return Ok(None);
            }
            let ends = window_end(&self.pool, bucket, *window, now).await?;
            return Ok(Some((0, ends)));
        }
        let mut tx = self.pool.begin().await?;
        for (index, (bucket, limit, window)) in limits.iter().enumerate() {
            if !raise(&mut *tx, bucket, *limit, now - window, now).await? {
                let ends = window_end(&mut *tx, bucket, *window, now).await?;
                tx.rollback().await?;
                return Ok(Some((index, ends)));
            }
        }
        tx.commit().await?;
        Ok(None)
    }

    /// Returns a unit taken for an attempt that turned out not to count
    /// (a right password or code), in one statement.
    pub async fn give_back(&self, bucket: &str) -> StoreResult<()> {
        sqlx::query(
            "UPDATE throttle SET failures = failures - 1 WHERE bucket = $1 AND failures > 0",
        )
        .bind(bucket)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}

/// Raises `bucket` by one unless it holds `limit` units in a window opened
/// after `opened_after` (a window that old starts anew at `now`); whether
/// it did.
async fn raise<'e>(
    executor: impl sqlx::Executor<'e, Database = sqlx::Any>,
    bucket: &str,
    limit: i64,
    opened_after: UnixTime,
    now: UnixTime,
) -> StoreResult<bool> {
    if limit <= 0 {
        return Ok(false);
    }
    let raised: Option<i64> = sqlx::query_scalar(
        "INSERT INTO throttle (bucket, window_start, failures) VALUES ($1, $2, 1) \
         ON CONFLICT (bucket) DO UPDATE SET \
           failures = CASE WHEN throttle.window_start <= $3 THEN 1 ELSE throttle.failures + 1 END, \
           window_start = CASE WHEN throttle.window_start <= $3 THEN $2 ELSE throttle.window_start END \
         WHERE throttle.window_start <= $3 OR throttle.failures < $4 \
         RETURNING failures",
    )
    .bind(bucket)
    .bind(now)
    .bind(opened_after)
    .bind(limit)
    .fetch_optional(executor)
    .await?;
    Ok(raised.is_some())
}

/// When the window of a bucket that refused ends.
async fn window_end<'e>(
    executor: impl sqlx::Executor<'e, Database = sqlx::Any>,
    bucket: &str,
    window: i64,
    now: UnixTime,
) -> StoreResult<UnixTime> {
    let window_start: Option<i64> =
        sqlx::query_scalar("SELECT window_start FROM throttle WHERE bucket = $1")
            .bind(bucket)
            .fetch_optional(executor)
            .await?;
    Ok(window_start.map_or(now + window, |start| start + window))
}
