//! An alert as sent, checked: every wrong field at once, and filters that do
//! not apply to the alert's subject refused rather than silently ignored.

use super::{AlertFilters, AlertSubject, Suitability};
use crate::bidding::cpv::cpv_codes;
use crate::money::MAX_TENDER_VALUE;
use crate::person::MAX_DAYS_PER_WEEK;
use crate::sharing::{WorkMode, fields};
use crate::skills::SkillName;
use crate::validation::{FieldError, ValidationErrors};

/// An alert as sent, before checking.
#[derive(Debug, Clone, Default)]
pub struct AlertDraft {
    /// What the alert is called.
    pub name: String,
    /// What it looks at.
    pub subject: AlertSubject,
    /// Skills in any spelling.
    pub skills: Vec<String>,
    /// See [`AlertFilters`].
    pub min_level: Option<i64>,
    /// CPV codes as people type them.
    pub cpv: Vec<String>,
    /// See [`AlertFilters`].
    pub value_min: Option<i64>,
    /// See [`AlertFilters`].
    pub value_max: Option<i64>,
    /// See [`AlertFilters`].
    pub buyer: Option<String>,
    /// See [`AlertFilters`].
    pub suitable_for: Option<Suitability>,
    /// See [`AlertFilters`].
    pub region: Option<String>,
    /// See [`AlertFilters`].
    pub work_mode: Option<WorkMode>,
    /// See [`AlertFilters`].
    pub min_days_per_week: Option<f64>,
    /// See [`AlertFilters`].
    pub words: Option<String>,
}

/// A checked alert: its name, subject, filters and the skills to resolve.
#[derive(Debug, Clone)]
pub struct AlertInput {
    /// What the alert is called.
    pub name: String,
    /// What it looks at.
    pub subject: AlertSubject,
    /// The filters, skills not yet resolved (left empty here).
    pub filters: AlertFilters,
    /// The skills to resolve to slugs.
    pub skills: Vec<SkillName>,
}

/// Most CPV codes an alert names.
pub const MAX_CODES: usize = 20;
/// An alert's name, and each text it looks for (buyer, region, words), in characters.
pub const MAX_TEXT: usize = 200;

impl AlertInput {
    /// Checks every field of `draft`.
    pub fn parse(draft: AlertDraft) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let name = draft.name.trim().to_owned();
        if name.is_empty() || name.chars().count() > MAX_TEXT {
            errors.0.push(FieldError::new(
                "/name",
                format!("must be 1 to {MAX_TEXT} characters long"),
            ));
        }
        let skills = fields::skill_names(&draft.skills, "/skills", &mut errors);
        refuse_foreign_filters(&draft, &mut errors);
        let cpv = tender_filters(&draft, &mut errors);
        let min_level = level(draft.min_level, draft.skills.is_empty(), &mut errors);
        if draft.min_days_per_week.is_some_and(|days| !in_halves(days)) {
            errors.0.push(FieldError::new(
                "/min_days_per_week",
                format!("must be 0.5 to {MAX_DAYS_PER_WEEK}, in half days"),
            ));
        }
        let buyer = errors.optional_text(draft.buyer, "/buyer", MAX_TEXT);
        let region = errors.optional_text(draft.region, "/region", MAX_TEXT);
        let words = errors.optional_text(draft.words, "/words", MAX_TEXT);
        errors.finish(|| {
            Some(Self {
                name,
                subject: draft.subject,
                filters: AlertFilters {
                    skills: Vec::new(),
                    min_level,
                    cpv,
                    value_min: draft.value_min,
                    value_max: draft.value_max,
                    buyer,
                    suitable_for: draft.suitable_for,
                    region,
                    work_mode: draft.work_mode,
                    min_days_per_week: draft.min_days_per_week,
                    words,
                },
                skills,
            })
        })
    }
}

/// A filter given for a subject it does not apply to is an error at its
/// pointer, naming the subjects it applies to.
fn refuse_foreign_filters(draft: &AlertDraft, errors: &mut ValidationErrors) {
    use AlertSubject::{Offers, Opportunities, People};
    let given = [
        ("/cpv", !draft.cpv.is_empty(), &[Opportunities][..]),
        ("/value_min", draft.value_min.is_some(), &[Opportunities]),
        ("/value_max", draft.value_max.is_some(), &[Opportunities]),
        ("/buyer", draft.buyer.is_some(), &[Opportunities]),
        (
            "/suitable_for",
            draft.suitable_for.is_some(),
            &[Opportunities],
        ),
        ("/region", draft.region.is_some(), &[Opportunities]),
        ("/min_level", draft.min_level.is_some(), &[Offers, People]),
        ("/work_mode", draft.work_mode.is_some(), &[Offers]),
        (
            "/min_days_per_week",
            draft.min_days_per_week.is_some(),
            &[Offers, People],
        ),
    ];
    for (pointer, set, subjects) in given {
        if set && !subjects.contains(&draft.subject) {
            let names: Vec<&str> = subjects.iter().map(|s| s.as_str()).collect();
            errors.0.push(FieldError::new(
                pointer,
                format!("applies only to alerts on {}", names.join(" or ")),
            ));
        }
    }
}

/// Checks the CPV codes and the value range; answers the codes.
fn tender_filters(draft: &AlertDraft, errors: &mut ValidationErrors) -> Vec<String> {
    if draft.cpv.len() > MAX_CODES {
        errors.0.push(FieldError::new(
            "/cpv",
            format!("must have at most {MAX_CODES} entries"),
        ));
    }
    let listed = &draft.cpv[..draft.cpv.len().min(MAX_CODES)];
    let cpv = cpv_codes(listed, "/cpv", errors);
    for (pointer, value) in [
        ("/value_min", draft.value_min),
        ("/value_max", draft.value_max),
    ] {
        if value.is_some_and(|v| !(0..=MAX_TENDER_VALUE).contains(&v)) {
            errors.0.push(FieldError::new(
                pointer,
                format!("must be 0 to {MAX_TENDER_VALUE} (minor units)"),
            ));
        }
    }
    if let (Some(min), Some(max)) = (draft.value_min, draft.value_max)
        && max < min
    {
        errors
            .0
            .push(FieldError::new("/value_max", "must not be below value_min"));
    }
    cpv
}

/// The least skill level, 1 to 5; it says how well, so it needs skills.
fn level(raw: Option<i64>, no_skills: bool, errors: &mut ValidationErrors) -> Option<u8> {
    let raw = raw?;
    if no_skills {
        errors.0.push(FieldError::new(
            "/min_level",
            "needs skills: it is the least level of one of them",
        ));
    }
    match u8::try_from(raw) {
        Ok(level) if crate::skills::LEVELS.contains(&level) => Some(level),
        _ => {
            errors.0.push(FieldError::new(
                "/min_level",
                "must be 1 (learning) to 5 (expert)",
            ));
            None
        }
    }
}

fn in_halves(days: f64) -> bool {
    let halves = days * 2.0;
    halves.fract() == 0.0 && (1.0..=MAX_DAYS_PER_WEEK * 2.0).contains(&halves)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pointers(draft: AlertDraft) -> Vec<String> {
        AlertInput::parse(draft)
            .unwrap_err()
            .0
            .into_iter()
            .map(|e| e.pointer)
            .collect()
    }

    #[test]
    fn every_wrong_field_is_named_at_once() {
        let bad = AlertDraft {
            name: " ".into(),
            cpv: vec!["7241".into()],
            value_min: Some(5),
            value_max: Some(1),
            ..AlertDraft::default()
        };
        assert_eq!(pointers(bad), ["/name", "/cpv/0", "/value_max"]);
        let talent = AlertDraft {
            name: "Rust".into(),
            subject: AlertSubject::People,
            min_level: Some(9),
            min_days_per_week: Some(0.3),
            work_mode: Some(WorkMode::Remote),
            buyer: Some("NHS".into()),
            ..AlertDraft::default()
        };
        assert_eq!(
            pointers(talent),
            [
                "/buyer",
                "/work_mode",
                "/min_level",
                "/min_level",
                "/min_days_per_week"
            ]
        );
    }

    #[test]
    fn filters_of_the_subject_are_kept() {
        let input = AlertInput::parse(AlertDraft {
            name: " Rust help ".into(),
            subject: AlertSubject::Offers,
            skills: vec!["rust".into()],
            min_level: Some(3),
            work_mode: Some(WorkMode::Remote),
            min_days_per_week: Some(1.5),
            words: Some("  ".into()),
            ..AlertDraft::default()
        })
        .unwrap();
        assert_eq!(input.name, "Rust help");
        assert_eq!(input.filters.min_level, Some(3));
        assert_eq!(input.filters.min_days_per_week, Some(1.5));
        assert_eq!(input.filters.words, None);
        assert_eq!(input.skills.len(), 1);
        assert_eq!(AlertSubject::parse("people"), Some(AlertSubject::People));
        assert_eq!(AlertSubject::parse("tenders"), None);
    }
}
