use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use secinfo_server::clock::{Clock, SystemClock};
use secinfo_server::config::{Config, Mode};
use secinfo_server::store::Store;
use secinfo_server::{AppState, app, bootstrap, oidc_keys, seed};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() {
    if let Err(error) = run().await {
        eprintln!("secinfo-server: {error}");
        std::process::exit(1);
    }
}

const KEYS_USAGE: &str = "usage: secinfo-server keys rotate\n  makes a new key sign OpenID Connect ID tokens from now on (keys also rotate by themselves every 30 days)";

async fn run() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let started = Instant::now();
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")),
        )
        .init();
    let config = Config::load()?;
    let store = Store::connect(&config.database_url).await?;
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);

    // `secinfo-server bootstrap …`: a new organization's first
    // administrator, on the configured database, in any mode.
    // `secinfo-server keys rotate`: a new key signs ID tokens from now on.
    let mut args = std::env::args().skip(1);
    if let Some(command) = args.next() {
        let state = AppState::new(config, store, clock);
        if command == "keys" {
            if args.next().as_deref() != Some("rotate") {
                return Err(KEYS_USAGE.into());
            }
            let kid = oidc_keys::rotate(&state).await?;
            println!(
                "Key {kid} signs ID tokens from now on; the earlier keys stay published until the tokens they signed expire."
            );
            return Ok(());
        }
        if command != "bootstrap" {
            return Err(format!(
                "unknown command {command}\n\n{}\n\n{KEYS_USAGE}",
                bootstrap::USAGE
            )
            .into());
        }
        let request = bootstrap::Bootstrap::from_args(args)?;
        let done = bootstrap::bootstrap(&state, &request).await?;
        print_bootstrapped(&done);
        return Ok(());
    }

    if config.demo_seed {
        let users = seed::seed_demo(&store, clock.now()).await?;
        if config.mode == Mode::Development {
            println!("Demo organization Contoso; sign in as:");
            for user in users {
                println!("  {:<36} {}", user.account_name, user.password);
            }
        }
    }

    spawn_housekeeping(store.clone(), clock.clone(), &config);
    let listener = tokio::net::TcpListener::bind(config.bind).await?;
    let origin = config.public_origin.clone();
    let seams = [
        (
            config.handset(),
            "test handset (texts and calls)",
            "/dev/handset",
        ),
        (config.dev_mailbox(), "dev mailbox (emails)", "/dev/mailbox"),
    ];
    let state = AppState::new(config, store, clock);
    // The keys are published before an application first asks for them.
    oidc_keys::ensure_current(&state).await?;
    secinfo_server::backchannel_logout::spawn_deliverer(state.clone());
    let router = app(state);
    println!(
        "secinfo is listening on {origin} (ready in {} ms)",
        started.elapsed().as_millis()
    );
    for (on, what, path) in seams {
        if on {
            println!("  {what}: {origin}{path}");
        }
    }
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    Ok(())
}

/// What the operator hands to the administrator: the pass, once.
fn print_bootstrapped(done: &bootstrap::Bootstrapped) {
    let what = if done.created {
        "Organization created."
    } else {
        "A new Temporary Access Pass was issued; any earlier one no longer works."
    };
    println!("{what}");
    println!("  administrator:          {}", done.admin);
    println!("  temporary access pass:  {}", done.pass.pass);
    let uses = if done.pass.one_time {
        "one sign-in"
    } else {
        "any number of sign-ins"
    };
    println!(
        "  valid for:              {} minutes, {uses}",
        done.pass.lifetime_minutes
    );
    println!("  sign in at:             {}", done.sign_in_address);
    println!(
        "Sign in with the account and this pass where the password goes, then register your methods."
    );
}

/// Forgets expired sessions every ten minutes.
fn spawn_housekeeping(store: Store, clock: Arc<dyn Clock>, config: &Config) {
    let idle = config.session.idle_minutes * 60;
    let absolute = config.session.absolute_hours * 3600;
    tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_mins(10));
        loop {
            every.tick().await;
            let now = clock.now();
            if let Err(error) = store
                .delete_expired_sessions(now - idle, now - absolute)
                .await
            {
                tracing::warn!(%error, "session housekeeping failed");
            }
            if let Err(error) = store.delete_expired_passkey_sign_ins(now).await {
                tracing::warn!(%error, "passkey sign-in housekeeping failed");
            }
        }
    });
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { () = ctrl_c => {}, () = terminate => {} }
}
