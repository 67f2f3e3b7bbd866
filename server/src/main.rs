use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use secinfo_server::cli::{self, Command};
use secinfo_server::clock::{Clock, SystemClock};
use secinfo_server::config::{Config, LogFormat, Mode};
use secinfo_server::store::{MigrationState, Store};
use secinfo_server::{AppState, app, backup, bootstrap, oidc_keys, seed};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() {
    if let Err(error) = run().await {
        eprintln!("secinfo-server: {error}");
        std::process::exit(1);
    }
}

type Failure = Box<dyn std::error::Error + Send + Sync>;

async fn run() -> Result<(), Failure> {
    let started = Instant::now();
    let command = Command::parse(std::env::args().skip(1))?;
    match command {
        Command::Help => {
            println!("{}\n\n{}", cli::USAGE, bootstrap::USAGE);
            return Ok(());
        }
        Command::Version => {
            println!(
                "secinfo-server {} (schema {})",
                env!("CARGO_PKG_VERSION"),
                Store::schema_version()
            );
            return Ok(());
        }
        Command::CheckConfig(file) => return check_config(file),
        _ => {}
    }
    let config = Config::load()?;
    init_logging(&config);
    match command {
        Command::MigrateStatus => {
            let store = Store::open(&config.database_url).await?;
            let pending = print_migrations(&store.migrations().await?);
            if pending > 0 {
                println!("{pending} to apply: secinfo-server migrate apply");
            }
            Ok(())
        }
        Command::MigrateApply => {
            let store = Store::open(&config.database_url).await?;
            let before = store.migrations().await?;
            store.migrate().await?;
            let applied = store.migrations().await?;
            let newly = applied.iter().filter(|m| m.applied).count()
                - before.iter().filter(|m| m.applied).count();
            println!(
                "{newly} applied; the schema is at {}",
                applied.iter().map(|m| m.version).max().unwrap_or_default()
            );
            Ok(())
        }
        Command::Backup(path) => {
            // PostgreSQL has its own tools: said before connecting; and a
            // database that is not there is not made to be backed up.
            let live = backup::sqlite_path(&config.database_url)?;
            if !live.is_file() {
                return Err(format!("{}: no database there", live.display()).into());
            }
            let store = Store::open(&config.database_url).await?;
            let bytes = backup::backup(&store, &path).await?;
            println!("Backed up to {} ({bytes} bytes).", path.display());
            Ok(())
        }
        Command::Restore(path) => {
            backup::restore(&path, &config.database_url).await?;
            println!(
                "Restored {} to {}; start the server.",
                path.display(),
                config.database_url
            );
            Ok(())
        }
        Command::KeysRotate => {
            let store = Store::connect(&config.database_url).await?;
            let state = AppState::new(config, store, Arc::new(SystemClock));
            let kids = oidc_keys::rotate_in_use(&state).await?;
            println!(
                "{} {} sign ID tokens from now on; the earlier keys stay published until the tokens they signed expire.",
                if kids.len() == 1 { "Key" } else { "Keys" },
                kids.join(" and ")
            );
            Ok(())
        }
        Command::Bootstrap(request) => {
            let store = Store::connect(&config.database_url).await?;
            let state = AppState::new(config, store, Arc::new(SystemClock));
            let done = bootstrap::bootstrap(&state, &request).await?;
            print_bootstrapped(&done);
            Ok(())
        }
        Command::Health => health(&config).await,
        Command::Serve => serve(config, started).await,
        Command::Help | Command::Version | Command::CheckConfig(_) => Ok(()),
    }
}

/// Prints each problem of a configuration on a line of its own; the
/// server refuses to start on the very same lines.
fn check_config(file: Option<PathBuf>) -> Result<(), Failure> {
    let file = file.unwrap_or_else(|| {
        std::env::var("SECINFO_CONFIG")
            .unwrap_or_else(|_| "secinfo.toml".into())
            .into()
    });
    match Config::load_from(&file) {
        Ok(config) => {
            println!(
                "{}: the configuration is good ({:?} mode, {})",
                file.display(),
                config.mode,
                config.database_url.split(':').next().unwrap_or_default()
            );
            Ok(())
        }
        Err(problems) => {
            for problem in &problems {
                println!("{}: {problem}", file.display());
            }
            Err(format!("{} problem(s) in the configuration", problems.len()).into())
        }
    }
}

/// Asks the local server of this configuration whether it is ready.
async fn health(config: &Config) -> Result<(), Failure> {
    let mut address = config.bind;
    if address.ip().is_unspecified() {
        address.set_ip(std::net::Ipv4Addr::LOCALHOST.into());
    }
    let answer = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(4))
        .build()?
        .get(format!("http://{address}/health/ready"))
        .send()
        .await?;
    let status = answer.status();
    let body = answer.text().await.unwrap_or_default();
    println!("{status} {body}");
    if status.is_success() {
        Ok(())
    } else {
        Err(format!("not ready: {status}").into())
    }
}

/// One line per migration; returns how many are still to apply.
fn print_migrations(migrations: &[MigrationState]) -> usize {
    for migration in migrations {
        let state = match (migration.applied, migration.known) {
            (true, true) => "applied",
            (false, _) => "pending",
            (true, false) => "applied by a newer version",
        };
        println!(
            "{} {:<28} {}",
            migration.version, state, migration.description
        );
    }
    migrations.iter().filter(|m| !m.applied).count()
}

fn init_logging(config: &Config) {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    let logs = tracing_subscriber::fmt().with_env_filter(filter);
    match config.log.format {
        LogFormat::Text => logs.init(),
        LogFormat::Json => logs
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .init(),
    }
}

async fn serve(config: Config, started: Instant) -> Result<(), Failure> {
    let store = Store::connect(&config.database_url).await?;
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    if config.demo_seed {
        let users = seed::seed_demo(&store, clock.now()).await?;
        if config.mode == Mode::Development && config.log.format == LogFormat::Text {
            println!("Demo organization Contoso; sign in as:");
            for user in users {
                println!("  {:<36} {}", user.account_name, user.password);
            }
        }
    }

    spawn_housekeeping(store.clone(), clock.clone(), &config);
    backup::spawn_schedule(store.clone(), clock.clone(), config.backup.clone());
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
    let json = state.config.log.format == LogFormat::Json;
    let router = app(state);
    let ready_in = started.elapsed().as_millis();
    // A JSON log is JSON throughout: its collector reads every line.
    if json {
        tracing::info!(%origin, ready_in_ms = %ready_in, "listening");
    } else {
        println!("secinfo is listening on {origin} (ready in {ready_in} ms)");
    }
    for (on, what, path) in seams {
        if on && json {
            tracing::info!(seam = what, address = %format_args!("{origin}{path}"), "development seam");
        } else if on {
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
                .delete_expired_sessions(now - idle, now - absolute, now)
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
