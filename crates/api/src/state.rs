//! What every handler shares: the store, token keys, clock and rate limits,
//! plus the one way to run blocking work (diesel queries, password hashing)
//! off the HTTP worker threads.

use std::sync::Arc;

use actix_web::web;
use coophub_domain::Clock;
use coophub_store::{DbConnection, Store, StoreError};
use tracing::Span;

use crate::auth::{LoginLimiter, TokenKeys};
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
    /// The search index and its indexer.
    pub search: crate::indexer::SearchService,
}

impl AppState {
    /// Runs `query` with a pooled connection on the blocking pool.
    pub async fn db<T, F>(&self, query: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut DbConnection) -> Result<T, StoreError> + Send + 'static,
    {
        let store = self.store.clone();
        blocking(move || {
            let mut conn = store.conn()?;
            query(&mut conn).map_err(ApiError::from)
        })
        .await
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
