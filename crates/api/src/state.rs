//! What every handler shares: the store, token keys, clock and rate limits,
//! plus the one way to run blocking work (diesel queries, password hashing)
//! off the HTTP worker threads.

use std::sync::Arc;

use actix_web::web;
use coophub_domain::Clock;
use coophub_domain::access::Viewer;
use coophub_store::{DbConnection, Store, StoreError, changes};
use tracing::Span;

use crate::auth::{Caller, LoginLimiter, SignUpLimiter, TokenKeys};
use crate::middleware::read_your_writes::recorded;
use crate::problem::ApiError;

/// Shared application state, one per server (cloned cheaply into workers via `web::Data`).
#[derive(Debug)]
pub struct AppState {
    /// The database.
    pub store: Store,
    /// Token signing and verification.
    pub tokens: TokenKeys,
    /// The time, as rules see it.
    pub clock: Arc<dyn Clock>,
    /// Login attempt limits.
    pub login_limiter: LoginLimiter,
    /// Registrations per client address.
    pub sign_up_limiter: SignUpLimiter,
    /// The search index and its indexer.
    pub search: coophub_indexer::SearchService,
    /// Where clients reach the API (no trailing slash): links in answers are
    /// built from it, never from the request's `Host` header, which anyone sets.
    pub public_url: String,
    /// Which endpoint addresses webhooks may be registered with.
    pub webhook_addresses: coophub_domain::webhook::AddressRule,
    /// Whether an SMTP server is configured: without one nothing is mailed,
    /// and the email settings say so.
    pub mail_enabled: bool,
}

impl AppState {
    /// Runs `query` with a pooled connection on the blocking pool.
    pub async fn db<T, F>(&self, query: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut DbConnection) -> Result<T, StoreError> + Send + 'static,
    {
        self.db_api(move |conn| query(conn).map_err(ApiError::from))
            .await
    }

    /// Loads the caller's viewer and runs `query` with it, in one trip to the
    /// blocking pool and on one connection: for reads.
    pub async fn read<T, F>(
        &self,
        caller: impl Into<Caller>,
        query: F,
    ) -> Result<(Viewer, T), ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut DbConnection, &Viewer) -> Result<T, ApiError> + Send + 'static,
    {
        let caller = caller.into();
        self.db_api(move |conn| {
            let viewer = caller.viewer(conn)?;
            let value = query(conn, &viewer)?;
            Ok((viewer, value))
        })
        .await
    }

    /// Like [`Self::read`], but the viewer, the access decision and the change
    /// run in one write transaction that cannot be overtaken
    /// ([`coophub_store::write`]). `change` may run again after a lost race.
    pub async fn write<T, F>(
        &self,
        caller: impl Into<Caller>,
        mut change: F,
    ) -> Result<(Viewer, T), ApiError>
    where
        T: Send + 'static,
        F: FnMut(&mut DbConnection, &Viewer) -> Result<T, ApiError> + Send + 'static,
    {
        let caller = caller.into();
        let (viewer, value, position) = self
            .db_api(move |conn| {
                coophub_store::write(conn, |conn| {
                    let before = changes::latest(conn)?;
                    let viewer = caller.viewer(conn)?;
                    let value = change(conn, &viewer)?;
                    // What this transaction wrote to the change log, if anything.
                    let after = changes::latest(conn)?;
                    Ok((viewer, value, (after > before).then_some(after)))
                })
            })
            .await?;
        if let Some(position) = position {
            recorded(position);
        }
        Ok((viewer, value))
    }

    async fn db_api<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut DbConnection) -> Result<T, ApiError> + Send + 'static,
    {
        let store = self.store.clone();
        blocking(move || work(&mut *store.conn()?)).await
    }
}

/// Runs CPU-heavy or blocking `work` on the blocking pool, inside the caller's
/// tracing span so that its log lines keep the request id.
pub async fn blocking<T, F>(work: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, ApiError> + Send + 'static,
{
    let span = Span::current();
    web::block(move || span.in_scope(work))
        .await
        .map_err(ApiError::internal)?
}
