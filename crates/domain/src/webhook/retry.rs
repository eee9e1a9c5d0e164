//! When a failed delivery is tried again: a fixed schedule of delays after
//! the first attempt, each spread by a little jitter so that many deliveries
//! failing together do not return together.

use std::time::Duration;

/// The delays after the first, second, … failed attempt: 5 s, 5 min, 30 min,
/// 2 h, 5 h, 10 h, 10 h (about 32 hours in all), as Standard Webhooks
/// senders commonly use.
pub const DEFAULT_RETRY_DELAYS: [u64; 7] = [5, 300, 1800, 7200, 18_000, 36_000, 36_000];

/// How much a delay may be moved either way, as a fraction of it.
const JITTER: f64 = 0.1;

/// The delays between attempts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetrySchedule(pub Vec<Duration>);

impl Default for RetrySchedule {
    fn default() -> Self {
        Self(
            DEFAULT_RETRY_DELAYS
                .iter()
                .map(|s| Duration::from_secs(*s))
                .collect(),
        )
    }
}

impl RetrySchedule {
    /// How many attempts a delivery gets before it is given up: the first and
    /// one per delay.
    pub fn attempts(&self) -> u32 {
        u32::try_from(self.0.len()).map_or(u32::MAX, |n| n.saturating_add(1))
    }

    /// The wait after failed attempt number `attempt` (1-based), moved by
    /// `spread` (a number in [0, 1), drawn at random by the caller) within
    /// ±10 %; `None` when that was the last attempt.
    pub fn after(&self, attempt: u32, spread: f64) -> Option<Duration> {
        let index = usize::try_from(attempt.checked_sub(1)?).ok()?;
        let delay = self.0.get(index)?;
        let factor = 1.0 + JITTER * (2.0 * spread.clamp(0.0, 1.0) - 1.0);
        Some(delay.mul_f64(factor))
    }
}
