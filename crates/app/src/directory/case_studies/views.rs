//! Case studies as answers show them: the same for every face.

use chrono::{DateTime, Utc};
use coophub_domain::access::{self, Viewer};
use coophub_domain::case_study::{CaseStudy, ValueBand};
use coophub_domain::consent::Consent;
use serde::Serialize;
use uuid::Uuid;

use super::mention_facts;
use crate::shapes::{SkillRef, TenderValueBody};

/// A case study.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseStudyView {
    /// Stable identifier.
    pub id: Uuid,
    /// URL name.
    pub slug: String,
    /// Title.
    pub title: String,
    /// Client.
    pub client: String,
    /// Summary.
    pub summary: String,
    /// The co-ops that did it: the owner, those that confirmed (outside the
    /// network: approved members only), and, to those who decide, pending ones.
    pub coops: Vec<NamedCoop>,
    /// Skills used.
    pub skills: Vec<SkillRef>,
    /// Year delivered.
    pub year: Option<i32>,
    /// Rough value.
    pub value_band: Option<ValueBand>,
    /// The contract's value in minor units, where the co-ops say it.
    pub value: Option<TenderValueBody>,
    /// Outcome.
    pub outcome: String,
    /// Links.
    pub links: Vec<String>,
    /// Version; the ETag is this number in quotes.
    pub version: i32,
    /// UTC.
    pub created_at: DateTime<Utc>,
    /// UTC.
    pub updated_at: DateTime<Utc>,
}

impl CaseStudyView {
    /// The view of `study` for `viewer`: it shows the co-ops that consented
    /// (as any co-op shows), and pending ones only to those who decide.
    pub fn new(study: CaseStudy, viewer: &Viewer) -> Self {
        let owner = study.owner().map(|owner| owner.id);
        Self {
            id: study.id,
            slug: study.slug,
            title: study.title,
            client: study.client,
            summary: study.summary,
            coops: study
                .coops
                .into_iter()
                .filter(|c| access::see_named_coop(viewer, mention_facts(c), c.consent, owner))
                .map(|c| NamedCoop {
                    slug: c.slug,
                    name: c.name,
                    consent: c.consent,
                })
                .collect(),
            skills: study.skills.into_iter().map(SkillRef::from).collect(),
            year: study.year,
            value_band: study.value_band,
            value: study.value.map(Into::into),
            outcome: study.outcome,
            links: study.links,
            version: study.version,
            created_at: study.created_at,
            updated_at: study.updated_at,
        }
    }
}

/// A co-op a case study names, and whether it agreed to be named.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NamedCoop {
    /// Slug.
    pub slug: String,
    /// Name.
    pub name: String,
    /// `owner` (published it), `confirmed`, or `pending` (not yet credited).
    pub consent: Consent,
}

/// A page of case studies.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseStudyList {
    /// Newest first.
    pub items: Vec<CaseStudyView>,
    /// Matches in all.
    pub total: i64,
    /// Page number.
    pub page: u32,
    /// Page size.
    pub per_page: u32,
}
