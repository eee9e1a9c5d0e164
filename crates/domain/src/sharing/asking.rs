//! Asking for time: what a requesting co-op sends for a placement, checked
//! before anything is booked.

use chrono::NaiveDate;

use super::{Booking, fields};
use crate::validation::{FieldError, ValidationErrors};

/// Longest message with a placement request, or reason for a change.
pub const MAX_MESSAGE: usize = 2000;

/// A placement request as sent.
#[derive(Debug, Clone, Default)]
pub struct PlacementDraft {
    /// 0.5 to 5 in halves.
    pub days_per_week: f64,
    /// First day.
    pub start: Option<NaiveDate>,
    /// Last day.
    pub end: Option<NaiveDate>,
    /// To the offering co-op.
    pub message: Option<String>,
    /// The day rate agreed with the offering co-op.
    pub agreed_day_rate: Option<super::Money>,
}

/// A checked placement request.
#[derive(Debug, Clone)]
pub struct PlacementInput {
    /// The time it asks for.
    pub booking: Booking,
    /// To the offering co-op.
    pub message: String,
    /// The day rate agreed with the offering co-op.
    pub agreed_day_rate: Option<super::Money>,
}

impl PlacementInput {
    /// Checks every field of `draft`, reporting every problem with its pointer.
    pub fn parse(draft: PlacementDraft) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let half_days = fields::capacity(draft.days_per_week, &mut errors);
        let range = fields::dates(draft.start, draft.end, &mut errors);
        let message = reason(draft.message, "/message", &mut errors);
        let rate = match &draft.agreed_day_rate {
            Some(raw) => super::Money::parse(raw, "/agreed_day_rate", &mut errors).map(Some),
            None => Some(None),
        };
        errors.finish(|| {
            Some(Self {
                booking: Booking {
                    range: range?,
                    half_days: half_days?,
                },
                message,
                agreed_day_rate: rate?,
            })
        })
    }
}

/// A message or reason: trimmed, at most [`MAX_MESSAGE`] characters.
pub fn reason(raw: Option<String>, pointer: &str, errors: &mut ValidationErrors) -> String {
    let text = raw.unwrap_or_default().trim().to_owned();
    if text.chars().count() > MAX_MESSAGE {
        errors.0.push(FieldError::new(
            pointer,
            format!("must be at most {MAX_MESSAGE} characters long"),
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_for_time_reports_every_problem() {
        let errors = PlacementInput::parse(PlacementDraft {
            days_per_week: 6.0,
            start: "2027-02-01".parse().ok(),
            end: "2027-01-01".parse().ok(),
            message: Some("x".repeat(MAX_MESSAGE + 1)),
            agreed_day_rate: Some(super::super::Money {
                amount: -1,
                currency: "pounds".into(),
            }),
        })
        .unwrap_err();
        let pointers: Vec<&str> = errors.0.iter().map(|e| e.pointer.as_str()).collect();
        assert_eq!(
            pointers,
            [
                "/days_per_week",
                "/end",
                "/message",
                "/agreed_day_rate/amount",
                "/agreed_day_rate/currency"
            ]
        );
        let fine = PlacementInput::parse(PlacementDraft {
            days_per_week: 1.5,
            start: "2027-01-04".parse().ok(),
            end: "2027-01-29".parse().ok(),
            message: Some("  Two sprints  ".into()),
            agreed_day_rate: Some(super::super::Money {
                amount: 40000,
                currency: "gbp".into(),
            }),
        })
        .unwrap();
        assert_eq!(
            (fine.booking.half_days, fine.message.as_str()),
            (3, "Two sprints")
        );
        assert_eq!(fine.agreed_day_rate.unwrap().currency, "GBP");
    }
}
