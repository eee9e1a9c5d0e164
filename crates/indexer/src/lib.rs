//! coophub's indexer: one thread owns the search index's writer and follows the
//! change log. Write requests wait for it ([`SearchService::sync`]) before
//! they answer, so the next search on this instance sees the change; other
//! instances' changes arrive within a poll interval.

mod cursor;

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use coophub_domain::coop::Coop;
use coophub_search::{
    DocKind, SCHEMA_VERSION, SearchDocument, SearchIndex, coop_document, person_document,
};
use coophub_store::changes::{self, Change, Entity};
use coophub_store::{DbConnection, Store, StoreError, coops, people};
use tokio::sync::oneshot;

use cursor::Cursor;

/// How often the indexer looks for changes nobody asked it to wait for.
const POLL: Duration = Duration::from_millis(500);
/// Changes read from the log at once.
const BATCH: i64 = 5_000;
/// Co-ops read at once when rebuilding (with their people).
const REBUILD_PAGE: usize = 1_000;
/// How long a write request waits for the index before answering anyway.
const SYNC_TIMEOUT: Duration = Duration::from_secs(5);

type Ack = oneshot::Sender<()>;

/// Documents to replace, and (kind, id) of documents to remove.
type Batch = (Vec<SearchDocument>, Vec<(DocKind, String)>);

/// The search index and the thread that keeps it in step with the database.
#[derive(Clone)]
pub struct SearchService {
    index: Arc<SearchIndex>,
    requests: Sender<Ack>,
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
}

impl SearchService {
    /// Brings `index` up to date with `store` (rebuilding it when it is new or
    /// of another schema version), then follows the change log on a thread.
    pub fn start(store: Store, index: SearchIndex) -> Result<Self, IndexerError> {
        let index = Arc::new(index);
        let mut conn = store.conn()?;
        let mut cursor = match index.committed()? {
            Some(committed) if committed.schema == SCHEMA_VERSION => Cursor::at(committed.seq),
            _ => rebuild(&mut conn, &index, REBUILD_PAGE, &|_| {})?,
        };
        catch_up(&mut conn, &index, &mut cursor)?;
        drop(conn);
        let (requests, inbox) = std::sync::mpsc::channel();
        let worker = Arc::clone(&index);
        std::thread::Builder::new()
            .name("coophub-indexer".into())
            .spawn(move || follow(&store, &worker, cursor, &inbox))
            .map_err(|e| StoreError::Unavailable(format!("cannot start the indexer: {e}")))?;
        Ok(Self { index, requests })
    }

    /// The index, for searching.
    pub fn index(&self) -> &Arc<SearchIndex> {
        &self.index
    }

    /// Waits until every change committed before this call is searchable.
    /// Never fails a request: if the indexer is slow, the change is still in
    /// the log and will be applied.
    pub async fn sync(&self) {
        let (ack, done) = oneshot::channel();
        if self.requests.send(ack).is_err() {
            tracing::error!("the indexer has stopped");
            return;
        }
        if tokio::time::timeout(SYNC_TIMEOUT, done).await.is_err() {
            tracing::warn!("the search index did not catch up within {SYNC_TIMEOUT:?}");
        }
    }
}

/// The indexer thread: apply changes when asked, or every [`POLL`].
fn follow(store: &Store, index: &SearchIndex, mut cursor: Cursor, inbox: &Receiver<Ack>) {
    loop {
        let mut waiting = Vec::new();
        match inbox.recv_timeout(POLL) {
            Ok(ack) => waiting.push(ack),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
        waiting.extend(inbox.try_iter());
        let caught_up = store
            .conn()
            .map_err(IndexerError::from)
            .and_then(|mut conn| catch_up(&mut conn, index, &mut cursor));
        if let Err(error) = caught_up {
            tracing::error!(%error, "search indexing failed; retrying");
        }
        for ack in waiting {
            let _ = ack.send(());
        }
    }
}

/// How far a rebuild has come, after each page of co-ops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RebuildProgress {
    /// Co-ops read so far.
    pub coops: usize,
    /// Documents (co-ops and people) added so far.
    pub documents: usize,
}

/// Rebuilds the whole index from the database (`coophub reindex`), telling
/// `progress` after each page; answers how many documents it holds.
pub fn rebuild_index(
    store: &Store,
    index: &SearchIndex,
    progress: &dyn Fn(RebuildProgress),
) -> Result<u64, IndexerError> {
    rebuild(&mut *store.conn()?, index, REBUILD_PAGE, progress)?;
    Ok(index.len())
}

/// Rebuilds the whole index from the database, a page of co-ops (and their
/// people) at a time; answers the cursor to follow from.
fn rebuild(
    conn: &mut DbConnection,
    index: &SearchIndex,
    page_size: usize,
    progress: &dyn Fn(RebuildProgress),
) -> Result<Cursor, IndexerError> {
    let started = Instant::now();
    // Changes made while rebuilding are applied again afterwards.
    let seq = changes::latest(conn)?;
    let mut rebuild = index.rebuild()?;
    let mut done = RebuildProgress {
        coops: 0,
        documents: 0,
    };
    let mut after = None;
    loop {
        let page = coops::page_after(conn, after, page_size)?;
        let Some(last) = page.last() else { break };
        after = Some(last.id);
        let by_id: HashMap<_, _> = page.iter().map(|coop| (coop.id, coop)).collect();
        let ids: Vec<_> = by_id.keys().copied().collect();
        let mut batch: Vec<SearchDocument> = page.iter().map(coop_document).collect();
        for person in people::of_coops(conn, &ids)? {
            if let Some(coop) = by_id.get(&person.coop_id) {
                batch.push(person_document(&person, coop));
            }
        }
        rebuild.add(&batch)?;
        done.coops += page.len();
        done.documents += batch.len();
        progress(done);
    }
    rebuild.commit(seq)?;
    tracing::info!(
        documents = done.documents,
        elapsed_ms = started.elapsed().as_millis(),
        "rebuilt the search index"
    );
    Ok(Cursor::at(seq))
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

/// The current documents of what changed (deleted records become deletions).
fn documents_for(conn: &mut DbConnection, changed: &[&Change]) -> Result<Batch, IndexerError> {
    let mut upserts = Vec::new();
    let mut deletes = Vec::new();
    let mut coops_seen: HashMap<uuid::Uuid, Option<Coop>> = HashMap::new();
    let mut done = std::collections::HashSet::new();
    for change in changed {
        if !done.insert((change.entity, change.id)) {
            continue;
        }
        match change.entity {
            Entity::Coop => match coops::find_by_id(conn, change.id)? {
                Some(coop) => upserts.push(coop_document(&coop)),
                None => deletes.push((DocKind::Coop, change.id.to_string())),
            },
            Entity::Person => {
                let Some(person) = people::find(conn, change.id)? else {
                    deletes.push((DocKind::Person, change.id.to_string()));
                    continue;
                };
                let coop = match coops_seen.entry(person.coop_id) {
                    std::collections::hash_map::Entry::Occupied(known) => known.into_mut(),
                    std::collections::hash_map::Entry::Vacant(slot) => {
                        slot.insert(coops::find_by_id(conn, person.coop_id)?)
                    }
                };
                match coop.as_ref() {
                    Some(coop) => upserts.push(person_document(&person, coop)),
                    None => deletes.push((DocKind::Person, change.id.to_string())),
                }
            }
        }
    }
    Ok((upserts, deletes))
}

#[cfg(test)]
mod tests;
