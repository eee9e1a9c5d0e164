//! The facet terms of each document and their names, per segment. Segments
//! never change once written, so a segment's table is read from its columns
//! once, when a reload makes the segment searchable: counting a match is then an
//! array lookup, where reading the four columns for every match was a
//! quarter of a search's time at 100k, and looking each counted ordinal up
//! in the term dictionary before that another quarter. Tables of segments no
//! searcher holds any more are dropped (tantivy collects them about once a
//! second).

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use tantivy::columnar::{Cardinality, StrColumn};
use tantivy::index::SegmentId;
use tantivy::{DocId, Searcher, SearcherGeneration, SegmentReader, Warmer};

use crate::schema::Fields;

/// The facet fields, each counted per match.
pub(crate) const FACETS: [&str; 4] = [
    Fields::KIND,
    Fields::REGION,
    Fields::LEGAL_FORM,
    Fields::SKILLS,
];

/// A segment and one of its facet fields.
type Key = (SegmentId, &'static str);

/// The term ordinals of every document of a segment in one facet field, and
/// the terms' names by ordinal.
#[derive(Debug)]
pub(crate) struct FacetTable {
    pub names: Arc<[String]>,
    ords: DocOrds,
}

/// Term ordinals by document.
#[derive(Debug)]
enum DocOrds {
    /// At most one term per document ([`NONE`] for none).
    One(Vec<u32>),
    /// The ordinals of document `d` are `ords[starts[d]..starts[d + 1]]`.
    Many { starts: Vec<u32>, ords: Vec<u32> },
}

/// A document without a term in a single-valued table.
const NONE: u32 = u32::MAX;

impl FacetTable {
    fn read(reader: &SegmentReader, column: &StrColumn) -> Self {
        let dictionary = column.dictionary();
        let mut names = Vec::with_capacity(dictionary.num_terms());
        if let Ok(mut stream) = dictionary.stream() {
            while stream.advance() {
                names.push(String::from_utf8_lossy(stream.key()).into_owned());
            }
        }
        // Ordinals are below the number of terms, which a segment's u32
        // document ids bound well under u32::MAX.
        let ord = |ord: u64| u32::try_from(ord).unwrap_or(NONE);
        let docs = 0..reader.max_doc();
        let single = column.ords().get_cardinality() != Cardinality::Multivalued;
        let ords = if single {
            DocOrds::One(
                docs.map(|doc| column.term_ords(doc).next().map_or(NONE, ord))
                    .collect(),
            )
        } else {
            let (mut starts, mut ords) = (vec![0], Vec::new());
            for doc in docs {
                ords.extend(column.term_ords(doc).map(ord));
                starts.push(u32::try_from(ords.len()).unwrap_or(u32::MAX));
            }
            DocOrds::Many { starts, ords }
        };
        Self {
            names: names.into(),
            ords,
        }
    }

    /// A table of no document and no term (a segment without the column).
    fn empty() -> Self {
        Self {
            names: Arc::from(Vec::new()),
            ords: DocOrds::One(Vec::new()),
        }
    }

    /// The term ordinals of `doc`.
    pub(crate) fn ords(&self, doc: DocId) -> &[u32] {
        let doc = doc as usize;
        match &self.ords {
            DocOrds::One(ords) => match ords.get(doc) {
                Some(ord) if *ord != NONE => std::slice::from_ref(ord),
                _ => &[],
            },
            DocOrds::Many { starts, ords } => {
                let range = starts.get(doc).zip(starts.get(doc + 1));
                range
                    .and_then(|(start, end)| ords.get(*start as usize..*end as usize))
                    .unwrap_or(&[])
            }
        }
    }
}

/// Tables per (segment, facet field), read when a reload makes segments
/// searchable (a [`Warmer`] of the index's reader: on the indexer's thread,
/// before searches see the segment, not on the first search to meet it) and
/// dropped when no searcher holds their segment any more.
#[derive(Debug, Default)]
pub(crate) struct FacetTables(Mutex<HashMap<Key, Arc<FacetTable>>>);

impl FacetTables {
    /// The table of `field` in `reader`'s segment (read now if no reload
    /// warmed it; its column is opened only then).
    pub(crate) fn of(
        &self,
        reader: &SegmentReader,
        field: &'static str,
    ) -> tantivy::Result<Arc<FacetTable>> {
        let key = (reader.segment_id(), field);
        if let Some(table) = self.0.lock().ok().and_then(|map| map.get(&key).cloned()) {
            return Ok(table);
        }
        let table = Arc::new(match reader.fast_fields().str(field)? {
            Some(column) => FacetTable::read(reader, &column),
            None => FacetTable::empty(),
        });
        if let Ok(mut map) = self.0.lock() {
            map.insert(key, table.clone());
        }
        Ok(table)
    }

    /// How many (segment, field) tables are kept.
    #[cfg(test)]
    pub(crate) fn kept(&self) -> usize {
        self.0.lock().map_or(0, |map| map.len())
    }
}

impl Warmer for FacetTables {
    fn warm(&self, searcher: &Searcher) -> tantivy::Result<()> {
        for reader in searcher.segment_readers() {
            for field in FACETS {
                self.of(reader, field)?;
            }
        }
        Ok(())
    }

    fn garbage_collect(&self, live: &[&SearcherGeneration]) {
        let live: HashSet<SegmentId> = live
            .iter()
            .flat_map(|generation| generation.segments().keys().copied())
            .collect();
        if let Ok(mut map) = self.0.lock() {
            map.retain(|(segment, _), _| live.contains(segment));
        }
    }
}
