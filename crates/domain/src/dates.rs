//! The one rule for every date a client or an import sends: a plausible
//! day for the work of a co-operative network, from 2000-01-01 to
//! 2100-12-31 (the years the fund takes too). Outside it a calendar feed
//! would carry `-00010101`, and PostgreSQL refuses what SQLite keeps.

use chrono::{DateTime, NaiveDate, Utc};

use crate::validation::{FieldError, ValidationErrors};

/// The first plausible day.
pub const EARLIEST: NaiveDate = match NaiveDate::from_ymd_opt(2000, 1, 1) {
    Some(day) => day,
    None => NaiveDate::MIN,
};

/// The last plausible day.
pub const LATEST: NaiveDate = match NaiveDate::from_ymd_opt(2100, 12, 31) {
    Some(day) => day,
    None => NaiveDate::MAX,
};

/// What a client is told of a date outside the range.
pub const RANGE_MESSAGE: &str = "must be a date from 2000-01-01 to 2100-12-31";

/// Whether `day` is plausible.
pub fn plausible(day: NaiveDate) -> bool {
    (EARLIEST..=LATEST).contains(&day)
}

/// `day` if it is plausible; otherwise the problem at `pointer`, and `None`.
pub fn check(
    day: Option<NaiveDate>,
    pointer: &str,
    errors: &mut ValidationErrors,
) -> Option<NaiveDate> {
    let day = day?;
    if plausible(day) {
        Some(day)
    } else {
        errors.0.push(FieldError::new(pointer, RANGE_MESSAGE));
        None
    }
}

/// Like [`check`], for an instant (its UTC day).
pub fn check_instant(
    at: Option<DateTime<Utc>>,
    pointer: &str,
    errors: &mut ValidationErrors,
) -> Option<DateTime<Utc>> {
    let at = at?;
    check(Some(at.date_naive()), pointer, errors).map(|_| at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_days_from_2000_to_2100_are_plausible() {
        let mut errors = ValidationErrors::default();
        for text in ["2000-01-01", "2027-01-04", "2100-12-31"] {
            let day: NaiveDate = text.parse().unwrap();
            assert_eq!(check(Some(day), "/start", &mut errors), Some(day));
        }
        assert!(errors.0.is_empty());
        for (y, m, d) in [
            (0, 1, 1),
            (-1, 1, 1),
            (1999, 12, 31),
            (2101, 1, 1),
            (9999, 1, 1),
            (10000, 1, 1),
        ] {
            let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(check(Some(day), "/start", &mut errors), None, "{day}");
        }
        assert_eq!(errors.0.len(), 6);
        assert!(
            errors
                .0
                .iter()
                .all(|e| e.pointer == "/start" && e.message == RANGE_MESSAGE)
        );
        assert_eq!(check(None, "/start", &mut errors), None);
        assert_eq!(errors.0.len(), 6, "absent is not wrong");
    }
}
