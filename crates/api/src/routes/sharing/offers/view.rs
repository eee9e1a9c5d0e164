//! The JSON shapes of offers.

use actix_web::HttpResponse;
use actix_web::http::{StatusCode, header};
use chrono::{DateTime, NaiveDate, Utc};
use coophub_domain::coop::Coop;
use coophub_domain::person::Person;
use coophub_domain::sharing::{Offer, OfferDraft, OfferSkillDraft, OfferStatus, WorkMode};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::etag::etag;
use crate::routes::people::CoopRef;
use crate::routes::sharing::views::{
    LevelledSkillView, MoneyBody, PersonRef, Place, days, skill_views,
};

/// A skill an offer brings, as sent.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OfferSkillBody {
    /// Any spelling ("JS", "postgres"): normalised.
    pub skill: String,
    /// 1 (learning) to 5 (expert).
    pub level: i64,
}

/// An offer as a client creates or replaces it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OfferRequest {
    /// The offering co-op's slug: required to create; a replacement keeps its co-op.
    pub coop: Option<String>,
    /// One of the co-op's people; leave out to offer an unnamed role. Fixed once offered.
    pub person_id: Option<Uuid>,
    /// What is offered, e.g. "Django developer".
    pub title: String,
    /// Skills with levels.
    #[serde(default)]
    pub skills: Vec<OfferSkillBody>,
    /// 0.5 to 5, in half days.
    pub days_per_week: f64,
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// `remote`, `hybrid` or `onsite`.
    pub work_mode: WorkMode,
    /// Where the person works from, with `longitude` (default: the co-op's location).
    pub latitude: Option<f64>,
    /// With `latitude`.
    pub longitude: Option<f64>,
    /// Day rate in minor units; network members only see it.
    pub day_rate: Option<MoneyBody>,
    /// A lower rate for social-good work, in the day rate's currency.
    pub robin_hood_rate: Option<MoneyBody>,
    /// Free text.
    pub notes: Option<String>,
    /// `open` (default), `paused` or `closed`.
    #[serde(default)]
    pub status: OfferStatus,
}

impl OfferRequest {
    /// The draft for the domain's checks.
    pub fn draft(&self) -> OfferDraft {
        OfferDraft {
            person: self.person_id,
            title: self.title.clone(),
            skills: self
                .skills
                .iter()
                .map(|s| OfferSkillDraft {
                    skill: s.skill.clone(),
                    level: s.level,
                })
                .collect(),
            days_per_week: self.days_per_week,
            start: Some(self.start),
            end: Some(self.end),
            work_mode: Some(self.work_mode),
            latitude: self.latitude,
            longitude: self.longitude,
            day_rate: self.day_rate.as_ref().map(Into::into),
            robin_hood_rate: self.robin_hood_rate.as_ref().map(Into::into),
            notes: self.notes.clone(),
            status: self.status,
        }
    }
}

/// An offer of time.
#[derive(Debug, Serialize, ToSchema)]
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

/// A page of offers.
#[derive(Debug, Serialize, ToSchema)]
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

/// A single offer answer with its `ETag` (and `Location` when created).
pub fn offer_response(status: StatusCode, view: OfferView) -> HttpResponse {
    let mut response = HttpResponse::build(status);
    response.insert_header((header::ETAG, etag(view.version)));
    response.insert_header((header::VARY, "Authorization"));
    if status == StatusCode::CREATED {
        response.insert_header((header::LOCATION, format!("/api/v1/offers/{}", view.id)));
    }
    response.json(view)
}
