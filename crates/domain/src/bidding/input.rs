//! What clients send to open a bid, add a role or a section, or decide on a
//! bid, checked: every problem at its pointer, in one answer.

use chrono::NaiveDate;
use uuid::Uuid;

use super::{Criterion, SectionStatus, ShareSettings, WHOLE_BP};
use crate::money::MAX_TENDER_VALUE;
use crate::sharing::fields;
use crate::sharing::{DateRange, Money};
use crate::skills::SkillName;
use crate::validation::{FieldError, ValidationErrors};

/// The most effort one role takes, in days.
pub const MAX_EFFORT_DAYS: i64 = 100_000;
/// The highest internal day rate, in minor units.
pub const MAX_DAY_RATE: i64 = 10_000_000;
/// The longest lot id kept.
pub const MAX_LOT_ID: usize = 200;
/// The most criteria a decision weighs.
pub const MAX_CRITERIA: usize = 20;
/// A criterion's name, in characters.
pub const MAX_CRITERION_NAME: usize = 200;
/// The weights a criterion may have.
pub const WEIGHTS: std::ops::RangeInclusive<u8> = 1..=10;
/// The highest score a criterion may be given (the lowest is 0).
pub const MAX_SCORE: u8 = 5;

/// A bid as sent, before checking (the lead co-op is resolved by slug).
#[derive(Debug, Clone, Default)]
pub struct BidDraft {
    /// Name of the bid.
    pub title: String,
    /// One lot of the tender.
    pub lot_id: Option<String>,
    /// Price bid.
    pub value: Option<Money>,
    /// Lead premium in basis points; default [`DEFAULT_LEAD_PREMIUM_BP`].
    pub lead_premium_bp: Option<i64>,
    /// Network-fund contribution in basis points; `None`: none.
    pub fund_bp: Option<i64>,
}

/// The lead premium a bid starts with: 5%, for the work of leading.
pub const DEFAULT_LEAD_PREMIUM_BP: u32 = 500;

/// A checked bid.
#[derive(Debug, Clone)]
pub struct BidInput {
    /// Name.
    pub title: String,
    /// Lot.
    pub lot_id: Option<String>,
    /// Price bid.
    pub value: Option<Money>,
    /// Premium and fund.
    pub shares: ShareSettings,
}

fn basis_points(raw: i64, pointer: &str, errors: &mut ValidationErrors) -> Option<u32> {
    let checked = u32::try_from(raw).ok().filter(|bp| *bp <= WHOLE_BP);
    if checked.is_none() {
        errors.0.push(FieldError::new(
            pointer,
            "must be from 0 to 10000 basis points (500 is 5%)",
        ));
    }
    checked
}

/// Checks a tender's or a bid's value at `/value`: 0 to [`MAX_TENDER_VALUE`]
/// minor units and a three-letter currency, upper-cased.
pub fn tender_amount(money: &Money, errors: &mut ValidationErrors) -> Option<Money> {
    let currency = money.currency.trim().to_ascii_uppercase();
    let valid = (0..=MAX_TENDER_VALUE).contains(&money.amount)
        && currency.len() == 3
        && currency.bytes().all(|b| b.is_ascii_uppercase());
    if !valid {
        errors.0.push(FieldError::new(
            "/value",
            format!(
                "must have an amount of 0 to {MAX_TENDER_VALUE} (minor units: 2500 is 25.00) and an ISO 4217 currency such as GBP"
            ),
        ));
    }
    valid.then_some(Money {
        amount: money.amount,
        currency,
    })
}

impl BidInput {
    /// Checks every field of `draft`.
    pub fn parse(draft: BidDraft) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let title = fields::title(&draft.title, &mut errors);
        let lot_id = errors.optional_text(draft.lot_id, "/lot_id", MAX_LOT_ID);
        let value = draft
            .value
            .as_ref()
            .and_then(|money| tender_amount(money, &mut errors));
        let premium = match draft.lead_premium_bp {
            Some(raw) => basis_points(raw, "/lead_premium_bp", &mut errors),
            None => Some(DEFAULT_LEAD_PREMIUM_BP),
        };
        let fund = draft
            .fund_bp
            .map(|raw| basis_points(raw, "/fund_bp", &mut errors));
        if let (Some(premium), Some(Some(fund))) = (premium, fund)
            && premium + fund > WHOLE_BP
        {
            errors.0.push(FieldError::new(
                "/fund_bp",
                "with the lead premium must not exceed 10000 basis points (the whole value)",
            ));
        }
        errors.finish(|| {
            Some(Self {
                title,
                lot_id,
                value,
                shares: ShareSettings {
                    lead_premium_bp: premium?,
                    fund_bp: match fund {
                        Some(fund) => Some(fund?),
                        None => None,
                    },
                },
            })
        })
    }
}

/// A role as sent, before checking.
#[derive(Debug, Clone, Default)]
pub struct RoleDraft {
    /// What the role is.
    pub title: String,
    /// Skills in any spelling with the least level (1 to 5).
    pub skills: Vec<(String, i64)>,
    /// Effort in days.
    pub effort_days: i64,
    /// First day of the work.
    pub start: Option<NaiveDate>,
    /// Last day of the work.
    pub end: Option<NaiveDate>,
    /// Internal day rate in minor units.
    pub day_rate: Option<i64>,
    /// The lot it is for.
    pub lot_id: Option<String>,
}

/// A checked role.
#[derive(Debug, Clone)]
pub struct RoleInput {
    /// Title.
    pub title: String,
    /// Skills and least levels.
    pub skills: Vec<(SkillName, u8)>,
    /// Effort in days.
    pub effort_days: u32,
    /// When.
    pub period: Option<DateRange>,
    /// Internal day rate.
    pub day_rate: Option<i64>,
    /// Lot.
    pub lot_id: Option<String>,
}

impl RoleInput {
    /// Checks every field of `draft`.
    pub fn parse(draft: RoleDraft) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let title = fields::title(&draft.title, &mut errors);
        let listed = draft.skills.iter().map(|(s, level)| (s.as_str(), *level));
        let skills = fields::skills(listed, "min_level", &mut errors);
        let effort_days = u32::try_from(draft.effort_days)
            .ok()
            .filter(|days| (1..=MAX_EFFORT_DAYS).contains(&i64::from(*days)));
        if effort_days.is_none() {
            errors.0.push(FieldError::new(
                "/effort_days",
                format!("must be a whole number of days from 1 to {MAX_EFFORT_DAYS}"),
            ));
        }
        let period = match (draft.start, draft.end) {
            (None, None) => None,
            (start, end) => fields::dates(start, end, &mut errors),
        };
        if draft
            .day_rate
            .is_some_and(|rate| !(0..=MAX_DAY_RATE).contains(&rate))
        {
            errors.0.push(FieldError::new(
                "/day_rate",
                format!("must be from 0 to {MAX_DAY_RATE} (minor units of the bid's currency)"),
            ));
        }
        let lot_id = errors.optional_text(draft.lot_id, "/lot_id", MAX_LOT_ID);
        errors.finish(|| {
            Some(Self {
                title,
                skills,
                effort_days: effort_days?,
                period,
                day_rate: draft.day_rate,
                lot_id,
            })
        })
    }
}

/// A section as sent (the owner co-op is resolved by slug).
#[derive(Debug, Clone, Default)]
pub struct SectionDraft {
    /// What the section is.
    pub title: String,
    /// Who writes it.
    pub owner_person: Option<Uuid>,
    /// When it is due.
    pub due: Option<NaiveDate>,
    /// Where it stands (default `todo`).
    pub status: Option<SectionStatus>,
}

/// A checked section.
#[derive(Debug, Clone)]
pub struct SectionInput {
    /// Title.
    pub title: String,
    /// Who writes it.
    pub owner_person: Option<Uuid>,
    /// Due date.
    pub due: Option<NaiveDate>,
    /// Status.
    pub status: SectionStatus,
}

impl SectionInput {
    /// Checks every field of `draft`.
    pub fn parse(draft: SectionDraft) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let title = fields::title(&draft.title, &mut errors);
        let due = crate::dates::check(draft.due, "/due", &mut errors);
        errors.finish(|| {
            Some(Self {
                title,
                owner_person: draft.owner_person,
                due,
                status: draft.status.unwrap_or_default(),
            })
        })
    }
}

/// A go/no-go decision as sent.
#[derive(Debug, Clone, Default)]
pub struct DecisionDraft {
    /// Go or no-go.
    pub go: bool,
    /// Why.
    pub reasons: Option<String>,
    /// Criteria as (name, weight 1–10, score 0–5).
    pub criteria: Vec<(String, i64, i64)>,
}

/// A checked decision.
#[derive(Debug, Clone)]
pub struct DecisionInput {
    /// Go or no-go.
    pub go: bool,
    /// Why.
    pub reasons: String,
    /// Criteria.
    pub criteria: Vec<Criterion>,
}

impl DecisionInput {
    /// Checks every field of `draft`.
    pub fn parse(draft: DecisionDraft) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let reasons = fields::notes(draft.reasons, "/reasons", &mut errors);
        if draft.criteria.len() > MAX_CRITERIA {
            errors.0.push(FieldError::new(
                "/criteria",
                format!("must have at most {MAX_CRITERIA} entries"),
            ));
        }
        let mut criteria = Vec::new();
        for (i, (name, weight, score)) in draft.criteria.into_iter().enumerate().take(MAX_CRITERIA)
        {
            let name = name.trim().to_owned();
            if name.is_empty() || name.chars().count() > MAX_CRITERION_NAME {
                errors.0.push(FieldError::new(
                    format!("/criteria/{i}/name"),
                    format!("must be 1 to {MAX_CRITERION_NAME} characters long"),
                ));
            }
            let weight = u8::try_from(weight).ok().filter(|w| WEIGHTS.contains(w));
            if weight.is_none() {
                errors.0.push(FieldError::new(
                    format!("/criteria/{i}/weight"),
                    format!("must be from {} to {}", WEIGHTS.start(), WEIGHTS.end()),
                ));
            }
            let score = u8::try_from(score).ok().filter(|s| *s <= MAX_SCORE);
            if score.is_none() {
                errors.0.push(FieldError::new(
                    format!("/criteria/{i}/score"),
                    format!("must be from 0 to {MAX_SCORE}"),
                ));
            }
            if let (Some(weight), Some(score)) = (weight, score) {
                criteria.push(Criterion {
                    name,
                    weight,
                    score,
                });
            }
        }
        errors.finish(|| {
            Some(Self {
                go: draft.go,
                reasons,
                criteria,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pointers(errors: ValidationErrors) -> Vec<String> {
        errors.0.into_iter().map(|e| e.pointer).collect()
    }

    #[test]
    fn a_bid_names_every_wrong_field_and_starts_with_a_five_percent_premium() {
        let bad = BidDraft {
            title: " ".into(),
            lot_id: Some("x".repeat(201)),
            value: Some(Money {
                amount: -1,
                currency: "pounds".into(),
            }),
            lead_premium_bp: Some(8_000),
            fund_bp: Some(3_000),
        };
        assert_eq!(
            pointers(BidInput::parse(bad).unwrap_err()),
            ["/title", "/lot_id", "/value", "/fund_bp"]
        );
        let good = BidInput::parse(BidDraft {
            title: "Council website".into(),
            ..BidDraft::default()
        })
        .unwrap();
        assert_eq!(good.shares.lead_premium_bp, DEFAULT_LEAD_PREMIUM_BP);
        assert_eq!(good.shares.fund_bp, None);
    }

    #[test]
    fn roles_sections_and_decisions_check_their_fields() {
        let bad = RoleDraft {
            title: "Dev".into(),
            skills: vec![("Rust".into(), 7)],
            effort_days: 0,
            start: "2027-02-01".parse().ok(),
            end: None,
            day_rate: Some(-5),
            lot_id: None,
        };
        assert_eq!(
            pointers(RoleInput::parse(bad).unwrap_err()),
            ["/skills/0/min_level", "/effort_days", "/end", "/day_rate"]
        );
        assert!(
            SectionInput::parse(SectionDraft {
                title: String::new(),
                ..SectionDraft::default()
            })
            .is_err()
        );
        let decision = DecisionDraft {
            go: true,
            reasons: None,
            criteria: vec![("fit".into(), 0, 6), ("".into(), 3, 2)],
        };
        assert_eq!(
            pointers(DecisionInput::parse(decision).unwrap_err()),
            [
                "/criteria/0/weight",
                "/criteria/0/score",
                "/criteria/1/name"
            ]
        );
    }
}
