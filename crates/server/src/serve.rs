//! Start-up: open the database, apply migrations, load the secret, bind, serve.

use std::sync::Arc;

use actix_web::{HttpServer, web};
use coophub_api::auth::{LoginLimiter, SignUpLimiter, TokenKeys};
use coophub_api::middleware::{AddressLimiter, Metrics};
use coophub_api::{AppState, HttpSettings, Shared, app};
use coophub_domain::{Clock, SystemClock};
use coophub_indexer::{Retention, SearchService};
use coophub_search::{SearchError, SearchIndex};
use coophub_store::{PoolOptions, Store};

use crate::config::Settings;
use crate::secret;

/// A bound, ready-to-run server.
pub struct Application {
    server: actix_web::dev::Server,
    address: std::net::SocketAddr,
}

impl Application {
    /// Prepares everything the server needs and binds its address (port 0
    /// picks a free port: see [`Application::address`]).
    pub async fn build(settings: &Settings) -> anyhow::Result<Self> {
        Self::build_with_clock(settings, Arc::new(SystemClock)).await
    }

    /// As [`Application::build`], with rules reading the time from `clock`
    /// (tests set it to check what depends on dates).
    pub async fn build_with_clock(
        settings: &Settings,
        clock: Arc<dyn Clock>,
    ) -> anyhow::Result<Self> {
        let store = open_store(settings).await?;
        let search = start_search(settings, store.clone(), clock.clone()).await?;
        let secret = secret::load_or_create(settings.jwt_secret.as_deref(), &settings.data_dir)?;
        // Bound first, so that links default to the address actually listened on.
        let listener = std::net::TcpListener::bind(settings.bind)
            .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", settings.bind))?;
        let address = listener.local_addr()?;
        let public_url = settings
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{address}"));
        crate::webhooks::start(
            store.clone(),
            clock.clone(),
            settings.webhooks.clone(),
            public_url.clone(),
        )?;
        crate::reminders::start(store.clone(), clock.clone(), settings.reminder_interval);
        crate::mail::start(
            store.clone(),
            clock.clone(),
            &settings.mail,
            public_url.clone(),
        )?;
        let state = AppState {
            public_url,
            store,
            tokens: TokenKeys::new(&secret, settings.token_ttl)?,
            clock,
            search,
            login_limiter: LoginLimiter::new(
                settings.login_attempts_per_account,
                settings.login_attempts_per_address,
            ),
            sign_up_limiter: SignUpLimiter::new(settings.registrations_per_address),
            webhook_addresses: settings.webhooks.addresses,
            mail_enabled: settings.mail.smtp_url.is_some(),
        };
        let shared = Shared {
            state: web::Data::new(state),
            metrics: web::Data::new(Metrics::new()?),
            settings: HttpSettings {
                json_limit: settings.json_limit,
                cors: settings.cors.clone(),
                body_timeout: settings.request_body_timeout,
            },
            per_address: web::Data::new(AddressLimiter::new(settings.max_requests_per_address)),
            trusted_proxies: web::Data::new(settings.trusted_proxies.clone()),
        };
        let workers = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
        let pages = web::Data::new(settings.pages.clone());
        let server = HttpServer::new(move || {
            app(shared.clone())
                .configure(coophub_web::pages)
                .app_data(pages.clone())
                .default_service(web::to(coophub_web::not_matched))
        })
        .workers(workers)
        .worker_max_blocking_threads(blocking_threads(settings.database_pool_size, workers))
        .client_request_timeout(settings.request_head_timeout)
        .keep_alive(settings.keep_alive)
        .shutdown_timeout(settings.shutdown_timeout)
        .listen(listener)
        .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", settings.bind))?;
        Ok(Self {
            server: server.run(),
            address,
        })
    }

    /// The address the server listens on.
    pub fn address(&self) -> std::net::SocketAddr {
        self.address
    }

    /// Serves until SIGTERM or SIGINT, then lets in-flight requests finish.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        tracing::info!(address = %self.address, "listening on http://{}", self.address);
        self.server.await?;
        tracing::info!("stopped");
        Ok(())
    }
}

/// Threads each worker may run blocking work on (queries, searches,
/// password hashing): the database pool's connections shared out, at least
/// two. actix's default (512 per worker) let a burst of searches start
/// dozens of threads, each keeping its own allocator arena: resident memory
/// grew under load and never came back. More threads than connections would
/// only wait for one, and the searches they run are CPU-bound on few cores.
fn blocking_threads(pool_size: u32, workers: usize) -> usize {
    usize::try_from(pool_size)
        .unwrap_or(usize::MAX)
        .div_ceil(workers.max(1))
        .max(2)
}

/// Where the search index lives.
pub fn search_index_dir(settings: &Settings) -> std::path::PathBuf {
    settings.data_dir.join("search-index")
}

/// Opens the search index in `dir`, replacing it with an empty one when it is
/// unreadable (corrupt, of another schema or other settings): it is rebuilt
/// from the database.
/// An index another process writes to is left alone, and is an error.
pub fn open_search_index(dir: &std::path::Path) -> anyhow::Result<SearchIndex> {
    match SearchIndex::open_or_create(dir) {
        Ok(index) => Ok(index),
        Err(SearchError::Busy) => Err(anyhow::anyhow!(
            "the search index {} is in use by another coophub process (a running server?)",
            dir.display()
        )),
        Err(error) => {
            tracing::warn!(%error, dir = %dir.display(), "the search index cannot be opened; rebuilding it");
            std::fs::remove_dir_all(dir)?;
            Ok(SearchIndex::open_or_create(dir)?)
        }
    }
}

/// Opens the search index in the data directory (rebuilding it when it is
/// missing, corrupt or of another schema) and starts the indexer.
async fn start_search(
    settings: &Settings,
    store: Store,
    clock: Arc<dyn Clock>,
) -> anyhow::Result<SearchService> {
    let dir = search_index_dir(settings);
    let retention = Retention {
        keep: chrono::Duration::from_std(settings.search_change_retention)?,
        clock,
    };
    let service = web::block(move || -> anyhow::Result<SearchService> {
        Ok(SearchService::start(
            store,
            open_search_index(&dir)?,
            retention,
        )?)
    })
    .await??;
    Ok(service)
}

/// Opens the pool, applies pending migrations and loads the built-in skills
/// vocabulary, off the async threads.
pub async fn open_store(settings: &Settings) -> anyhow::Result<Store> {
    std::fs::create_dir_all(&settings.data_dir).map_err(|e| {
        anyhow::anyhow!(
            "cannot create data directory {}: {e}",
            settings.data_dir.display()
        )
    })?;
    let url = settings.database_url.clone();
    let options = PoolOptions {
        max_size: settings.database_pool_size,
        ..PoolOptions::default()
    };
    let store = web::block(move || -> anyhow::Result<Store> {
        let store = Store::connect(&url, options)?;
        let applied = store.migrate()?;
        if applied > 0 {
            tracing::info!(
                applied,
                backend = store.backend().name(),
                "applied migrations"
            );
        }
        let seeded = coophub_store::skills::seed(&mut *store.conn()?, SystemClock.now())?;
        if seeded > 0 {
            tracing::info!(seeded, "added built-in skills");
        }
        Ok(store)
    })
    .await??;
    Ok(store)
}
