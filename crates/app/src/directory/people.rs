//! The people of co-ops: each write tells the alerts on people it matches.

use chrono::{DateTime, Utc};
use coophub_domain::Expected;
use coophub_domain::person::{Person, PersonInput};
use coophub_store::{DbConnection, StoreError, people};
use uuid::Uuid;

use crate::telling::alerts;

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
