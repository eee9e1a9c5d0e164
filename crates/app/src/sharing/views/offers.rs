//! Offers as answers show them: the same for every face.

use chrono::{DateTime, NaiveDate, Utc};
use coophub_domain::coop::Coop;
use coophub_domain::person::Person;
use coophub_domain::sharing::*;
use serde::Serialize;
use uuid::Uuid;

use crate::shapes::{CoopRef, LevelledSkillView, MoneyBody, PersonRef, Place, days, skill_views};

/// An offer of time.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfferView {
    /// Stable identifier.
    pub id: Uuid,
    /// The offering co-op.
    pub coop: CoopRef,
    /// The person offered, when named and their profile is visible to the viewer.
    pub person: Option<PersonRef>,
    /// Whether a named person is offered (even when their profile is hidden).
    pub named: bool,
    /// What is offered.
    pub title: String,
    /// Skills with levels.
    pub skills: Vec<LevelledSkillView>,
    /// Capacity.
    pub days_per_week: f64,
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// Way of working.
    pub work_mode: WorkMode,
    /// Where the person works from, when not the co-op's location.
    pub location: Option<Place>,
    /// Network members only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day_rate: Option<Option<MoneyBody>>,
    /// Network members only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub robin_hood_rate: Option<Option<MoneyBody>>,
    /// Free text.
    pub notes: String,
    /// As the co-op set it.
    pub status: OfferStatus,
    /// Not reconfirmed for 30 days: out of search and matching until reconfirmed.
    pub lapsed: bool,
    /// When it lapses unless reconfirmed.
    pub lapses_at: DateTime<Utc>,
    /// Last reconfirmed (or changed).
    pub reconfirmed_at: DateTime<Utc>,
    /// Version; the ETag is this number in quotes.
    pub version: i32,
    /// UTC.
    pub created_at: DateTime<Utc>,
    /// UTC.
    pub updated_at: DateTime<Utc>,
}

/// A page of offers.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfferList {
    /// Most recently changed first.
    pub items: Vec<OfferView>,
    /// How many in all.
    pub total: i64,
    /// Page number.
    pub page: u32,
    /// Page size.
    pub per_page: u32,
}

impl OfferView {
    /// The view of `offer` of `coop`, naming `person` if the viewer may see
    /// them; rates only when `rates`.
    pub fn new(
        offer: Offer,
        coop: &Coop,
        person: Option<&Person>,
        rates: bool,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            id: offer.id,
            coop: CoopRef {
                slug: coop.slug.clone(),
                name: coop.profile.name.clone(),
            },
            person: person.map(|p| PersonRef {
                id: p.id,
                name: p.name.clone(),
            }),
            named: offer.person_id.is_some(),
            lapsed: offer.lapsed(now),
            lapses_at: offer.lapses_at(),
            title: offer.title,
            skills: skill_views(offer.skills),
            days_per_week: days(offer.half_days),
            start: offer.dates.start,
            end: offer.dates.end,
            work_mode: offer.work_mode,
            location: Place::of(offer.location),
            day_rate: rates.then(|| offer.day_rate.map(Into::into)),
            robin_hood_rate: rates.then(|| offer.robin_hood_rate.map(Into::into)),
            notes: offer.notes,
            status: offer.status,
            reconfirmed_at: offer.reconfirmed_at,
            version: offer.version,
            created_at: offer.created_at,
            updated_at: offer.updated_at,
        }
    }
}
