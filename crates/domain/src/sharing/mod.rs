//! Sharing people between co-ops (offers of time, requests for it,
//! placements): the rules that must hold whatever the storage does, tested
//! without it: the capacity arithmetic, the placement's life, what offers
//! and requests must be, how an offer fits a request, and the consent of
//! the parties to a rotation swap or a social-good proposal.

mod asking;
mod capacity;
mod consent;
pub(crate) mod fields;
mod matching;
mod offer;
mod placement;
mod records;
mod request;
mod rotation;
mod social_good;
mod swap;

pub use asking::{MAX_MESSAGE, PlacementDraft, PlacementInput, reason};
pub use capacity::{
    Booking, Conflict, DateRange, FULL_WEEK, Free, HalfDays, Limit, Limits, closed_outside,
    conflicts, free_over, least, over_week, refusals,
};
pub use consent::{Consent, Parties, SWAP_DAYS, SwapClosed, SwapState};
pub use fields::{NOTES_MAX, SKILLS_MAX, TITLE_MAX};
pub use matching::{Fit, Offered, RateFit, Wanted, best_first, fit};
pub use offer::{MAX_RATE, Money, OfferDraft, OfferInput, OfferSkillDraft, OfferStatus, WorkMode};
pub use placement::{IllegalMove, PlacementAction, PlacementState};
pub use records::{LevelledSkill, OFFER_DAYS, Offer, Placement, PlacementEvent, Request};
pub use request::{ProjectKind, RequestDraft, RequestInput, RequestStatus};
pub use rotation::{Rotation, RotationDraft, RotationInput, RotationStatus, skills_fitting};
pub use social_good::{ProposalParty, SocialGoodFit, SocialGoodProposal, social_good_fit};
pub use swap::{Party, Swap, SwapProposal};

/// Half days a week from days a week as clients send them (`2.5`): `None`
/// unless it is a whole number of half days from half a day to five days.
pub fn half_days(days_per_week: f64) -> Option<HalfDays> {
    let halves = days_per_week * 2.0;
    (halves.fract() == 0.0 && (1.0..=f64::from(FULL_WEEK)).contains(&halves))
        .then_some(halves as HalfDays)
}

/// Time a week in words: "half a day a week", "1 day a week", "2.5 days a week".
pub fn days_a_week(half_days: HalfDays) -> String {
    match half_days {
        1 => "half a day a week".to_owned(),
        2 => "1 day a week".to_owned(),
        more => format!("{} days a week", f64::from(more) / 2.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_a_week_come_in_halves_up_to_five() {
        assert_eq!(half_days(2.5), Some(5));
        assert_eq!(half_days(5.0), Some(10));
        assert_eq!(half_days(0.5), Some(1));
        for bad in [0.0, 0.3, 5.5, -1.0, f64::NAN, f64::INFINITY] {
            assert_eq!(half_days(bad), None, "{bad}");
        }
        assert_eq!(days_a_week(1), "half a day a week");
        assert_eq!(days_a_week(5), "2.5 days a week");
    }
}
