//! A bid's life: formed by a lead co-op, decided (go or no-go, with reasons
//! and optional weighted criteria), submitted before the deadline, then won
//! or lost; withdrawn from any open state. Every other move is refused,
//! naming the state the bid is in. Sections to write are late once their due
//! date has passed unless done.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Where a bid stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum BidState {
    /// The consortium is being formed.
    Forming,
    /// Decided to bid.
    Go,
    /// Decided not to.
    NoGo,
    /// Sent to the buyer.
    Submitted,
    /// The buyer chose it.
    Won,
    /// The buyer chose another.
    Lost,
    /// Given up.
    Withdrawn,
}

impl BidState {
    /// The state as sentences name it ("a bid that is no-go").
    pub const fn name(self) -> &'static str {
        match self {
            Self::Forming => "forming",
            Self::Go => "go",
            Self::NoGo => "no-go",
            Self::Submitted => "submitted",
            Self::Won => "won",
            Self::Lost => "lost",
            Self::Withdrawn => "withdrawn",
        }
    }
}

/// What someone does to a bid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum BidAction {
    /// Decide to bid.
    Go,
    /// Decide not to.
    NoGo,
    /// Send it (before the deadline).
    Submit,
    /// Record the win.
    Win,
    /// Record the loss.
    Lose,
    /// Give up.
    Withdraw,
}

/// Why a move is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BidRefusal {
    /// The state does not allow it.
    IllegalMove {
        /// The state the bid is in.
        from: BidState,
        /// What was asked.
        action: BidAction,
    },
    /// The tender's deadline has passed: nothing is submitted after it.
    PastDeadline,
}

impl BidState {
    /// The state after `action` at `now`, given the tender's `deadline`.
    pub fn after(
        self,
        action: BidAction,
        deadline: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<Self, BidRefusal> {
        use BidAction as A;
        use BidState as S;
        let next = match (self, action) {
            (S::Forming, A::Go) => S::Go,
            (S::Forming, A::NoGo) => S::NoGo,
            (S::Go, A::Submit) => S::Submitted,
            (S::Submitted, A::Win) => S::Won,
            (S::Submitted, A::Lose) => S::Lost,
            (S::Forming | S::Go | S::Submitted, A::Withdraw) => S::Withdrawn,
            (from, action) => return Err(BidRefusal::IllegalMove { from, action }),
        };
        if next == S::Submitted && deadline.is_some_and(|deadline| now > deadline) {
            return Err(BidRefusal::PastDeadline);
        }
        Ok(next)
    }

    /// Still being worked on: roles, sections and partners may change.
    pub fn open(self) -> bool {
        matches!(self, BidState::Forming | BidState::Go | BidState::Submitted)
    }

    /// Not yet sent: the deadline and the sections still ask for work.
    pub fn before_submission(self) -> bool {
        matches!(self, BidState::Forming | BidState::Go)
    }
}

/// One criterion of a go/no-go decision: its weight and the score given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Criterion {
    /// What is judged, e.g. "fit with our skills".
    pub name: String,
    /// How much it counts, 1 to 10.
    pub weight: u8,
    /// The score given, 0 to 5.
    pub score: u8,
}

/// The weighted mean score of `criteria`, 0 to 5 (to two decimals), or
/// `None` without criteria.
pub fn weighted_score(criteria: &[Criterion]) -> Option<f64> {
    let weights: u32 = criteria.iter().map(|c| u32::from(c.weight)).sum();
    if weights == 0 {
        return None;
    }
    let points: u32 = criteria
        .iter()
        .map(|c| u32::from(c.weight) * u32::from(c.score))
        .sum();
    Some((f64::from(points) * 100.0 / f64::from(weights)).round() / 100.0)
}

/// Where a section of the bid document stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SectionStatus {
    /// Not started.
    #[default]
    Todo,
    /// Being written.
    Drafting,
    /// Being read by others.
    Review,
    /// Finished.
    Done,
}

impl SectionStatus {
    /// Where it stands, in a person's words.
    pub const fn words(self) -> &'static str {
        match self {
            Self::Todo => "not started",
            Self::Drafting => "being written",
            Self::Review => "in review",
            Self::Done => "done",
        }
    }
}

/// Whether a section due on `due` is late on `today`.
pub fn late(due: Option<NaiveDate>, status: SectionStatus, today: NaiveDate) -> bool {
    status != SectionStatus::Done && due.is_some_and(|due| today > due)
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;

    const STATES: [BidState; 7] = [
        BidState::Forming,
        BidState::Go,
        BidState::NoGo,
        BidState::Submitted,
        BidState::Won,
        BidState::Lost,
        BidState::Withdrawn,
    ];
    const ACTIONS: [BidAction; 6] = [
        BidAction::Go,
        BidAction::NoGo,
        BidAction::Submit,
        BidAction::Win,
        BidAction::Lose,
        BidAction::Withdraw,
    ];

    #[test]
    fn only_the_listed_moves_are_allowed_and_none_past_the_deadline() {
        use BidAction as A;
        use BidState as S;
        let allowed = [
            (S::Forming, A::Go, S::Go),
            (S::Forming, A::NoGo, S::NoGo),
            (S::Go, A::Submit, S::Submitted),
            (S::Submitted, A::Win, S::Won),
            (S::Submitted, A::Lose, S::Lost),
            (S::Forming, A::Withdraw, S::Withdrawn),
            (S::Go, A::Withdraw, S::Withdrawn),
            (S::Submitted, A::Withdraw, S::Withdrawn),
        ];
        let now = Utc::now();
        for from in STATES {
            for action in ACTIONS {
                let wanted = allowed
                    .iter()
                    .find(|(f, a, _)| *f == from && *a == action)
                    .map(|(_, _, to)| *to);
                match (from.after(action, None, now), wanted) {
                    (Ok(to), Some(wanted)) => assert_eq!(to, wanted),
                    (Err(refused), None) => {
                        assert_eq!(refused, BidRefusal::IllegalMove { from, action })
                    }
                    (got, wanted) => panic!("{from:?} {action:?}: {got:?}, wanted {wanted:?}"),
                }
            }
        }
        let deadline = Some(now - Duration::minutes(1));
        assert_eq!(
            S::Go.after(A::Submit, deadline, now),
            Err(BidRefusal::PastDeadline)
        );
        assert_eq!(S::Go.after(A::Withdraw, deadline, now), Ok(S::Withdrawn));
        let open: Vec<_> = STATES.into_iter().filter(|s| s.open()).collect();
        assert_eq!(open, [S::Forming, S::Go, S::Submitted]);
    }

    #[test]
    fn decisions_weigh_their_criteria_and_sections_run_late() {
        let criteria = [
            Criterion {
                name: "fit".into(),
                weight: 3,
                score: 5,
            },
            Criterion {
                name: "margin".into(),
                weight: 1,
                score: 1,
            },
        ];
        assert_eq!(weighted_score(&criteria), Some(4.0));
        assert_eq!(weighted_score(&[]), None);
        let due = "2027-03-01".parse().ok();
        let day = |d: &str| d.parse::<NaiveDate>().unwrap();
        assert!(!late(due, SectionStatus::Drafting, day("2027-03-01")));
        assert!(late(due, SectionStatus::Review, day("2027-03-02")));
        assert!(!late(due, SectionStatus::Done, day("2027-03-02")));
        assert!(!late(None, SectionStatus::Todo, day("2030-01-01")));
    }
}
