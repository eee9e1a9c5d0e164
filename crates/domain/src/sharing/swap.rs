//! A rotation swap: two people in two co-ops trade places. Nobody is moved
//! without consent, so it needs four yeses: both people and both co-ops'
//! admins. The fourth yes makes it agreed (the caller then books the two
//! placements in the same transaction); one no, or 14 days without all four,
//! ends it.

use serde::{Deserialize, Serialize};

use super::consent::{Consent, Parties};

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

impl Parties for Party {
    const ALL: &'static [Self] = &PARTIES;
}

/// A swap's answers so far.
pub type Swap = Consent<Party>;

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
    use crate::sharing::{SwapClosed, SwapState};
    use chrono::{DateTime, Duration, Utc};

    fn at(day: i64) -> DateTime<Utc> {
        DateTime::<Utc>::from_timestamp(1_800_000_000, 0).unwrap_or_default() + Duration::days(day)
    }

    #[test]
    fn four_yeses_agree_and_one_no_refuses() {
        let proposed = Swap::propose(vec![Party::FirstPerson], at(0));
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
        let swap = Swap::propose(vec![Party::FirstPerson], at(0));
        assert_eq!(swap.state_at(at(14)), SwapState::Proposed);
        assert_eq!(swap.state_at(at(15)), SwapState::Lapsed);
        assert_eq!(
            swap.answer(Party::SecondPerson, true, at(15)),
            Err(SwapClosed(SwapState::Lapsed))
        );
    }
}
