//! Relevance statistics over only the documents a viewer may see.
//!
//! BM25 weighs a word by how many documents hold it and how long fields are
//! on average. Taken over the whole index, those figures include network-only
//! and deleted documents, so an outsider could learn that a hidden profile
//! holds a word by watching scores (or highlights) move. Scores and snippet
//! choices here are computed as if the index held only what the viewer sees.

use std::collections::HashMap;
use std::sync::Mutex;

use tantivy::collector::Count;
use tantivy::query::{Bm25StatisticsProvider, BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Term};
use tantivy::{DocId, Searcher, SegmentReader};

/// Document and token totals per reader generation and audience: counting
/// them reads every document's field lengths, so it is done once per reload
/// (that is, once per write), not once per query.
#[derive(Debug, Default)]
pub(crate) struct TotalsCache(Mutex<HashMap<(u64, bool), Totals>>);

#[derive(Debug, Default, Clone)]
struct Totals {
    docs: Option<u64>,
    tokens: HashMap<Field, u64>,
    /// Documents holding a term; popular words repeat from query to query.
    terms: HashMap<Term, u64>,
}

/// Terms whose counts are kept per generation, at most.
const MOST_TERMS: usize = 10_000;

impl TotalsCache {
    /// The cached value `read` picks for `key`, or `compute`d and kept (with
    /// `store`); entries of older generations are dropped.
    fn get_or<T: Copy>(
        &self,
        key: (u64, bool),
        read: impl Fn(&Totals) -> Option<T>,
        store: impl Fn(&mut Totals, T),
        compute: impl FnOnce() -> tantivy::Result<T>,
    ) -> tantivy::Result<T> {
        if let Some(known) = self
            .0
            .lock()
            .ok()
            .and_then(|map| map.get(&key).and_then(&read))
        {
            return Ok(known);
        }
        let value = compute()?;
        if let Ok(mut map) = self.0.lock() {
            map.retain(|(generation, _), _| *generation == key.0);
            store(map.entry(key).or_default(), value);
        }
        Ok(value)
    }
}

/// BM25 statistics over the live documents that `public_only` allows.
pub(crate) struct VisibleStatistics<'a> {
    searcher: &'a Searcher,
    /// The boolean field marking documents outsiders may see.
    public: Field,
    public_only: bool,
    totals: &'a TotalsCache,
}

impl<'a> VisibleStatistics<'a> {
    pub(crate) fn new(
        searcher: &'a Searcher,
        public: Field,
        public_only: bool,
        totals: &'a TotalsCache,
    ) -> Self {
        Self {
            searcher,
            public,
            public_only,
            totals,
        }
    }

    fn key(&self) -> (u64, bool) {
        (self.searcher.generation().generation_id(), self.public_only)
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
        self.totals.get_or(
            self.key(),
            |totals| totals.tokens.get(&field).copied(),
            |totals, total| {
                totals.tokens.insert(field, total);
            },
            || {
                let mut total = 0u64;
                for segment in self.searcher.segment_readers() {
                    let visible = self.visible(segment)?;
                    let norms = segment.get_fieldnorms_reader(field)?;
                    total += (0..segment.max_doc())
                        .filter(|&doc| visible(doc))
                        .map(|doc| u64::from(norms.fieldnorm(doc)))
                        .sum::<u64>();
                }
                Ok(total)
            },
        )
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        self.totals.get_or(
            self.key(),
            |totals| totals.docs,
            |totals, total| totals.docs = Some(total),
            || {
                let mut total = 0u64;
                for segment in self.searcher.segment_readers() {
                    let visible = self.visible(segment)?;
                    total += (0..segment.max_doc()).filter(|&doc| visible(doc)).count() as u64;
                }
                Ok(total)
            },
        )
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        self.totals.get_or(
            self.key(),
            |totals| totals.terms.get(term).copied(),
            |totals, count| {
                if totals.terms.len() < MOST_TERMS {
                    totals.terms.insert(term.clone(), count);
                }
            },
            || {
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
            },
        )
    }
}
