//! Argon2id password hashing, always on the blocking pool: a hash takes
//! tens of milliseconds of CPU and must not stall other requests (S16).
//!
//! New hashes use OWASP's 9 MiB × 4 passes × 1 lane, which its cheat sheet
//! lists as equal in defence to 19 MiB × 2 (the crate's default): the same
//! work in half the memory, so that two hashes at once fit the process's
//! 50 MiB beside everything else. Every hash holds that memory while it
//! runs, so at most `permits()` run at once (F7): as many as there are
//! cores, within `MEMORY_BUDGET_BYTES`. A request that finds them all busy
//! waits up to `MAX_WAIT`, then gets 503 `server-busy`. The process's
//! memory under a sign-in storm is thus its idle size plus `permits()`
//! hashes. Older hashes (19 MiB) still verify, in memory of their own that
//! is freed afterwards, and are made anew with today's parameters at the
//! person's next sign-in (`directory::renew_outdated_hash`).

use std::sync::OnceLock;
use std::time::Duration;

use models::ErrorCode;
use tokio::sync::Semaphore;

use argon2::password_hash::phc::{Output, ParamsString, PasswordHash, Salt};
use argon2::{Algorithm, Argon2, Block, Params, Version};

use crate::error::{AppError, AppResult};

/// Argon2id's memory (KiB) and passes for new hashes.
const M_COST_KIB: u32 = 9 * 1024;
const T_COST: u32 = 4;
/// The memory all concurrent hashes may hold together.
const MEMORY_BUDGET_BYTES: usize = 20 << 20;
/// How long a request waits for a free hashing slot.
const MAX_WAIT: Duration = Duration::from_secs(10);

/// How many hashes may run at once: one per core, within the budget.
pub fn permits() -> usize {
    let per_hash = M_COST_KIB as usize * 1024;
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    cores.clamp(1, (MEMORY_BUDGET_BYTES / per_hash).max(1))
}

type Job = Box<dyn FnOnce() + Send>;

/// The hashing threads: `permits()` long-lived threads that take jobs in
/// turn. Long-lived on purpose: the allocator keeps a freed hash's memory
/// with the thread that used it, so a new thread per hash (as on tokio's
/// blocking pool) would keep a new 19 MiB each time, up to gigabytes.
struct Pool {
    slots: Semaphore,
    /// Hashes waiting for a slot (the metrics' queue).
    waiting: std::sync::atomic::AtomicUsize,
    jobs: std::sync::Mutex<std::sync::mpsc::Sender<Job>>,
}

fn pool() -> &'static Pool {
    static POOL: OnceLock<Pool> = OnceLock::new();
    POOL.get_or_init(|| {
        let (sender, receiver) = std::sync::mpsc::channel::<Job>();
        let receiver = std::sync::Arc::new(std::sync::Mutex::new(receiver));
        let mut started = 0;
        for n in 0..permits() {
            let receiver = receiver.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("argon2-{n}"))
                .spawn(move || {
                    loop {
                        let job = match receiver.lock() {
                            Ok(jobs) => jobs.recv(),
                            Err(_) => return,
                        };
                        match job {
                            Ok(job) => job(),
                            Err(_) => return,
                        }
                    }
                });
            match spawned {
                Ok(_) => started += 1,
                // Fewer threads hash more slowly; none, and every hash
                // waits out `MAX_WAIT` and answers `server-busy`.
                Err(error) => tracing::error!(%error, "a hashing thread did not start"),
            }
        }
        Pool {
            slots: Semaphore::new(started),
            waiting: std::sync::atomic::AtomicUsize::new(0),
            jobs: std::sync::Mutex::new(sender),
        }
    })
}

/// Runs one Argon2id computation on a hashing thread, once one is free.
async fn bounded<T: Send + 'static>(
    work: impl FnOnce() -> AppResult<T> + Send + 'static,
) -> AppResult<T> {
    use std::sync::atomic::Ordering::Relaxed;
    let pool = pool();
    let queued = pool.waiting.fetch_add(1, Relaxed);
    let asked = std::time::Instant::now();
    let permit = tokio::time::timeout(MAX_WAIT, pool.slots.acquire()).await;
    pool.waiting.fetch_sub(1, Relaxed);
    crate::metrics::hashing(queued, asked.elapsed());
    let _permit = permit
        .map_err(|_| AppError::because(crate::error::Refusal::Busy, ErrorCode::ServerBusy))?
        .map_err(|e| AppError::internal("failed", e))?;
    let (done, result) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        let _ = done.send(work());
    });
    pool.jobs
        .lock()
        .map_err(|_| AppError::broken("hashing pool poisoned"))?
        .send(job)
        .map_err(|_| AppError::broken("hashing threads gone"))?;
    result
        .await
        .map_err(|_| AppError::broken("a hashing job was dropped"))?
}

/// Hashes `password` into an Argon2id PHC string with a random salt.
pub async fn hash(password: String) -> AppResult<String> {
    bounded(move || hash_now(&password)).await
}

fn hash_now(password: &str) -> AppResult<String> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| AppError::internal("OS RNG failed", e))?;
    let params = new_hash_params()?;
    let mut out = [0u8; Params::DEFAULT_OUTPUT_LEN];
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
    with_memory(&argon, &params, password.as_bytes(), &salt, &mut out)?;
    let phc = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params).map_err(argon2_error)?,
        salt: Some(Salt::new(&salt).map_err(argon2_error)?),
        hash: Some(Output::new(&out).map_err(argon2_error)?),
    };
    Ok(phc.to_string())
}

/// Whether `password` gives the stored PHC string's hash (compared in
/// constant time by `Output`).
fn verify_now(password: &str, phc: &str) -> AppResult<bool> {
    let parsed = PasswordHash::new(phc).map_err(argon2_error)?;
    let algorithm = Algorithm::try_from(parsed.algorithm.as_ref()).map_err(argon2_error)?;
    let version = parsed
        .version
        .map(Version::try_from)
        .transpose()
        .map_err(argon2_error)?
        .unwrap_or_default();
    let params = Params::try_from(&parsed).map_err(argon2_error)?;
    let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else {
        return Err(AppError::broken("stored hash without salt or output"));
    };
    let mut out = vec![0u8; expected.as_bytes().len()];
    let argon = Argon2::new(algorithm, version, params.clone());
    with_memory(&argon, &params, password.as_bytes(), &salt, &mut out)?;
    Ok(Output::new(&out).map_err(argon2_error)? == expected)
}

/// The parameters of new hashes.
fn new_hash_params() -> AppResult<Params> {
    Params::new(M_COST_KIB, T_COST, 1, None).map_err(argon2_error)
}

/// Whether a stored hash was made otherwise than new ones are (an older
/// hash: 19 MiB × 2). Verifying it holds memory the hashing budget does not
/// count, so it is made anew when the password is next at hand. A string
/// that does not parse is left to `verify` to refuse.
pub fn is_outdated(phc: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(phc) else {
        return false;
    };
    let (Ok(params), Ok(new)) = (Params::try_from(&parsed), new_hash_params()) else {
        return false;
    };
    let algorithm = Algorithm::try_from(parsed.algorithm.as_ref());
    let version = parsed.version.map(Version::try_from);
    algorithm != Ok(Algorithm::Argon2id)
        || !matches!(version, Some(Ok(Version::V0x13)))
        || (params.m_cost(), params.t_cost(), params.p_cost())
            != (new.m_cost(), new.t_cost(), new.p_cost())
}

thread_local! {
    /// This hashing thread's Argon2 memory, allocated once and reused: a
    /// fresh allocation per hash fragments the heap until the process
    /// holds hundreds of MiB (F7, measured).
    static MEMORY: std::cell::RefCell<Vec<Block>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn with_memory(
    argon: &Argon2,
    params: &Params,
    password: &[u8],
    salt: &[u8],
    out: &mut [u8],
) -> AppResult<()> {
    let blocks = params.block_count();
    // Stored hashes are ours, made with our parameters or (older ones) the
    // crate's defaults: a larger cost is refused rather than allowed to
    // grow the memory.
    if blocks > Params::DEFAULT.block_count() {
        return Err(AppError::broken(
            "stored hash costs more memory than allowed",
        ));
    }
    if blocks > new_hash_params()?.block_count() {
        // An older hash: its memory is not kept for the next one.
        let mut memory = vec![Block::default(); blocks];
        return argon
            .hash_password_into_with_memory(password, salt, out, &mut memory[..])
            .map_err(argon2_error);
    }
    MEMORY.with(|memory| {
        let mut memory = memory.borrow_mut();
        if memory.len() < blocks {
            memory.resize(blocks, Block::default());
        }
        argon
            .hash_password_into_with_memory(password, salt, out, &mut memory[..blocks])
            .map_err(argon2_error)
    })
}

fn argon2_error(e: impl std::fmt::Display) -> AppError {
    AppError::internal("argon2", e.to_string())
}

/// Checks `password` against a stored PHC string. With `None` (no such
/// account) it still spends the time of a real check, so response times do
/// not tell which account names exist.
pub async fn verify(password: String, stored: Option<String>) -> AppResult<bool> {
    bounded(move || {
        let account_exists = stored.is_some();
        let phc = match stored.as_deref() {
            Some(s) => s,
            None => decoy_hash()?,
        };
        let matches = verify_now(&password, phc)?;
        Ok(matches && account_exists)
    })
    .await
}

fn decoy_hash() -> AppResult<&'static str> {
    static DECOY: OnceLock<String> = OnceLock::new();
    if let Some(h) = DECOY.get() {
        return Ok(h);
    }
    let made = hash_now(&crate::secret::random_token(16)?)?;
    Ok(DECOY.get_or_init(|| made))
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot unwrap has failed"
)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn s16_passwords_are_argon2id_and_verify() {
        let stored = hash("correct horse".into()).await.unwrap();
        assert!(stored.starts_with("$argon2id$"), "{stored}");
        assert!(!stored.contains("correct horse"));
        assert!(
            verify("correct horse".into(), Some(stored.clone()))
                .await
                .unwrap()
        );
        assert!(!verify("wrong horse".into(), Some(stored)).await.unwrap());
        assert!(!verify("anything".into(), None).await.unwrap());
    }

    #[tokio::test]
    async fn hashes_made_by_the_crates_own_hasher_still_verify() {
        use argon2::password_hash::PasswordHasher;
        let stored = Argon2::default()
            .hash_password(b"older hash")
            .unwrap()
            .to_string();
        assert!(
            verify("older hash".into(), Some(stored.clone()))
                .await
                .unwrap()
        );
        assert!(!verify("other".into(), Some(stored.clone())).await.unwrap());
        let ours = hash("ours".into()).await.unwrap();
        assert!(ours.contains("m=9216,t=4,p=1"), "{ours}");
        assert!(is_outdated(&stored), "{stored}");
        assert!(!is_outdated(&ours), "{ours}");
        use argon2::password_hash::PasswordVerifier;
        let parsed = PasswordHash::new(&ours).unwrap();
        assert!(Argon2::default().verify_password(b"ours", &parsed).is_ok());
    }

    #[tokio::test]
    async fn salts_differ_between_hashes() {
        let a = hash("same".into()).await.unwrap();
        let b = hash("same".into()).await.unwrap();
        assert_ne!(a, b);
    }
}
