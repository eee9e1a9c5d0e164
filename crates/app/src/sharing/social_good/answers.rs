//! Answering a social-good proposal: when all three parties agree, the
//! placement is booked.

use chrono::{DateTime, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::access::rotation::proposal_parties;
use coophub_domain::notify::EventKind;
use coophub_domain::sharing::{
    FULL_WEEK, PlacementState, RequestStatus, RotationStatus, SwapState, over_week,
};
use coophub_store::DbConnection;
use coophub_store::sharing::placements::{self, Doing, Holder, NewPlacement};
use coophub_store::sharing::{lock_capacities, rotations, social_good};
use uuid::Uuid;

use super::Proposed;
use crate::guard::{Lock, load};
use crate::sharing::capacity_conflict;
use crate::sharing::views::SocialGoodProposalView;
use crate::telling::tell;
use crate::{AppError, Clash};

/// The social-good proposal `id`, to its three parties.
pub fn show(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<SocialGoodProposalView, AppError> {
    let proposed = load::<Proposed>(conn, viewer, &id, (), Lock::Read)?;
    Ok(SocialGoodProposalView::new(proposed, viewer, now))
}

/// The viewer agrees to the proposal `id` or refuses it, for every party
/// they are; once all three agree the placement is booked. The parties are
/// told.
pub fn answer(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    agree: bool,
    now: DateTime<Utc>,
) -> Result<SocialGoodProposalView, AppError> {
    let mut proposed = load::<Proposed>(conn, viewer, &id, (), Lock::ForChange)?;
    for party in proposal_parties(viewer, proposed.facts()) {
        proposed.proposal.consent = proposed
            .proposal
            .consent
            .answer(party, agree, now)
            .map_err(|closed| {
                AppError::conflict(
                    Clash::ProposalClosed,
                    format!(
                        "the proposal is {} and takes no more answers",
                        closed.0.name()
                    ),
                )
            })?;
    }
    if proposed.proposal.consent.state == SwapState::Agreed {
        book(conn, &mut proposed, viewer.user_id(), now)?;
    }
    proposed.proposal.version += 1;
    social_good::save(conn, &proposed.proposal, now)?;
    let kind = match proposed.proposal.consent.state {
        SwapState::Agreed => EventKind::SocialGoodAgreed,
        SwapState::Refused => EventKind::SocialGoodRefused,
        _ => EventKind::SocialGoodAnswered,
    };
    tell::social_good(conn, viewer, &proposed, kind, now)?;
    Ok(SocialGoodProposalView::new(proposed, viewer, now))
}

/// Books the agreed proposal: the person placed with the requesting co-op
/// as an accepted placement, if their rotation request and the request are
/// still open and their week has room (under both co-ops' capacity locks).
fn book(
    conn: &mut DbConnection,
    proposed: &mut Proposed,
    user: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let (home, host) = (&proposed.asked.coop, &proposed.hosted.coop);
    lock_capacities(conn, &[home.id, host.id])?;
    let person = &proposed.asked.person;
    if proposed.asked.rotation.status != RotationStatus::Open {
        return Err(AppError::conflict(
            Clash::RotationClosed,
            format!("{}'s rotation request is no longer open", person.name),
        ));
    }
    if proposed.hosted.request.status != RequestStatus::Open {
        return Err(AppError::conflict(
            Clash::RequestClosed,
            format!(
                "the request \"{}\" is no longer open",
                proposed.hosted.request.title
            ),
        ));
    }
    let booking = proposed.proposal.booking;
    let held = placements::held(conn, Holder::Person(person.id), None)?;
    let full = over_week(FULL_WEEK, &held, booking);
    if !full.is_empty() {
        return Err(capacity_conflict(
            &format!("{}'s week has no room for this placement", person.name),
            full,
        ));
    }
    let reason = "a social-good placement the person and both co-ops agreed to";
    let new = NewPlacement {
        offer_id: None,
        offering_coop_id: home.id,
        person_id: Some(person.id),
        requesting_coop_id: host.id,
        request_id: Some(proposed.hosted.request.id),
        booking,
        message: reason,
        agreed_day_rate: None,
        state: PlacementState::Accepted,
    };
    let by = Doing {
        user,
        reason,
        at: now,
    };
    let placement = placements::insert(conn, &new, by)?;
    proposed.asked.rotation =
        rotations::set_status(conn, &proposed.asked.rotation, RotationStatus::Placed, now)?;
    proposed.proposal.placement = Some(placement.id);
    Ok(())
}
