//! Social-good proposals: a person who asked to rotate, proposed for
//! another co-op's social-good ("robin hood") request. The person, their
//! co-op's admins and the requesting co-op's admins answer; the last yes
//! books an accepted placement in the same transaction, under the person's
//! week; one no or 14 days end it.

mod answers;
mod proposals;

pub use answers::{answer, show};
pub use proposals::{propose, suggest};

use coophub_domain::access::rotation::{ProposalFacts, read_proposal};
use coophub_domain::access::{Denied, Viewer};
use coophub_domain::coop::Coop;
use coophub_domain::sharing::{Request, SocialGoodFit, SocialGoodProposal, social_good_fit};
use coophub_store::sharing::{requests, social_good};
use coophub_store::{DbConnection, coops};
use uuid::Uuid;

use crate::AppError;
use crate::guard::{Guarded, Lock};
use crate::sharing::rotations::{Asked, find_rotation};

/// A social-good request with its co-op.
#[derive(Debug, Clone)]
pub struct Hosted {
    /// The request.
    pub request: Request,
    /// The co-op asking.
    pub coop: Coop,
}

/// A social-good proposal with its rotation request (and person) and the
/// request (and its co-op); for a change the proposal, the rotation request
/// and the request are locked.
#[derive(Debug, Clone)]
pub struct Proposed {
    /// The proposal.
    pub proposal: SocialGoodProposal,
    /// Who is proposed, from which rotation request.
    pub asked: Asked,
    /// What for.
    pub hosted: Hosted,
}

impl Proposed {
    /// What the rules need to know.
    pub fn facts(&self) -> ProposalFacts {
        ProposalFacts {
            rotation: self.asked.facts(),
            requesting_coop: self.hosted.coop.id,
        }
    }
}

/// A social-good proposal by id, to its three parties only.
impl Guarded for Proposed {
    type Key = Uuid;
    type Rule = ();

    fn missing(id: &Uuid) -> String {
        format!("no social-good proposal {id}")
    }

    fn find(conn: &mut DbConnection, id: &Uuid, lock: Lock) -> Result<Option<Self>, AppError> {
        let proposal = match lock {
            Lock::Read => social_good::find(conn, *id)?,
            Lock::ForChange => social_good::find_for_update(conn, *id)?,
        };
        let Some(proposal) = proposal else {
            return Ok(None);
        };
        let Some(asked) = find_rotation(conn, proposal.rotation, lock)? else {
            return Ok(None);
        };
        let request = match lock {
            Lock::Read => requests::find(conn, proposal.request)?,
            Lock::ForChange => requests::find_for_update(conn, proposal.request)?,
        };
        let Some(request) = request else {
            return Ok(None);
        };
        let Some(coop) = coops::find_by_id(conn, request.coop_id)? else {
            return Ok(None);
        };
        Ok(Some(Self {
            proposal,
            asked,
            hosted: Hosted { request, coop },
        }))
    }

    fn decide(&self, viewer: &Viewer, (): ()) -> Result<(), Denied> {
        read_proposal(viewer, self.facts())
    }
}

/// Open social-good requests of other member co-ops that `asked`'s person
/// could take on over the dates they asked for, with how each fits: the
/// most skills the person wants to use first, then the most skills, then
/// the lower request id.
pub fn fitting(
    conn: &mut DbConnection,
    asked: &Asked,
) -> Result<Vec<(Hosted, SocialGoodFit)>, AppError> {
    let mut found = Vec::new();
    for request in requests::social_good_for(conn, asked.coop.id, asked.rotation.dates)? {
        let Some(fit) = social_good_fit(&asked.rotation, &asked.person.skills, &request) else {
            continue;
        };
        let Some(coop) = coops::find_by_id(conn, request.coop_id)? else {
            continue;
        };
        found.push((Hosted { request, coop }, fit));
    }
    found.sort_by(|(a, fit_a), (b, fit_b)| {
        (fit_b.wanted.len(), fit_b.skills.len())
            .cmp(&(fit_a.wanted.len(), fit_a.skills.len()))
            .then(a.request.id.cmp(&b.request.id))
    });
    Ok(found)
}
