//! Where the indexer stands in the change log. On PostgreSQL, transactions can
//! commit out of sequence order (and a rolled-back one leaves a hole for
//! ever), so the position advances only over a contiguous run of applied
//! changes; a hole older than [`HOLE_TIMEOUT`] is taken to be a rollback.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

/// How long a hole in the sequence may wait for a late commit.
pub(crate) const HOLE_TIMEOUT: Duration = Duration::from_secs(10);

/// The indexer's position.
#[derive(Debug, Clone)]
pub(crate) struct Cursor {
    /// Every change up to here has been applied.
    low: i64,
    /// Changes applied beyond a hole.
    above: BTreeSet<i64>,
    /// Since when the oldest hole has been open.
    hole_since: Option<Instant>,
}

impl Cursor {
    /// A cursor at `low`.
    pub(crate) fn at(low: i64) -> Self {
        Self {
            low,
            above: BTreeSet::new(),
            hole_since: None,
        }
    }

    /// Every change up to here has been applied: safe to restart from.
    pub(crate) fn low(&self) -> i64 {
        self.low
    }

    /// Whether `seq` was already applied.
    pub(crate) fn has(&self, seq: i64) -> bool {
        seq <= self.low || self.above.contains(&seq)
    }

    /// Marks `seqs` applied and advances over what is now contiguous.
    pub(crate) fn applied(&mut self, seqs: impl IntoIterator<Item = i64>, now: Instant) {
        self.above
            .extend(seqs.into_iter().filter(|s| *s > self.low));
        self.advance();
        if self.above.is_empty() {
            self.hole_since = None;
            return;
        }
        let since = *self.hole_since.get_or_insert(now);
        if now.duration_since(since) >= HOLE_TIMEOUT {
            // The hole was a rollback: skip it.
            if let Some(first) = self.above.first() {
                self.low = first - 1;
            }
            self.advance();
            self.hole_since = (!self.above.is_empty()).then_some(now);
        }
    }

    fn advance(&mut self) {
        while self.above.remove(&(self.low + 1)) {
            self.low += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_position_advances_over_contiguous_changes_only() {
        let start = Instant::now();
        let mut cursor = Cursor::at(10);
        cursor.applied([11, 12, 14], start);
        assert_eq!(cursor.low(), 12, "13 has not committed yet");
        assert!(cursor.has(14) && !cursor.has(13));
        cursor.applied([13], start + Duration::from_secs(1));
        assert_eq!(cursor.low(), 14);
    }

    #[test]
    fn a_hole_with_nothing_new_after_it_is_skipped_in_time() {
        let start = Instant::now();
        let mut cursor = Cursor::at(0);
        cursor.applied([2], start);
        cursor.applied([], start + Duration::from_secs(1));
        assert_eq!(cursor.low(), 0, "a young hole waits for a late commit");
        cursor.applied([], start + HOLE_TIMEOUT + Duration::from_secs(1));
        assert_eq!(cursor.low(), 2);
        assert!(cursor.has(1), "the rolled-back position counts as done");
    }

    #[test]
    fn an_old_hole_is_taken_for_a_rollback() {
        let start = Instant::now();
        let mut cursor = Cursor::at(0);
        cursor.applied([2, 3], start);
        assert_eq!(cursor.low(), 0);
        cursor.applied([], start + HOLE_TIMEOUT);
        assert_eq!(cursor.low(), 3);
    }
}
