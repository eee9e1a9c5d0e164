//! Alerts: saved opportunity filters. A tender matches when every filter
//! given holds: one of the skills, one of the CPV codes (matched up and
//! down the hierarchy: an alert for 72400000 hears of 72413000, and one for
//! 72413000 of a tender coded only 72400000), the value range, the buyer's
//! name, the suitability flag, and the words. Each match says why.

use super::cpv::{cpv_codes, significant};
use super::{Opportunity, OpportunityStatus};
use crate::sharing::fields;
use crate::skills::SkillName;
use crate::validation::{FieldError, ValidationErrors};

/// Who a tender is marked suitable for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Suitability {
    /// Small and medium enterprises.
    Sme,
    /// Voluntary, community and social enterprises.
    Vcse,
}

/// What an alert looks for (skills as canonical slugs once stored).
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AlertFilters {
    /// Any of these skills.
    #[serde(default)]
    pub skills: Vec<String>,
    /// Any of these CPV codes (eight digits).
    #[serde(default)]
    pub cpv: Vec<String>,
    /// The least value, minor units.
    pub value_min: Option<i64>,
    /// The most value, minor units.
    pub value_max: Option<i64>,
    /// Words in the buyer's name, case-insensitive.
    pub buyer: Option<String>,
    /// A suitability flag that must be set.
    pub suitable_for: Option<Suitability>,
    /// Words that must all be in the tender's region, case-insensitive.
    #[serde(default)]
    pub region: Option<String>,
    /// Words that must all be in the title or description, case-insensitive.
    pub words: Option<String>,
}

/// An alert as sent, before checking.
#[derive(Debug, Clone, Default)]
pub struct AlertDraft {
    /// What the alert is called.
    pub name: String,
    /// Skills in any spelling.
    pub skills: Vec<String>,
    /// CPV codes as publishers write them.
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
    pub words: Option<String>,
}

/// A checked alert: its name, its filters and the skills to resolve.
#[derive(Debug, Clone)]
pub struct AlertInput {
    /// What the alert is called.
    pub name: String,
    /// The filters, skills not yet resolved (left empty here).
    pub filters: AlertFilters,
    /// The skills to resolve to slugs.
    pub skills: Vec<SkillName>,
}

/// Most CPV codes an alert names.
const MAX_CODES: usize = 20;

impl AlertInput {
    /// Checks every field of `draft`.
    pub fn parse(draft: AlertDraft) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let name = draft.name.trim().to_owned();
        if name.is_empty() || name.chars().count() > 200 {
            errors
                .0
                .push(FieldError::new("/name", "must be 1 to 200 characters long"));
        }
        let skills = fields::skill_names(&draft.skills, "/skills", &mut errors);
        if draft.cpv.len() > MAX_CODES {
            errors.0.push(FieldError::new(
                "/cpv",
                format!("must have at most {MAX_CODES} entries"),
            ));
        }
        let listed = &draft.cpv[..draft.cpv.len().min(MAX_CODES)];
        let cpv = cpv_codes(listed, "/cpv", &mut errors);
        for (pointer, value) in [
            ("/value_min", draft.value_min),
            ("/value_max", draft.value_max),
        ] {
            if value.is_some_and(|v| !(0..=9_000_000_000_000_000).contains(&v)) {
                errors
                    .0
                    .push(FieldError::new(pointer, "must be 0 or more (minor units)"));
            }
        }
        if let (Some(min), Some(max)) = (draft.value_min, draft.value_max)
            && max < min
        {
            errors
                .0
                .push(FieldError::new("/value_max", "must not be below value_min"));
        }
        let buyer = errors.optional_text(draft.buyer, "/buyer", 200);
        let region = errors.optional_text(draft.region, "/region", 200);
        let words = errors.optional_text(draft.words, "/words", 200);
        errors.finish(|| {
            Some(Self {
                name,
                filters: AlertFilters {
                    skills: Vec::new(),
                    cpv,
                    value_min: draft.value_min,
                    value_max: draft.value_max,
                    buyer,
                    suitable_for: draft.suitable_for,
                    region,
                    words,
                },
                skills,
            })
        })
    }
}

fn contains_all(haystack: &str, words: &str) -> bool {
    let haystack = haystack.to_lowercase();
    words
        .split_whitespace()
        .all(|word| haystack.contains(&word.to_lowercase()))
}

/// Why `opportunity` matches `filters`, if it does and takes bids (open or
/// planning); `None` otherwise.
pub fn alert_match(
    filters: &AlertFilters,
    opportunity: &Opportunity,
    status: OpportunityStatus,
) -> Option<Vec<String>> {
    if status == OpportunityStatus::Closed {
        return None;
    }
    let tender = &opportunity.tender;
    let mut reasons = Vec::new();
    if !filters.skills.is_empty() {
        let needed: Vec<&str> = opportunity
            .required_skills
            .iter()
            .filter(|s| filters.skills.contains(&s.slug))
            .map(|s| s.name.as_str())
            .collect();
        if needed.is_empty() {
            return None;
        }
        reasons.push(format!("needs {}", needed.join(", ")));
    }
    if !filters.cpv.is_empty() {
        let hit = tender.cpv.iter().find(|code| {
            filters.cpv.iter().any(|wanted| {
                let (a, b) = (significant(wanted), significant(code));
                a.starts_with(b) || b.starts_with(a)
            })
        })?;
        reasons.push(format!("CPV {hit}"));
    }
    if filters.value_min.is_some() || filters.value_max.is_some() {
        let amount = tender.value.as_ref()?.amount;
        if filters.value_min.is_some_and(|min| amount < min)
            || filters.value_max.is_some_and(|max| amount > max)
        {
            return None;
        }
        reasons.push("its value is in the range".into());
    }
    if let Some(buyer) = &filters.buyer {
        let name = tender
            .buyer_name
            .as_deref()
            .filter(|name| contains_all(name, buyer))?;
        reasons.push(format!("bought by {name}"));
    }
    if let Some(wanted) = &filters.region {
        let region = tender
            .region
            .as_deref()
            .filter(|region| contains_all(region, wanted))?;
        reasons.push(format!("in {region}"));
    }
    match filters.suitable_for {
        Some(Suitability::Sme) if tender.suitable_for_sme == Some(true) => {
            reasons.push("suitable for SMEs".into())
        }
        Some(Suitability::Vcse) if tender.suitable_for_vcse == Some(true) => {
            reasons.push("suitable for VCSEs".into())
        }
        Some(_) => return None,
        None => {}
    }
    if let Some(words) = &filters.words {
        let text = format!("{} {}", tender.title, tender.description);
        if !contains_all(&text, words) {
            return None;
        }
        reasons.push(format!("mentions {words}"));
    }
    Some(reasons)
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;
    use crate::bidding::ManualTender;

    fn opportunity(cpv: &[&str]) -> Opportunity {
        let tender = ManualTender {
            title: "Patient records API".into(),
            description: "Open source, accessible".into(),
            buyer_name: Some("An NHS trust".into()),
            region: Some("Yorkshire and the Humber".into()),
            deadline: None,
            value: Some(crate::bidding::TenderValue {
                amount: 12_000_000,
                gross: None,
                currency: "GBP".into(),
            }),
            cpv: cpv.iter().map(|c| (*c).to_owned()).collect(),
            suitable_for_sme: Some(true),
            suitable_for_vcse: None,
        };
        Opportunity {
            id: uuid::Uuid::nil(),
            tender: tender.into_release("x".into(), Utc::now()),
            required_skills: Vec::new(),
            manual: true,
            version: 1,
            created_at: Utc::now(),
            updated_at: Utc::now(),
        }
    }

    #[test]
    fn cpv_codes_match_up_and_down_and_every_filter_must_hold() {
        let open = OpportunityStatus::Open;
        let specific = AlertFilters {
            cpv: vec!["72413000".into()],
            ..AlertFilters::default()
        };
        assert!(
            alert_match(&specific, &opportunity(&["72400000"]), open).is_some(),
            "up"
        );
        let general = AlertFilters {
            cpv: vec!["72000000".into()],
            ..AlertFilters::default()
        };
        assert!(
            alert_match(&general, &opportunity(&["72413000"]), open).is_some(),
            "down"
        );
        assert!(alert_match(&general, &opportunity(&["48000000"]), open).is_none());
        let all = AlertFilters {
            cpv: vec!["72000000".into()],
            value_min: Some(10_000_000),
            value_max: Some(20_000_000),
            buyer: Some("nhs".into()),
            suitable_for: Some(Suitability::Sme),
            region: Some("yorkshire".into()),
            words: Some("records accessible".into()),
            ..AlertFilters::default()
        };
        let reasons = alert_match(&all, &opportunity(&["72413000"]), open).unwrap();
        assert_eq!(reasons.len(), 6, "{reasons:?}");
        assert!(reasons.contains(&"in Yorkshire and the Humber".to_owned()));
        let elsewhere = AlertFilters {
            region: Some("North West".into()),
            ..all.clone()
        };
        assert!(alert_match(&elsewhere, &opportunity(&["72413000"]), open).is_none());
        let too_dear = AlertFilters {
            value_max: Some(1_000),
            ..all.clone()
        };
        assert!(alert_match(&too_dear, &opportunity(&["72413000"]), open).is_none());
        assert!(
            alert_match(&all, &opportunity(&["72413000"]), OpportunityStatus::Closed).is_none()
        );
        let bad = AlertDraft {
            name: " ".into(),
            cpv: vec!["7241".into()],
            value_min: Some(5),
            value_max: Some(1),
            ..AlertDraft::default()
        };
        let pointers: Vec<String> = AlertInput::parse(bad)
            .unwrap_err()
            .0
            .into_iter()
            .map(|e| e.pointer)
            .collect();
        assert_eq!(pointers, ["/name", "/cpv/0", "/value_max"]);
    }
}
