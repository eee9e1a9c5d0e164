//! coophub's indexer: one thread owns the search index's writer and follows the
//! change log. A write that recorded a change waits for it
//! ([`SearchService::sync_to`] the log position it reached) before it answers,
//! so the next search on this instance sees the change; other instances'
//! changes arrive within a poll interval.

mod cursor;
mod kinds;
mod rebuild;

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use coophub_domain::Clock;
use coophub_search::{DocKind, SCHEMA_VERSION, SearchDocument, SearchIndex};
use coophub_store::changes::{self, Change};
use coophub_store::{DbConnection, Store, StoreError};
use tokio::sync::oneshot;

use cursor::Cursor;
use kinds::KINDS;
use rebuild::rebuild;
pub use rebuild::{RebuildProgress, document_pages, rebuild_index};
use uuid::Uuid;

/// How often the indexer looks for changes nobody asked it to wait for.
const POLL: Duration = Duration::from_millis(500);
/// Changes read from the log at once.
const BATCH: i64 = 5_000;
/// Co-ops read at once when rebuilding (with their people).
const REBUILD_PAGE: usize = 1_000;
/// Changes re-applied after a rebuild: more than the transactions in flight
/// while it started can have logged. On PostgreSQL one of them may commit a
/// change with a lower position than the newest after the rebuild has read
/// past its record; re-applying is harmless, missing it is not.
const RECHECK: i64 = 10_000;
/// How often offers that lapsed are dropped from the index.
const SWEEP_EVERY: Duration = Duration::from_secs(60);
/// How often the change log is pruned.
const PRUNE_EVERY: Duration = Duration::from_secs(3600);
/// How long a write request waits for the index before answering anyway.
const SYNC_TIMEOUT: Duration = Duration::from_secs(5);

/// A position in the change log a request waits for, and how to tell it.
type Wait = (i64, oneshot::Sender<()>);

/// Documents to replace, and (kind, id) of documents to remove.
type Batch = (Vec<SearchDocument>, Vec<(DocKind, String)>);

/// The search index and the thread that keeps it in step with the database.
#[derive(Clone)]
pub struct SearchService {
    index: Arc<SearchIndex>,
    requests: Sender<Wait>,
}

impl std::fmt::Debug for SearchService {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchService").finish_non_exhaustive()
    }
}

/// Why the index could not be brought up to date.
#[derive(Debug, thiserror::Error)]
pub enum IndexerError {
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The index failed.
    #[error(transparent)]
    Search(#[from] coophub_search::SearchError),
    /// A rebuild stopped reading pages: adding one to the index had failed
    /// (that failure is the one answered).
    #[error("the rebuild stopped reading")]
    RebuildStopped,
}

/// How the indexer keeps the change log.
#[derive(Debug, Clone)]
pub struct Retention {
    /// Changes older than this are pruned; an index that fell further behind
    /// is rebuilt when it starts.
    pub keep: chrono::Duration,
    /// The time, as the rules (and the change log's timestamps) see it.
    pub clock: Arc<dyn Clock>,
}

impl SearchService {
    /// Brings `index` up to date with `store` (rebuilding it when it is new,
    /// of another schema version, or older than the retained change log), then
    /// follows the change log on a thread, pruning it as `retention` says.
    pub fn start(
        store: Store,
        index: SearchIndex,
        retention: Retention,
    ) -> Result<Self, IndexerError> {
        let index = Arc::new(index);
        let mut conn = store.conn()?;
        let pruned_through = changes::pruned_through(&mut conn)?;
        let mut cursor = match index.committed()? {
            // Below what was pruned, changes may be missing from the log.
            Some(committed)
                if committed.schema == SCHEMA_VERSION && committed.seq >= pruned_through =>
            {
                Cursor::at(committed.seq)
            }
            _ => rebuild(&mut conn, &index, REBUILD_PAGE, &|_| {})?,
        };
        index.set_spellings(coophub_store::skills::spellings(&mut conn)?);
        catch_up(&mut conn, &index, &mut cursor)?;
        drop(conn);
        index.merge_segments()?;
        let (requests, inbox) = std::sync::mpsc::channel();
        let worker = Arc::clone(&index);
        std::thread::Builder::new()
            .name("coophub-indexer".into())
            .spawn(move || follow(&store, &worker, cursor, &inbox, &retention))
            .map_err(|e| StoreError::Unavailable(format!("cannot start the indexer: {e}")))?;
        Ok(Self { index, requests })
    }

    /// The index, for searching.
    pub fn index(&self) -> &Arc<SearchIndex> {
        &self.index
    }

    /// Waits until the changes a transaction recorded, up to log position
    /// `position`, are searchable (call it after the commit). Never fails a
    /// request: if the indexer is slow, the change is still in the log and
    /// will be applied.
    pub async fn sync_to(&self, position: i64) {
        let (ack, done) = oneshot::channel();
        if self.requests.send((position, ack)).is_err() {
            tracing::error!("the indexer has stopped");
            return;
        }
        if tokio::time::timeout(SYNC_TIMEOUT, done).await.is_err() {
            tracing::warn!("the search index did not catch up within {SYNC_TIMEOUT:?}");
        }
    }
}

/// The indexer thread: apply changes when asked, or every [`POLL`]. A wait
/// for a position already behind the cursor is answered at once; the others
/// after a pass over the log, which starts after their commit and so sees it
/// (even when an older transaction still holds a hole below it).
fn follow(
    store: &Store,
    index: &SearchIndex,
    mut cursor: Cursor,
    inbox: &Receiver<Wait>,
    retention: &Retention,
) {
    let mut pruned_at: Option<Instant> = None;
    // Offers that lapsed before the indexer started are swept first.
    let mut swept_to = chrono::DateTime::<chrono::Utc>::UNIX_EPOCH;
    let mut swept_at: Option<Instant> = None;
    loop {
        if pruned_at.is_none_or(|at| at.elapsed() >= PRUNE_EVERY) {
            pruned_at = Some(Instant::now());
            prune(store, retention);
        }
        let mut waiting = Vec::new();
        match inbox.recv_timeout(POLL) {
            Ok(wait) => waiting.push(wait),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
        waiting.extend(inbox.try_iter());
        let (done, waiting): (Vec<Wait>, Vec<Wait>) = waiting
            .into_iter()
            .partition(|(position, _)| *position <= cursor.low());
        for (_, ack) in done {
            let _ = ack.send(());
        }
        let caught_up = store
            .conn()
            .map_err(IndexerError::from)
            .and_then(|mut conn| catch_up(&mut conn, index, &mut cursor));
        if let Err(error) = caught_up {
            tracing::error!(%error, "search indexing failed; retrying");
        }
        for (_, ack) in waiting {
            let _ = ack.send(());
        }
        // After the waiting writes are answered, and not on every poll:
        // searches skip lapsed offers already; only statistics wait for this.
        if swept_at.is_none_or(|at| at.elapsed() >= SWEEP_EVERY) {
            swept_at = Some(Instant::now());
            match sweep(store, index, &cursor, swept_to, retention.clock.now()) {
                Ok(now) => swept_to = now,
                Err(error) => tracing::warn!(%error, "sweeping lapsed offers failed; retrying"),
            }
        }
    }
}

/// Drops the offers that lapsed after `after` (and by `now`) from the index:
/// searches skip them already, but relevance statistics count what is
/// indexed. Answers `now`, the next sweep's start.
fn sweep(
    store: &Store,
    index: &SearchIndex,
    cursor: &Cursor,
    after: chrono::DateTime<chrono::Utc>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<chrono::DateTime<chrono::Utc>, IndexerError> {
    let lapsed = coophub_store::sharing::offers::lapsed_between(&mut *store.conn()?, after, now)?;
    if !lapsed.is_empty() {
        let deletes: Vec<(DocKind, String)> = lapsed
            .iter()
            .map(|id| (DocKind::Offer, id.to_string()))
            .collect();
        index.apply_at(cursor.low(), &[], &deletes)?;
    }
    Ok(now)
}

/// Prunes the change log below the retention window (errors are logged: the
/// next round tries again).
fn prune(store: &Store, retention: &Retention) {
    let before = retention.clock.now() - retention.keep;
    match store
        .conn()
        .map(|mut conn| changes::prune(&mut conn, before))
    {
        Ok(Ok(0)) => {}
        Ok(Ok(pruned)) => tracing::info!(pruned, "pruned the search change log"),
        Ok(Err(error)) | Err(error) => tracing::warn!(%error, "pruning the change log failed"),
    }
}

/// Applies every change in the log the cursor has not applied yet.
fn catch_up(
    conn: &mut DbConnection,
    index: &SearchIndex,
    cursor: &mut Cursor,
) -> Result<(), IndexerError> {
    let mut after = cursor.low();
    loop {
        let batch = changes::since(conn, after, BATCH)?;
        let Some(last) = batch.last().map(|c| c.seq) else {
            cursor.applied([], Instant::now());
            return Ok(());
        };
        let fresh: Vec<&Change> = batch.iter().filter(|c| !cursor.has(c.seq)).collect();
        if fresh
            .iter()
            .any(|c| c.entity == changes::Entity::Vocabulary)
        {
            index.set_spellings(coophub_store::skills::spellings(conn)?);
        }
        if !fresh.is_empty() {
            let (upserts, deletes) = documents_for(conn, &fresh)?;
            // The commit records where a restart must resume: the position after this batch.
            let mut next = cursor.clone();
            next.applied(fresh.iter().map(|c| c.seq), Instant::now());
            index.apply_at(next.low(), &upserts, &deletes)?;
            *cursor = next;
        } else {
            // Nothing new, but time passes: an old hole may now be skipped.
            cursor.applied([], Instant::now());
        }
        if i64::try_from(batch.len()).unwrap_or(i64::MAX) < BATCH {
            return Ok(());
        }
        after = last;
    }
}

/// The current documents of what changed; records that are gone become deletions.
fn documents_for(conn: &mut DbConnection, changed: &[&Change]) -> Result<Batch, IndexerError> {
    let mut upserts = Vec::new();
    let mut deletes = Vec::new();
    for kind in KINDS {
        let mut ids: Vec<Uuid> = changed
            .iter()
            .filter(|change| change.entity == kind.entity())
            .map(|change| change.id)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let documents = kind.for_ids(conn, &ids)?;
        let found: HashSet<&str> = documents.iter().map(|d| d.id.as_str()).collect();
        deletes.extend(
            ids.iter()
                .map(Uuid::to_string)
                .filter(|id| !found.contains(id.as_str()))
                .map(|id| (kind.doc_kind(), id)),
        );
        upserts.extend(documents);
    }
    Ok((upserts, deletes))
}

#[cfg(test)]
mod tests;
