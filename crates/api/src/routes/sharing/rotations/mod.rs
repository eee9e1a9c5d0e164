//! Rotation requests and swaps: `/api/v1/rotations` and `/api/v1/swaps`.
//! A rotation request is private to the person and their co-op's admins
//! (everyone else gets 404, and it is in no list, count or search); a swap
//! is seen by its four parties.

pub mod answer;
pub mod create;
pub mod show;
pub mod swaps;
mod view;
pub mod withdraw;

use coophub_domain::access::Denied;
use coophub_domain::access::rotation::RotationFacts;
use coophub_domain::coop::Coop;
use coophub_domain::person::Person;
use coophub_domain::sharing::Rotation;
use coophub_store::sharing::rotations;
use coophub_store::{DbConnection, StoreError, people};
use uuid::Uuid;

use super::coop_of;
use crate::auth::{Viewer, refused};
use crate::problem::ApiError;

pub use view::{
    RotationBody, RotationList, RotationView, SwapAnswer, SwapProposalBody, SwapSuggestion,
    SwapSuggestionList, SwapView,
};

/// A rule of `coophub_domain::access::rotation` about a rotation request.
pub(crate) type RotationRule = fn(&Viewer, RotationFacts) -> Result<(), Denied>;

/// A rotation request with its person and their co-op.
pub(crate) struct Asked {
    /// The request.
    pub rotation: Rotation,
    /// Who asks.
    pub person: Person,
    /// Their co-op.
    pub coop: Coop,
}

impl Asked {
    /// The person asking and their co-op: one side of a swap.
    pub(crate) fn side(&self) -> (&Person, &Coop) {
        (&self.person, &self.coop)
    }

    /// What the rules need to know.
    pub(crate) fn facts(&self) -> RotationFacts {
        RotationFacts {
            coop: self.coop.id,
            account: self.person.user_id,
        }
    }
}

/// The rotation request `id`, if `rule` lets the viewer have it (404 otherwise).
pub(crate) fn rotation_for(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    rule: RotationRule,
) -> Result<Asked, ApiError> {
    decided(conn, viewer, id, rule, rotations::find)
}

/// Like [`rotation_for`], with the request's row locked for a change.
pub(crate) fn rotation_to_change(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    rule: RotationRule,
) -> Result<Asked, ApiError> {
    decided(conn, viewer, id, rule, rotations::find_for_update)
}

type FindRotation = fn(&mut DbConnection, Uuid) -> Result<Option<Rotation>, StoreError>;

fn decided(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    rule: RotationRule,
    find: FindRotation,
) -> Result<Asked, ApiError> {
    let not_found = || format!("no rotation request {id}");
    let rotation = find(conn, id)?.ok_or_else(|| ApiError::NotFound(not_found()))?;
    let asked = with_person(conn, rotation, &not_found)?;
    rule(viewer, asked.facts()).map_err(|denied| refused(denied, not_found))?;
    Ok(asked)
}

/// `rotation` with its person and co-op.
pub(crate) fn with_person(
    conn: &mut DbConnection,
    rotation: Rotation,
    not_found: &dyn Fn() -> String,
) -> Result<Asked, ApiError> {
    let person =
        people::find(conn, rotation.person_id)?.ok_or_else(|| ApiError::NotFound(not_found()))?;
    let coop = coop_of(conn, rotation.coop_id, not_found)?;
    Ok(Asked {
        rotation,
        person,
        coop,
    })
}
