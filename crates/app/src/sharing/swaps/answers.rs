//! Answering a swap: when all four parties agree, the swap is booked.

use chrono::{DateTime, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::access::rotation::parties;
use coophub_domain::notify::EventKind;
use coophub_domain::sharing::{
    FULL_WEEK, PlacementState, RotationStatus, SwapProposal, SwapState, over_week,
};
use coophub_store::DbConnection;
use coophub_store::sharing::placements::{self, Doing, Holder, NewPlacement};
use coophub_store::sharing::{lock_capacities, rotations, swaps};
use uuid::Uuid;

use crate::guard::{Lock, load};
use crate::sharing::capacity_conflict;
use crate::sharing::rotations::{Asked, Swap};
use crate::sharing::views::SwapView;
use crate::telling::tell;
use crate::{AppError, Clash};

/// The swap `id`, to its four parties.
pub fn show(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<SwapView, AppError> {
    let Swap {
        proposal,
        first,
        second,
    } = load::<Swap>(conn, viewer, &id, (), Lock::Read)?;
    Ok(SwapView::new(proposal, &first, &second, viewer, now))
}

/// The viewer agrees to the swap `id` or refuses it, for every party they
/// are; once all four agree the swap is booked. The parties are told.
pub fn answer(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    agree: bool,
    now: DateTime<Utc>,
) -> Result<SwapView, AppError> {
    let Swap {
        mut proposal,
        first,
        second,
    } = load::<Swap>(conn, viewer, &id, (), Lock::ForChange)?;
    for party in parties(viewer, first.facts(), second.facts()) {
        proposal.swap = proposal.swap.answer(party, agree, now).map_err(|closed| {
            AppError::conflict(
                Clash::SwapClosed,
                format!("the swap is {} and takes no more answers", closed.0.name()),
            )
        })?;
    }
    if proposal.swap.state == SwapState::Agreed {
        book(
            conn,
            &mut proposal,
            [&first, &second],
            viewer.user_id(),
            now,
        )?;
    }
    proposal.version += 1;
    swaps::save(conn, &proposal, now)?;
    let kind = match proposal.swap.state {
        SwapState::Agreed => EventKind::SwapAgreed,
        SwapState::Refused => EventKind::SwapRefused,
        _ => EventKind::SwapAnswered,
    };
    let sides = [first.side(), second.side()];
    tell::swap(conn, viewer, &proposal, sides, kind, now)?;
    Ok(SwapView::new(proposal, &first, &second, viewer, now))
}

/// Books the agreed swap: each person placed at the other's co-op, as
/// accepted placements, if both requests are open and both weeks have room.
fn book(
    conn: &mut DbConnection,
    proposal: &mut SwapProposal,
    sides: [&Asked; 2],
    user: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    lock_capacities(conn, &[sides[0].coop.id, sides[1].coop.id])?;
    let booking = proposal.booking;
    let mut full = Vec::new();
    for side in sides {
        if side.rotation.status != RotationStatus::Open {
            return Err(AppError::conflict(
                Clash::RotationClosed,
                format!("{}'s rotation request is no longer open", side.person.name),
            ));
        }
        let held = placements::held(conn, Holder::Person(side.person.id), None)?;
        full.extend(over_week(FULL_WEEK, &held, booking));
    }
    if !full.is_empty() {
        return Err(capacity_conflict(
            "a person's week has no room for the swap",
            full,
        ));
    }
    let reason = "a rotation swap both people and both co-ops agreed to";
    let by = Doing {
        user,
        reason,
        at: now,
    };
    let mut booked = Vec::with_capacity(2);
    for (from, to) in [(sides[0], sides[1]), (sides[1], sides[0])] {
        let new = NewPlacement {
            offer_id: None,
            offering_coop_id: from.coop.id,
            person_id: Some(from.person.id),
            requesting_coop_id: to.coop.id,
            request_id: None,
            booking,
            message: reason,
            agreed_day_rate: None,
            state: PlacementState::Accepted,
        };
        booked.push(placements::insert(conn, &new, by)?.id);
        rotations::set_status(conn, &from.rotation, RotationStatus::Swapped, now)?;
    }
    proposal.placements = booked.first().copied().zip(booked.get(1).copied());
    Ok(())
}
