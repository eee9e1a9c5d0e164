//! Rebuilding the whole index in pages: the caller streams documents from
//! the database a page at a time, so memory stays bounded by a page and the
//! writer's budget, whatever the size of the directory.

use std::sync::MutexGuard;

use tantivy::{IndexWriter, TantivyError};

use crate::document::SearchDocument;
use crate::index::{SearchError, SearchIndex};

/// A rebuild in progress. It holds the writer, so nothing else is committed
/// meanwhile; searches keep seeing the previous index until
/// [`Rebuild::commit`]. Dropped without committing, it leaves the index as it was.
pub struct Rebuild<'a> {
    index: &'a SearchIndex,
    writer: MutexGuard<'a, IndexWriter>,
    committed: bool,
}

impl std::fmt::Debug for Rebuild<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rebuild").finish_non_exhaustive()
    }
}

impl SearchIndex {
    /// Starts replacing every document of the index.
    pub fn rebuild(&self) -> Result<Rebuild<'_>, SearchError> {
        let writer = self.lock_writer();
        writer.delete_all_documents()?;
        Ok(Rebuild {
            index: self,
            writer,
            committed: false,
        })
    }

    /// Merges every segment into one, without the documents deleted from
    /// them, and reloads the reader. Every query pays per segment (term
    /// dictionaries walked by typo automata, facet names) and for deleted
    /// documents; a rebuild flushes several segments, and the catch-up after
    /// it replaces thousands of documents (measured: 10,000 of 13,500
    /// deleted, in three segments), which the merge policy alone would keep
    /// until many more writes came. Called at start and after a rebuild.
    ///
    /// tantivy's merge policy runs merges of its own after commits; when one
    /// of them ends first with some of the same segments, this merge cannot
    /// be recorded, so it starts again from the segments there are then.
    pub fn merge_segments(&self) -> Result<(), SearchError> {
        const ATTEMPTS: usize = 5;
        let mut writer = self.lock_writer();
        for attempt in 1..=ATTEMPTS {
            let metas = self.index.searchable_segment_metas()?;
            if metas.len() <= 1 && !metas.iter().any(|m| m.has_deletes()) {
                break;
            }
            let ids: Vec<_> = metas.iter().map(|m| m.id()).collect();
            match writer.merge(&ids).wait() {
                Ok(_) => break,
                // The segments moved under this merge: take them again.
                Err(TantivyError::InvalidArgument(_)) if attempt < ATTEMPTS => {}
                Err(e) => return Err(e.into()),
            }
        }
        self.reader.reload()?;
        Ok(())
    }
}

impl Rebuild<'_> {
    /// Adds a page of documents (each document once per rebuild).
    pub fn add(&mut self, documents: &[SearchDocument]) -> Result<(), SearchError> {
        for doc in documents {
            self.writer.add_document(self.index.to_tantivy(doc))?;
        }
        Ok(())
    }

    /// Makes the new index searchable, recording `seq` as the change-log
    /// position it covers.
    pub fn commit(mut self, seq: i64) -> Result<(), SearchError> {
        self.index.commit(&mut self.writer, Some(seq))?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for Rebuild<'_> {
    fn drop(&mut self) {
        if !self.committed {
            // Nothing to report to: the previous commit stays the index.
            let _ = self.writer.rollback();
        }
    }
}
