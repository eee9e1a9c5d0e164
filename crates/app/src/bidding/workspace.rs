//! A bid's workspace: everything of the bid one page shows its viewer at
//! once, each part as its own operation would show it to them (the gaps,
//! shares and suggestions only to the consortium), and what they may do.

use chrono::{DateTime, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::access::bidding::{
    answer_invitation, manage_bid, read_bid, see_rates, write_sections,
};
use coophub_domain::bidding::MemberStatus;
use coophub_store::{DbConnection, Page};
use uuid::Uuid;

use crate::AppError;
use crate::bidding::bids::BidCase;
use crate::bidding::bids::history::of_case as history_of;
use crate::bidding::gaps::{GapsView, gaps_of};
use crate::bidding::messages;
use crate::bidding::shares::{SharesView, shares_of};
use crate::bidding::suggestions::{SuggestionList, candidates, ranked_for};
use crate::bidding::views::{BidHistoryView, BidView};
use crate::guard::{Lock, load};
use crate::shapes::CoopRef;
use crate::telling::conversation::MessageList;

/// Suggestions shown per open role.
const SUGGESTIONS_PER_ROLE: usize = 5;

/// Messages of the conversation shown at once (the newest kept).
const MESSAGES_SHOWN: u32 = 100;

/// A bid as its workspace shows it to one viewer.
#[derive(Debug)]
pub struct Workspace {
    /// The bid, as `GET /bids/{id}` shows it.
    pub bid: BidView,
    /// The viewer leads it (an admin of the lead co-op, or its coordinator).
    pub may_manage: bool,
    /// The viewer writes sections and adds documents (the consortium).
    pub may_write: bool,
    /// The co-ops invited to it whose answer is the viewer's to give.
    pub answerable: Vec<CoopRef>,
    /// The gap analysis, to the consortium.
    pub gaps: Option<GapsView>,
    /// Each partner's share, to the consortium.
    pub shares: Option<SharesView>,
    /// The best partners for each role nobody holds yet, to the consortium.
    pub suggestions: Vec<SuggestionList>,
    /// The conversation as the viewer may read it, oldest first.
    pub messages: MessageList,
    /// What happened, as the viewer may know it.
    pub history: BidHistoryView,
}

/// The workspace of the bid `id` for `viewer`; not found for anyone who may
/// not read the bid.
pub fn of_bid(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<Workspace, AppError> {
    let case = load::<BidCase>(conn, viewer, &id, read_bid, Lock::Read)?;
    let facts = case.facts();
    let answerable = case
        .members
        .iter()
        .filter(|m| m.status == MemberStatus::Invited)
        .filter(|m| answer_invitation(viewer, &facts, m.coop_id).is_ok())
        .filter_map(|m| case.coop_ref(m.coop_id))
        .collect();
    let (mut gaps, mut shares, mut suggestions) = (None, None, Vec::new());
    if see_rates(viewer, &facts) {
        let all = candidates(conn, viewer, &case, now)?;
        gaps = Some(gaps_of(&case, &all));
        shares = Some(shares_of(&case)?);
        for role in case.roles.iter().filter(|role| role.coop_id.is_none()) {
            let mut list = ranked_for(&case, role, &all);
            list.items.truncate(SUGGESTIONS_PER_ROLE);
            suggestions.push(list);
        }
    }
    let messages = newest_messages(conn, viewer, &case)?;
    let history = history_of(conn, viewer, &case)?;
    Ok(Workspace {
        may_manage: manage_bid(viewer, &facts).is_ok(),
        may_write: write_sections(viewer, &facts).is_ok(),
        bid: BidView::new(case, viewer, now.date_naive()),
        answerable,
        gaps,
        shares,
        suggestions,
        messages,
        history,
    })
}

/// The last page of the conversation: its newest messages, oldest first.
fn newest_messages(
    conn: &mut DbConnection,
    viewer: &Viewer,
    case: &BidCase,
) -> Result<MessageList, AppError> {
    let first = Page {
        number: 1,
        size: MESSAGES_SHOWN,
    };
    let found = messages::of_case(conn, viewer, case, first)?;
    let pages = u32::try_from(found.total.max(1) - 1).unwrap_or(0) / MESSAGES_SHOWN + 1;
    if pages == 1 {
        return Ok(found);
    }
    let last = Page {
        number: pages,
        size: MESSAGES_SHOWN,
    };
    messages::of_case(conn, viewer, case, last)
}
