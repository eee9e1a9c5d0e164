//! What other co-ops and the network fund hold of a co-op: the records that
//! deleting it would take from them. Read under the co-op's row lock (see
//! `coops::find_for_update`): a placement, a bid member or an invoice
//! written meanwhile refers to the row, so on PostgreSQL it waits for the
//! lock and is seen; the bids the co-op is in are locked too, since joining
//! one changes a row without naming the co-op anew. SQLite's write
//! transactions run one at a time.

use coophub_domain::bidding::MemberStatus;
use coophub_domain::sharing::PlacementState;
use diesel::prelude::*;
use uuid::Uuid;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::{bid_members, bids, fund_invoices, fund_pledges, placements};
use crate::sharing::name_of;
use crate::transaction::{self, Row};

/// How many records of each kind others hold of a co-op.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Holds {
    /// Placements with another co-op that were asked for, agreed, under way
    /// or done: the other side's plans and history.
    pub placements: i64,
    /// Bids of other co-ops it joined.
    pub bids_joined: i64,
    /// Bids it leads that other co-ops joined.
    pub bids_led: i64,
    /// The fund's invoices to it (and so its payments).
    pub invoices: i64,
    /// Its pledges to the fund.
    pub pledges: i64,
}

impl Holds {
    /// Whether anyone else holds anything.
    pub fn any(&self) -> bool {
        *self != Self::default()
    }
}

/// What others hold of `coop`.
pub fn held_by_others(conn: &mut DbConnection, coop: Uuid) -> Result<Holds, StoreError> {
    let id = coop.to_string();
    let relied_on: Vec<String> = [
        PlacementState::Requested,
        PlacementState::Accepted,
        PlacementState::Active,
        PlacementState::Completed,
    ]
    .into_iter()
    .map(name_of)
    .collect();
    let placements = placements::table
        .filter(placements::state.eq_any(&relied_on))
        .filter(
            (placements::offering_coop_id
                .eq(&id)
                .and(placements::requesting_coop_id.ne(&id)))
            .or(placements::requesting_coop_id
                .eq(&id)
                .and(placements::offering_coop_id.ne(&id))),
        )
        .count()
        .get_result(conn)?;
    let mut bids_in: Vec<String> = bid_members::table
        .filter(bid_members::coop_id.eq(&id))
        .select(bid_members::bid_id)
        .load(conn)?;
    bids_in.sort();
    for bid in &bids_in {
        transaction::lock(conn, Row::Bid(bid))?;
    }
    let joined = name_of(MemberStatus::Accepted);
    let bids_joined = bid_members::table
        .inner_join(bids::table)
        .filter(bid_members::coop_id.eq(&id))
        .filter(bid_members::status.eq(&joined))
        .filter(bids::lead_coop_id.ne(&id))
        .count()
        .get_result(conn)?;
    let bids_led = bid_members::table
        .inner_join(bids::table)
        .filter(bids::lead_coop_id.eq(&id))
        .filter(bid_members::coop_id.ne(&id))
        .filter(bid_members::status.eq(&joined))
        .select(diesel::dsl::count(bids::id).aggregate_distinct())
        .get_result(conn)?;
    let invoices = fund_invoices::table
        .filter(fund_invoices::coop_id.eq(&id))
        .count()
        .get_result(conn)?;
    let pledges = fund_pledges::table
        .filter(fund_pledges::coop_id.eq(&id))
        .filter(fund_pledges::amount.is_not_null())
        .count()
        .get_result(conn)?;
    Ok(Holds {
        placements,
        bids_joined,
        bids_led,
        invoices,
        pledges,
    })
}
