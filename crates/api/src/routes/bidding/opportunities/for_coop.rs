//! `GET /api/v1/coops/{slug}/opportunities`: open tenders ranked for one
//! co-op, the basis of tender alerts.

use actix_web::{get, web};
use coophub_app::bidding::ranking::{CoveredView, RankedList, RankedOpportunity};
use coophub_app::directory::coops::READ;
use coophub_app::guard::{Lock, load};
use coophub_domain::bidding::{CoopFit, coop_fit};
use coophub_domain::coop::Coop;
use coophub_store::bidding::opportunities;

use super::OpportunityView;
use crate::auth::Caller;
use crate::extract::Query;
use crate::paging::{PageQuery, page_of};
use crate::problem::{ApiError, Problem, QueryString};
use crate::state::AppState;
use coophub_app::bidding::capability::capability_of;

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
            let coop = load::<Coop>(conn, viewer, &slug, READ, Lock::Read)?;
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
