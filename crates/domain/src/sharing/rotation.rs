//! A rotation request: a person asks, privately, to rotate off their current
//! work for a while, onto work elsewhere in the network. Only they and their
//! co-op's admins ever see it; whether other people with fitting requests
//! may be told their name is their choice (`suggest_me`).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{DateRange, HalfDays, ProjectKind, fields};
use crate::skills::{Skill, SkillName};
use crate::validation::ValidationErrors;

/// Whether a rotation request still looks for a swap or social-good work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RotationStatus {
    /// Looking.
    #[default]
    Open,
    /// A swap was agreed.
    Swapped,
    /// A social-good proposal was agreed.
    Placed,
    /// Withdrawn.
    Withdrawn,
}

impl RotationStatus {
    /// Where the request stands, in a person's words.
    pub const fn words(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Swapped => "swapped with someone",
            Self::Placed => "placed on social-good work",
            Self::Withdrawn => "withdrawn",
        }
    }
}

/// A rotation request as sent.
#[derive(Debug, Clone, Default)]
pub struct RotationDraft {
    /// The placement the person would rotate off.
    pub from_placement: Option<Uuid>,
    /// The offer of them they would rotate off.
    pub from_offer: Option<Uuid>,
    /// Skills the person would like to use, any spelling.
    pub wanted_skills: Vec<String>,
    /// The kind of work wanted, if it matters.
    pub project_kind: Option<ProjectKind>,
    /// 0.5 to 5, in half days.
    pub days_per_week: f64,
    /// First day.
    pub start: Option<NaiveDate>,
    /// Last day.
    pub end: Option<NaiveDate>,
    /// Only for the person and their co-op's admins.
    pub notes: Option<String>,
    /// May people in other co-ops whose requests fit be told this person's name?
    pub suggest_me: bool,
}

/// A checked rotation request.
#[derive(Debug, Clone)]
pub struct RotationInput {
    /// The placement rotated off (the store checks it is the person's).
    pub from_placement: Option<Uuid>,
    /// The offer rotated off (the store checks it is of the person).
    pub from_offer: Option<Uuid>,
    /// Skills wanted.
    pub wanted_skills: Vec<SkillName>,
    /// Kind of work wanted.
    pub project_kind: Option<ProjectKind>,
    /// Time a week.
    pub half_days: HalfDays,
    /// When.
    pub dates: DateRange,
    /// Private notes.
    pub notes: String,
    /// Consent to be suggested to others.
    pub suggest_me: bool,
}

impl RotationInput {
    /// Checks every field of `draft`, reporting every problem with its pointer.
    pub fn parse(draft: RotationDraft) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let wanted_skills =
            fields::skill_names(&draft.wanted_skills, "/wanted_skills", &mut errors);
        let half_days = fields::capacity(draft.days_per_week, &mut errors);
        let dates = fields::dates(draft.start, draft.end, &mut errors);
        let notes = fields::notes(draft.notes, "/notes", &mut errors);
        errors.finish(|| {
            Some(Self {
                from_placement: draft.from_placement,
                from_offer: draft.from_offer,
                wanted_skills,
                project_kind: draft.project_kind,
                half_days: half_days?,
                dates: dates?,
                notes,
                suggest_me: draft.suggest_me,
            })
        })
    }
}

/// A rotation request as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Rotation {
    /// Stable identifier.
    pub id: Uuid,
    /// Who asks.
    pub person_id: Uuid,
    /// Their co-op.
    pub coop_id: Uuid,
    /// The placement rotated off.
    pub from_placement: Option<Uuid>,
    /// The offer rotated off.
    pub from_offer: Option<Uuid>,
    /// Skills wanted.
    pub wanted_skills: Vec<Skill>,
    /// Kind of work wanted.
    pub project_kind: Option<ProjectKind>,
    /// Time a week.
    pub half_days: HalfDays,
    /// When.
    pub dates: DateRange,
    /// Private notes.
    pub notes: String,
    /// Consent to be suggested to others.
    pub suggest_me: bool,
    /// Where it stands.
    pub status: RotationStatus,
    /// Bumped on every change.
    pub version: i32,
    /// UTC.
    pub created_at: DateTime<Utc>,
    /// UTC.
    pub updated_at: DateTime<Utc>,
}

/// How one person's skills fit what another's rotation request wants: the
/// skill slugs wanted that they have (a request wanting nothing in
/// particular is fitted by anyone).
pub fn skills_fitting(wanted: &[Skill], held: &[String]) -> Option<Vec<String>> {
    if wanted.is_empty() {
        return Some(Vec::new());
    }
    let fitting: Vec<String> = wanted
        .iter()
        .filter(|skill| held.contains(&skill.slug))
        .map(|skill| skill.slug.clone())
        .collect();
    (!fitting.is_empty()).then_some(fitting)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::skills::SkillCategory;

    fn skill(slug: &str) -> Skill {
        Skill {
            slug: slug.into(),
            name: slug.into(),
            category: SkillCategory::Technology,
            esco_uri: None,
        }
    }

    #[test]
    fn a_rotation_request_is_checked_and_fitted_by_skills() {
        let errors = RotationInput::parse(RotationDraft {
            wanted_skills: vec![" ".into()],
            days_per_week: 0.0,
            ..RotationDraft::default()
        })
        .unwrap_err();
        let pointers: Vec<&str> = errors.0.iter().map(|e| e.pointer.as_str()).collect();
        assert_eq!(
            pointers,
            ["/wanted_skills/0", "/days_per_week", "/start", "/end"]
        );
        let wanted = [skill("rust"), skill("elm")];
        let held = ["elm".to_owned(), "go".to_owned()];
        assert_eq!(skills_fitting(&wanted, &held), Some(vec!["elm".to_owned()]));
        assert_eq!(skills_fitting(&wanted, &["go".to_owned()]), None);
        assert_eq!(skills_fitting(&[], &[]), Some(Vec::new()));
    }
}
