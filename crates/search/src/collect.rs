//! Collecting matches from the fast-field columns (no stored document is
//! read): every match is counted, in the total and the facets; only the best
//! (see [`crate::best`]) are kept. Stored documents are read only for the
//! page that is answered.

use std::collections::HashMap;
use std::sync::Arc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use coophub_domain::geo::distance_km;

use crate::best::{Best, Matched, Ranking, answer_order};
use crate::facet_tables::{FACETS, FacetTable, FacetTables};
use crate::schema::{Fields, NO_PLACE};

/// The best matches, the number of all and the facet counts of one
/// segment, or of all once merged (then the best are in answer order).
#[derive(Debug, Default)]
pub(crate) struct Collected {
    pub best: Vec<Matched>,
    pub total: usize,
    pub kind: HashMap<String, u64>,
    pub region: HashMap<String, u64>,
    pub legal_form: HashMap<String, u64>,
    pub skill: HashMap<String, u64>,
}

/// Counts every match within `near` (latitude, longitude, radius km), if
/// given, and keeps the best `keep` as `ranking` orders them.
pub(crate) struct MatchCollector<'a> {
    near: Option<(f64, f64, f64)>,
    ranking: Ranking,
    keep: usize,
    /// The index's facet tables per segment.
    tables: &'a FacetTables,
}

/// A facet field's table in this segment and the counts of its term
/// ordinals (a vector indexed by ordinal: no hashing per match).
struct FacetColumn {
    table: Arc<FacetTable>,
    counts: Vec<u64>,
}

impl FacetColumn {
    fn new(
        collector: &MatchCollector<'_>,
        reader: &SegmentReader,
        name: &'static str,
    ) -> tantivy::Result<Self> {
        let table = match reader.fast_fields().str(name)? {
            Some(column) => collector.tables.of(reader, name, &column),
            None => Arc::new(FacetTable::empty()),
        };
        Ok(Self {
            counts: vec![0; table.names.len()],
            table,
        })
    }

    fn count(&mut self, doc: DocId) {
        for ord in self.table.ords(doc) {
            if let Some(count) = self.counts.get_mut(*ord as usize) {
                *count += 1;
            }
        }
    }

    fn into_named(self) -> HashMap<String, u64> {
        self.counts
            .into_iter()
            .enumerate()
            .filter(|(_, count)| *count > 0)
            .filter_map(|(ord, count)| Some((self.table.names.get(ord)?.clone(), count)))
            // The value of documents without one (dense facet columns).
            .filter(|(name, _)| !name.is_empty())
            .collect()
    }
}

/// Where a search is centred, its radius and the segment's location columns.
struct Near {
    centre: (f64, f64),
    radius_km: f64,
    latitude: Column<f64>,
    longitude: Column<f64>,
}

/// The per-segment half of [`MatchCollector`].
pub(crate) struct SegmentMatches {
    segment: SegmentOrdinal,
    /// The centre, the radius and the location columns, only when a search
    /// is near somewhere.
    near: Option<Near>,
    updated: Column<i64>,
    tiebreak: Column<u64>,
    kind: FacetColumn,
    region: FacetColumn,
    legal_form: FacetColumn,
    skill: FacetColumn,
    ranking: Ranking,
    best: Best,
    total: usize,
}

impl<'a> MatchCollector<'a> {
    /// A collector counting facets with the index's `tables`.
    pub(crate) fn over(
        tables: &'a FacetTables,
        near: Option<(f64, f64, f64)>,
        ranking: Ranking,
        keep: usize,
    ) -> Self {
        Self {
            near,
            ranking,
            keep,
            tables,
        }
    }
}

impl Collector for MatchCollector<'_> {
    type Fruit = Collected;
    type Child = SegmentMatches;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentMatches> {
        let fast = reader.fast_fields();
        let near = match self.near {
            Some((latitude, longitude, radius_km)) => Some(Near {
                centre: (latitude, longitude),
                radius_km,
                latitude: fast.f64(Fields::LATITUDE)?,
                longitude: fast.f64(Fields::LONGITUDE)?,
            }),
            None => None,
        };
        let [kind, region, legal_form, skill] =
            FACETS.map(|field| FacetColumn::new(self, reader, field));
        Ok(SegmentMatches {
            segment,
            near,
            updated: fast.i64(Fields::UPDATED)?,
            tiebreak: fast.u64(Fields::TIEBREAK)?,
            kind: kind?,
            region: region?,
            legal_form: legal_form?,
            skill: skill?,
            ranking: self.ranking,
            best: Best::new(self.keep),
            total: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Collected>) -> tantivy::Result<Collected> {
        let mut all = Collected::default();
        for fruit in fruits {
            all.best.extend(fruit.best);
            all.total += fruit.total;
            for (into, from) in [
                (&mut all.kind, fruit.kind),
                (&mut all.region, fruit.region),
                (&mut all.legal_form, fruit.legal_form),
                (&mut all.skill, fruit.skill),
            ] {
                for (name, count) in from {
                    *into.entry(name).or_default() += count;
                }
            }
        }
        all.best.sort_by(answer_order);
        all.best.truncate(self.keep);
        Ok(all)
    }
}

impl SegmentCollector for SegmentMatches {
    type Fruit = Collected;

    fn collect(&mut self, doc: DocId, score: Score) {
        let distance_km = match &self.near {
            Some(near) => {
                let at = near.latitude.first(doc).zip(near.longitude.first(doc));
                let placed = at.filter(|(latitude, _)| *latitude != NO_PLACE);
                match placed.map(|at| distance_km(near.centre, at)) {
                    Some(distance) if distance <= near.radius_km => Some(distance),
                    _ => return,
                }
            }
            None => None,
        };
        for facet in [
            &mut self.kind,
            &mut self.region,
            &mut self.legal_form,
            &mut self.skill,
        ] {
            facet.count(doc);
        }
        self.total += 1;
        let updated = || self.updated.first(doc).unwrap_or(0);
        // Read now only when the order is by it; else only for the admitted.
        let read = self.ranking.reads_updated().then(updated);
        let lead = self
            .ranking
            .lead(score, distance_km, read.unwrap_or_default());
        if self.best.admits(lead) {
            let matched = Matched {
                score,
                address: DocAddress::new(self.segment, doc),
                distance_km,
                lead,
                updated: read.unwrap_or_else(updated),
                tiebreak: self.tiebreak.first(doc).unwrap_or(0),
            };
            self.best.offer(matched);
        }
    }

    fn harvest(self) -> Collected {
        Collected {
            best: self.best.into_vec(),
            total: self.total,
            kind: self.kind.into_named(),
            region: self.region.into_named(),
            legal_form: self.legal_form.into_named(),
            skill: self.skill.into_named(),
        }
    }
}
