//! A bid's history as its readers may see it: what happened, who did it
//! and when, in plain words. Entries about a co-op the reader may not know
//! was invited (or declined) are left out, as the bid's members are.

use coophub_domain::access::Viewer;
use coophub_domain::access::bidding::{named_member, read_bid};
use coophub_domain::bidding::{BidHappening, BidHistoryEntry};
use coophub_store::DbConnection;
use coophub_store::bidding::history;
use uuid::Uuid;

use super::BidCase;
use crate::AppError;
use crate::bidding::views::{BidHistoryView, HistoryItemView};
use crate::guard::{Lock, load};

/// What `entry` says, in words: "Lia invited York Access Co-op".
fn summary(entry: &BidHistoryEntry, coop: Option<&str>) -> String {
    let by = entry.by.as_deref().unwrap_or("Someone");
    let coop = coop.unwrap_or("a co-op");
    let detail = entry.detail.as_deref().unwrap_or("");
    match entry.what {
        BidHappening::Opened => format!("{by} opened the bid"),
        BidHappening::Invited => format!("{by} invited {coop}"),
        BidHappening::Accepted => format!("{coop} joined the consortium ({by})"),
        BidHappening::Declined => format!("{coop} declined to join ({by})"),
        BidHappening::RoleAdded => format!("{by} added the role “{detail}”"),
        BidHappening::SectionAdded => format!("{by} added the section “{detail}”"),
        BidHappening::SectionChanged => format!("{by} updated the section “{detail}”"),
        BidHappening::TermsChanged => format!("{by} changed the bid's terms"),
        BidHappening::DocumentAdded => format!("{by} added a link to “{detail}”"),
        BidHappening::Decided if detail == "go" => format!("{by} decided to bid (go)"),
        BidHappening::Decided => format!("{by} decided not to bid (no-go)"),
        BidHappening::Submitted => format!("{by} submitted the bid"),
        BidHappening::Won => format!("{by} recorded that the buyer chose the bid"),
        BidHappening::Lost => format!("{by} recorded that the buyer chose another"),
        BidHappening::Withdrawn => format!("{by} withdrew the bid"),
    }
}

/// Everything that happened to the bid `id` that `viewer` may know, oldest first.
pub fn of_bid(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
) -> Result<BidHistoryView, AppError> {
    let case = load::<BidCase>(conn, viewer, &id, read_bid, Lock::Read)?;
    of_case(conn, viewer, &case)
}

/// The history of a bid already loaded for `viewer` (who may read it).
pub(crate) fn of_case(
    conn: &mut DbConnection,
    viewer: &Viewer,
    case: &BidCase,
) -> Result<BidHistoryView, AppError> {
    let facts = case.facts();
    let nameable = |coop: Uuid| {
        case.members
            .iter()
            .find(|m| m.coop_id == coop)
            .is_none_or(|m| named_member(viewer, &facts, coop, m.status))
    };
    let items = history::of_bid(conn, case.bid.id)?
        .into_iter()
        .filter(|entry| entry.coop.is_none_or(nameable))
        .map(|entry| {
            let coop = entry.coop.and_then(|id| case.coop_ref(id));
            HistoryItemView {
                summary: summary(&entry, coop.as_ref().map(|c| c.name.as_str())),
                at: entry.at,
                what: entry.what,
                by: entry.by,
                coop,
                detail: entry.detail,
            }
        })
        .collect();
    Ok(BidHistoryView { items })
}
