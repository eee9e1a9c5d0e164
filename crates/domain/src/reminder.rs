//! When people are reminded of what is coming: an invitation about to
//! lapse, an offer or an availability to reconfirm, a bid's deadline, a
//! section due or late. A reminder belongs to an item and a moment (a
//! `label` such as `7d`), and is given once: when a run finds several
//! moments passed (the hub was down, or the item came late), only the
//! nearest is given.

use chrono::{DateTime, Duration, NaiveDate, Utc};

/// How far ahead of a lapse or deadline people are told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ahead {
    /// How long before.
    pub before: Duration,
    /// The moment's name, kept with the reminder (`7d`).
    pub label: &'static str,
}

const fn days(n: i64, label: &'static str) -> Ahead {
    Ahead {
        before: Duration::days(n),
        label,
    }
}

/// An open invitation lapses after 60 days: its co-op is told a week before.
pub const INVITATION_LAPSING: &[Ahead] = &[days(7, "7d")];
/// Offers and availability lapse unless reconfirmed: told five days before.
pub const RECONFIRM: &[Ahead] = &[days(5, "5d")];
/// A bid's consortium is told of its deadline a week and a day before.
pub const DEADLINE: &[Ahead] = &[days(1, "1d"), days(7, "7d")];
/// A section's owners are told from the start of the day before its due
/// day (the moment is the due day's end).
pub const SECTION_DUE: &[Ahead] = &[days(2, "due")];

/// The moment to remind of `at` now, if any: the nearest of `ahead` whose
/// time has come while `at` is still to come.
pub fn due(at: DateTime<Utc>, ahead: &[Ahead], now: DateTime<Utc>) -> Option<&'static str> {
    if now >= at {
        return None;
    }
    ahead
        .iter()
        .filter(|a| now >= at - a.before)
        .min_by_key(|a| a.before)
        .map(|a| a.label)
}

/// The end of a section's due day (sections are due on a date, in UTC).
pub fn end_of(day: NaiveDate) -> DateTime<Utc> {
    (day + Duration::days(1))
        .and_time(chrono::NaiveTime::MIN)
        .and_utc()
}

/// The label of a section's lateness: once its due day has ended.
pub const LATE: &str = "late";

/// Whether a section due on `day` and not done is late at `now`.
pub fn late(day: NaiveDate, now: DateTime<Utc>) -> bool {
    now >= end_of(day)
}

/// The longest any reminder looks ahead: runs look no further for items.
pub fn horizon() -> Duration {
    [INVITATION_LAPSING, RECONFIRM, DEADLINE, SECTION_DUE]
        .iter()
        .flat_map(|list| list.iter().map(|a| a.before))
        .max()
        .unwrap_or_else(Duration::zero)
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2027, 3, day, hour, 0, 0).unwrap()
    }

    #[test]
    fn the_nearest_moment_that_has_come_is_given() {
        let deadline = at(20, 12);
        assert_eq!(
            due(deadline, DEADLINE, at(13, 11)),
            None,
            "more than a week"
        );
        assert_eq!(due(deadline, DEADLINE, at(13, 12)), Some("7d"));
        assert_eq!(due(deadline, DEADLINE, at(19, 11)), Some("7d"));
        assert_eq!(due(deadline, DEADLINE, at(19, 12)), Some("1d"));
        assert_eq!(due(deadline, DEADLINE, at(20, 12)), None, "passed");
    }

    #[test]
    fn a_section_is_late_once_its_day_is_over() {
        let day = NaiveDate::from_ymd_opt(2027, 3, 10).unwrap();
        assert_eq!(due(end_of(day), SECTION_DUE, at(8, 23)), None);
        assert_eq!(due(end_of(day), SECTION_DUE, at(9, 0)), Some("due"));
        assert!(!late(day, at(10, 23)));
        assert!(late(day, at(11, 0)));
        assert_eq!(horizon(), Duration::days(7));
    }
}
