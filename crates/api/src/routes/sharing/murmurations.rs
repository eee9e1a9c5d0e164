//! `GET /api/v1/offers/{id}/murmurations` and
//! `GET /api/v1/requests/{id}/murmurations`: offers and requests as
//! Murmurations `offers_wants_schema-v0.1.0` profiles, so that other
//! networks can find them. Rates and budgets never appear in them.

use actix_web::{get, web};
use chrono::NaiveTime;
use coophub_app::guard::{Lock, load};
use coophub_domain::access::sharing as access;
use coophub_domain::coop::Coop;
use coophub_domain::sharing::Offer;
use coophub_domain::sharing::Request;
use coophub_domain::sharing::{LevelledSkill, WorkMode, days_a_week};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::Caller;
use crate::problem::{ApiError, Problem};
use crate::shapes::Geolocation;
use crate::state::AppState;

/// The schema the profiles follow.
const SCHEMA: &str = "offers_wants_schema-v0.1.0";

/// How to reach the co-op.
#[derive(Debug, Serialize, ToSchema)]
pub struct ContactDetails {
    /// The co-op's page on this hub.
    pub contact_form: String,
}

/// A Murmurations offer or want.
#[derive(Debug, Serialize, ToSchema)]
pub struct OfferWantProfile {
    /// Always `["offers_wants_schema-v0.1.0"]`.
    pub linked_schemas: Vec<&'static str>,
    /// `offer` (time offered) or `want` (time asked for).
    pub exchange_type: &'static str,
    /// Always `service`: work performed.
    pub item_type: &'static str,
    /// Always `["borrow-lend"]`: co-ops lend each other people's time.
    pub transaction_type: Vec<&'static str>,
    /// The skills, by name.
    pub tags: Vec<String>,
    /// The title.
    pub title: String,
    /// Time, dates and way of working, in a sentence.
    pub description: String,
    /// The offer or request on this hub.
    pub details_url: String,
    /// Where, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geolocation: Option<Geolocation>,
    /// `local` (on site), `regional` (hybrid) or `national` (remote or any).
    pub geographic_scope: &'static str,
    /// The co-op's page.
    pub contact_details: ContactDetails,
    /// Seconds since 1970: when an offer lapses unless reconfirmed, or a
    /// request's last day ends.
    pub expires_at: i64,
}

fn scope(mode: Option<WorkMode>) -> &'static str {
    match mode {
        Some(WorkMode::Onsite) => "local",
        Some(WorkMode::Hybrid) => "regional",
        Some(WorkMode::Remote) | None => "national",
    }
}

fn mode_words(mode: Option<WorkMode>) -> &'static str {
    match mode {
        Some(WorkMode::Remote) => "remote",
        Some(WorkMode::Hybrid) => "hybrid",
        Some(WorkMode::Onsite) => "on site",
        None => "remote or on site",
    }
}

fn tags(skills: Vec<LevelledSkill>) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for skill in skills {
        if !tags.contains(&skill.skill.name) {
            tags.push(skill.skill.name);
        }
    }
    tags
}

fn located(listing: Option<(f64, f64)>, coop: &Coop) -> Option<Geolocation> {
    let place = &coop.profile.location;
    listing
        .or(place.latitude.zip(place.longitude))
        .map(|(lat, lon)| Geolocation { lat, lon })
}

fn contact(state: &AppState, coop: &Coop) -> ContactDetails {
    ContactDetails {
        contact_form: format!("{}/api/v1/coops/{}", state.public_url, coop.slug),
    }
}

/// A live offer as a Murmurations `offer` (no rates).
#[utoipa::path(
    tag = "sharing",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path, description = "The offer's id")),
    responses(
        (status = 200, description = "The profile", body = OfferWantProfile),
        (status = 404, description = "No such offer (or not visible to the caller)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/offers/{id}/murmurations")]
pub async fn offer_profile(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<OfferWantProfile>, ApiError> {
    let now = state.clock.now();
    let id = id.into_inner();
    let (_, (offer, coop)) = state
        .read(caller, move |conn, viewer| {
            Ok(load::<(Offer, Coop)>(
                conn,
                viewer,
                &id,
                (access::read_listing, now),
                Lock::Read,
            )?)
        })
        .await?;
    Ok(web::Json(OfferWantProfile {
        linked_schemas: vec![SCHEMA],
        exchange_type: "offer",
        item_type: "service",
        transaction_type: vec!["borrow-lend"],
        description: format!(
            "{} from {} to {}, {}, offered by {}",
            days_a_week(offer.half_days),
            offer.dates.start,
            offer.dates.end,
            mode_words(Some(offer.work_mode)),
            coop.profile.name
        ),
        details_url: format!("{}/api/v1/offers/{}", state.public_url, offer.id),
        geolocation: located(offer.location, &coop),
        geographic_scope: scope(Some(offer.work_mode)),
        contact_details: contact(&state, &coop),
        expires_at: offer.lapses_at().timestamp(),
        tags: tags(offer.skills),
        title: offer.title,
    }))
}

/// An open request as a Murmurations `want` (no budget).
#[utoipa::path(
    tag = "sharing",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path, description = "The request's id")),
    responses(
        (status = 200, description = "The profile", body = OfferWantProfile),
        (status = 404, description = "No such request (or not visible to the caller)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/requests/{id}/murmurations")]
pub async fn request_profile(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<OfferWantProfile>, ApiError> {
    let id = id.into_inner();
    let (_, (request, coop)) = state
        .read(caller, move |conn, viewer| {
            Ok(load::<(Request, Coop)>(
                conn,
                viewer,
                &id,
                access::read_listing,
                Lock::Read,
            )?)
        })
        .await?;
    let last_moment =
        request.dates.end.and_time(NaiveTime::MIN).and_utc() + chrono::Duration::days(1);
    Ok(web::Json(OfferWantProfile {
        linked_schemas: vec![SCHEMA],
        exchange_type: "want",
        item_type: "service",
        transaction_type: vec!["borrow-lend"],
        description: format!(
            "{} from {} to {}, {}, asked for by {}",
            days_a_week(request.half_days),
            request.dates.start,
            request.dates.end,
            mode_words(request.work_mode),
            coop.profile.name
        ),
        details_url: format!("{}/api/v1/requests/{}", state.public_url, request.id),
        geolocation: located(request.location, &coop),
        geographic_scope: scope(request.work_mode),
        contact_details: contact(&state, &coop),
        expires_at: last_moment.timestamp(),
        tags: tags(request.skills),
        title: request.title,
    }))
}
