//! The membership lifecycle. Status is computed from dates where it depends on
//! time (an invitation lapses after 60 days), like CiviCRM's statuses: the
//! stored status is what someone decided, the effective one also reads the clock.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::{Membership, MembershipOrigin, MembershipStatus};

/// Days an invitation stays open.
pub const INVITATION_DAYS: i64 = 60;

/// A decision about a co-op's membership.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MembershipAction {
    /// Network admin: invite the co-op (again); the 60 days start now.
    Invite,
    /// Network admin: approve, as a founding member or not.
    Approve {
        /// Whether the co-op is a founding member.
        founding: bool,
    },
    /// Co-op admin: accept an open invitation.
    Accept,
    /// Network admin: mark as no longer a member.
    Lapse,
    /// Network admin: remove from the network.
    Remove,
}

/// A decision that does not apply to the current status.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot {action} a co-op whose membership is {status}")]
pub struct MembershipError {
    /// What was attempted, e.g. `accept an invitation for`.
    pub action: &'static str,
    /// The effective status at the time.
    pub status: &'static str,
}

impl MembershipAction {
    fn verb(self) -> &'static str {
        match self {
            Self::Invite => "invite",
            Self::Approve { .. } => "approve",
            Self::Accept => "accept an invitation for",
            Self::Lapse => "lapse",
            Self::Remove => "remove",
        }
    }
}

/// Why a membership lapsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LapseReason {
    /// The network's invitation was not accepted within its days.
    InvitationExpired,
    /// The network recorded the membership as ended.
    Ended,
}

/// When and why a membership lapsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lapse {
    /// When.
    pub at: DateTime<Utc>,
    /// Why.
    pub reason: LapseReason,
}

impl Membership {
    /// The membership of a co-op that has just applied.
    pub fn applied(now: DateTime<Utc>) -> Self {
        Self {
            status: MembershipStatus::Applied,
            origin: None,
            fund_contribution: None,
            invited_at: None,
            member_since: None,
            changed_at: now,
        }
    }

    /// The status at `now`: an invitation older than 60 days has lapsed.
    pub fn effective_status(&self, now: DateTime<Utc>) -> MembershipStatus {
        match (self.status, self.invited_at) {
            (MembershipStatus::Invited, Some(invited))
                if now >= invited + Duration::days(INVITATION_DAYS) =>
            {
                MembershipStatus::Lapsed
            }
            (status, _) => status,
        }
    }

    /// When and why the membership lapsed, if it is lapsed on `now`: an
    /// invitation past its days lapsed the moment they ran out; a lapse the
    /// network recorded, when it did.
    pub fn lapse(&self, now: DateTime<Utc>) -> Option<Lapse> {
        match (self.status, self.invited_at) {
            (MembershipStatus::Lapsed, _) => Some(Lapse {
                at: self.changed_at,
                reason: LapseReason::Ended,
            }),
            (MembershipStatus::Invited, Some(invited))
                if self.effective_status(now) == MembershipStatus::Lapsed =>
            {
                Some(Lapse {
                    at: invited + Duration::days(INVITATION_DAYS),
                    reason: LapseReason::InvitationExpired,
                })
            }
            _ => None,
        }
    }

    /// When an open invitation lapses.
    pub fn invitation_expires_at(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        (self.effective_status(now) == MembershipStatus::Invited)
            .then(|| {
                self.invited_at
                    .map(|at| at + Duration::days(INVITATION_DAYS))
            })
            .flatten()
    }

    /// The membership after `action` at `now`, or why it does not apply.
    pub fn apply(
        &self,
        action: MembershipAction,
        now: DateTime<Utc>,
    ) -> Result<Self, MembershipError> {
        use MembershipStatus::{Applied, Approved, Invited, Lapsed, Removed};
        let current = self.effective_status(now);
        let refused = || MembershipError {
            action: action.verb(),
            status: current.as_str(),
        };
        let mut next = Self {
            changed_at: now,
            ..self.clone()
        };
        match (action, current) {
            (MembershipAction::Invite, Applied | Invited | Lapsed | Removed) => {
                next.status = Invited;
                next.invited_at = Some(now);
            }
            (MembershipAction::Approve { founding }, Applied | Invited | Lapsed | Removed) => {
                next.status = Approved;
                next.member_since = Some(now.date_naive());
                next.origin = Some(if founding {
                    MembershipOrigin::Founding
                } else {
                    MembershipOrigin::Approved
                });
            }
            (MembershipAction::Accept, Invited) => {
                next.status = Approved;
                next.member_since = Some(now.date_naive());
                next.origin = Some(MembershipOrigin::Approved);
            }
            (MembershipAction::Lapse, Applied | Invited | Approved) => next.status = Lapsed,
            (MembershipAction::Remove, Applied | Invited | Approved | Lapsed) => {
                next.status = Removed
            }
            _ => return Err(refused()),
        }
        Ok(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap() + Duration::days(day)
    }

    #[test]
    fn an_invitation_lapses_after_sixty_days_unless_accepted() {
        let invited = Membership::applied(at(0))
            .apply(MembershipAction::Invite, at(1))
            .unwrap();
        assert_eq!(invited.effective_status(at(60)), MembershipStatus::Invited);
        assert_eq!(invited.invitation_expires_at(at(2)), Some(at(61)));
        assert_eq!(invited.effective_status(at(61)), MembershipStatus::Lapsed);
        let error = invited.apply(MembershipAction::Accept, at(61)).unwrap_err();
        assert_eq!(error.status, "lapsed");
        assert_eq!(invited.lapse(at(60)), None);
        assert_eq!(
            invited.lapse(at(75)),
            Some(Lapse {
                at: at(61),
                reason: LapseReason::InvitationExpired
            })
        );
        let ended = invited.apply(MembershipAction::Lapse, at(10)).unwrap();
        assert_eq!(
            ended.lapse(at(75)),
            Some(Lapse {
                at: at(10),
                reason: LapseReason::Ended
            })
        );
        let accepted = invited.apply(MembershipAction::Accept, at(60)).unwrap();
        assert_eq!(accepted.status, MembershipStatus::Approved);
        assert_eq!(accepted.member_since, Some(at(60).date_naive()));
        assert_eq!(accepted.origin, Some(MembershipOrigin::Approved));
    }

    #[test]
    fn a_new_invitation_restarts_the_clock() {
        let invited = Membership::applied(at(0))
            .apply(MembershipAction::Invite, at(0))
            .unwrap();
        let again = invited.apply(MembershipAction::Invite, at(70)).unwrap();
        assert_eq!(again.effective_status(at(100)), MembershipStatus::Invited);
    }

    #[test]
    fn founding_members_are_approved_as_founding() {
        let approved = Membership::applied(at(0))
            .apply(MembershipAction::Approve { founding: true }, at(0))
            .unwrap();
        assert_eq!(approved.origin, Some(MembershipOrigin::Founding));
        assert!(
            approved
                .apply(MembershipAction::Approve { founding: false }, at(1))
                .is_err()
        );
        assert!(approved.apply(MembershipAction::Accept, at(1)).is_err());
        let removed = approved.apply(MembershipAction::Remove, at(2)).unwrap();
        assert!(removed.apply(MembershipAction::Lapse, at(3)).is_err());
    }
}
