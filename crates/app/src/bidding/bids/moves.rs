//! A bid's life: decided go or no-go, submitted before the deadline, won
//! (the fund's share recorded as income), lost or withdrawn.

use chrono::{DateTime, Datelike, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::access::bidding::manage_bid;
use coophub_domain::bidding::{BidAction, BidRefusal, BidState, Decision, DecisionInput};
use coophub_store::bidding::bids;
use coophub_store::{DbConnection, fund};
use uuid::Uuid;

use super::BidCase;
use crate::bidding::shares::shares_of;
use crate::bidding::views::BidView;
use crate::guard::{Lock, load};
use crate::telling::tell;
use crate::{AppError, Clash};

/// Moves the bid `id` by `action` (a decision carries its reasons); the
/// consortium is told.
pub fn make(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    action: BidAction,
    decision: Option<&DecisionInput>,
    now: DateTime<Utc>,
) -> Result<BidView, AppError> {
    let mut case = load::<BidCase>(conn, viewer, &id, manage_bid, Lock::ForChange)?;
    let deadline = case.opportunity.tender.deadline;
    let bid = &mut case.bid;
    bid.state = bid.state.after(action, deadline, now).map_err(refusal)?;
    if let Some(decision) = decision {
        bid.decision = Some(Decision {
            go: decision.go,
            reasons: decision.reasons.clone(),
            criteria: decision.criteria.clone(),
            decided_at: now,
        });
    }
    match bid.state {
        BidState::Submitted => bid.submitted_at = Some(now),
        BidState::Won | BidState::Lost | BidState::Withdrawn => bid.closed_at = Some(now),
        BidState::Forming | BidState::Go | BidState::NoGo => {}
    }
    bids::save(conn, bid, now)?;
    if bid.state == BidState::Won {
        record_fund_share(conn, &case, now)?;
    }
    tell::bid_moved(conn, viewer, &case.bid, case.consortium(), now)?;
    Ok(BidView::new(case, viewer, now.date_naive()))
}

/// A won bid's share for the network fund, as the fund's income.
fn record_fund_share(
    conn: &mut DbConnection,
    case: &BidCase,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let split = shares_of(case)?;
    if let (Some(share), Some(currency)) = (split.fund, split.currency)
        && share > 0
    {
        let amount = i64::try_from(share).unwrap_or(i64::MAX);
        fund::spending::record_bid_income(conn, case.bid.id, now.year(), amount, &currency, now)?;
    }
    Ok(())
}

/// Why the state machine refused, as a clash.
fn refusal(refused: BidRefusal) -> AppError {
    match refused {
        BidRefusal::IllegalMove { from, action } => AppError::conflict(
            Clash::BidState,
            format!(
                "a bid that is {} cannot be {}",
                from.name(),
                match action {
                    BidAction::Go | BidAction::NoGo => "decided on",
                    BidAction::Submit => "submitted",
                    BidAction::Win => "won",
                    BidAction::Lose => "lost",
                    BidAction::Withdraw => "withdrawn",
                }
            ),
        ),
        BidRefusal::PastDeadline => AppError::conflict(
            Clash::PastDeadline,
            "the tender's deadline has passed: nothing is submitted after it",
        ),
    }
}
