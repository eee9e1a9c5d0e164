//! Rebuilding the whole index from the database. One thread reads the next
//! page of documents while this one hands the last to the index's writer:
//! read one after the other, the writer's thread waited for the database
//! about a third of a rebuild.

use std::sync::mpsc::sync_channel;
use std::time::Instant;

use coophub_search::{SearchDocument, SearchIndex};
use coophub_store::changes;
use coophub_store::{DbConnection, Store, coops};

use crate::cursor::Cursor;
use crate::kinds::{self, KINDS};
use crate::{IndexerError, REBUILD_PAGE, RECHECK};

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
    index.merge_segments()?;
    Ok(index.len())
}

/// Rebuilds the whole index from the database, a page of co-ops (and their
/// people) at a time; answers the cursor to follow from.
pub(crate) fn rebuild(
    conn: &mut DbConnection,
    index: &SearchIndex,
    page_size: usize,
    progress: &dyn Fn(RebuildProgress),
) -> Result<Cursor, IndexerError> {
    let started = Instant::now();
    // Changes made while rebuilding (and a window before) are applied again
    // afterwards; what was pruned is older than any transaction in flight.
    // (Its position is recorded, not guessed from the oldest change left: a
    // transaction in flight can hold a position below that one.)
    let pruned_through = changes::pruned_through(conn)?;
    let seq = (changes::latest(conn)? - RECHECK)
        .max(pruned_through)
        .max(0);
    let mut rebuild = index.rebuild()?;
    let mut done = RebuildProgress {
        coops: 0,
        documents: 0,
    };
    // One page waits while another is added: memory stays at two pages.
    let (pages, read) = sync_channel::<(usize, Vec<SearchDocument>)>(1);
    let (added, reading) = std::thread::scope(|scope| {
        let reader = scope.spawn(move || {
            document_pages(conn, page_size, &mut |coops, batch| {
                pages
                    .send((coops, batch))
                    .map_err(|_| IndexerError::RebuildStopped)
            })
        });
        let mut added = Ok(());
        for (coops, batch) in &read {
            if let Err(error) = rebuild.add(&batch) {
                added = Err(error);
                break;
            }
            done.coops += coops;
            done.documents += batch.len();
            progress(done);
        }
        // The reader stops at its next page once nobody takes it.
        drop(read);
        let reading = reader
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (added, reading)
    });
    // A failure to add stops the reading: that failure is the one to tell.
    added?;
    reading?;
    rebuild.commit(seq)?;
    tracing::info!(
        documents = done.documents,
        elapsed_ms = started.elapsed().as_millis(),
        "rebuilt the search index"
    );
    Ok(Cursor::at(seq))
}

/// Hands `each` every searchable document in the database, as the index
/// builds them: a page of `page_size` co-ops with their people and listings
/// (with the page's co-op count), then pages of opportunities (count 0). The
/// rebuild and the benchmark's full-text baseline read the corpus this way.
pub fn document_pages(
    conn: &mut DbConnection,
    page_size: usize,
    each: &mut dyn FnMut(usize, Vec<SearchDocument>) -> Result<(), IndexerError>,
) -> Result<(), IndexerError> {
    let mut after = None;
    loop {
        let page = coops::page_after(conn, after, page_size)?;
        let Some(last) = page.last() else { break };
        after = Some(last.id);
        let mut batch = Vec::new();
        for kind in KINDS {
            batch.extend(kind.for_coops(conn, &page)?);
        }
        each(page.len(), batch)?;
    }
    let mut after = None;
    loop {
        let (batch, last) = kinds::opportunity_page(conn, after, page_size)?;
        let Some(last) = last else { break };
        after = Some(last);
        each(0, batch)?;
    }
    Ok(())
}
