//! Opportunities as anyone may read them, and ranked for a co-op by what it
//! has shown it can do.

use std::cmp::Ordering;

use chrono::{DateTime, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::bidding::{CoopFit, coop_fit, cpv_digits};
use coophub_domain::coop::Coop;
use coophub_store::bidding::opportunities::{self, OpportunityFilter};
use coophub_store::{DbConnection, Page, skills};
use uuid::Uuid;

use crate::AppError;
use crate::bidding::capability::capability_of;
use crate::bidding::ranking::{CoveredView, RankedList, RankedOpportunity};
use crate::bidding::views::{OpportunityList, OpportunityView};
use crate::directory::coops::READ;
use crate::guard::{Lock, load};
use crate::shapes::page_of;

/// A page of the opportunities `filter` lets through; its skill may be
/// any spelling (none known: nothing matches), its CPV code may carry the
/// check digit.
pub fn list(
    conn: &mut DbConnection,
    mut filter: OpportunityFilter,
    page: Page,
    now: DateTime<Utc>,
) -> Result<OpportunityList, AppError> {
    let mut answer = OpportunityList {
        items: Vec::new(),
        total: 0,
        page: page.number,
        per_page: page.size,
    };
    if let Some(spelling) = &filter.skill {
        match skills::find(conn, spelling)? {
            Some(skill) => filter.skill = Some(skill.slug),
            None => return Ok(answer),
        }
    }
    filter.cpv = filter.cpv.map(|c| cpv_digits(&c).unwrap_or(c));
    let (found, total) = opportunities::list(conn, &filter, page)?;
    answer.items = found
        .into_iter()
        .map(|o| OpportunityView::new(o, now))
        .collect();
    answer.total = total;
    Ok(answer)
}

/// The opportunity `id`.
pub fn show(
    conn: &mut DbConnection,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<OpportunityView, AppError> {
    let found = opportunities::find(conn, id)?
        .ok_or_else(|| AppError::NotFound(format!("no opportunity {id}")))?;
    Ok(OpportunityView::new(found, now))
}

/// The open opportunities the co-op `slug` covers some of, best fit first
/// (then the nearest deadline), with the evidence for each skill covered.
pub fn for_coop(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
    page: Page,
    now: DateTime<Utc>,
) -> Result<RankedList, AppError> {
    let coop = load::<Coop>(conn, viewer, slug, READ, Lock::Read)?;
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
            .unwrap_or(Ordering::Equal)
            .then_with(|| x.tender.deadline.cmp(&y.tender.deadline))
            .then_with(|| x.id.cmp(&y.id))
    });
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
    Ok(RankedList {
        items,
        total,
        page: page.number,
        per_page: page.size,
    })
}
