//! `GET /api/v1/coops/{slug}/opportunities`: open tenders ranked for one
//! co-op, the basis of tender alerts.

use actix_web::{get, web};
use coophub_domain::bidding::{CoopFit, Evidence, coop_fit};
use coophub_store::bidding::opportunities;
use serde::Serialize;
use utoipa::ToSchema;

use super::OpportunityView;
use crate::auth::Caller;
use crate::extract::Query;
use crate::problem::{ApiError, Problem, QueryString};
use crate::routes::bidding::capability::capability_of;
use crate::routes::coops::{READ, coop_for};
use crate::routes::pagination::{PageQuery, page_of};
use crate::state::AppState;

/// A required skill the co-op covers, and how it shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct CoveredView {
    /// Canonical slug.
    pub slug: String,
    /// `listed` (a technology or service), `case_study`, `people` (members only).
    pub evidence: Vec<Evidence>,
}

/// An opportunity ranked for a co-op, with the reasons.
#[derive(Debug, Serialize, ToSchema)]
pub struct RankedOpportunity {
    /// The opportunity.
    pub opportunity: OpportunityView,
    /// 0 to 1.
    pub score: f64,
    /// Required skills covered.
    pub covered: Vec<CoveredView>,
    /// Required skills missing: what partners could bring.
    pub missing: Vec<String>,
}

/// Ranked opportunities.
#[derive(Debug, Serialize, ToSchema)]
pub struct RankedList {
    /// Best fit first; ties to the sooner deadline, then the id.
    pub items: Vec<RankedOpportunity>,
    /// How many in all.
    pub total: usize,
    /// Page number.
    pub page: u32,
    /// Page size.
    pub per_page: u32,
}

/// Open opportunities that need something the co-op has, best fit first:
/// by its listed technologies and services and its case studies, and (for
/// network members) its people's skills at level 3 or more.
#[utoipa::path(
    tag = "bidding",
    security((), ("bearer" = [])),
    params(("slug" = String, Path, description = "The co-op's slug"), PageQuery),
    responses(
        QueryString,
        (status = 200, description = "Ranked opportunities", body = RankedList),
        (status = 404, description = "No such co-op", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/coops/{slug}/opportunities")]
pub async fn coop_opportunities(
    state: web::Data<AppState>,
    caller: Caller,
    slug: web::Path<String>,
    query: Query<PageQuery>,
) -> Result<web::Json<RankedList>, ApiError> {
    let page = query.0.page()?;
    let now = state.clock.now();
    let (_, ranked) = state
        .read(caller, move |conn, viewer| {
            let coop = coop_for(conn, viewer, &slug, READ)?;
            let evidence = capability_of(conn, viewer, coop, now)?.evidence;
            let mut ranked: Vec<(CoopFit, _)> = opportunities::open(conn, now)?
                .into_iter()
                .map(|opportunity| {
                    let required: Vec<String> = opportunity
                        .required_skills
                        .iter()
                        .map(|s| s.slug.clone())
                        .collect();
                    (coop_fit(&required, &evidence), opportunity)
                })
                .filter(|(fit, _)| !fit.covered.is_empty())
                .collect();
            ranked.sort_by(|(a, x), (b, y)| {
                b.score
                    .partial_cmp(&a.score)
                    .unwrap_or(std::cmp::Ordering::Equal)
                    .then_with(|| x.tender.deadline.cmp(&y.tender.deadline))
                    .then_with(|| x.id.cmp(&y.id))
            });
            Ok(ranked)
        })
        .await?;
    let (chosen, total) = page_of(ranked, page);
    let items = chosen
        .into_iter()
        .map(|(fit, opportunity)| RankedOpportunity {
            opportunity: OpportunityView::new(opportunity, now),
            score: (fit.score * 1000.0).round() / 1000.0,
            covered: fit
                .covered
                .into_iter()
                .map(|(slug, evidence)| CoveredView { slug, evidence })
                .collect(),
            missing: fit.missing,
        })
        .collect();
    Ok(web::Json(RankedList {
        items,
        total,
        page: page.number,
        per_page: page.size,
    }))
}
