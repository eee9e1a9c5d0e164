//! "Can we staff it?": the working days a co-op's people can give over a
//! role's period, from what they declared (days a week free from a date)
//! and from their open offers of time less what placements already take.
//! A person counts once: the larger of the two accounts, never their sum,
//! since an offer is usually the same free time said again.

use chrono::NaiveDate;

use crate::sharing::{Booking, DateRange, HalfDays, free_over};

/// An open offer of time with the placements that hold some of it.
#[derive(Debug, Clone, PartialEq)]
pub struct OfferTime {
    /// Skills it brings (slugs) with levels.
    pub skills: Vec<(String, u8)>,
    /// Capacity a week.
    pub half_days: HalfDays,
    /// When.
    pub dates: DateRange,
    /// Accepted and active placements of it.
    pub held: Vec<Booking>,
}

/// One person's time and skills.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PersonTime {
    /// Skills (slugs) with levels.
    pub skills: Vec<(String, u8)>,
    /// Declared availability, if stated and not lapsed: half days a week
    /// free from a date.
    pub declared: Option<(HalfDays, NaiveDate)>,
    /// Their open offers.
    pub offers: Vec<OfferTime>,
}

/// Everything a co-op could give.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CoopTime {
    /// Its people.
    pub people: Vec<PersonTime>,
    /// Offers of unnamed roles.
    pub unnamed: Vec<OfferTime>,
}

/// Working days in `half_days` a week over `range` (a week is seven days).
fn days(half_days: HalfDays, range: DateRange) -> f64 {
    let length = (range.end - range.start).num_days() + 1;
    f64::from(half_days) / 2.0 * length as f64 / 7.0
}

impl OfferTime {
    /// Days still free over `period`.
    pub fn days_over(&self, period: DateRange) -> f64 {
        let Some(shared) = self.dates.overlap(&period) else {
            return 0.0;
        };
        free_over(self.half_days, &self.held, shared)
            .iter()
            .map(|free| days(free.half_days, free.range))
            .sum()
    }
}

impl PersonTime {
    /// Days they can give over `period`.
    pub fn days_over(&self, period: DateRange) -> f64 {
        let declared = self
            .declared
            .and_then(|(half_days, from)| {
                let free = DateRange::new(from.max(period.start), period.end)?;
                Some(days(half_days, free))
            })
            .unwrap_or(0.0);
        let offered: f64 = self.offers.iter().map(|o| o.days_over(period)).sum();
        declared.max(offered)
    }
}

/// Whether `held` covers every skill of `wanted` at its least level (an
/// empty `wanted` is covered by anyone).
fn covers(held: &[(String, u8)], wanted: &[(String, u8)]) -> bool {
    wanted.is_empty()
        || wanted.iter().any(|(skill, least)| {
            held.iter()
                .any(|(slug, level)| slug == skill && level >= least)
        })
}

impl CoopTime {
    /// Days over `period` of the people (and unnamed offers) holding at
    /// least one of `skills` at its least level.
    pub fn days_over(&self, period: DateRange, skills: &[(String, u8)]) -> f64 {
        let people: f64 = self
            .people
            .iter()
            .filter(|p| covers(&p.skills, skills))
            .map(|p| p.days_over(period))
            .sum();
        let unnamed: f64 = self
            .unnamed
            .iter()
            .filter(|o| covers(&o.skills, skills))
            .map(|o| o.days_over(period))
            .sum();
        people + unnamed
    }
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

    #[test]
    fn people_count_once_and_placements_take_their_time() {
        // Four weeks, Monday 2027-03-01 to Sunday 2027-03-28.
        let period = range("2027-03-01", "2027-03-28");
        let offer = OfferTime {
            skills: vec![("rust".into(), 4)],
            half_days: 6,
            dates: range("2027-01-01", "2027-12-31"),
            held: vec![Booking {
                range: range("2027-03-01", "2027-03-14"),
                half_days: 4,
            }],
        };
        // 2 weeks × 1 day + 2 weeks × 3 days.
        assert!((offer.days_over(period) - 8.0).abs() < 1e-9);
        let person = PersonTime {
            skills: vec![("rust".into(), 4)],
            declared: Some((4, day("2027-03-15"))),
            offers: vec![offer],
        };
        // Declared: 2 weeks × 2 days = 4; offered 8: the larger counts.
        assert!((person.days_over(period) - 8.0).abs() < 1e-9);
        let coop = CoopTime {
            people: vec![person, PersonTime::default()],
            unnamed: Vec::new(),
        };
        assert!((coop.days_over(period, &[("rust".into(), 3)]) - 8.0).abs() < 1e-9);
        assert_eq!(coop.days_over(period, &[("rust".into(), 5)]), 0.0);
        // After the offer ends, what was declared still holds: 31 days × 2 a week.
        let later = coop.days_over(range("2028-01-01", "2028-01-31"), &[]);
        assert!((later - 31.0 / 7.0 * 2.0).abs() < 1e-9, "{later}");
    }
}
