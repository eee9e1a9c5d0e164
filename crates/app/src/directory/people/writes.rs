//! Changing people: a co-op's admins add and remove them and decide who may
//! edit a profile; the person themselves (signed in with the linked account)
//! edits their own.

use chrono::{DateTime, Utc};
use coophub_domain::access::{self, Viewer};
use coophub_domain::coop::Coop;
use coophub_domain::person::{Person, PersonInput};
use coophub_domain::{Email, Expected, FieldError};
use coophub_store::{DbConnection, people, users};
use uuid::Uuid;

use super::{PersonView, facts};
use crate::directory::coops::ADMINISTER;
use crate::guard::{Lock, load};
use crate::{AppError, Clash};

/// A checked new profile for a person.
#[derive(Debug, Clone, Copy)]
pub struct Change<'a> {
    /// The profile.
    pub input: &'a PersonInput,
    /// The account that may edit it (`None`: nobody).
    pub linked_email: Option<&'a Email>,
    /// The version the change is based on (`If-Match`).
    pub expected: Option<&'a Expected>,
    /// The rules' time.
    pub now: DateTime<Utc>,
}

/// Adds a person to the co-op `slug`, which the viewer administers.
pub fn create(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
    change: Change<'_>,
) -> Result<PersonView, AppError> {
    let coop = load::<Coop>(conn, viewer, slug, ADMINISTER, Lock::ForChange)?;
    let user = linked_user(conn, change.linked_email)?;
    let person = super::insert(conn, coop.id, change.input, user, change.now)?;
    Ok(PersonView::new(person, &coop, true, change.now))
}

/// Replaces the profile of the person `id`, whom the viewer may edit.
pub fn change(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    change: Change<'_>,
) -> Result<PersonView, AppError> {
    let (person, coop) =
        load::<(Person, Coop)>(conn, viewer, &id, access::edit_person, Lock::ForChange)?;
    replace(conn, viewer, &person, &coop, change)
}

/// Writes `change` over `person` (loaded with `edit_person` for a change):
/// only the co-op's admins may change who edits a profile.
pub fn replace(
    conn: &mut DbConnection,
    viewer: &Viewer,
    person: &Person,
    coop: &Coop,
    change: Change<'_>,
) -> Result<PersonView, AppError> {
    let user = linked_user(conn, change.linked_email)?;
    if user != person.user_id {
        access::administer_person(viewer, facts(person, coop))
            .map_err(|denied| AppError::refused(denied, || format!("no person {}", person.id)))?;
    }
    let updated = super::update(
        conn,
        person.id,
        change.expected,
        change.input,
        user,
        change.now,
    )?;
    Ok(PersonView::new(updated, coop, true, change.now))
}

/// Removes the person `id`, whom the viewer administers.
pub fn delete(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    expected: Option<&Expected>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    load::<(Person, Coop)>(
        conn,
        viewer,
        &id,
        access::administer_person,
        Lock::ForChange,
    )?;
    Ok(people::delete(conn, id, expected, now)?)
}

/// Confirms that the person `id`'s stated availability still holds; a
/// conflict when none is stated.
pub fn confirm_availability(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    expected: Option<&Expected>,
    now: DateTime<Utc>,
) -> Result<PersonView, AppError> {
    let (_, coop) =
        load::<(Person, Coop)>(conn, viewer, &id, access::edit_person, Lock::ForChange)?;
    let updated = super::reconfirm(conn, id, expected, now)?.ok_or_else(|| {
        AppError::conflict(
            Clash::NoAvailability,
            "no availability is stated; set days_per_week and available_from first",
        )
    })?;
    Ok(PersonView::new(updated, &coop, true, now))
}

/// The email of the account linked to `person`, if any.
pub fn linked_email(conn: &mut DbConnection, person: &Person) -> Result<Option<String>, AppError> {
    Ok(match person.user_id {
        Some(user) => users::find(conn, user)?.map(|(user, _)| user.email),
        None => None,
    })
}

/// The account with `email`, for linking; invalid at `/linked_user_email`
/// if none.
fn linked_user(conn: &mut DbConnection, email: Option<&Email>) -> Result<Option<Uuid>, AppError> {
    let Some(email) = email else {
        return Ok(None);
    };
    match users::find_by_email(conn, email.as_str())? {
        Some((user, _)) => Ok(Some(user.id)),
        None => Err(FieldError::new("/linked_user_email", "no account has this email").into()),
    }
}
