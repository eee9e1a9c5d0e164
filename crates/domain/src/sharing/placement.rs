//! A placement's life: asked for, accepted or declined by the offering
//! co-op, started, completed, or cancelled by either side on the way. Every
//! other move is refused, naming the state the placement is in.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where a placement stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PlacementState {
    /// Asked for by the requesting co-op; the offering co-op decides.
    Requested,
    /// The offering co-op agreed: the time is promised.
    Accepted,
    /// The offering co-op said no.
    Declined,
    /// Under way.
    Active,
    /// Done.
    Completed,
    /// Called off by either side, with a reason.
    Cancelled,
}

/// What someone does to a placement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PlacementAction {
    /// The offering co-op agrees.
    Accept,
    /// The offering co-op refuses.
    Decline,
    /// The work begins (on its start date, or by hand).
    Start,
    /// The work is done.
    Complete,
    /// Either side calls it off.
    Cancel,
}

/// A move the placement's state does not allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IllegalMove {
    /// The state the placement is in.
    pub from: PlacementState,
    /// What was asked.
    pub action: PlacementAction,
}

impl PlacementState {
    /// The state after `action`, or why it is not allowed.
    pub fn after(self, action: PlacementAction) -> Result<Self, IllegalMove> {
        use PlacementAction as A;
        use PlacementState as S;
        match (self, action) {
            (S::Requested, A::Accept) => Ok(S::Accepted),
            (S::Requested, A::Decline) => Ok(S::Declined),
            (S::Accepted, A::Start) => Ok(S::Active),
            (S::Active, A::Complete) => Ok(S::Completed),
            (S::Requested | S::Accepted | S::Active, A::Cancel) => Ok(S::Cancelled),
            (from, action) => Err(IllegalMove { from, action }),
        }
    }

    /// The state as of `today`: an accepted placement is under way from its
    /// `start` date without anyone saying so.
    pub fn on(self, start: NaiveDate, today: NaiveDate) -> Self {
        if self == PlacementState::Accepted && today >= start {
            PlacementState::Active
        } else {
            self
        }
    }

    /// Whether the placement holds time against capacity.
    pub fn holds_time(self) -> bool {
        matches!(self, PlacementState::Accepted | PlacementState::Active)
    }

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            PlacementState::Requested => "requested",
            PlacementState::Accepted => "accepted",
            PlacementState::Declined => "declined",
            PlacementState::Active => "active",
            PlacementState::Completed => "completed",
            PlacementState::Cancelled => "cancelled",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STATES: [PlacementState; 6] = [
        PlacementState::Requested,
        PlacementState::Accepted,
        PlacementState::Declined,
        PlacementState::Active,
        PlacementState::Completed,
        PlacementState::Cancelled,
    ];
    const ACTIONS: [PlacementAction; 5] = [
        PlacementAction::Accept,
        PlacementAction::Decline,
        PlacementAction::Start,
        PlacementAction::Complete,
        PlacementAction::Cancel,
    ];

    #[test]
    fn only_the_listed_moves_are_allowed() {
        use PlacementAction as A;
        use PlacementState as S;
        let allowed = [
            (S::Requested, A::Accept, S::Accepted),
            (S::Requested, A::Decline, S::Declined),
            (S::Requested, A::Cancel, S::Cancelled),
            (S::Accepted, A::Start, S::Active),
            (S::Accepted, A::Cancel, S::Cancelled),
            (S::Active, A::Complete, S::Completed),
            (S::Active, A::Cancel, S::Cancelled),
        ];
        for from in STATES {
            for action in ACTIONS {
                let expected = allowed
                    .iter()
                    .find(|(f, a, _)| *f == from && *a == action)
                    .map(|(_, _, to)| *to);
                match (from.after(action), expected) {
                    (Ok(to), Some(wanted)) => assert_eq!(to, wanted),
                    (Err(illegal), None) => assert_eq!(illegal, IllegalMove { from, action }),
                    (got, wanted) => panic!("{from:?} {action:?}: {got:?}, wanted {wanted:?}"),
                }
            }
        }
        let start = "2027-01-04".parse().unwrap();
        let before = "2027-01-03".parse().unwrap();
        assert_eq!(S::Accepted.on(start, before), S::Accepted);
        assert_eq!(S::Accepted.on(start, start), S::Active);
        assert_eq!(S::Requested.on(start, start), S::Requested);
        let holding: Vec<_> = STATES.into_iter().filter(|s| s.holds_time()).collect();
        assert_eq!(holding, [S::Accepted, S::Active]);
    }
}
