//! Bids, as the access rules guard them: a bid is its consortium's
//! business, and everyone else finds it nowhere; opened, formed, written
//! and moved through its life.

mod consortium;
pub(crate) mod history;
mod moves;
mod reads;
mod terms;
mod work;

pub use consortium::{Invitation, answer as answer_invitation, invite};
pub use history::of_bid as history;
pub use moves::{MoveOptions, make as make_move};
pub use reads::{list, release, show};
pub use terms::{Opening, change as change_terms, open};
pub use work::{add_document, add_role, put_section};

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use coophub_domain::access::bidding::BidFacts;
use coophub_domain::access::{Denied, Viewer};
use coophub_domain::bidding::{
    Bid, BidDocument, BidHappening, BidMember, BidRole, BidSection, Opportunity,
};
use coophub_domain::coop::Coop;
use coophub_store::bidding::history::{Happened, record as record_history};
use coophub_store::bidding::{bids, documents, opportunities, roles, sections};
use coophub_store::{DbConnection, coops, people};
use uuid::Uuid;

use crate::AppError;
use crate::guard::{Guarded, Lock};
use crate::shapes::CoopRef;

/// A rule of `coophub_domain::access::bidding` about a bid.
pub type BidRule = fn(&Viewer, &BidFacts) -> Result<(), Denied>;

/// A bid with everything its answers show.
#[derive(Debug, Clone)]
pub struct BidCase {
    /// The bid.
    pub bid: Bid,
    /// Its tender.
    pub opportunity: Opportunity,
    /// Every co-op invited, lead first.
    pub members: Vec<BidMember>,
    /// The co-ops named anywhere in the bid, by id.
    pub coops: HashMap<Uuid, Coop>,
    /// Roles.
    pub roles: Vec<BidRole>,
    /// Sections.
    pub sections: Vec<BidSection>,
    /// Links to its documents.
    pub documents: Vec<BidDocument>,
    /// The coordinator's linked account.
    pub coordinator_account: Option<Uuid>,
}

impl BidCase {
    /// What the rules need to know.
    pub fn facts(&self) -> BidFacts {
        BidFacts {
            lead: self.bid.lead_coop_id,
            coordinator: self.coordinator_account,
            members: self.members.iter().map(|m| (m.coop_id, m.status)).collect(),
        }
    }

    /// The co-op `id` (loaded with the case).
    pub fn coop(&self, id: Uuid) -> Option<&Coop> {
        self.coops.get(&id)
    }

    /// How answers name the co-op `id` (loaded with the case).
    pub fn coop_ref(&self, id: Uuid) -> Option<CoopRef> {
        self.coop(id).map(CoopRef::of)
    }

    /// The co-ops in the consortium (the lead and those that accepted).
    pub fn consortium(&self) -> Vec<Uuid> {
        self.members
            .iter()
            .filter(|m| m.status.in_consortium())
            .map(|m| m.coop_id)
            .collect()
    }

    /// Loads what `bid`'s answers show.
    pub fn of(conn: &mut DbConnection, bid: Bid) -> Result<Self, AppError> {
        let opportunity = opportunities::find(conn, bid.opportunity_id)?
            .ok_or_else(|| AppError::internal("a bid's opportunity is gone"))?;
        let members = bids::members(conn, bid.id)?;
        let roles = roles::of_bid(conn, bid.id)?;
        let sections = sections::of_bid(conn, bid.id)?;
        let documents = documents::of_bid(conn, bid.id)?;
        let mut coops = HashMap::new();
        let named = members
            .iter()
            .map(|m| m.coop_id)
            .chain(roles.iter().filter_map(|r| r.coop_id))
            .chain(sections.iter().filter_map(|s| s.owner_coop_id));
        for coop in named {
            if let Entry::Vacant(entry) = coops.entry(coop)
                && let Some(found) = coops::find_by_id(conn, coop)?
            {
                entry.insert(found);
            }
        }
        let coordinator_account = match bid.coordinator_id {
            Some(person) => people::find(conn, person)?.and_then(|p| p.user_id),
            None => None,
        };
        Ok(Self {
            bid,
            opportunity,
            members,
            coops,
            roles,
            sections,
            documents,
            coordinator_account,
        })
    }
}

/// A bid by id; one the viewer may not see is not found.
impl Guarded for BidCase {
    type Key = Uuid;
    type Rule = BidRule;

    fn missing(id: &Uuid) -> String {
        format!("no bid {id}")
    }

    fn find(conn: &mut DbConnection, id: &Uuid, lock: Lock) -> Result<Option<Self>, AppError> {
        let bid = match lock {
            Lock::Read => bids::find(conn, *id)?,
            Lock::ForChange => bids::find_for_update(conn, *id)?,
        };
        bid.map(|bid| Self::of(conn, bid)).transpose()
    }

    fn decide(&self, viewer: &Viewer, rule: BidRule) -> Result<(), Denied> {
        rule(viewer, &self.facts())
    }
}

/// Records in bid `id`'s history that `what` happened, done by `viewer`,
/// concerning `coop`, with `detail` (a title, a decision).
fn happened(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    what: BidHappening,
    coop: Option<Uuid>,
    detail: Option<&str>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), coophub_store::StoreError> {
    let entry = Happened {
        what,
        actor: viewer.user_id(),
        coop,
        detail,
    };
    record_history(conn, id, &entry, now)
}

/// A clash unless the bid is still open; `doing` says what it would take
/// ("takes no more roles").
fn ensure_open(case: &BidCase, doing: &str) -> Result<(), AppError> {
    if case.bid.state.open() {
        Ok(())
    } else {
        Err(AppError::conflict(
            crate::Clash::BidState,
            format!("a bid that is {} {doing}", case.bid.state.name()),
        ))
    }
}
