//! Collecting matches from the fast-field columns (no stored document is
//! read): matches are counted, in the total and the facets, and only the
//! best (see [`crate::best`]) are kept. Stored documents are read only for
//! the page that is answered.
//!
//! Ranked by score, once [`EXACT_TOTAL_UP_TO`] matches are counted and the
//! page is full, counting stops, and windows of documents whose bound (see
//! [`crate::bound`]) cannot reach the page are skipped unread: the page is
//! the same, the total and the facets are those of the matches counted and
//! say they are lower bounds. Where counting stops depends only on the
//! matches (never on a bound, which hidden documents' words may raise).

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::query::{Bm25StatisticsProvider, Weight};
use tantivy::{DocAddress, DocId, DocSet, Score, SegmentOrdinal, SegmentReader, TERMINATED};

use coophub_domain::geo::Centre;

use crate::best::{Best, Matched, Ranking, answer_order};
use crate::bound::ScoreBound;
use crate::facet_tables::{FACETS, FacetTable, FacetTables};
use crate::schema::{Fields, NO_PLACE};

/// The best matches, the number of all and the facet counts of one
/// segment, or of all once merged (then the best are in answer order).
#[derive(Debug, Default)]
pub(crate) struct Collected {
    pub best: Vec<Matched>,
    pub total: usize,
    /// Whether every match was counted (else the total and the facets are
    /// lower bounds).
    pub exact: bool,
    pub kind: HashMap<String, u64>,
    pub region: HashMap<String, u64>,
    pub legal_form: HashMap<String, u64>,
    pub skill: HashMap<String, u64>,
}

/// Matches counted, at least, before counting may stop (Meilisearch's
/// `maxTotalHits` is 1,000 too): a search ranked by relevance that has
/// more says its total is at least this.
pub const EXACT_TOTAL_UP_TO: usize = 1_000;

/// Counts the matches within `near` (latitude, longitude, radius km), if
/// given, and keeps the best `keep` as `ranking` orders them.
pub(crate) struct MatchCollector<'a> {
    near: Option<(f64, f64, f64)>,
    ranking: Ranking,
    keep: usize,
    /// The index's facet tables per segment.
    tables: &'a FacetTables,
    /// The bound of the score and the statistics it is weighed with, when
    /// windows that cannot reach the page may be skipped.
    bound: Option<(&'a ScoreBound, &'a (dyn Bm25StatisticsProvider + Sync))>,
    /// Matches counted in the segments collected so far.
    counted: AtomicUsize,
    /// The highest lead (as f64 bits) a full page of a segment collected so
    /// far needed: no match below it is among the best of all.
    floor: AtomicU64,
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
        let table = collector.tables.of(reader, name)?;
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
    centre: Centre,
    radius_km: f64,
    /// Past this haversine from the centre, a place is beyond the radius.
    beyond: f64,
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
    /// Whether every match was counted.
    exact: bool,
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
            bound: None,
            counted: AtomicUsize::new(0),
            floor: AtomicU64::new(f64::NEG_INFINITY.to_bits()),
        }
    }

    /// Ranked by score, skips windows whose `bound` (weighed with
    /// `statistics`) cannot reach the page once enough are counted.
    pub(crate) fn skipping(
        mut self,
        bound: &'a ScoreBound,
        statistics: &'a (dyn Bm25StatisticsProvider + Sync),
    ) -> Self {
        if matches!(self.ranking, Ranking::Score { .. }) {
            self.bound = Some((bound, statistics));
        }
        self
    }

    /// Once counting stops (enough are counted and the page is full), the
    /// lead a match of `segment` needs to be among the best.
    fn floor(&self, segment: &SegmentMatches, counted_before: usize) -> Option<f64> {
        if counted_before + segment.total < EXACT_TOTAL_UP_TO {
            return None;
        }
        let before = f64::from_bits(self.floor.load(Ordering::Relaxed));
        let floor = segment.best.floor().map_or(before, |own| own.max(before));
        floor.is_finite().then_some(floor)
    }

    fn publish(&self, segment: &SegmentMatches) {
        self.counted.fetch_add(segment.total, Ordering::Relaxed);
        if let Some(own) = segment.best.floor() {
            let _ = self
                .floor
                .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |bits| {
                    (own > f64::from_bits(bits)).then_some(own.to_bits())
                });
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
                centre: Centre::new((latitude, longitude)),
                radius_km,
                beyond: Centre::haversine_beyond(radius_km),
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
            exact: true,
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn collect_segment(
        &self,
        weight: &dyn Weight,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Collected> {
        let mut matches = self.for_segment(segment, reader)?;
        let counted_before = self.counted.load(Ordering::Relaxed);
        let alive = reader.alive_bitset();
        // Whether `doc` is a match, and its distance.
        let placed = |matches: &SegmentMatches, doc: DocId| {
            alive
                .is_none_or(|alive| alive.is_alive(doc))
                .then(|| matches.place(doc))
                .flatten()
        };
        let mut scorer = weight.scorer(reader, 1.0)?;
        let mut doc = scorer.doc();
        // Every match is counted until counting may stop.
        while doc != TERMINATED
            && (self.bound.is_none() || self.floor(&matches, counted_before).is_none())
        {
            if let Some(distance_km) = placed(&matches, doc) {
                matches.count(doc);
                matches.rank(doc, scorer.score(), distance_km);
            }
            doc = scorer.advance();
        }
        if let Some((bound, statistics)) = self.bound
            && doc != TERMINATED
        {
            // Bounds are read only by searches that get this far.
            let windows = bound.windows(reader, statistics)?;
            while doc != TERMINATED {
                let Some(distance_km) = placed(&matches, doc) else {
                    doc = scorer.advance();
                    continue;
                };
                matches.exact = false;
                let floor = self.floor(&matches, counted_before).unwrap_or(f64::MIN);
                if !windows.reaches(doc, floor) {
                    match windows.next_reaching(doc, floor) {
                        Some(next) => doc = scorer.seek(next),
                        None => break,
                    }
                    continue;
                }
                matches.rank(doc, scorer.score(), distance_km);
                doc = scorer.advance();
            }
        }
        self.publish(&matches);
        Ok(matches.harvest())
    }

    fn merge_fruits(&self, fruits: Vec<Collected>) -> tantivy::Result<Collected> {
        let mut all = Collected {
            exact: true,
            ..Collected::default()
        };
        for fruit in fruits {
            all.best.extend(fruit.best);
            all.total += fruit.total;
            all.exact &= fruit.exact;
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

impl SegmentMatches {
    /// Whether `doc` is a match (within the radius, if any), and its
    /// distance (when the search is near somewhere).
    fn place(&self, doc: DocId) -> Option<Option<f64>> {
        let Some(near) = &self.near else {
            return Some(None);
        };
        let at = near.latitude.first(doc).zip(near.longitude.first(doc));
        let placed = at.filter(|(latitude, _)| *latitude != NO_PLACE);
        // Only a place short of `beyond` is measured (an arc tangent).
        let haversine = placed
            .map(|at| near.centre.haversine(at))
            .filter(|haversine| *haversine <= near.beyond)?;
        let distance = Centre::km(haversine);
        (distance <= near.radius_km).then_some(Some(distance))
    }

    /// Counts a match in the total and the facets.
    fn count(&mut self, doc: DocId) {
        for facet in [
            &mut self.kind,
            &mut self.region,
            &mut self.legal_form,
            &mut self.skill,
        ] {
            facet.count(doc);
        }
        self.total += 1;
    }

    /// Keeps a match if it is among the best so far.
    fn rank(&mut self, doc: DocId, score: Score, distance_km: Option<f64>) {
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
}

impl SegmentCollector for SegmentMatches {
    type Fruit = Collected;

    fn collect(&mut self, doc: DocId, score: Score) {
        if let Some(distance_km) = self.place(doc) {
            self.count(doc);
            self.rank(doc, score, distance_km);
        }
    }

    fn harvest(self) -> Collected {
        Collected {
            best: self.best.into_vec(),
            total: self.total,
            exact: self.exact,
            kind: self.kind.into_named(),
            region: self.region.into_named(),
            legal_form: self.legal_form.into_named(),
            skill: self.skill.into_named(),
        }
    }
}
