//! A bid's life: decided go or no-go, submitted before the deadline, won
//! (the fund's share recorded as income), lost or withdrawn.

use chrono::{DateTime, Datelike, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::access::bidding::manage_bid;
use coophub_domain::bidding::{
    BidAction, BidHappening, BidRefusal, BidState, Decision, DecisionInput, Readiness,
};
use coophub_store::bidding::bids;
use coophub_store::{DbConnection, fund};
use uuid::Uuid;

use super::{BidCase, happened};
use crate::bidding::shares::shares_of;
use crate::bidding::views::BidView;
use crate::guard::{Lock, load};
use crate::telling::tell;
use crate::{AppError, Clash, ConflictItem};

/// How a move is asked for.
#[derive(Debug, Clone, Copy, Default)]
pub struct MoveOptions<'a> {
    /// A go/no-go decision's reasons and criteria.
    pub decision: Option<&'a DecisionInput>,
    /// Submit though the bid is not ready (roles unstaffed, sections open,
    /// invitations unanswered).
    pub confirm: bool,
}

/// Moves the bid `id` by `action` (a decision carries its reasons and
/// keeps the bid's readiness; a submission of a bid that is not ready needs
/// `confirm`); the consortium is told.
pub fn make(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    action: BidAction,
    options: MoveOptions<'_>,
    now: DateTime<Utc>,
) -> Result<BidView, AppError> {
    let mut case = load::<BidCase>(conn, viewer, &id, manage_bid, Lock::ForChange)?;
    let deadline = case.opportunity.tender.deadline;
    let readiness = Readiness::of(
        &case.roles,
        &case.sections,
        &case.members,
        deadline,
        now.date_naive(),
    );
    let bid = &mut case.bid;
    bid.state = bid.state.after(action, deadline, now).map_err(refusal)?;
    if action == BidAction::Submit && !readiness.ready() && !options.confirm {
        return Err(not_ready(&case, &readiness));
    }
    if let Some(decision) = options.decision {
        bid.decision = Some(Decision {
            go: decision.go,
            reasons: decision.reasons.clone(),
            criteria: decision.criteria.clone(),
            decided_at: now,
            readiness: Some(readiness.snapshot(&case.roles, &case.sections)),
        });
    }
    match bid.state {
        BidState::Submitted => bid.submitted_at = Some(now),
        BidState::Won | BidState::Lost | BidState::Withdrawn => bid.closed_at = Some(now),
        BidState::Forming | BidState::Go | BidState::NoGo => {}
    }
    bids::save(conn, bid, now)?;
    let (what, detail) = match action {
        BidAction::Go => (BidHappening::Decided, Some("go")),
        BidAction::NoGo => (BidHappening::Decided, Some("no_go")),
        BidAction::Submit => (BidHappening::Submitted, None),
        BidAction::Win => (BidHappening::Won, None),
        BidAction::Lose => (BidHappening::Lost, None),
        BidAction::Withdraw => (BidHappening::Withdrawn, None),
    };
    happened(conn, viewer, id, what, None, detail, now)?;
    let bid = &case.bid;
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

/// The clash of submitting a bid that is not ready, naming each thing in
/// the way (its roles and sections; invited co-ops are counted, not named:
/// a co-op is named once it accepts).
fn not_ready(case: &BidCase, readiness: &Readiness) -> AppError {
    let mut conflicts: Vec<ConflictItem> = Vec::new();
    let mut item = |message: String| {
        conflicts.push(ConflictItem {
            message,
            ..ConflictItem::default()
        });
    };
    for role in case
        .roles
        .iter()
        .filter(|r| readiness.unstaffed_roles.contains(&r.id))
    {
        item(format!("the role \"{}\" is not staffed", role.title));
    }
    for section in case
        .sections
        .iter()
        .filter(|s| readiness.open_sections.contains(&s.id))
    {
        item(format!(
            "the section \"{}\" is not done ({})",
            section.title,
            section.status.words()
        ));
    }
    let pending = readiness.pending_invitations.len();
    if pending > 0 {
        item(format!(
            "{pending} invitation{} not answered",
            if pending == 1 { " is" } else { "s are" }
        ));
    }
    AppError::Conflict {
        clash: Clash::NotReady,
        detail: format!(
            "the bid is not ready to submit: {}; send {{\"confirm\": true}} to submit it as it is",
            conflicts
                .iter()
                .map(|c| c.message.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        ),
        conflicts,
    }
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
