//! `GET /api/v1/requests/{id}/matches` and `GET /api/v1/offers/{id}/matches`:
//! live offers ranked for a request, open requests ranked for an offer, by
//! one rule (`coophub_domain::sharing::fit`) so both directions explain the
//! same way. Rates and budgets count only for viewers who may see them.

pub use coophub_app::sharing::views::{
    CoveredSkill, MatchExplanation, OfferMatch, OfferMatchList, RequestMatch, RequestMatchList,
};

use actix_web::{get, web};
use coophub_app::guard::{Lock, load};
use coophub_app::sharing::matching::{fit_of, sees_rates, worth_showing};
use coophub_domain::access::sharing as access;
use coophub_domain::coop::Coop;
use coophub_domain::sharing::{Offer, Request, best_first};
use coophub_store::sharing::{offers, requests};
use uuid::Uuid;

use super::offers::OfferView;
use super::requests::RequestView;
use crate::auth::Caller;
use crate::extract::Query;
use crate::paging::{PageQuery, page_of};
use crate::problem::{ApiError, Problem, QueryString};
use crate::state::AppState;
use coophub_app::sharing::{coop_of, visible_person};

/// Live offers of other member co-ops for a request, best first, each with
/// why it fits; offers without a skill asked for or without free time over
/// the dates are left out.
#[utoipa::path(
    tag = "sharing",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path, description = "The request's id"), PageQuery),
    responses(
        QueryString,
        (status = 200, description = "Offers, best first", body = OfferMatchList),
        (status = 404, description = "No such request (or not visible to the caller)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/requests/{id}/matches")]
pub async fn request_matches(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    query: Query<PageQuery>,
) -> Result<web::Json<OfferMatchList>, ApiError> {
    let page = query.0.page()?;
    let now = state.clock.now();
    let id = id.into_inner();
    let (_, (items, total)) = state
        .read(caller, move |conn, viewer| {
            let (request, request_coop) =
                load::<(Request, Coop)>(conn, viewer, &id, access::read_listing, Lock::Read)?;
            let mut ranked = Vec::new();
            for offer in offers::live(conn, now)? {
                if offer.coop_id == request_coop.id {
                    continue;
                }
                let coop = coop_of(conn, offer.coop_id, &String::new)?;
                let rates = sees_rates(viewer, coop.id, request_coop.id);
                let fit = fit_of(conn, &offer, &coop, &request, rates)?;
                if worth_showing(&fit) {
                    ranked.push((fit, offer, coop, rates));
                }
            }
            ranked.sort_by(|a, b| best_first((&a.0, &a.1.id), (&b.0, &b.1.id)));
            let (chosen, total) = page_of(ranked, page);
            let mut items = Vec::with_capacity(chosen.len());
            for (fit, offer, coop, rates) in chosen {
                let person = visible_person(conn, viewer, offer.person_id, &coop)?;
                items.push(OfferMatch {
                    offer: OfferView::new(offer, &coop, person.as_ref(), rates, now),
                    explanation: MatchExplanation::new(fit, rates),
                });
            }
            Ok((items, total))
        })
        .await?;
    Ok(web::Json(OfferMatchList {
        items,
        total,
        page: page.number,
        per_page: page.size,
    }))
}

/// Open requests of other member co-ops for an offer, best first, each with
/// why it fits (the same explanation as the request's matches).
#[utoipa::path(
    tag = "sharing",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path, description = "The offer's id"), PageQuery),
    responses(
        QueryString,
        (status = 200, description = "Requests, best first", body = RequestMatchList),
        (status = 404, description = "No such offer (or not visible to the caller)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/offers/{id}/matches")]
pub async fn offer_matches(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    query: Query<PageQuery>,
) -> Result<web::Json<RequestMatchList>, ApiError> {
    let page = query.0.page()?;
    let now = state.clock.now();
    let id = id.into_inner();
    let (_, (items, total)) = state
        .read(caller, move |conn, viewer| {
            let (offer, offer_coop) =
                load::<(Offer, Coop)>(conn, viewer, &id, (access::read_listing, now), Lock::Read)?;
            let mut ranked = Vec::new();
            for request in requests::open(conn, now.date_naive())? {
                if request.coop_id == offer_coop.id {
                    continue;
                }
                let coop = coop_of(conn, request.coop_id, &String::new)?;
                let rates = sees_rates(viewer, offer_coop.id, coop.id);
                let fit = fit_of(conn, &offer, &offer_coop, &request, rates)?;
                if worth_showing(&fit) {
                    ranked.push((fit, request, coop, rates));
                }
            }
            ranked.sort_by(|a, b| best_first((&a.0, &a.1.id), (&b.0, &b.1.id)));
            let (chosen, total) = page_of(ranked, page);
            let items = chosen
                .into_iter()
                .map(|(fit, request, coop, rates)| RequestMatch {
                    request: RequestView::new(request, &coop, rates),
                    explanation: MatchExplanation::new(fit, rates),
                })
                .collect();
            Ok((items, total))
        })
        .await?;
    Ok(web::Json(RequestMatchList {
        items,
        total,
        page: page.number,
        per_page: page.size,
    }))
}
