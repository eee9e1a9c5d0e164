//! Calendars of accepted and active placements: a co-op's and one
//! person's, for members of that co-op, with a token or with a revocable
//! secret key that calendar apps can keep. Each face writes them in its own
//! format (the JSON API as iCalendar).

mod feeds;

pub use feeds::{FeedList, FeedView, create, list, revoke};

use coophub_domain::access::Viewer;
use coophub_domain::coop::Coop;
use coophub_domain::sharing::{Placement, PlacementState};
use coophub_store::sharing::feeds as stored;
use coophub_store::sharing::placements::{self, PlacementFilter};
use coophub_store::{DbConnection, coops, people};
use uuid::Uuid;

use super::coop_of;
use crate::AppError;

/// Whose placements a calendar shows.
#[derive(Debug, Clone)]
pub enum CalendarOf {
    /// The co-op with this slug, on either side.
    Coop(String),
    /// The person with this id.
    Person(Uuid),
}

/// One placement in a calendar: with its two co-ops, and the person's name
/// when the placement names one.
#[derive(Debug)]
pub struct CalendarEntry {
    /// The placement.
    pub placement: Placement,
    /// The co-op giving the time.
    pub offering: Coop,
    /// The co-op that asked.
    pub requesting: Coop,
    /// The person placed.
    pub person: Option<String>,
}

/// The calendar's name and its placements, if the viewer (or the feed
/// whose key hashes to `key_hash`) may read it; not found otherwise.
pub fn placements_of(
    conn: &mut DbConnection,
    viewer: &Viewer,
    key_hash: Option<&str>,
    of: &CalendarOf,
) -> Result<(String, Vec<CalendarEntry>), AppError> {
    let not_found = || AppError::NotFound("no such calendar".into());
    let (coop, person, account, name) = match of {
        CalendarOf::Coop(slug) => {
            let coop = coops::find_by_slug(conn, slug)?.ok_or_else(not_found)?;
            (coop.id, None, None, coop.profile.name)
        }
        CalendarOf::Person(id) => {
            let person = people::find(conn, *id)?.ok_or_else(not_found)?;
            (person.coop_id, Some(person.id), person.user_id, person.name)
        }
    };
    let allowed = match key_hash {
        Some(hash) => stored::find_by_secret(conn, hash)?
            .is_some_and(|f| f.coop_id == coop && f.person_id == person),
        None => {
            let is_person = account.is_some() && account == viewer.user_id();
            viewer.role_in(coop).is_some() || is_person
        }
    };
    if !allowed {
        return Err(not_found());
    }
    let filter = PlacementFilter {
        involving: person.is_none().then(|| vec![coop]),
        person,
        states: vec![PlacementState::Accepted, PlacementState::Active],
        ..PlacementFilter::default()
    };
    let mut entries = Vec::new();
    for placement in placements::all(conn, &filter)? {
        let offering = coop_of(conn, placement.offering_coop_id, &String::new)?;
        let requesting = coop_of(conn, placement.requesting_coop_id, &String::new)?;
        let person = match placement.person_id {
            Some(id) => people::find(conn, id)?.map(|p| p.name),
            None => None,
        };
        entries.push(CalendarEntry {
            placement,
            offering,
            requesting,
            person,
        });
    }
    Ok((format!("{name} placements"), entries))
}
