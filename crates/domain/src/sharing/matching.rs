//! How well an offer of time fits a request for it, and why: the skills it
//! covers (at the level asked) and misses, the time still free over the
//! requested dates, the way of working, the distance and the rate. One
//! function for both directions (requests' matches and offers' matches), so
//! the explanation and the order are the same whichever side asks.

use std::cmp::Ordering;

use super::{
    Booking, DateRange, FULL_WEEK, Free, HalfDays, Money, WorkMode, closed_outside, free_over,
    least,
};
use crate::geo::distance_km;

/// What a request wants, with skills as canonical slugs.
#[derive(Debug, Clone)]
pub struct Wanted<'a> {
    /// Skills and the lowest level that will do.
    pub skills: &'a [(String, u8)],
    /// Time a week.
    pub half_days: HalfDays,
    /// When.
    pub dates: DateRange,
    /// How the work is done; `None` when any way will do.
    pub work_mode: Option<WorkMode>,
    /// Where, for on-site and hybrid work.
    pub location: Option<(f64, f64)>,
    /// Highest day rate (network members only).
    pub budget: Option<&'a Money>,
    /// Social-good work, for which an offer's robin-hood rate applies.
    pub social_good: bool,
}

/// What an offer gives, with what is already promised from it.
#[derive(Debug, Clone)]
pub struct Offered<'a> {
    /// Skills and levels.
    pub skills: &'a [(String, u8)],
    /// Capacity a week.
    pub half_days: HalfDays,
    /// When.
    pub dates: DateRange,
    /// How.
    pub work_mode: WorkMode,
    /// Where the person works from.
    pub location: Option<(f64, f64)>,
    /// Day rate (network members only).
    pub day_rate: Option<&'a Money>,
    /// Rate for social-good work.
    pub robin_hood_rate: Option<&'a Money>,
    /// Accepted and active placements.
    pub booked: &'a [Booking],
    /// The named person's accepted and active placements across all offers
    /// (`None` for a role): they never give more than five days a week.
    pub person_booked: Option<&'a [Booking]>,
}

/// Whether the rate fits the budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateFit {
    /// At or under the budget (in the same currency).
    Within,
    /// Over it, or in another currency.
    Over,
    /// No budget or no rate to compare.
    Unknown,
}

/// Why an offer and a request fit (or do not).
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    /// Skills the request asks for that the offer has at the level asked:
    /// `(slug, offered level, wanted level)`.
    pub covered: Vec<(String, u8, u8)>,
    /// Skills asked for and not offered (or below the level asked).
    pub missing: Vec<String>,
    /// The offer's free time over the requested dates, stretch by stretch
    /// (days outside the offer's dates are not free).
    pub free: Vec<Free>,
    /// The least free time over the requested dates.
    pub least_free: HalfDays,
    /// Whether the way of working suits the request.
    pub work_mode_fits: bool,
    /// Distance between the two, when both are placed.
    pub distance_km: Option<f64>,
    /// The rate that applies (robin-hood for social-good work) against the budget.
    pub rate: RateFit,
    /// 0 to 1: skills count most, then time, way of working, rate and distance.
    pub score: f64,
}

/// How `offered` fits `wanted`.
pub fn fit(wanted: &Wanted, offered: &Offered) -> Fit {
    let mut covered = Vec::new();
    let mut missing = Vec::new();
    for (slug, level) in wanted.skills {
        match offered.skills.iter().find(|(s, _)| s == slug) {
            Some((_, have)) if have >= level => covered.push((slug.clone(), *have, *level)),
            _ => missing.push(slug.clone()),
        }
    }
    // Outside the offer's dates nothing is free.
    let mut booked = offered.booked.to_vec();
    booked.extend(closed_outside(
        offered.dates,
        offered.half_days,
        wanted.dates,
    ));
    let mut free = free_over(offered.half_days, &booked, wanted.dates);
    if let Some(person) = offered.person_booked {
        free = least(&free, &free_over(FULL_WEEK, person, wanted.dates));
    }
    let least_free = free.iter().map(|f| f.half_days).min().unwrap_or(0);
    let work_mode_fits = match (wanted.work_mode, offered.work_mode) {
        (None, _) | (_, WorkMode::Hybrid) => true,
        (Some(want), have) => want == have || want == WorkMode::Hybrid,
    };
    let distance_km = wanted
        .location
        .zip(offered.location)
        .map(|(a, b)| distance_km(a, b));
    let applies = if wanted.social_good {
        offered.robin_hood_rate.or(offered.day_rate)
    } else {
        offered.day_rate
    };
    let rate = match (wanted.budget, applies) {
        (Some(budget), Some(rate))
            if budget.currency == rate.currency && rate.amount <= budget.amount =>
        {
            RateFit::Within
        }
        (Some(_), Some(_)) => RateFit::Over,
        _ => RateFit::Unknown,
    };
    let skills = if wanted.skills.is_empty() {
        1.0
    } else {
        covered.len() as f64 / wanted.skills.len() as f64
    };
    let time = (f64::from(least_free) / f64::from(wanted.half_days.max(1))).min(1.0);
    let near = distance_km.map_or(1.0, |km| 1.0 / (1.0 + km / 100.0));
    let score = 0.5 * skills
        + 0.25 * time
        + 0.1 * f64::from(u8::from(work_mode_fits))
        + 0.1 * if rate == RateFit::Over { 0.0 } else { 1.0 }
        + 0.05 * near;
    Fit {
        covered,
        missing,
        free,
        least_free,
        work_mode_fits,
        distance_km,
        rate,
        score,
    }
}

/// Orders fits best first; ties go to the lower id, so the order never varies.
pub fn best_first<Id: Ord>(a: (&Fit, &Id), b: (&Fit, &Id)) -> Ordering {
    b.0.score
        .partial_cmp(&a.0.score)
        .unwrap_or(Ordering::Equal)
        .then_with(|| a.1.cmp(b.1))
}

#[cfg(test)]
mod tests;
