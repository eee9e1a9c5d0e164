//! Consent to move a person: a proposal waits for a yes from each of its
//! parties. The last yes agrees it (the caller then books the placements in
//! the same transaction); one no, or [`SWAP_DAYS`] days without every yes,
//! ends it.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// Days a proposal waits for every answer.
pub const SWAP_DAYS: i64 = 14;

/// Who must agree to a kind of proposal: all of them.
pub trait Parties: Copy + Eq + 'static {
    /// Every party, in the order answers are listed.
    const ALL: &'static [Self];
}

/// Where a proposal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SwapState {
    /// Waiting for answers.
    Proposed,
    /// Every party agreed.
    Agreed,
    /// Someone said no.
    Refused,
    /// Not everyone answered within [`SWAP_DAYS`] days.
    Lapsed,
}

impl SwapState {
    /// The state as sentences name it ("the proposal is lapsed").
    pub const fn name(self) -> &'static str {
        match self {
            Self::Proposed => "proposed",
            Self::Agreed => "agreed",
            Self::Refused => "refused",
            Self::Lapsed => "lapsed",
        }
    }
}

/// A proposal and the answers so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consent<P> {
    /// When it was proposed.
    pub proposed_at: DateTime<Utc>,
    /// Who has said yes.
    pub agreed: Vec<P>,
    /// Where it stands (as last decided).
    pub state: SwapState,
}

/// An answer that cannot be given now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SwapClosed(pub SwapState);

impl<P: Parties> Consent<P> {
    /// A new proposal at `now`, agreed already by `by` (whoever proposes
    /// agrees by doing so, for every party they are).
    pub fn propose(by: Vec<P>, now: DateTime<Utc>) -> Self {
        Self {
            proposed_at: now,
            agreed: by,
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

    /// `party` answers `yes` or no at `now`: a no refuses the proposal, the
    /// last yes agrees it. Refused once it is no longer waiting.
    pub fn answer(&self, party: P, yes: bool, now: DateTime<Utc>) -> Result<Self, SwapClosed> {
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
        if P::ALL.iter().all(|p| next.agreed.contains(p)) {
            next.state = SwapState::Agreed;
        }
        Ok(next)
    }

    /// Who has yet to answer.
    pub fn waiting_for(&self) -> Vec<P> {
        P::ALL
            .iter()
            .copied()
            .filter(|p| !self.agreed.contains(p))
            .collect()
    }
}
