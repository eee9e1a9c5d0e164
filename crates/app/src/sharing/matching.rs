//! Offers ranked for a request and requests for an offer, by one rule
//! (`coophub_domain::sharing::fit`), so both directions explain the same way.

use chrono::{DateTime, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::access::sharing as access;
use coophub_domain::coop::Coop;
use coophub_domain::sharing::{Fit, Offer, Offered, Request, Wanted, best_first, fit};
use coophub_store::sharing::{offers, requests};
use coophub_store::{DbConnection, Page};
use uuid::Uuid;

use super::views::{
    MatchExplanation, OfferMatch, OfferMatchList, OfferView, RequestMatch, RequestMatchList,
    RequestView,
};
use super::{coop_of, visible_person};
use crate::AppError;
use crate::guard::{Lock, load};
use crate::shapes::page_of;
use crate::sharing::Promised;

/// How `offer` (of `offer_coop`) fits `request` (of `request_coop`), with
/// rates counted only when `rates`.
pub fn fit_of(
    conn: &mut DbConnection,
    offer: &Offer,
    offer_coop: &Coop,
    request: &Request,
    rates: bool,
) -> Result<Fit, AppError> {
    let promised = Promised::load(conn, offer, None)?;
    let wanted_skills: Vec<(String, u8)> = request
        .skills
        .iter()
        .map(|s| (s.skill.slug.clone(), s.level))
        .collect();
    let offered_skills: Vec<(String, u8)> = offer
        .skills
        .iter()
        .map(|s| (s.skill.slug.clone(), s.level))
        .collect();
    let place = &offer_coop.profile.location;
    let wanted = Wanted {
        skills: &wanted_skills,
        half_days: request.half_days,
        dates: request.dates,
        work_mode: request.work_mode,
        location: request.location,
        budget: request.budget.as_ref().filter(|_| rates),
        social_good: request.project_kind == coophub_domain::sharing::ProjectKind::SocialGood,
    };
    let offered = Offered {
        skills: &offered_skills,
        half_days: offer.half_days,
        dates: offer.dates,
        work_mode: offer.work_mode,
        location: offer.location.or(place.latitude.zip(place.longitude)),
        day_rate: offer.day_rate.as_ref().filter(|_| rates),
        robin_hood_rate: offer.robin_hood_rate.as_ref().filter(|_| rates),
        booked: &promised.offer,
        person_booked: promised.person.as_deref(),
    };
    Ok(fit(&wanted, &offered))
}

/// A match worth showing: some skill covered (or none asked) and some time free.
pub fn worth_showing(fit: &Fit) -> bool {
    (!fit.covered.is_empty() || fit.missing.is_empty()) && fit.free.iter().any(|f| f.half_days > 0)
}

/// Whether the viewer sees the rates of both sides.
pub fn sees_rates(viewer: &Viewer, offer_coop: Uuid, request_coop: Uuid) -> bool {
    access::see_rates(viewer, offer_coop) && access::see_rates(viewer, request_coop)
}

/// The live offers of other co-ops that fit the request `id`, best first,
/// each with why it fits (rates only where the viewer may see them).
pub fn offers_for_request(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    page: Page,
    now: DateTime<Utc>,
) -> Result<OfferMatchList, AppError> {
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
    Ok(OfferMatchList {
        items,
        total,
        page: page.number,
        per_page: page.size,
    })
}

/// The open requests of other co-ops that the offer `id` fits, best first.
pub fn requests_for_offer(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    page: Page,
    now: DateTime<Utc>,
) -> Result<RequestMatchList, AppError> {
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
    Ok(RequestMatchList {
        items,
        total,
        page: page.number,
        per_page: page.size,
    })
}
