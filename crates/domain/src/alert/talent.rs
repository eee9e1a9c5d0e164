//! Alerts on offers of time and on people. Only live offers match (open and
//! reconfirmed), and a person's free days count only while their
//! availability holds and only for readers who may see it: availability
//! stays within the network, so a match on it never tells anyone else.

use chrono::{DateTime, Utc};

use super::{AlertFilters, contains_all};
use crate::person::Person;
use crate::sharing::{HalfDays, Offer, WorkMode, days_a_week};

/// Half days a week from the filter's days (checked when saved).
fn wanted_half_days(filters: &AlertFilters) -> Option<HalfDays> {
    filters
        .min_days_per_week
        .map(|days| (days * 2.0).round().clamp(0.0, 14.0) as HalfDays)
}

/// "Rust (level 4), Go (level 3)" for the skills held that the alert asks
/// for at its least level; `None` when the alert names skills and none fits.
fn skills_held<'a>(
    filters: &AlertFilters,
    held: impl Iterator<Item = (&'a str, &'a str, u8)>,
) -> Option<Option<String>> {
    if filters.skills.is_empty() {
        return Some(None);
    }
    let least = filters.min_level.unwrap_or(1);
    let fitting: Vec<String> = held
        .filter(|(slug, _, level)| *level >= least && filters.skills.iter().any(|s| s == slug))
        .map(|(_, name, level)| format!("{name} (level {level})"))
        .collect();
    (!fitting.is_empty()).then(|| Some(fitting.join(", ")))
}

/// Why `offer` matches `filters` at `now`, if it does and is live.
pub fn offer_match(
    filters: &AlertFilters,
    offer: &Offer,
    now: DateTime<Utc>,
) -> Option<Vec<String>> {
    if !offer.live(now) {
        return None;
    }
    let mut reasons = Vec::new();
    let held = offer
        .skills
        .iter()
        .map(|s| (s.skill.slug.as_str(), s.skill.name.as_str(), s.level));
    if let Some(skills) = skills_held(filters, held)? {
        reasons.push(format!("offers {skills}"));
    }
    if let Some(mode) = filters.work_mode {
        if offer.work_mode != mode {
            return None;
        }
        reasons.push(
            match mode {
                WorkMode::Remote => "remote",
                WorkMode::Hybrid => "hybrid",
                WorkMode::Onsite => "on site",
            }
            .to_owned(),
        );
    }
    if let Some(least) = wanted_half_days(filters) {
        if offer.half_days < least {
            return None;
        }
        reasons.push(days_a_week(offer.half_days));
    }
    if let Some(words) = &filters.words {
        if !contains_all(&format!("{} {}", offer.title, offer.notes), words) {
            return None;
        }
        reasons.push(format!("mentions {words}"));
    }
    Some(reasons)
}

/// Why `person` matches `filters` at `now`, if they do; a filter on free
/// days matches only when `sees_availability` and their availability holds.
pub fn person_match(
    filters: &AlertFilters,
    person: &Person,
    sees_availability: bool,
    now: DateTime<Utc>,
) -> Option<Vec<String>> {
    let mut reasons = Vec::new();
    let held = person
        .skills
        .iter()
        .map(|s| (s.skill.slug.as_str(), s.skill.name.as_str(), s.level));
    if let Some(skills) = skills_held(filters, held)? {
        reasons.push(format!("has {skills}"));
    }
    if let Some(least) = wanted_half_days(filters) {
        let free = person
            .availability
            .as_ref()
            .filter(|a| sees_availability && !a.lapsed(now))?;
        if free.half_days()? < least {
            return None;
        }
        reasons.push(format!(
            "free {} from {}",
            days_a_week(free.half_days()?),
            free.from
        ));
    }
    if let Some(words) = &filters.words {
        let text = format!("{} {} {}", person.name, person.headline, person.bio);
        if !contains_all(&text, words) {
            return None;
        }
        reasons.push(format!("mentions {words}"));
    }
    Some(reasons)
}

#[cfg(test)]
mod tests;
