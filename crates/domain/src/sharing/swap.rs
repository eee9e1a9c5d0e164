//! A rotation swap: two people in two co-ops trade places. Nobody is moved
//! without consent, so it needs four yeses: both people and both co-ops'
//! admins. The fourth yes makes it agreed (the caller then books the two
//! placements in the same transaction); one no, or 14 days without all four,
//! ends it.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// Days a proposal waits for every answer.
pub const SWAP_DAYS: i64 = 14;

/// Who must agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Party {
    /// The person who asked to rotate.
    FirstPerson,
    /// The person they would trade with.
    SecondPerson,
    /// The first person's co-op (its admins).
    FirstCoop,
    /// The second person's co-op (its admins).
    SecondCoop,
}

const PARTIES: [Party; 4] = [
    Party::FirstPerson,
    Party::SecondPerson,
    Party::FirstCoop,
    Party::SecondCoop,
];

/// Where a proposal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SwapState {
    /// Waiting for answers.
    Proposed,
    /// All four agreed.
    Agreed,
    /// Someone said no.
    Refused,
    /// Not everyone answered within [`SWAP_DAYS`] days.
    Lapsed,
}

/// A proposal and the answers so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Swap {
    /// When it was proposed.
    pub proposed_at: DateTime<Utc>,
    /// Who has said yes.
    pub agreed: Vec<Party>,
    /// Where it stands (as last decided).
    pub state: SwapState,
}

/// An answer that cannot be given now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SwapClosed(pub SwapState);

impl Swap {
    /// A new proposal; whoever proposes agrees by doing so.
    pub fn propose(by: Party, now: DateTime<Utc>) -> Self {
        Self {
            proposed_at: now,
            agreed: vec![by],
            state: SwapState::Proposed,
        }
    }

    /// The state at `now`: a proposal still waiting after [`SWAP_DAYS`] has lapsed.
    pub fn state_at(&self, now: DateTime<Utc>) -> SwapState {
        if self.state == SwapState::Proposed && now > self.proposed_at + Duration::days(SWAP_DAYS) {
            SwapState::Lapsed
        } else {
            self.state
        }
    }

    /// `party` answers `yes` or no at `now`: a no refuses the swap, the last
    /// yes agrees it. Refused once it is no longer waiting.
    pub fn answer(&self, party: Party, yes: bool, now: DateTime<Utc>) -> Result<Swap, SwapClosed> {
        let state = self.state_at(now);
        if state != SwapState::Proposed {
            return Err(SwapClosed(state));
        }
        let mut next = self.clone();
        if !yes {
            next.state = SwapState::Refused;
            return Ok(next);
        }
        if !next.agreed.contains(&party) {
            next.agreed.push(party);
        }
        if PARTIES.iter().all(|p| next.agreed.contains(p)) {
            next.state = SwapState::Agreed;
        }
        Ok(next)
    }

    /// Who has yet to answer.
    pub fn waiting_for(&self) -> Vec<Party> {
        PARTIES
            .into_iter()
            .filter(|p| !self.agreed.contains(p))
            .collect()
    }
}

/// A swap between two rotation requests, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SwapProposal {
    /// Stable identifier.
    pub id: uuid::Uuid,
    /// The rotation request it was proposed from (its person is the first).
    pub first_rotation: uuid::Uuid,
    /// The rotation request it was proposed to.
    pub second_rotation: uuid::Uuid,
    /// The time each person spends at the other's co-op.
    pub booking: super::Booking,
    /// The answers so far.
    pub swap: Swap,
    /// The two placements booked once agreed: the first person's, the second's.
    pub placements: Option<(uuid::Uuid, uuid::Uuid)>,
    /// Bumped on every change.
    pub version: i32,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: i64) -> DateTime<Utc> {
        DateTime::<Utc>::from_timestamp(1_800_000_000, 0).unwrap_or_default() + Duration::days(day)
    }

    #[test]
    fn four_yeses_agree_and_one_no_refuses() {
        let proposed = Swap::propose(Party::FirstPerson, at(0));
        let mut swap = proposed.clone();
        for party in [Party::SecondPerson, Party::FirstCoop, Party::FirstCoop] {
            swap = swap.answer(party, true, at(1)).unwrap();
            assert_eq!(
                swap.state,
                SwapState::Proposed,
                "a repeated yes counts once"
            );
        }
        assert_eq!(swap.waiting_for(), [Party::SecondCoop]);
        let agreed = swap.answer(Party::SecondCoop, true, at(2)).unwrap();
        assert_eq!(agreed.state, SwapState::Agreed);
        assert_eq!(
            agreed.answer(Party::FirstPerson, false, at(3)),
            Err(SwapClosed(SwapState::Agreed)),
            "an agreed swap is not taken back by a late no"
        );
        let refused = proposed.answer(Party::SecondCoop, false, at(1)).unwrap();
        assert_eq!(refused.state, SwapState::Refused);
        assert!(refused.answer(Party::SecondPerson, true, at(1)).is_err());
    }

    #[test]
    fn a_proposal_lapses_after_fourteen_days() {
        let swap = Swap::propose(Party::FirstPerson, at(0));
        assert_eq!(swap.state_at(at(14)), SwapState::Proposed);
        assert_eq!(swap.state_at(at(15)), SwapState::Lapsed);
        assert_eq!(
            swap.answer(Party::SecondPerson, true, at(15)),
            Err(SwapClosed(SwapState::Lapsed))
        );
    }
}
