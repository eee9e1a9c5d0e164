//! Sharing people between co-ops: offers of time, requests, placements,
//! rotation requests.

pub mod bodies;
pub mod calendar;
pub mod matching;
pub mod murmurations;
pub mod offers;
pub mod placements;
pub mod requests;
pub mod rotations;
pub mod social_good;
pub mod swaps;
pub mod views;

use coophub_domain::access::sharing::ListingFacts;
use coophub_domain::access::{self, CoopFacts, Denied, Viewer};
use coophub_domain::coop::Coop;
use coophub_domain::person::Person;
use coophub_domain::sharing::{Booking, Conflict, Limit, Offer, days_a_week};
use coophub_store::sharing::Audience;
use coophub_store::sharing::placements::{Holder, held};
use coophub_store::{DbConnection, coops, people};
use uuid::Uuid;

use crate::directory::people::facts as person_facts;
use crate::{AppError, Clash, ConflictItem};

/// A rule of `coophub_domain::access::sharing` about an offer or request.
pub type ListingRule = fn(&Viewer, ListingFacts) -> Result<(), Denied>;

/// What the rules know of a listing of `coop` that is `live` or not.
fn listing(coop: &Coop, live: bool) -> ListingFacts {
    ListingFacts {
        coop: CoopFacts::of(coop),
        live,
    }
}

/// Whose offers and requests the viewer's lists show besides the live ones.
pub fn audience(viewer: &Viewer) -> Audience {
    if viewer.is_network_admin() {
        Audience::Everything
    } else if viewer.roles.is_empty() {
        Audience::Outsider
    } else {
        Audience::MemberOf(viewer.roles.iter().map(|held| held.coop).collect())
    }
}

/// The co-op `id` of a listing; a listing whose co-op is gone is not found.
pub fn coop_of(
    conn: &mut DbConnection,
    id: Uuid,
    not_found: &dyn Fn() -> String,
) -> Result<Coop, AppError> {
    coops::find_by_id(conn, id)?.ok_or_else(|| AppError::NotFound(not_found()))
}

/// The person `id` as the viewer may see them next to an offer (name and
/// id), or `None` when their profile is hidden from the viewer.
pub fn visible_person(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Option<Uuid>,
    coop: &Coop,
) -> Result<Option<Person>, AppError> {
    let Some(id) = id else {
        return Ok(None);
    };
    let person = people::find(conn, id)?;
    Ok(person.filter(|p| access::read_person(viewer, person_facts(p, coop)).is_ok()))
}

/// Whether the viewer may see the person `id`: a list filter naming anyone
/// else matches nothing, exactly as one naming nobody does, so counts do not
/// tell who is behind a listing.
pub fn person_visible(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
) -> Result<bool, AppError> {
    let Some(person) = people::find(conn, id)? else {
        return Ok(false);
    };
    let Some(coop) = coops::find_by_id(conn, person.coop_id)? else {
        return Ok(false);
    };
    Ok(access::read_person(viewer, person_facts(&person, &coop)).is_ok())
}

/// A list's co-op and skill filters, resolved.
pub struct Resolved {
    /// The co-op's id.
    pub coop: Option<Uuid>,
    /// The skill's canonical slug.
    pub skill: Option<String>,
}

/// The co-op (by slug) and skill (any spelling) a list is filtered by, as
/// ids; `None` when either names nothing, so the list is empty.
pub fn resolve_filters(
    conn: &mut DbConnection,
    coop: Option<String>,
    skill: Option<String>,
) -> Result<Option<Resolved>, AppError> {
    let coop = match coop {
        Some(slug) => match coops::find_by_slug(conn, &slug)? {
            Some(coop) => Some(coop.id),
            None => return Ok(None),
        },
        None => None,
    };
    let skill = match skill {
        Some(spelling) => match coophub_store::skills::find(conn, &spelling)? {
            Some(skill) => Some(skill.slug),
            None => return Ok(None),
        },
        None => None,
    };
    Ok(Some(Resolved { coop, skill }))
}

/// The 409 for time that does not fit: each stretch, what is free on it, and
/// which limit (the offer, or the person's five days a week) it breaks.
pub fn capacity_conflict(detail: &str, conflicts: Vec<Conflict>) -> AppError {
    AppError::Conflict {
        clash: Clash::OverCapacity,
        detail: detail.to_owned(),
        conflicts: conflicts
            .into_iter()
            .map(|conflict| {
                let free = f64::from(conflict.free.half_days) / 2.0;
                let (limit, whose) = match conflict.limit {
                    Limit::Offer => ("offer", "the offer has"),
                    Limit::Person => ("person", "the person has"),
                };
                ConflictItem {
                    pointer: None,
                    message: format!(
                        "from {} to {} {whose} {} free",
                        conflict.free.range.start,
                        conflict.free.range.end,
                        days_a_week(conflict.free.half_days)
                    ),
                    start: Some(conflict.free.range.start),
                    end: Some(conflict.free.range.end),
                    free_days_per_week: Some(free),
                    limit: Some(limit.to_owned()),
                }
            })
            .collect(),
    }
}

/// The time already promised from `offer` and of its person (all their
/// offers), leaving out placement `except`: what a new booking must fit beside.
pub struct Promised {
    /// The offer's accepted and active placements.
    pub offer: Vec<Booking>,
    /// The named person's, across all offers; `None` for a role.
    pub person: Option<Vec<Booking>>,
}

impl Promised {
    /// Loads what is promised from `offer`.
    pub fn load(
        conn: &mut DbConnection,
        offer: &Offer,
        except: Option<Uuid>,
    ) -> Result<Self, AppError> {
        let person = match offer.person_id {
            Some(person) => Some(held(conn, Holder::Person(person), except)?),
            None => None,
        };
        Ok(Self {
            offer: held(conn, Holder::Offer(offer.id), except)?,
            person,
        })
    }
}
