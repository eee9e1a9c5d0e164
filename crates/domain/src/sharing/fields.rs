//! Checks that offers and requests share: a title, skills with levels, and
//! days a week in halves, each problem at its pointer.

use chrono::NaiveDate;

use super::{DateRange, HalfDays, half_days};
use crate::geo::{LATITUDE_MAX, LONGITUDE_MAX};
use crate::skills::SkillName;
use crate::validation::{FieldError, ValidationErrors};

/// Most skills an offer or request lists.
pub const SKILLS_MAX: usize = 50;
/// An offer's or request's title, in characters.
pub const TITLE_MAX: usize = 200;
/// Their notes, in characters.
pub const NOTES_MAX: usize = 5000;

/// The trimmed title, 1 to [`TITLE_MAX`] characters.
pub(crate) fn title(raw: &str, errors: &mut ValidationErrors) -> String {
    let title = raw.trim().to_owned();
    if title.is_empty() || title.chars().count() > TITLE_MAX {
        errors.0.push(FieldError::new(
            "/title",
            format!("must be 1 to {TITLE_MAX} characters long"),
        ));
    }
    title
}

/// Skills in any spelling with a level from 1 to 5 (the level's field is
/// `level_field`, e.g. `min_level` in a request).
pub(crate) fn skills<'a>(
    raw: impl ExactSizeIterator<Item = (&'a str, i64)>,
    level_field: &str,
    errors: &mut ValidationErrors,
) -> Vec<(SkillName, u8)> {
    if raw.len() > SKILLS_MAX {
        errors.0.push(FieldError::new(
            "/skills",
            format!("must have at most {SKILLS_MAX} entries"),
        ));
    }
    let mut skills = Vec::new();
    for (i, (skill, level)) in raw.enumerate().take(SKILLS_MAX) {
        let name = errors.check(SkillName::parse(skill, &format!("/skills/{i}/skill")));
        let level = u8::try_from(level)
            .ok()
            .filter(|l| crate::skills::LEVELS.contains(l));
        if level.is_none() {
            errors.0.push(FieldError::new(
                format!("/skills/{i}/{level_field}"),
                crate::skills::levels_message(),
            ));
        }
        if let (Some(name), Some(level)) = (name, level) {
            skills.push((name, level));
        }
    }
    skills
}

/// Skill names in any spelling at `pointer/i` (a list without levels).
pub(crate) fn skill_names(
    raw: &[String],
    pointer: &str,
    errors: &mut ValidationErrors,
) -> Vec<SkillName> {
    if raw.len() > SKILLS_MAX {
        errors.0.push(FieldError::new(
            pointer,
            format!("must have at most {SKILLS_MAX} entries"),
        ));
    }
    raw.iter()
        .enumerate()
        .take(SKILLS_MAX)
        .filter_map(|(i, skill)| errors.check(SkillName::parse(skill, &format!("{pointer}/{i}"))))
        .collect()
}

/// Days a week as half days: 0.5 to 5, in halves.
pub(crate) fn capacity(days_per_week: f64, errors: &mut ValidationErrors) -> Option<HalfDays> {
    let checked = half_days(days_per_week);
    if checked.is_none() {
        errors.0.push(FieldError::new(
            "/days_per_week",
            "must be 0.5 to 5, in half days",
        ));
    }
    checked
}

/// A place as latitude and longitude, both or neither.
pub(crate) fn location(
    latitude: Option<f64>,
    longitude: Option<f64>,
    errors: &mut ValidationErrors,
) -> Option<(f64, f64)> {
    match (latitude, longitude) {
        (Some(lat), Some(lon)) if lat.abs() <= LATITUDE_MAX && lon.abs() <= LONGITUDE_MAX => {
            Some((lat, lon))
        }
        (None, None) => None,
        _ => {
            errors.0.push(FieldError::new(
                "/latitude",
                format!("latitude (±{LATITUDE_MAX}) and longitude (±{LONGITUDE_MAX}) go together"),
            ));
            None
        }
    }
}

/// Free text up to [`NOTES_MAX`] characters, trimmed.
pub(crate) fn notes(raw: Option<String>, pointer: &str, errors: &mut ValidationErrors) -> String {
    let notes = raw.unwrap_or_default().trim().to_owned();
    if notes.chars().count() > NOTES_MAX {
        errors.0.push(FieldError::new(
            pointer,
            format!("must be at most {NOTES_MAX} characters long"),
        ));
    }
    notes
}

/// A first and a last day, both required and plausible
/// ([`crate::dates`]), the last not before the first.
pub(crate) fn dates(
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    errors: &mut ValidationErrors,
) -> Option<DateRange> {
    match (start, end) {
        (Some(start), Some(end)) => {
            let start = crate::dates::check(Some(start), "/start", errors);
            let end = crate::dates::check(Some(end), "/end", errors);
            let range = DateRange::new(start?, end?);
            if range.is_none() {
                errors
                    .0
                    .push(FieldError::new("/end", "must not be before start"));
            }
            range
        }
        (start, end) => {
            for (missing, pointer) in [(start.is_none(), "/start"), (end.is_none(), "/end")] {
                if missing {
                    errors.0.push(FieldError::new(
                        pointer,
                        "is required, as a date such as 2027-01-04",
                    ));
                }
            }
            None
        }
    }
}
