//! Rotation requests and swaps, as the access rules guard them: a request
//! is private to the person and their co-op's admins; a swap is seen by its
//! four parties.

mod asks;

pub use asks::{create, list, show, withdraw};

use coophub_domain::access::rotation::{RotationFacts, read_swap};
use coophub_domain::access::{Denied, Viewer};
use coophub_domain::coop::Coop;
use coophub_domain::person::Person;
use coophub_domain::sharing::{Rotation, SwapProposal};
use coophub_store::sharing::{rotations, swaps};
use coophub_store::{DbConnection, coops, people};
use uuid::Uuid;

use crate::AppError;
use crate::guard::{Guarded, Lock};

/// A rule of `coophub_domain::access::rotation` about a rotation request.
pub type RotationRule = fn(&Viewer, RotationFacts) -> Result<(), Denied>;

/// A rotation request with its person and their co-op.
#[derive(Debug, Clone)]
pub struct Asked {
    /// The request.
    pub rotation: Rotation,
    /// Who asks.
    pub person: Person,
    /// Their co-op.
    pub coop: Coop,
}

impl Asked {
    /// The person asking and their co-op: one side of a swap.
    pub fn side(&self) -> (&Person, &Coop) {
        (&self.person, &self.coop)
    }

    /// What the rules need to know.
    pub fn facts(&self) -> RotationFacts {
        RotationFacts {
            coop: self.coop.id,
            account: self.person.user_id,
        }
    }

    /// `rotation` with its person and co-op; `None` if either is gone.
    pub fn of(conn: &mut DbConnection, rotation: Rotation) -> Result<Option<Self>, AppError> {
        let Some(person) = people::find(conn, rotation.person_id)? else {
            return Ok(None);
        };
        let Some(coop) = coops::find_by_id(conn, rotation.coop_id)? else {
            return Ok(None);
        };
        Ok(Some(Self {
            rotation,
            person,
            coop,
        }))
    }
}

/// The rotation request `id` with its person and co-op (locked for a change).
pub(crate) fn find_rotation(
    conn: &mut DbConnection,
    id: Uuid,
    lock: Lock,
) -> Result<Option<Asked>, AppError> {
    let rotation = match lock {
        Lock::Read => rotations::find(conn, id)?,
        Lock::ForChange => rotations::find_for_update(conn, id)?,
    };
    match rotation {
        Some(rotation) => Asked::of(conn, rotation),
        None => Ok(None),
    }
}

/// A rotation request by id; one the viewer may not see is not found.
impl Guarded for Asked {
    type Key = Uuid;
    type Rule = RotationRule;

    fn missing(id: &Uuid) -> String {
        format!("no rotation request {id}")
    }

    fn find(conn: &mut DbConnection, id: &Uuid, lock: Lock) -> Result<Option<Self>, AppError> {
        find_rotation(conn, *id, lock)
    }

    fn decide(&self, viewer: &Viewer, rule: RotationRule) -> Result<(), Denied> {
        rule(viewer, self.facts())
    }
}

/// A proposed swap with both sides; for a change the swap and both rotation
/// requests are locked.
#[derive(Debug, Clone)]
pub struct Swap {
    /// The proposal.
    pub proposal: SwapProposal,
    /// The side that proposed.
    pub first: Asked,
    /// The side asked.
    pub second: Asked,
}

/// A swap by id, to its four parties only.
impl Guarded for Swap {
    type Key = Uuid;
    type Rule = ();

    fn missing(id: &Uuid) -> String {
        format!("no swap {id}")
    }

    fn find(conn: &mut DbConnection, id: &Uuid, lock: Lock) -> Result<Option<Self>, AppError> {
        let proposal = match lock {
            Lock::Read => swaps::find(conn, *id)?,
            Lock::ForChange => swaps::find_for_update(conn, *id)?,
        };
        let Some(proposal) = proposal else {
            return Ok(None);
        };
        let Some(first) = find_rotation(conn, proposal.first_rotation, lock)? else {
            return Ok(None);
        };
        let Some(second) = find_rotation(conn, proposal.second_rotation, lock)? else {
            return Ok(None);
        };
        Ok(Some(Self {
            proposal,
            first,
            second,
        }))
    }

    fn decide(&self, viewer: &Viewer, (): ()) -> Result<(), Denied> {
        read_swap(viewer, self.first.facts(), self.second.facts())
    }
}
