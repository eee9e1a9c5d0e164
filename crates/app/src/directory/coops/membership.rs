//! Membership decisions: the network invites, approves, lapses, removes and
//! records whether a co-op pays into the fund; a co-op's admins accept an
//! invitation. Invitations, approvals and lapses are told.

use chrono::{DateTime, Utc};
use coophub_domain::Expected;
use coophub_domain::access::{self, Viewer};
use coophub_domain::coop::{Coop, FundContribution, MembershipAction};
use coophub_domain::notify::EventKind;
use coophub_store::{DbConnection, coops};

use super::CoopRule;
use crate::guard::{Lock, load};
use crate::telling::tell;
use crate::{AppError, Clash};

/// A decision on a co-op's membership.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MembershipDecision {
    /// A move of the membership's status.
    Move(MembershipAction),
    /// Whether the co-op pays into the network fund (`None`: unknown).
    SetFundContribution(Option<FundContribution>),
}

impl MembershipDecision {
    /// Who may decide: the co-op's admins accept an invitation; every other
    /// decision is the network's.
    fn rule(self) -> CoopRule {
        match self {
            Self::Move(MembershipAction::Accept) => access::administer_coop,
            _ => access::decide_membership,
        }
    }

    /// What the decision tells, if anything (see [`tell::membership`]).
    fn told(self) -> Option<EventKind> {
        match self {
            Self::Move(MembershipAction::Invite) => Some(EventKind::MembershipInvited),
            Self::Move(MembershipAction::Approve { .. }) => Some(EventKind::MembershipApproved),
            Self::Move(MembershipAction::Lapse) => Some(EventKind::MembershipLapsed),
            _ => None,
        }
    }
}

/// Decides on the membership of the co-op `slug`; a move its status does
/// not allow is an `InvalidTransition` conflict at `/action`.
pub fn decide_membership(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
    expected: Option<&Expected>,
    decision: MembershipDecision,
    now: DateTime<Utc>,
) -> Result<Coop, AppError> {
    let coop = load::<Coop>(conn, viewer, slug, decision.rule(), Lock::ForChange)?;
    let outcome = coops::set_membership(
        conn,
        &coop.slug,
        expected,
        |membership| match decision {
            MembershipDecision::SetFundContribution(fund_contribution) => {
                let mut next = membership.clone();
                next.fund_contribution = fund_contribution;
                Ok(next)
            }
            MembershipDecision::Move(action) => membership.apply(action, now),
        },
        now,
    )?;
    if let (Ok(changed), Some(kind)) = (&outcome, decision.told()) {
        tell::membership(conn, viewer, changed, kind, now)?;
    }
    outcome.map_err(|error| {
        AppError::conflict_at(Clash::InvalidTransition, "/action", error.to_string())
    })
}
