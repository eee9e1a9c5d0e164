//! A request for time: a co-op asks for skills (each at a lowest level), so
//! many days a week between two dates, remote or near a place, within a day
//! rate it tells network members only, for commercial or social-good work.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{DateRange, HalfDays, Money, WorkMode, fields};
use crate::skills::SkillName;
use crate::validation::ValidationErrors;

/// What the work is for: social-good work gets robin-hood rates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProjectKind {
    /// Paid at the usual rate.
    #[default]
    Commercial,
    /// A "robin hood" project.
    SocialGood,
}

impl ProjectKind {
    /// A "robin hood" project, done for less.
    pub const fn is_social_good(self) -> bool {
        matches!(self, Self::SocialGood)
    }
}

/// Whether a request still wants people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    /// Looking.
    #[default]
    Open,
    /// Found what it needed.
    Filled,
    /// Withdrawn.
    Closed,
}

/// A request as sent by a client, before checking.
#[derive(Debug, Clone, Default)]
pub struct RequestDraft {
    /// What is needed.
    pub title: String,
    /// Skills in any spelling, each with the lowest level that will do.
    pub skills: Vec<(String, i64)>,
    /// 0.5 to 5 in halves.
    pub days_per_week: f64,
    /// First day.
    pub start: Option<NaiveDate>,
    /// Last day.
    pub end: Option<NaiveDate>,
    /// How the work is done; `None`: any way.
    pub work_mode: Option<WorkMode>,
    /// Where, for on-site and hybrid work.
    pub latitude: Option<f64>,
    /// Where, with `latitude`.
    pub longitude: Option<f64>,
    /// Highest day rate (network members only).
    pub budget: Option<Money>,
    /// What the work is for.
    pub project_kind: ProjectKind,
    /// Whether it still wants people.
    pub status: RequestStatus,
}

/// A checked request, ready to store.
#[derive(Debug, Clone)]
pub struct RequestInput {
    /// What is needed.
    pub title: String,
    /// Skills and lowest levels (1 to 5).
    pub skills: Vec<(SkillName, u8)>,
    /// Time a week.
    pub half_days: HalfDays,
    /// When.
    pub dates: DateRange,
    /// How.
    pub work_mode: Option<WorkMode>,
    /// Where.
    pub location: Option<(f64, f64)>,
    /// Highest day rate.
    pub budget: Option<Money>,
    /// What for.
    pub project_kind: ProjectKind,
    /// Whether it still wants people.
    pub status: RequestStatus,
}

impl RequestInput {
    /// Checks every field of `draft`, reporting every problem with its pointer.
    pub fn parse(draft: RequestDraft) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let title = fields::title(&draft.title, &mut errors);
        let listed = draft
            .skills
            .iter()
            .map(|(skill, level)| (skill.as_str(), *level));
        let skills = fields::skills(listed, "min_level", &mut errors);
        let half_days = fields::capacity(draft.days_per_week, &mut errors);
        let dates = fields::dates(draft.start, draft.end, &mut errors);
        let location = fields::location(draft.latitude, draft.longitude, &mut errors);
        let budget = draft
            .budget
            .as_ref()
            .and_then(|budget| Money::parse(budget, "/budget", &mut errors));
        errors.finish(|| {
            Some(Self {
                title,
                skills,
                half_days: half_days?,
                dates: dates?,
                work_mode: draft.work_mode,
                location,
                budget,
                project_kind: draft.project_kind,
                status: draft.status,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> RequestDraft {
        RequestDraft {
            title: "Accessibility audit".into(),
            skills: vec![("a11y".into(), 3)],
            days_per_week: 1.0,
            start: "2027-02-01".parse().ok(),
            end: "2027-02-26".parse().ok(),
            ..RequestDraft::default()
        }
    }

    #[test]
    fn a_sound_request_is_checked_into_half_days() {
        let request = RequestInput::parse(draft()).unwrap();
        assert_eq!((request.half_days, request.skills[0].1), (2, 3));
        assert_eq!(request.project_kind, ProjectKind::Commercial);
    }

    #[test]
    fn every_problem_is_reported_at_its_pointer() {
        let errors = RequestInput::parse(RequestDraft {
            title: String::new(),
            skills: vec![("rust".into(), 0)],
            days_per_week: 0.0,
            latitude: Some(53.8),
            budget: Some(Money {
                amount: 10,
                currency: "??".into(),
            }),
            ..RequestDraft::default()
        })
        .unwrap_err();
        let pointers: Vec<&str> = errors.0.iter().map(|e| e.pointer.as_str()).collect();
        assert_eq!(
            pointers,
            [
                "/title",
                "/skills/0/min_level",
                "/days_per_week",
                "/start",
                "/end",
                "/latitude",
                "/budget/currency"
            ]
        );
    }
}
