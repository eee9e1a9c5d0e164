//! Booked time against capacity, date by date: the invariant that accepted
//! and active placements never exceed what was offered (nor five days a
//! week for one person across all offers). Time is counted in half days a
//! week, so that no float is ever compared.

use chrono::NaiveDate;

/// Half days a week: 1 is half a day, 10 is the whole working week.
pub type HalfDays = u8;

/// Five days a week: what one person can give, across all offers.
pub const FULL_WEEK: HalfDays = 10;

/// Dates from `start` to `end`, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct DateRange {
    /// First day.
    pub start: NaiveDate,
    /// Last day (not before `start`).
    pub end: NaiveDate,
}

impl DateRange {
    /// The range, if `end` is not before `start`.
    pub fn new(start: NaiveDate, end: NaiveDate) -> Option<Self> {
        (start <= end).then_some(Self { start, end })
    }

    /// The days both ranges hold, if any.
    pub fn overlap(&self, other: &DateRange) -> Option<DateRange> {
        DateRange::new(self.start.max(other.start), self.end.min(other.end))
    }
}

/// Time already promised: a range and the half days a week it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Booking {
    /// When.
    pub range: DateRange,
    /// How much of each week.
    pub half_days: HalfDays,
}

/// A stretch of a wanted range where the capacity left is the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Free {
    /// The dates.
    pub range: DateRange,
    /// Half days a week still free over them.
    pub half_days: HalfDays,
}

/// The capacity left over `wanted`, stretch by stretch, given `capacity`
/// and what `booked` already takes.
pub fn free_over(capacity: HalfDays, booked: &[Booking], wanted: DateRange) -> Vec<Free> {
    // The days where what is booked changes, within the wanted range.
    let mut edges = vec![wanted.start];
    for booking in booked {
        if let Some(shared) = booking.range.overlap(&wanted) {
            edges.push(shared.start);
            if let Some(after) = shared.end.succ_opt().filter(|day| *day <= wanted.end) {
                edges.push(after);
            }
        }
    }
    edges.sort();
    edges.dedup();
    let mut stretches: Vec<Free> = Vec::new();
    for (i, start) in edges.iter().enumerate() {
        let end = edges
            .get(i + 1)
            .and_then(|next| next.pred_opt())
            .unwrap_or(wanted.end);
        let Some(range) = DateRange::new(*start, end) else {
            continue;
        };
        let taken: u32 = booked
            .iter()
            .filter(|b| b.range.overlap(&range).is_some())
            .map(|b| u32::from(b.half_days))
            .sum();
        let half_days = u32::from(capacity).saturating_sub(taken);
        let half_days = HalfDays::try_from(half_days).unwrap_or(HalfDays::MAX);
        match stretches.last_mut() {
            Some(last) if last.half_days == half_days => last.range.end = range.end,
            _ => stretches.push(Free { range, half_days }),
        }
    }
    stretches
}

/// Stretch by stretch, the lesser of two accounts of free time over the
/// same dates (an offer's and its person's week).
pub fn least(a: &[Free], b: &[Free]) -> Vec<Free> {
    let mut starts: Vec<NaiveDate> = a.iter().chain(b).map(|f| f.range.start).collect();
    starts.sort();
    starts.dedup();
    let at = |list: &[Free], day: NaiveDate| {
        list.iter()
            .find(|f| f.range.start <= day && day <= f.range.end)
            .map_or(0, |f| f.half_days)
    };
    let last = a.iter().chain(b).map(|f| f.range.end).max();
    let mut merged: Vec<Free> = Vec::new();
    for (i, start) in starts.iter().enumerate() {
        let end = starts
            .get(i + 1)
            .and_then(|next| next.pred_opt())
            .or(last)
            .unwrap_or(*start);
        let Some(range) = DateRange::new(*start, end) else {
            continue;
        };
        let half_days = at(a, *start).min(at(b, *start));
        match merged.last_mut() {
            Some(prev) if prev.half_days == half_days => prev.range.end = range.end,
            _ => merged.push(Free { range, half_days }),
        }
    }
    merged
}

/// The stretches of `wanted` where `half_days` more do not fit: empty when
/// the booking may be made.
pub fn conflicts(
    capacity: HalfDays,
    booked: &[Booking],
    wanted: DateRange,
    half_days: HalfDays,
) -> Vec<Free> {
    free_over(capacity, booked, wanted)
        .into_iter()
        .filter(|free| free.half_days < half_days)
        .collect()
}

/// The whole capacity booked on the days of `wanted` outside `dates`: an
/// offer has no time before it starts or after it ends.
pub fn closed_outside(dates: DateRange, capacity: HalfDays, wanted: DateRange) -> Vec<Booking> {
    let before = dates
        .start
        .pred_opt()
        .and_then(|end| DateRange::new(wanted.start, end));
    let after = dates
        .end
        .succ_opt()
        .and_then(|start| DateRange::new(start, wanted.end));
    before
        .into_iter()
        .chain(after)
        .map(|range| Booking {
            range,
            half_days: capacity,
        })
        .collect()
}

/// Which limit a booking would break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// The offer's days a week (or its dates).
    Offer,
    /// Five days a week for one person across all their placements.
    Person,
}

/// A stretch where a booking does not fit, and which limit it breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Conflict {
    /// The limit.
    pub limit: Limit,
    /// The dates and what is still free on them.
    pub free: Free,
}

/// What a new booking is checked against: the offer's capacity and dates
/// with what it has promised, and the named person's other promises.
#[derive(Debug, Clone, Copy)]
pub struct Limits<'a> {
    /// The offer's days a week.
    pub capacity: HalfDays,
    /// The offer's dates.
    pub dates: DateRange,
    /// Accepted and active placements of the offer (not the one checked).
    pub booked: &'a [Booking],
    /// Accepted and active placements of the offer's person, across all
    /// offers (not the one checked); `None` for an unnamed role.
    pub person_booked: Option<&'a [Booking]>,
}

/// The stretches where `wanted` does not fit a person's `week` beside what
/// `taken` already takes of it: empty when it fits.
pub fn over_week(week: HalfDays, taken: &[Booking], wanted: Booking) -> Vec<Conflict> {
    conflicts(week, taken, wanted.range, wanted.half_days)
        .into_iter()
        .map(|free| Conflict {
            limit: Limit::Person,
            free,
        })
        .collect()
}

/// Every stretch where `wanted` does not fit `limits`: empty when it may be booked.
pub fn refusals(limits: &Limits, wanted: Booking) -> Vec<Conflict> {
    let mut booked = limits.booked.to_vec();
    booked.extend(closed_outside(limits.dates, limits.capacity, wanted.range));
    let offer = conflicts(limits.capacity, &booked, wanted.range, wanted.half_days)
        .into_iter()
        .map(|free| Conflict {
            limit: Limit::Offer,
            free,
        });
    let person = limits
        .person_booked
        .map(|taken| over_week(FULL_WEEK, taken, wanted))
        .unwrap_or_default();
    offer.chain(person).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn range(start: &str, end: &str) -> DateRange {
        DateRange::new(day(start), day(end)).unwrap()
    }

    fn booking(start: &str, end: &str, half_days: HalfDays) -> Booking {
        Booking {
            range: range(start, end),
            half_days,
        }
    }

    #[test]
    fn free_capacity_is_reported_stretch_by_stretch() {
        let booked = [
            booking("2027-01-04", "2027-01-31", 4),
            booking("2027-01-18", "2027-02-14", 2),
        ];
        let free = free_over(6, &booked, range("2027-01-01", "2027-02-28"));
        assert_eq!(
            free,
            [
                Free {
                    range: range("2027-01-01", "2027-01-03"),
                    half_days: 6
                },
                Free {
                    range: range("2027-01-04", "2027-01-17"),
                    half_days: 2
                },
                Free {
                    range: range("2027-01-18", "2027-01-31"),
                    half_days: 0
                },
                Free {
                    range: range("2027-02-01", "2027-02-14"),
                    half_days: 4
                },
                Free {
                    range: range("2027-02-15", "2027-02-28"),
                    half_days: 6
                },
            ]
        );
    }

    #[test]
    fn a_booking_that_does_not_fit_names_where() {
        let booked = [booking("2027-01-04", "2027-01-31", 8)];
        let wanted = range("2027-01-25", "2027-02-05");
        assert_eq!(
            conflicts(10, &booked, wanted, 4),
            [Free {
                range: range("2027-01-25", "2027-01-31"),
                half_days: 2
            }]
        );
        assert!(conflicts(10, &booked, wanted, 2).is_empty());
        assert!(conflicts(10, &booked, range("2027-02-01", "2027-02-05"), 10).is_empty());
        assert!(DateRange::new(day("2027-02-02"), day("2027-02-01")).is_none());
    }

    #[test]
    fn the_lesser_free_time_counts_stretch_by_stretch() {
        let offer = free_over(
            4,
            &[booking("2027-01-11", "2027-01-17", 2)],
            range("2027-01-04", "2027-01-24"),
        );
        let person = free_over(
            10,
            &[booking("2027-01-15", "2027-01-24", 9)],
            range("2027-01-04", "2027-01-24"),
        );
        assert_eq!(
            least(&offer, &person),
            [
                Free {
                    range: range("2027-01-04", "2027-01-10"),
                    half_days: 4
                },
                Free {
                    range: range("2027-01-11", "2027-01-14"),
                    half_days: 2
                },
                Free {
                    range: range("2027-01-15", "2027-01-24"),
                    half_days: 1
                },
            ]
        );
    }

    #[test]
    fn a_booking_must_fit_the_offer_its_dates_and_the_persons_week() {
        let offer_booked = [booking("2027-01-04", "2027-01-31", 2)];
        // The person's promises include this offer's.
        let elsewhere = [offer_booked[0], booking("2027-01-18", "2027-02-28", 8)];
        let limits = Limits {
            capacity: 4,
            dates: range("2027-01-04", "2027-02-14"),
            booked: &offer_booked,
            person_booked: Some(&elsewhere),
        };
        let refused = refusals(&limits, booking("2027-01-01", "2027-01-20", 2));
        assert_eq!(
            refused,
            [
                Conflict {
                    limit: Limit::Offer,
                    free: Free {
                        range: range("2027-01-01", "2027-01-03"),
                        half_days: 0
                    }
                },
                Conflict {
                    limit: Limit::Person,
                    free: Free {
                        range: range("2027-01-18", "2027-01-20"),
                        half_days: 0
                    }
                },
            ]
        );
        let fits = booking("2027-01-04", "2027-01-17", 2);
        assert!(refusals(&limits, fits).is_empty());
        let role = Limits {
            person_booked: None,
            ..limits
        };
        assert!(refusals(&role, booking("2027-01-18", "2027-01-20", 2)).is_empty());
    }
}
