//! The best matches of a search, kept as they are collected: a bounded heap
//! of the page and the pages before it. A match that cannot enter it is
//! dropped on its score (or distance) alone, so the columns that only break
//! ties (when it changed, a hash of its key) are read for few matches, and
//! no list of every match is kept and sorted.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use tantivy::{DocAddress, Score};

/// One match that may be answered.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Matched {
    pub score: Score,
    pub address: DocAddress,
    pub distance_km: Option<f64>,
    /// What orders it before ties are broken: larger first.
    pub lead: f64,
    pub updated: i64,
    pub tiebreak: u64,
}

/// How matches are ordered; ties go to the most recently changed, then to a
/// stable hash of the key.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Ranking {
    /// Best score first; with `nearer_ranks_higher`, a score is halved at
    /// 25 km, so a match next door outranks a slightly better one across
    /// the county.
    Score { nearer_ranks_higher: bool },
    /// Nearest first (every match has a distance).
    Distance,
    /// Most recently changed first.
    Updated,
}

impl Ranking {
    /// The lead of a match; `updated` only for [`Ranking::Updated`].
    pub(crate) fn lead(self, score: Score, distance_km: Option<f64>, updated: i64) -> f64 {
        match (self, distance_km) {
            (
                Self::Score {
                    nearer_ranks_higher: true,
                },
                Some(km),
            ) => f64::from(score / (1.0 + km as f32 / 25.0)),
            (Self::Score { .. }, _) => f64::from(score),
            (Self::Distance, km) => -km.unwrap_or(f64::INFINITY),
            // Seconds since the epoch: exact in an f64 for 285 million years.
            #[allow(clippy::cast_precision_loss)]
            (Self::Updated, _) => updated as f64,
        }
    }

    /// Whether the lead needs the `updated` column.
    pub(crate) fn reads_updated(self) -> bool {
        self == Self::Updated
    }
}

/// The order of answers: `Less` when `a` comes first.
pub(crate) fn answer_order(a: &Matched, b: &Matched) -> Ordering {
    b.lead
        .total_cmp(&a.lead)
        .then_with(|| b.updated.cmp(&a.updated))
        .then_with(|| a.tiebreak.cmp(&b.tiebreak))
}

/// A match in the heap, whose greatest element is the one answered last.
struct Kept(Matched);

impl PartialEq for Kept {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Kept {}

impl PartialOrd for Kept {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Kept {
    fn cmp(&self, other: &Self) -> Ordering {
        answer_order(&self.0, &other.0)
    }
}

/// The best `keep` matches seen.
pub(crate) struct Best {
    keep: usize,
    heap: BinaryHeap<Kept>,
}

impl Best {
    pub(crate) fn new(keep: usize) -> Self {
        Self {
            keep,
            heap: BinaryHeap::with_capacity(keep.min(1024)),
        }
    }

    /// Whether a match with this lead may enter (ties may: they are broken
    /// by columns read only then).
    pub(crate) fn admits(&self, lead: f64) -> bool {
        if self.heap.len() < self.keep {
            return true;
        }
        self.heap
            .peek()
            .is_some_and(|worst| lead.total_cmp(&worst.0.lead) != Ordering::Less)
    }

    /// The lead a match needs to enter, once as many as are kept are
    /// (`None` before: any may).
    pub(crate) fn floor(&self) -> Option<f64> {
        (self.heap.len() == self.keep)
            .then(|| self.heap.peek().map(|worst| worst.0.lead))
            .flatten()
    }

    /// Keeps `matched` if it is among the best so far.
    pub(crate) fn offer(&mut self, matched: Matched) {
        if self.heap.len() < self.keep {
            self.heap.push(Kept(matched));
        } else if let Some(mut worst) = self.heap.peek_mut()
            && answer_order(&matched, &worst.0) == Ordering::Less
        {
            *worst = Kept(matched);
        }
    }

    /// The kept matches, in no order.
    pub(crate) fn into_vec(self) -> Vec<Matched> {
        self.heap.into_iter().map(|kept| kept.0).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matched(lead: f64, updated: i64, tiebreak: u64) -> Matched {
        Matched {
            score: 1.0,
            address: DocAddress::new(0, 0),
            distance_km: None,
            lead,
            updated,
            tiebreak,
        }
    }

    #[test]
    fn keeps_the_best_whatever_order_they_come_in() {
        let all: Vec<Matched> = (0..200u32)
            .map(|n| matched(f64::from((n * 37) % 50), i64::from(n % 7), u64::from(n)))
            .collect();
        let mut best = Best::new(10);
        for m in &all {
            if best.admits(m.lead) {
                best.offer(*m);
            }
        }
        let mut kept = best.into_vec();
        kept.sort_by(answer_order);
        let mut sorted = all.clone();
        sorted.sort_by(answer_order);
        let key = |m: &Matched| (m.lead.to_bits(), m.updated, m.tiebreak);
        assert_eq!(
            kept.iter().map(key).collect::<Vec<_>>(),
            sorted[..10].iter().map(key).collect::<Vec<_>>()
        );
    }

    #[test]
    fn ties_on_the_lead_go_to_the_most_recent_then_the_hash() {
        let mut best = Best::new(2);
        for m in [matched(5.0, 1, 9), matched(5.0, 3, 8), matched(5.0, 3, 2)] {
            assert!(best.admits(m.lead));
            best.offer(m);
        }
        assert!(!best.admits(4.9));
        let mut kept = best.into_vec();
        kept.sort_by(answer_order);
        assert_eq!(
            kept.iter()
                .map(|m| (m.updated, m.tiebreak))
                .collect::<Vec<_>>(),
            vec![(3, 2), (3, 8)]
        );
    }

    #[test]
    fn nothing_is_kept_when_no_page_is_asked_for() {
        let mut best = Best::new(0);
        assert!(!best.admits(1.0));
        best.offer(matched(1.0, 0, 0));
        assert!(best.into_vec().is_empty());
    }

    #[test]
    fn leads_order_as_each_ranking_says() {
        let near = Ranking::Score {
            nearer_ranks_higher: true,
        };
        assert!(near.lead(2.0, Some(0.0), 0) > near.lead(2.0, Some(25.0), 0));
        assert_eq!(near.lead(2.0, Some(25.0), 0), 1.0);
        assert!(
            Ranking::Distance.lead(9.0, Some(1.0), 0) > Ranking::Distance.lead(9.0, Some(2.0), 0)
        );
        assert_eq!(Ranking::Updated.lead(9.0, None, 42), 42.0);
        assert!(Ranking::Updated.reads_updated());
    }
}
