//! Offers and requests as Murmurations `offers_wants_schema-v0.1.0`
//! profiles, so that other networks can find them. Rates and budgets never
//! appear in them.

use chrono::{DateTime, NaiveTime, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::access::sharing as access;
use coophub_domain::coop::Coop;
use coophub_domain::sharing::{LevelledSkill, Offer, Request, WorkMode, days_a_week};
use coophub_store::DbConnection;
use serde::Serialize;
use uuid::Uuid;

use crate::AppError;
use crate::directory::murmurations::Geolocation;
use crate::guard::{Lock, load};

const SCHEMA: &str = "offers_wants_schema-v0.1.0";

/// How to reach the co-op.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactDetails {
    /// The co-op's page on this hub.
    pub contact_form: String,
}

/// A Murmurations offer or want.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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

fn contact(base: &str, coop: &Coop) -> ContactDetails {
    ContactDetails {
        contact_form: format!("{base}/coops/{}", coop.slug),
    }
}

/// The offer `id`'s profile, if the viewer may see it, linking to pages
/// under `base` (`{base}/offers/{id}`, `{base}/coops/{slug}`).
pub fn offer_profile(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    base: &str,
    now: DateTime<Utc>,
) -> Result<OfferWantProfile, AppError> {
    let (offer, coop) =
        load::<(Offer, Coop)>(conn, viewer, &id, (access::read_listing, now), Lock::Read)?;
    Ok(OfferWantProfile {
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
        details_url: format!("{base}/offers/{}", offer.id),
        geolocation: located(offer.location, &coop),
        geographic_scope: scope(Some(offer.work_mode)),
        contact_details: contact(base, &coop),
        expires_at: offer.lapses_at().timestamp(),
        tags: tags(offer.skills),
        title: offer.title,
    })
}

/// The request `id`'s profile, if the viewer may see it, linking to pages
/// under `base`.
pub fn request_profile(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    base: &str,
) -> Result<OfferWantProfile, AppError> {
    let (request, coop) =
        load::<(Request, Coop)>(conn, viewer, &id, access::read_listing, Lock::Read)?;
    let last_moment =
        request.dates.end.and_time(NaiveTime::MIN).and_utc() + chrono::Duration::days(1);
    Ok(OfferWantProfile {
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
        details_url: format!("{base}/requests/{}", request.id),
        geolocation: located(request.location, &coop),
        geographic_scope: scope(request.work_mode),
        contact_details: contact(base, &coop),
        expires_at: last_moment.timestamp(),
        tags: tags(request.skills),
        title: request.title,
    })
}
