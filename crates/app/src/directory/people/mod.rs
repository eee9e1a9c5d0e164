//! The people of co-ops: who may see them, and writes that tell the
//! alerts on people they match.

mod views;
mod writes;

pub use views::{AvailabilityView, HeldSkill, PersonList, PersonView};
pub use writes::{Change, change, confirm_availability, create, delete, linked_email, replace};

use chrono::{DateTime, Utc};
use coophub_domain::Expected;
use coophub_domain::access::{self, CoopFacts, Denied, PersonFacts, Viewer};
use coophub_domain::coop::Coop;
use coophub_domain::person::{Person, PersonInput, Visibility};
use coophub_store::{DbConnection, Page, StoreError, coops, people};
use uuid::Uuid;

use crate::AppError;
use crate::directory::coops::READ;
use crate::guard::{Guarded, Lock, load};
use crate::telling::alerts;

/// A rule of `coophub_domain::access` about a person.
pub type PersonRule = fn(&Viewer, PersonFacts) -> Result<(), Denied>;

/// What the access rules need to know about `person` of `coop`.
pub fn facts(person: &Person, coop: &Coop) -> PersonFacts {
    PersonFacts {
        coop: CoopFacts::of(coop),
        public: person.visibility == Visibility::Public,
        account: person.user_id,
    }
}

/// A person by id, with their co-op; one the viewer may not see is not found.
impl Guarded for (Person, Coop) {
    type Key = Uuid;
    type Rule = PersonRule;

    fn missing(id: &Uuid) -> String {
        format!("no person {id}")
    }

    fn find(conn: &mut DbConnection, id: &Uuid, lock: Lock) -> Result<Option<Self>, AppError> {
        let person = match lock {
            Lock::Read => people::find(conn, *id)?,
            Lock::ForChange => people::find_for_update(conn, *id)?,
        };
        let Some(person) = person else {
            return Ok(None);
        };
        Ok(coops::find_by_id(conn, person.coop_id)?.map(|coop| (person, coop)))
    }

    fn decide(&self, viewer: &Viewer, rule: PersonRule) -> Result<(), Denied> {
        rule(viewer, facts(&self.0, &self.1))
    }
}

/// Adds a person to the co-op `coop_id`, linked to `user_id` if given.
pub fn insert(
    conn: &mut DbConnection,
    coop_id: Uuid,
    input: &PersonInput,
    user_id: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<Person, StoreError> {
    coophub_store::write(conn, |conn| {
        let person = people::insert(conn, coop_id, input, user_id, now)?;
        alerts::person_written(conn, &person, now)?;
        Ok(person)
    })
}

/// Replaces the person `id`'s profile and skills (`Stale` unless `expected`).
pub fn update(
    conn: &mut DbConnection,
    id: Uuid,
    expected: Option<&Expected>,
    input: &PersonInput,
    user_id: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<Person, StoreError> {
    coophub_store::write(conn, |conn| {
        let person = people::update(conn, id, expected, input, user_id, now)?;
        alerts::person_written(conn, &person, now)?;
        Ok(person)
    })
}

/// Confirms that the person's stated availability still holds; `None` if
/// none is stated.
pub fn reconfirm(
    conn: &mut DbConnection,
    id: Uuid,
    expected: Option<&Expected>,
    now: DateTime<Utc>,
) -> Result<Option<Person>, StoreError> {
    coophub_store::write(conn, |conn| {
        let person = people::reconfirm(conn, id, expected, now)?;
        if let Some(person) = &person {
            alerts::person_written(conn, person, now)?;
        }
        Ok(person)
    })
}

/// A page of the people of the co-op `slug`: public profiles for outsiders,
/// every profile for the network and the co-op.
pub fn list(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
    page: Page,
    now: DateTime<Utc>,
) -> Result<PersonList, AppError> {
    let coop = load::<Coop>(conn, viewer, slug, READ, Lock::Read)?;
    let public_only = !access::see_network_only_fields(viewer, coop.id);
    let (found, total) = people::list_for_coop(conn, coop.id, public_only, page)?;
    Ok(PersonList {
        items: found
            .into_iter()
            .map(|person| PersonView::seen_by(person, &coop, viewer, now))
            .collect(),
        total,
        page: page.number,
        per_page: page.size,
    })
}

/// The person `id` as `viewer` may see them.
pub fn show(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<PersonView, AppError> {
    let (person, coop) =
        load::<(Person, Coop)>(conn, viewer, &id, access::read_person, Lock::Read)?;
    Ok(PersonView::seen_by(person, &coop, viewer, now))
}
