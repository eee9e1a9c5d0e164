//! `GET /api/v1/case-studies`.

use actix_web::{get, web};
use coophub_domain::access::{self, CoopFacts};
use coophub_store::case_studies::{self, CaseStudyFilter};
use coophub_store::{coops, skills};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::CaseStudyView;
use crate::auth::Caller;
use crate::extract::Query;
use crate::problem::{ApiError, QueryString};
use crate::routes::pagination::PageQuery;
use crate::state::AppState;

/// Filters of the case study list.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CaseStudyQuery {
    /// Only case studies naming this co-op (slug).
    pub coop: Option<String>,
    /// Only case studies using this skill (any spelling).
    pub skill: Option<String>,
    /// 1-based page number (default 1).
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 20).
    pub per_page: Option<u32>,
}

/// A page of case studies.
#[derive(Debug, Serialize, ToSchema)]
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

/// Case studies, newest first. Outside the network only those published by an
/// approved co-op. `coop` lists those crediting that co-op (for its admins,
/// also those waiting for its consent).
#[utoipa::path(
    tag = "case-studies",
    security((), ("bearer" = [])),
    params(CaseStudyQuery),
    responses(
        QueryString,
        (status = 200, description = "A page of case studies", body = CaseStudyList),
    )
)]
#[get("/case-studies")]
pub async fn list_case_studies(
    state: web::Data<AppState>,
    caller: Caller,
    query: Query<CaseStudyQuery>,
) -> Result<web::Json<CaseStudyList>, ApiError> {
    let CaseStudyQuery {
        coop,
        skill,
        page,
        per_page,
    } = query.0;
    let page = PageQuery { page, per_page }.page()?;
    let (viewer, found) = state
        .read(caller, move |conn, viewer| {
            // An unknown co-op or skill matches nothing; so does a co-op the
            // viewer may not see (its existence is not revealed by a count).
            let coop = match coop {
                Some(slug) => match coops::find_by_slug(conn, &slug)? {
                    Some(coop) if access::read_coop(viewer, CoopFacts::of(&coop)).is_ok() => {
                        Some(coop)
                    }
                    _ => return Ok(None),
                },
                None => None,
            };
            let skill_slug = match skill {
                Some(spelling) => match skills::find(conn, &spelling)? {
                    Some(skill) => Some(skill.slug),
                    None => return Ok(None),
                },
                None => None,
            };
            let filter = CaseStudyFilter {
                approved_owner_only: !viewer.sees_network_only(),
                coop: coop.as_ref().map(|coop| coop.id),
                // A co-op's admins also see what waits for their consent.
                pending_too: coop
                    .as_ref()
                    .is_some_and(|coop| viewer.is_network_admin() || viewer.is_admin_of(coop.id)),
                skill: skill_slug.as_deref(),
            };
            Ok(Some(case_studies::list(conn, filter, page)?))
        })
        .await?;
    let (studies, total) = found.unwrap_or_default();
    Ok(web::Json(CaseStudyList {
        items: studies
            .into_iter()
            .map(|s| CaseStudyView::new(s, &viewer))
            .collect(),
        total,
        page: page.number,
        per_page: page.size,
    }))
}
