//! Placements as answers show them: the same for every face.

use chrono::{DateTime, NaiveDate, Utc};
use coophub_domain::coop::Coop;
use coophub_domain::person::Person;
use coophub_domain::sharing::*;
use serde::Serialize;
use uuid::Uuid;

use crate::shapes::{CoopRef, MoneyBody, PersonRef, days};

/// A placement: time booked from an offer.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlacementView {
    /// Stable identifier.
    pub id: Uuid,
    /// The offer it books (`null` for a rotation swap).
    pub offer_id: Option<Uuid>,
    /// The co-op giving the time.
    pub offering_coop: CoopRef,
    /// The co-op that asked.
    pub requesting_coop: CoopRef,
    /// The person placed, when named and visible to the viewer.
    pub person: Option<PersonRef>,
    /// The request it answers.
    pub request_id: Option<Uuid>,
    /// Time a week.
    pub days_per_week: f64,
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// What the requesting co-op wrote.
    pub message: String,
    /// The day rate the two co-ops agreed: to members of the two co-ops
    /// only (`null` to anyone else, or when none was recorded).
    pub agreed_day_rate: Option<MoneyBody>,
    /// Where it stands today (accepted placements are active from their start date).
    pub state: PlacementState,
    /// Version; the ETag is this number in quotes.
    pub version: i32,
    /// UTC.
    pub created_at: DateTime<Utc>,
    /// UTC.
    pub updated_at: DateTime<Utc>,
}

/// A page of placements.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlacementList {
    /// By start date.
    pub items: Vec<PlacementView>,
    /// How many in all.
    pub total: i64,
    /// Page number.
    pub page: u32,
    /// Page size.
    pub per_page: u32,
}

/// One change in a placement's life.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlacementEventView {
    /// 1 for the request, then one more per change.
    pub seq: i32,
    /// The state it left.
    pub state: PlacementState,
    /// What was done (`null` for the request itself).
    pub action: Option<PlacementAction>,
    /// Who (`null` when the start date started it, or the account is gone).
    pub by_user_id: Option<Uuid>,
    /// Their name, when known.
    pub by_name: Option<String>,
    /// Why, as they said.
    pub reason: String,
    /// When.
    pub at: DateTime<Utc>,
}

/// A placement's history, oldest first.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryView {
    /// The placement.
    pub placement_id: Uuid,
    /// Every change.
    pub items: Vec<PlacementEventView>,
}

impl PlacementView {
    /// The view of `placement` between `offering` and `requesting`, as of `today`.
    pub fn new(
        placement: Placement,
        offering: &Coop,
        requesting: &Coop,
        person: Option<&Person>,
        today: NaiveDate,
    ) -> Self {
        Self {
            id: placement.id,
            offer_id: placement.offer_id,
            offering_coop: CoopRef::of(offering),
            requesting_coop: CoopRef::of(requesting),
            person: person.map(|p| PersonRef {
                id: p.id,
                name: p.name.clone(),
            }),
            request_id: placement.request_id,
            days_per_week: days(placement.half_days),
            start: placement.dates.start,
            end: placement.dates.end,
            state: placement.state_on(today),
            message: placement.message,
            agreed_day_rate: placement.agreed_day_rate.map(Into::into),
            version: placement.version,
            created_at: placement.created_at,
            updated_at: placement.updated_at,
        }
    }
}
