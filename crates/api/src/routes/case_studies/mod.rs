//! Case studies: `/api/v1/case-studies`.

pub mod consent;
pub mod create;
pub mod delete;
pub mod list;
pub mod patch;
mod rules;
pub mod show;
pub mod update;

pub(crate) use rules::{
    case_study_for, case_study_to_change, consents_of_new, named_coops, replace_case_study,
};

use actix_web::HttpResponse;
use actix_web::http::{StatusCode, header};
use chrono::{DateTime, Utc};
use coophub_domain::access::{self, CoopFacts};
use coophub_domain::case_study::{CaseStudy, CaseStudyDraft, CoopMention, ValueBand};
use coophub_domain::consent::Consent;
use coophub_domain::coop::MembershipStatus;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::Viewer;
use crate::etag::etag;
use crate::routes::coops::SkillRef;

/// A case study as a client creates or replaces it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseStudyRequest {
    /// URL name.
    pub slug: String,
    /// Title of the work.
    pub title: String,
    /// Who it was for.
    pub client: String,
    /// What was done.
    pub summary: Option<String>,
    /// Slugs of the co-ops that did it (at least one).
    pub coops: Vec<String>,
    /// Skills used, in any spelling.
    #[serde(default)]
    pub skills: Vec<String>,
    /// Year delivered.
    pub year: Option<i64>,
    /// Rough contract value.
    pub value_band: Option<ValueBand>,
    /// What came of it.
    pub outcome: Option<String>,
    /// Links to more.
    #[serde(default)]
    pub links: Vec<String>,
}

impl From<CaseStudyRequest> for CaseStudyDraft {
    fn from(body: CaseStudyRequest) -> Self {
        Self {
            slug: body.slug,
            title: body.title,
            client: body.client,
            summary: body.summary,
            coops: body.coops,
            skills: body.skills,
            year: body.year,
            value_band: body.value_band,
            outcome: body.outcome,
            links: body.links,
        }
    }
}

/// A case study.
#[derive(Debug, Serialize, ToSchema)]
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
            outcome: study.outcome,
            links: study.links,
            version: study.version,
            created_at: study.created_at,
            updated_at: study.updated_at,
        }
    }
}

/// A co-op a case study names, and whether it agreed to be named.
#[derive(Debug, Serialize, ToSchema)]
pub struct NamedCoop {
    /// Slug.
    pub slug: String,
    /// Name.
    pub name: String,
    /// `owner` (published it), `confirmed`, or `pending` (not yet credited).
    pub consent: Consent,
}

/// What the access rules need to know about a named co-op.
pub(crate) fn mention_facts(coop: &CoopMention) -> CoopFacts {
    CoopFacts {
        id: coop.id,
        status: if coop.approved {
            MembershipStatus::Approved
        } else {
            // Not approved: applied, invited, lapsed or removed alike here.
            MembershipStatus::Applied
        },
    }
}

/// A single case study answer with its `ETag`.
pub fn case_study_response(status: StatusCode, study: CaseStudy, viewer: &Viewer) -> HttpResponse {
    let mut response = HttpResponse::build(status);
    response.insert_header((header::ETAG, etag(study.version)));
    if status == StatusCode::CREATED {
        response.insert_header((
            header::LOCATION,
            format!("/api/v1/case-studies/{}", study.slug),
        ));
    }
    response.json(CaseStudyView::new(study, viewer))
}
