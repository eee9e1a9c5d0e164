//! Relevance statistics over only the documents a viewer may see.
//!
//! BM25 weighs a word by how many documents hold it and how long fields are
//! on average. Taken over the whole index, those figures include network-only
//! and deleted documents, so an outsider could learn that a hidden profile
//! holds a word by watching scores (or highlights) move. Scores and snippet
//! choices here are computed as if the index held only what the viewer sees.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use tantivy::collector::Count;
use tantivy::query::{Bm25StatisticsProvider, BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Term};
use tantivy::{DocId, Searcher, SegmentReader};

/// BM25 statistics over the live documents that `public_only` allows.
pub(crate) struct VisibleStatistics<'a> {
    searcher: &'a Searcher,
    /// The boolean field marking documents outsiders may see.
    public: Field,
    public_only: bool,
    docs: Cell<Option<u64>>,
    tokens: RefCell<HashMap<Field, u64>>,
}

impl<'a> VisibleStatistics<'a> {
    pub(crate) fn new(searcher: &'a Searcher, public: Field, public_only: bool) -> Self {
        Self {
            searcher,
            public,
            public_only,
            docs: Cell::new(None),
            tokens: RefCell::new(HashMap::new()),
        }
    }

    /// The searcher these statistics describe.
    pub(crate) fn searcher(&self) -> &'a Searcher {
        self.searcher
    }

    /// Whether `doc` of `segment` counts: alive, and public when that is asked.
    fn visible(&self, segment: &SegmentReader) -> tantivy::Result<impl Fn(DocId) -> bool> {
        let alive = segment.alive_bitset().cloned();
        let public = if self.public_only {
            let name = self.searcher.schema().get_field_name(self.public);
            Some(segment.fast_fields().bool(name)?)
        } else {
            None
        };
        Ok(move |doc: DocId| {
            alive.as_ref().is_none_or(|bits| bits.is_alive(doc))
                && public
                    .as_ref()
                    .is_none_or(|column| column.first(doc).unwrap_or(false))
        })
    }
}

impl Bm25StatisticsProvider for VisibleStatistics<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        if let Some(known) = self.tokens.borrow().get(&field) {
            return Ok(*known);
        }
        let mut total = 0u64;
        for segment in self.searcher.segment_readers() {
            let visible = self.visible(segment)?;
            let norms = segment.get_fieldnorms_reader(field)?;
            total += (0..segment.max_doc())
                .filter(|&doc| visible(doc))
                .map(|doc| u64::from(norms.fieldnorm(doc)))
                .sum::<u64>();
        }
        self.tokens.borrow_mut().insert(field, total);
        Ok(total)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        if let Some(known) = self.docs.get() {
            return Ok(known);
        }
        let mut total = 0u64;
        for segment in self.searcher.segment_readers() {
            let visible = self.visible(segment)?;
            total += (0..segment.max_doc()).filter(|&doc| visible(doc)).count() as u64;
        }
        self.docs.set(Some(total));
        Ok(total)
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        let holds: Box<dyn Query> =
            Box::new(TermQuery::new(term.clone(), IndexRecordOption::Basic));
        let mut clauses = vec![(Occur::Must, holds)];
        if self.public_only {
            clauses.push((
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_bool(self.public, true),
                    IndexRecordOption::Basic,
                )),
            ));
        }
        // Counting skips deleted documents.
        let count = self.searcher.search(&BooleanQuery::new(clauses), &Count)?;
        Ok(count as u64)
    }
}
