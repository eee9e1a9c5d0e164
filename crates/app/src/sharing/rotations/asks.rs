//! A person asks to rotate onto other work, privately: the ask, reading it
//! and withdrawing it.

use chrono::{DateTime, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::access::rotation::{self as access, RotationFacts};
use coophub_domain::sharing::{RotationInput, RotationStatus};
use coophub_domain::{FieldError, ValidationErrors};
use coophub_store::sharing::{offers, placements, rotations};
use coophub_store::{DbConnection, Page, people};
use uuid::Uuid;

use super::super::coop_of;
use super::super::views::{RotationList, RotationView};
use super::Asked;
use crate::AppError;
use crate::guard::{Lock, load};

/// The person `person_id` (only they may) asks to rotate.
pub fn create(
    conn: &mut DbConnection,
    viewer: &Viewer,
    person_id: Uuid,
    input: &RotationInput,
    now: DateTime<Utc>,
) -> Result<RotationView, AppError> {
    let not_found = || format!("no person {person_id}");
    let person =
        people::find_for_update(conn, person_id)?.ok_or_else(|| AppError::NotFound(not_found()))?;
    let facts = RotationFacts {
        coop: person.coop_id,
        account: person.user_id,
    };
    access::ask_to_rotate(viewer, facts).map_err(|denied| AppError::refused(denied, not_found))?;
    check_references(conn, input, person.id)?;
    let coop = coop_of(conn, person.coop_id, &not_found)?;
    let rotation = rotations::insert(conn, person.id, coop.id, input, now)?;
    Ok(RotationView::new(Asked {
        rotation,
        person,
        coop,
    }))
}

/// Withdraws the rotation request `id`.
pub fn withdraw(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<RotationView, AppError> {
    let asked = load::<Asked>(conn, viewer, &id, access::act_on_rotation, Lock::ForChange)?;
    let rotation = rotations::set_status(conn, &asked.rotation, RotationStatus::Withdrawn, now)?;
    Ok(RotationView::new(Asked { rotation, ..asked }))
}

/// The rotation request `id`, to the person and their co-op's admins.
pub fn show(conn: &mut DbConnection, viewer: &Viewer, id: Uuid) -> Result<RotationView, AppError> {
    let asked = load::<Asked>(conn, viewer, &id, access::read_rotation, Lock::Read)?;
    Ok(RotationView::new(asked))
}

/// A page of the viewer's own rotation requests and those of the people of
/// the co-ops they administer.
pub fn list(
    conn: &mut DbConnection,
    viewer: &Viewer,
    page: Page,
) -> Result<RotationList, AppError> {
    let mine = match viewer.user_id() {
        Some(user) => people::linked_to(conn, user)?,
        None => Vec::new(),
    };
    let administered = viewer.administered();
    let (found, total) = rotations::list_visible(conn, &mine, &administered, page)?;
    let mut items = Vec::with_capacity(found.len());
    for rotation in found {
        let asked = Asked::of(conn, rotation)?.ok_or_else(|| AppError::NotFound(String::new()))?;
        items.push(RotationView::new(asked));
    }
    Ok(RotationList {
        items,
        total,
        page: page.number,
        per_page: page.size,
    })
}

/// Invalid unless the placement and offer the ask comes from are the
/// person's own.
fn check_references(
    conn: &mut DbConnection,
    input: &RotationInput,
    person: Uuid,
) -> Result<(), AppError> {
    let mut errors = Vec::new();
    if let Some(id) = input.from_placement
        && placements::find(conn, id)?.is_none_or(|p| p.person_id != Some(person))
    {
        errors.push(FieldError::new(
            "/from_placement_id",
            "must be one of your placements",
        ));
    }
    if let Some(id) = input.from_offer
        && offers::find(conn, id)?.is_none_or(|o| o.person_id != Some(person))
    {
        errors.push(FieldError::new("/from_offer_id", "must be an offer of you"));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Invalid(ValidationErrors(errors)))
    }
}
