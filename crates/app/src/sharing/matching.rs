//! Offers ranked for a request and requests for an offer, by one rule
//! (`coophub_domain::sharing::fit`), so both directions explain the same way.

use crate::AppError;
use crate::sharing::Promised;
use coophub_domain::access::Viewer;
use coophub_domain::access::sharing as access;
use coophub_domain::coop::Coop;
use coophub_domain::sharing::{Fit, Offer, Offered, Request, Wanted, fit};
use coophub_store::DbConnection;
use uuid::Uuid;

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
