//! What the server counts for its operators, in Prometheus' text format
//! at `/metrics` (`routes/operations.rs`).
//!
//! Architecture Invariant: a label is one of a few known words (a route
//! template, a channel, a country, a method, a result), never what a
//! request carried: no path with an id in it, no number, no code (S43).

use std::sync::OnceLock;
use std::time::Duration;

use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

use crate::state::AppState;

/// Latency buckets, in seconds: from a cached read to a slow hash.
const SECONDS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();

/// How often recorded durations are folded into their buckets. Until then
/// the recorder keeps each as a sample of its own (16 bytes a request):
/// with nobody reading `/metrics`, the process grew with every request it
/// answered, for as long as it ran.
pub const UPKEEP_EVERY: Duration = Duration::from_secs(1);

/// The process's recorder, installed on first use (one per process: the
/// API tests run many servers in one, and their counters add up).
pub fn handle() -> &'static PrometheusHandle {
    HANDLE.get_or_init(|| {
        let builder = match PrometheusBuilder::new()
            .set_buckets_for_metric(Matcher::Suffix("_seconds".into()), SECONDS)
        {
            Ok(builder) => builder,
            // Only an empty bucket list is refused, and SECONDS is not.
            Err(_) => PrometheusBuilder::new(),
        };
        let recorder = builder.build_recorder();
        let handle = recorder.handle();
        // A thread, not a task: the API tests' servers run on runtimes
        // that end with each test, and the recorder is the process's.
        let kept = handle.clone();
        let upkeep = std::thread::Builder::new()
            .name("metrics-upkeep".into())
            .spawn(move || {
                loop {
                    std::thread::sleep(UPKEEP_EVERY);
                    kept.run_upkeep();
                }
            });
        if let Err(error) = upkeep {
            tracing::error!(%error, "the metrics' upkeep thread did not start");
        }
        // Another recorder already installed (a test harness's) keeps
        // counting; this handle then renders an empty page.
        let _ = metrics::set_global_recorder(recorder);
        handle
    })
}

/// One answered HTTP request. `route` is the route's template
/// (`/api/methods/{id}`), `static` for the client's files and pages, or
/// `/api/(none)` for an API address that is none.
pub fn request(route: &str, method: &str, status: u16, took: Duration) {
    let labels = [
        ("route", route.to_owned()),
        ("method", method.to_owned()),
        ("status", status.to_string()),
    ];
    metrics::counter!("secinfo_http_requests_total", &labels).increment(1);
    metrics::histogram!(
        "secinfo_http_request_duration_seconds",
        "route" => route.to_owned(),
        "method" => method.to_owned()
    )
    .record(took.as_secs_f64());
}

/// A one-time code sent: `channel` is text, call or email; `country` the
/// phone number's region (`NL`), empty for email.
pub fn code_sent(channel: &'static str, country: &str) {
    metrics::counter!(
        "secinfo_codes_sent_total",
        "channel" => channel,
        "country" => country.to_owned()
    )
    .increment(1);
}

/// A verification's outcome: `method` is how (sms, voice, email, app,
/// passkey, …), `result` verified or why not.
pub fn verification(method: &str, result: &'static str) {
    metrics::counter!(
        "secinfo_verifications_total",
        "method" => method.to_owned(),
        "result" => result
    )
    .increment(1);
}

/// A request refused by a rate limit; `limit` names the error code.
pub fn throttled(limit: &str) {
    metrics::counter!("secinfo_throttled_requests_total", "limit" => limit.to_owned()).increment(1);
}

/// A password hash waited `waited` for a slot of the hashing pool, behind
/// `queued` others.
pub fn hashing(queued: usize, waited: Duration) {
    metrics::gauge!("secinfo_password_hashing_queue").set(gauge(queued));
    metrics::histogram!("secinfo_password_hashing_wait_seconds").record(waited.as_secs_f64());
}

/// The page `/metrics` answers: the counters, and the gauges read now
/// (database pool, sessions open).
pub async fn render(state: &AppState) -> String {
    let handle = handle();
    let pool = state.store.pool();
    let size = f64::from(pool.size());
    let idle = gauge(pool.num_idle());
    metrics::gauge!("secinfo_db_pool_connections", "state" => "idle").set(idle);
    metrics::gauge!("secinfo_db_pool_connections", "state" => "in_use").set(size - idle);
    match state.store.count_sessions().await {
        Ok(open) => {
            metrics::gauge!("secinfo_sessions_open").set(gauge(usize::try_from(open).unwrap_or(0)));
        }
        Err(error) => tracing::warn!(%error, "counting sessions for /metrics failed"),
    }
    handle.render()
}

/// A count as a gauge's value (exact to four billion, which no queue,
/// pool or session table here comes near).
fn gauge(count: usize) -> f64 {
    u32::try_from(count).map_or(f64::from(u32::MAX), f64::from)
}
