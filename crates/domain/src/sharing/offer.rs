//! An offer of time: a co-op offers a named person (one of its people) or an
//! unnamed role for some days a week between two dates, at a day rate that
//! only network members see, with an optional lower "robin hood" rate for
//! social-good work. Checked here, every problem at its pointer.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{DateRange, HalfDays, fields};
use crate::skills::SkillName;
use crate::validation::{FieldError, ValidationErrors};

/// Highest day rate, in minor units (£10,000.00 a day).
pub const MAX_RATE: i64 = 1_000_000;

/// Where the work happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum WorkMode {
    /// From anywhere.
    Remote,
    /// Partly on site.
    Hybrid,
    /// On site.
    Onsite,
}

impl WorkMode {
    /// Where the work is done, in a person's words.
    pub const fn words(self) -> &'static str {
        match self {
            Self::Remote => "remote",
            Self::Hybrid => "partly on site",
            Self::Onsite => "on site",
        }
    }
}

/// Whether an offer is available.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OfferStatus {
    /// Open to requests.
    #[default]
    Open,
    /// Not for now.
    Paused,
    /// Withdrawn.
    Closed,
}

/// An amount of money in minor units (pence), with its ISO 4217 currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Money {
    /// Minor units: 45000 is £450.00.
    pub amount: i64,
    /// ISO 4217 code, upper case, e.g. `GBP`.
    pub currency: String,
}

impl Money {
    /// Checks a day rate: 0 to [`MAX_RATE`] minor units, a three-letter currency.
    pub(crate) fn parse(
        raw: &Money,
        pointer: &str,
        errors: &mut ValidationErrors,
    ) -> Option<Money> {
        let currency = raw.currency.trim().to_ascii_uppercase();
        let mut valid = true;
        if !(0..=MAX_RATE).contains(&raw.amount) {
            errors.0.push(FieldError::new(
                format!("{pointer}/amount"),
                format!("must be from 0 to {MAX_RATE} (minor units: 45000 is 450.00)"),
            ));
            valid = false;
        }
        if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
            errors.0.push(FieldError::new(
                format!("{pointer}/currency"),
                "must be an ISO 4217 code such as GBP",
            ));
            valid = false;
        }
        valid.then_some(Money {
            amount: raw.amount,
            currency,
        })
    }
}

/// A skill an offer brings, as sent.
#[derive(Debug, Clone, Default)]
pub struct OfferSkillDraft {
    /// Any spelling.
    pub skill: String,
    /// Should be 1 to 5.
    pub level: i64,
}

/// An offer as sent by a client, before checking.
#[derive(Debug, Clone, Default)]
pub struct OfferDraft {
    /// One of the co-op's people, or `None` for an unnamed role.
    pub person: Option<Uuid>,
    /// What is offered.
    pub title: String,
    /// Skills, with levels.
    pub skills: Vec<OfferSkillDraft>,
    /// 0.5 to 5 in halves.
    pub days_per_week: f64,
    /// First day.
    pub start: Option<NaiveDate>,
    /// Last day.
    pub end: Option<NaiveDate>,
    /// Where the work happens.
    pub work_mode: Option<WorkMode>,
    /// Where the person works from; `None`: where the co-op is.
    pub latitude: Option<f64>,
    /// With `latitude`.
    pub longitude: Option<f64>,
    /// Day rate (network members only).
    pub day_rate: Option<Money>,
    /// Lower rate for social-good work.
    pub robin_hood_rate: Option<Money>,
    /// Free text.
    pub notes: Option<String>,
    /// Availability.
    pub status: OfferStatus,
}

/// A checked offer, ready to store.
#[derive(Debug, Clone)]
pub struct OfferInput {
    /// One of the co-op's people (the store checks it is), or a role.
    pub person: Option<Uuid>,
    /// What is offered.
    pub title: String,
    /// Skills and levels (1 to 5).
    pub skills: Vec<(SkillName, u8)>,
    /// Capacity.
    pub half_days: HalfDays,
    /// When.
    pub dates: DateRange,
    /// How.
    pub work_mode: WorkMode,
    /// Where the person works from, when not where the co-op is.
    pub location: Option<(f64, f64)>,
    /// Day rate.
    pub day_rate: Option<Money>,
    /// Robin hood rate, never above the day rate.
    pub robin_hood_rate: Option<Money>,
    /// Free text.
    pub notes: String,
    /// Availability.
    pub status: OfferStatus,
}

impl OfferInput {
    /// Checks every field of `draft`, reporting every problem with its pointer.
    pub fn parse(draft: OfferDraft) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let title = fields::title(&draft.title, &mut errors);
        let listed = draft.skills.iter().map(|s| (s.skill.as_str(), s.level));
        let skills = fields::skills(listed, "level", &mut errors);
        let half_days = fields::capacity(draft.days_per_week, &mut errors);
        let dates = fields::dates(draft.start, draft.end, &mut errors);
        if draft.work_mode.is_none() {
            errors.0.push(FieldError::new(
                "/work_mode",
                "is required: remote, hybrid or onsite",
            ));
        }
        let day_rate = draft
            .day_rate
            .as_ref()
            .and_then(|rate| Money::parse(rate, "/day_rate", &mut errors));
        let robin_hood_rate = draft
            .robin_hood_rate
            .as_ref()
            .and_then(|rate| Money::parse(rate, "/robin_hood_rate", &mut errors));
        if let (Some(full), Some(lower)) = (&day_rate, &robin_hood_rate)
            && (full.currency != lower.currency || lower.amount > full.amount)
        {
            errors.0.push(FieldError::new(
                "/robin_hood_rate",
                "must be in the day rate's currency and not above it",
            ));
        }
        let location = fields::location(draft.latitude, draft.longitude, &mut errors);
        let notes = fields::notes(draft.notes, "/notes", &mut errors);
        errors.finish(|| {
            Some(Self {
                person: draft.person,
                title,
                skills,
                half_days: half_days?,
                dates: dates?,
                work_mode: draft.work_mode?,
                location,
                day_rate,
                robin_hood_rate,
                notes,
                status: draft.status,
            })
        })
    }
}

#[cfg(test)]
mod tests;
