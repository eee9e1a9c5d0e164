//! The names of facet terms, by ordinal, per segment. Segments never change
//! once written, so a segment's names are read from its term dictionary
//! once, when a search first meets the segment, instead of looking up each
//! counted ordinal in the dictionary on every query (which a profile under
//! load found to be a quarter of the time spent). Segments that merged
//! away are forgotten when a new one is met.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tantivy::SegmentReader;
use tantivy::columnar::StrColumn;
use tantivy::index::SegmentId;

/// A segment and one of its facet fields.
type Key = (SegmentId, &'static str);

/// Names per (segment, facet field).
#[derive(Debug, Default)]
pub(crate) struct FacetNames(Mutex<HashMap<Key, Arc<[String]>>>);

fn read(column: &StrColumn) -> Arc<[String]> {
    let dictionary = column.dictionary();
    let mut names = Vec::with_capacity(dictionary.num_terms());
    if let Ok(mut stream) = dictionary.stream() {
        while stream.advance() {
            names.push(String::from_utf8_lossy(stream.key()).into_owned());
        }
    }
    names.into()
}

impl FacetNames {
    /// The names of `field`'s terms in `reader`'s segment, by ordinal;
    /// `live` are the segments of the searcher asking.
    pub(crate) fn of(
        &self,
        reader: &SegmentReader,
        field: &'static str,
        column: &StrColumn,
        live: &[SegmentId],
    ) -> Arc<[String]> {
        let key = (reader.segment_id(), field);
        let Ok(mut map) = self.0.lock() else {
            return read(column);
        };
        if let Some(names) = map.get(&key) {
            return names.clone();
        }
        map.retain(|(segment, _), _| live.contains(segment));
        let names = read(column);
        map.insert(key, names.clone());
        names
    }

    /// How many (segment, field) tables are kept.
    #[cfg(test)]
    pub(crate) fn kept(&self) -> usize {
        self.0.lock().map_or(0, |map| map.len())
    }
}
