//! Bids: `/api/v1/bids`. A lead co-op opens a bid on an opportunity, adds
//! roles and sections, invites partners (whose admins accept or decline),
//! asks for suggestions and gaps, decides go or no-go, submits, and records
//! the result. A bid is its consortium's business: everyone else gets 404
//! and finds it in no list or count (`coophub_domain::access::bidding`).

mod bodies;
pub mod case_study;
pub mod consortium;
pub mod create;
pub mod gaps;
pub mod moves;
pub mod ocds;
pub mod roles;
pub mod sections;
pub mod shares;
pub mod show;
pub mod suggestions;
pub mod terms;
mod view;

use std::collections::HashMap;

use coophub_domain::access::Denied;
use coophub_domain::access::bidding::BidFacts;
use coophub_domain::bidding::{Bid, BidInput, BidMember, BidRole, BidSection, Opportunity};
use coophub_domain::coop::Coop;
use coophub_domain::sharing::Money;
use coophub_store::bidding::{
    bids, opportunities, roles as stored_roles, sections as stored_sections,
};
use coophub_store::{DbConnection, coops, people};
use uuid::Uuid;

use coophub_domain::{FieldError, ValidationErrors};

use crate::auth::{Viewer, refused};
use crate::problem::{ApiError, Code};

pub use bodies::{
    BidBody, BidTermsBody, DecisionBody, InvitationAnswer, InvitationBody, RoleBody, SectionBody,
};
pub use view::{BidList, BidView};

/// A rule of `coophub_domain::access::bidding` about a bid.
pub(crate) type BidRule = fn(&Viewer, &BidFacts) -> Result<(), Denied>;

/// A bid with everything its answers show.
pub(crate) struct BidCase {
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
    /// The coordinator's linked account.
    pub coordinator_account: Option<Uuid>,
}

impl BidCase {
    /// What the rules need to know.
    pub(crate) fn facts(&self) -> BidFacts {
        BidFacts {
            lead: self.bid.lead_coop_id,
            coordinator: self.coordinator_account,
            members: self.members.iter().map(|m| (m.coop_id, m.status)).collect(),
        }
    }

    /// The co-op `id` (loaded with the case).
    pub(crate) fn coop(&self, id: Uuid) -> Option<&Coop> {
        self.coops.get(&id)
    }

    /// The co-ops in the consortium (the lead and those that accepted).
    pub(crate) fn consortium(&self) -> Vec<Uuid> {
        self.members
            .iter()
            .filter(|m| m.status.in_consortium())
            .map(|m| m.coop_id)
            .collect()
    }
}

/// 409 unless the bid is still open (forming, go or submitted): `doing`
/// says what was asked ("takes no more roles").
pub(crate) fn ensure_open(case: &BidCase, doing: &str) -> Result<(), ApiError> {
    if case.bid.state.open() {
        Ok(())
    } else {
        Err(ApiError::conflict(
            Code::BidState,
            format!(
                "a bid that is {} {doing}",
                moves::state_name(case.bid.state)
            ),
        ))
    }
}

/// The consortium co-op with `slug` (the lead, or one that accepted), or a
/// problem at `pointer`.
pub(crate) fn consortium_coop(
    case: &BidCase,
    slug: &str,
    pointer: &str,
) -> Result<Uuid, FieldError> {
    case.consortium()
        .into_iter()
        .find(|id| case.coop(*id).is_some_and(|coop| coop.slug == slug.trim()))
        .ok_or_else(|| {
            FieldError::new(
                pointer,
                "must be the slug of a co-op in the consortium (the lead, or one that accepted)",
            )
        })
}

/// Checks the terms of a bid on `opportunity` led by `lead`: the
/// coordinator is one of the lead's people, the lot is the tender's, and
/// without a price the bid takes the lot's value, else the tender's.
pub(crate) fn settle_terms(
    conn: &mut DbConnection,
    opportunity: &Opportunity,
    lead: Uuid,
    coordinator: Option<Uuid>,
    input: &mut BidInput,
    errors: &mut ValidationErrors,
) -> Result<(), ApiError> {
    if let Some(person) = coordinator
        && people::find(conn, person)?.is_none_or(|p| p.coop_id != lead)
    {
        errors.0.push(FieldError::new(
            "/coordinator",
            "must be the id of one of the lead co-op's people",
        ));
    }
    let tender = &opportunity.tender;
    let lot = match input.lot_id.as_deref() {
        Some(id) => {
            let found = tender.lots.iter().find(|l| l.id == id);
            if found.is_none() {
                errors.0.push(FieldError::new(
                    "/lot_id",
                    "must be the id of one of the opportunity's lots",
                ));
            }
            found
        }
        None => None,
    };
    if input.value.is_none() {
        input.value = lot
            .and_then(|l| l.value.as_ref())
            .or(tender.value.as_ref())
            .map(|value| Money {
                amount: value.amount,
                currency: value.currency.clone(),
            });
    }
    Ok(())
}

/// The bid `id`, if `rule` lets the viewer have it (404 for outsiders).
pub(crate) fn bid_for(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    rule: BidRule,
) -> Result<BidCase, ApiError> {
    load(conn, viewer, id, rule, bids::find)
}

/// Like [`bid_for`], with the bid locked for a change until the transaction ends.
pub(crate) fn bid_to_change(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    rule: BidRule,
) -> Result<BidCase, ApiError> {
    load(conn, viewer, id, rule, bids::find_for_update)
}

type FindBid = fn(&mut DbConnection, Uuid) -> Result<Option<Bid>, coophub_store::StoreError>;

fn load(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    rule: BidRule,
    find: FindBid,
) -> Result<BidCase, ApiError> {
    let not_found = || format!("no bid {id}");
    let bid = find(conn, id)?.ok_or_else(|| ApiError::NotFound(not_found()))?;
    let case = case_of(conn, bid)?;
    rule(viewer, &case.facts()).map_err(|denied| refused(denied, not_found))?;
    Ok(case)
}

/// Loads what `bid`'s answers show.
pub(crate) fn case_of(conn: &mut DbConnection, bid: Bid) -> Result<BidCase, ApiError> {
    let opportunity = opportunities::find(conn, bid.opportunity_id)?
        .ok_or_else(|| ApiError::internal("a bid's opportunity is gone"))?;
    let members = bids::members(conn, bid.id)?;
    let roles = stored_roles::of_bid(conn, bid.id)?;
    let sections = stored_sections::of_bid(conn, bid.id)?;
    let mut coops = HashMap::new();
    let named = members
        .iter()
        .map(|m| m.coop_id)
        .chain(roles.iter().filter_map(|r| r.coop_id))
        .chain(sections.iter().filter_map(|s| s.owner_coop_id));
    for coop in named {
        if let std::collections::hash_map::Entry::Vacant(entry) = coops.entry(coop)
            && let Some(found) = coops::find_by_id(conn, coop)?
        {
            entry.insert(found);
        }
    }
    let coordinator_account = match bid.coordinator_id {
        Some(person) => people::find(conn, person)?.and_then(|p| p.user_id),
        None => None,
    };
    Ok(BidCase {
        bid,
        opportunity,
        members,
        coops,
        roles,
        sections,
        coordinator_account,
    })
}
