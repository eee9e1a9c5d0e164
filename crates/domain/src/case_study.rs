//! Case studies: work co-ops did, alone or together, as proof of what the
//! network can do.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::bidding::tender_amount;
use crate::coop::Slug;
use crate::sharing::Money;
use crate::skills::{Skill, SkillName};
use crate::validation::{FieldError, ValidationErrors};

/// Rough contract value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ValueBand {
    /// Under £10k.
    #[serde(rename = "under_10k")]
    Under10k,
    /// £10k to £50k.
    #[serde(rename = "10k_to_50k")]
    From10kTo50k,
    /// £50k to £100k.
    #[serde(rename = "50k_to_100k")]
    From50kTo100k,
    /// £100k to £500k.
    #[serde(rename = "100k_to_500k")]
    From100kTo500k,
    /// Over £500k.
    #[serde(rename = "over_500k")]
    Over500k,
}

impl ValueBand {
    /// The stored name (as serde writes it).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Under10k => "under_10k",
            Self::From10kTo50k => "10k_to_50k",
            Self::From50kTo100k => "50k_to_100k",
            Self::From100kTo500k => "100k_to_500k",
            Self::Over500k => "over_500k",
        }
    }

    /// The value of a stored name.
    pub fn parse(name: &str) -> Option<Self> {
        [
            Self::Under10k,
            Self::From10kTo50k,
            Self::From50kTo100k,
            Self::From100kTo500k,
            Self::Over500k,
        ]
        .into_iter()
        .find(|band| band.as_str() == name)
    }
}

/// A co-op named in a case study.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoopMention {
    /// The co-op's id.
    pub id: Uuid,
    /// Its slug.
    pub slug: String,
    /// Its name.
    pub name: String,
    /// Whether it is an approved member (outsiders see only those).
    pub approved: bool,
    /// Whether it agreed to be named (see [`crate::consent`]).
    pub consent: crate::consent::Consent,
}

impl CaseStudy {
    /// The co-op that published it, if it is still there.
    pub fn owner(&self) -> Option<&CoopMention> {
        self.coops
            .iter()
            .find(|coop| coop.consent == crate::consent::Consent::Owner)
    }
}

/// A case study as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseStudy {
    /// Stable identifier.
    pub id: Uuid,
    /// URL name.
    pub slug: String,
    /// Title of the work.
    pub title: String,
    /// Who it was for.
    pub client: String,
    /// What was done.
    pub summary: String,
    /// The co-ops that did it.
    pub coops: Vec<CoopMention>,
    /// Skills used.
    pub skills: Vec<Skill>,
    /// Year delivered.
    pub year: Option<i32>,
    /// Rough value.
    pub value_band: Option<ValueBand>,
    /// The contract's value, where the co-ops say it.
    pub value: Option<Money>,
    /// What came of it.
    pub outcome: String,
    /// Links to more.
    pub links: Vec<String>,
    /// The ETag.
    pub version: i32,
    /// UTC.
    pub created_at: DateTime<Utc>,
    /// UTC.
    pub updated_at: DateTime<Utc>,
}

/// A case study as sent, before checking.
#[derive(Debug, Clone, Default)]
pub struct CaseStudyDraft {
    /// URL name.
    pub slug: String,
    /// Title.
    pub title: String,
    /// Client.
    pub client: String,
    /// Summary.
    pub summary: Option<String>,
    /// Slugs of the co-ops involved.
    pub coops: Vec<String>,
    /// Skills, any spelling.
    pub skills: Vec<String>,
    /// Year.
    pub year: Option<i64>,
    /// Value band.
    pub value_band: Option<ValueBand>,
    /// Contract value.
    pub value: Option<Money>,
    /// Outcome.
    pub outcome: Option<String>,
    /// Links.
    pub links: Vec<String>,
}

/// A checked case study; co-op slugs are not yet looked up.
#[derive(Debug, Clone)]
pub struct CaseStudyInput {
    /// URL name.
    pub slug: Slug,
    /// Title.
    pub title: String,
    /// Client.
    pub client: String,
    /// Summary.
    pub summary: String,
    /// Co-op slugs, at least one.
    pub coops: Vec<Slug>,
    /// Skills.
    pub skills: Vec<SkillName>,
    /// Year.
    pub year: Option<i32>,
    /// Value band.
    pub value_band: Option<ValueBand>,
    /// Contract value: 0 to the largest tender value, a three-letter currency.
    pub value: Option<Money>,
    /// Outcome.
    pub outcome: String,
    /// Links.
    pub links: Vec<String>,
}

/// Most skills a case study lists.
pub const MAX_SKILLS: usize = 100;
/// Most links a case study gives.
pub const MAX_LINKS: usize = 20;
/// A link's length, in characters.
pub const MAX_LINK: usize = 500;
/// Its title's and its client's length, in characters.
pub const MAX_TITLE: usize = 200;
/// Its summary's length, in characters.
pub const MAX_SUMMARY: usize = 5000;
/// Its outcome's length, in characters.
pub const MAX_OUTCOME: usize = 2000;
/// Most co-ops it names.
pub const MAX_COOPS: usize = 50;
/// The years it may be of.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

fn required(raw: &str, max: usize, pointer: &str) -> Result<String, FieldError> {
    let value = raw.trim();
    if value.is_empty() || value.chars().count() > max {
        return Err(FieldError::new(
            pointer,
            format!("must be 1 to {max} characters long"),
        ));
    }
    Ok(value.to_owned())
}

fn optional(raw: Option<String>, max: usize, pointer: &str) -> Result<String, FieldError> {
    let value = raw.unwrap_or_default().trim().to_owned();
    if value.chars().count() > max {
        return Err(FieldError::new(
            pointer,
            format!("must be at most {max} characters long"),
        ));
    }
    Ok(value)
}

fn link(raw: &str, pointer: &str) -> Result<String, FieldError> {
    let ok = (raw.starts_with("https://") || raw.starts_with("http://"))
        && raw.chars().count() <= MAX_LINK
        && !raw.contains(char::is_whitespace);
    if ok {
        Ok(raw.to_owned())
    } else {
        Err(FieldError::new(
            pointer,
            "must be an http:// or https:// URL",
        ))
    }
}

impl CaseStudyInput {
    /// Checks every field of `draft`.
    pub fn parse(draft: CaseStudyDraft) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let slug = errors.check(Slug::parse(&draft.slug, "/slug"));
        let title = errors.check(required(&draft.title, MAX_TITLE, "/title"));
        let client = errors.check(required(&draft.client, MAX_TITLE, "/client"));
        let summary = errors.check(optional(draft.summary, MAX_SUMMARY, "/summary"));
        let outcome = errors.check(optional(draft.outcome, MAX_OUTCOME, "/outcome"));
        if draft.coops.is_empty() || draft.coops.len() > MAX_COOPS {
            errors.0.push(FieldError::new(
                "/coops",
                format!("must name 1 to {MAX_COOPS} co-ops"),
            ));
        }
        let coops: Vec<Slug> = draft
            .coops
            .iter()
            .enumerate()
            .filter_map(|(i, s)| errors.check(Slug::parse(s, &format!("/coops/{i}"))))
            .collect();
        // Too many is refused, never cut short: nothing sent is dropped unseen.
        for (pointer, count, max) in [
            ("/skills", draft.skills.len(), MAX_SKILLS),
            ("/links", draft.links.len(), MAX_LINKS),
        ] {
            if count > max {
                errors.0.push(FieldError::new(
                    pointer,
                    format!("must have at most {max} entries"),
                ));
            }
        }
        let skills: Vec<SkillName> = draft
            .skills
            .iter()
            .take(MAX_SKILLS)
            .enumerate()
            .filter_map(|(i, s)| errors.check(SkillName::parse(s, &format!("/skills/{i}"))))
            .collect();
        let links: Vec<String> = draft
            .links
            .iter()
            .take(MAX_LINKS)
            .enumerate()
            .filter_map(|(i, l)| errors.check(link(l, &format!("/links/{i}"))))
            .collect();
        let year = match draft.year {
            None => None,
            Some(year) => match i32::try_from(year) {
                Ok(year) if YEARS.contains(&year) => Some(year),
                _ => {
                    errors.0.push(FieldError::new(
                        "/year",
                        format!("must be a year from {} to {}", YEARS.start(), YEARS.end()),
                    ));
                    None
                }
            },
        };
        let value = draft
            .value
            .as_ref()
            .and_then(|value| tender_amount(value, &mut errors));
        errors.finish(|| {
            Some(Self {
                slug: slug?,
                title: title?,
                client: client?,
                summary: summary?,
                coops,
                skills,
                year,
                value_band: draft.value_band,
                value,
                outcome: outcome?,
                links,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_study_needs_a_co_op_and_sound_fields() {
        let errors = CaseStudyInput::parse(CaseStudyDraft {
            slug: "x".into(),
            title: "Board game".into(),
            client: " ".into(),
            year: Some(20_000),
            value: Some(Money {
                amount: -1,
                currency: "pounds".into(),
            }),
            links: vec!["ftp://nope".into()],
            ..CaseStudyDraft::default()
        })
        .unwrap_err();
        let pointers: Vec<&str> = errors.0.iter().map(|e| e.pointer.as_str()).collect();
        assert_eq!(
            pointers,
            ["/slug", "/client", "/coops", "/links/0", "/year", "/value"]
        );
    }

    #[test]
    fn too_many_skills_or_links_are_refused_not_cut_short() {
        let errors = CaseStudyInput::parse(CaseStudyDraft {
            slug: "many".into(),
            title: "Many".into(),
            client: "A client".into(),
            coops: vec!["one".into()],
            skills: (0..101).map(|i| format!("skill {i}")).collect(),
            links: (0..21)
                .map(|i| format!("https://example.org/{i}"))
                .collect(),
            ..CaseStudyDraft::default()
        })
        .unwrap_err();
        let pointers: Vec<&str> = errors.0.iter().map(|e| e.pointer.as_str()).collect();
        assert_eq!(pointers, ["/skills", "/links"]);
    }

    #[test]
    fn value_bands_round_trip_their_names() {
        for band in [
            ValueBand::Under10k,
            ValueBand::From10kTo50k,
            ValueBand::Over500k,
        ] {
            assert_eq!(serde_json::to_value(band).unwrap(), band.as_str());
            assert_eq!(ValueBand::parse(band.as_str()), Some(band));
        }
    }
}
