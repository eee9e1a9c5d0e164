//! Suggesting swaps for a rotation request and proposing one.

use chrono::{DateTime, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::access::rotation::{self as access, parties};
use coophub_domain::notify::EventKind;
use coophub_domain::sharing::{RotationStatus, Swap, SwapProposal, SwapState};
use coophub_store::DbConnection;
use coophub_store::sharing::swaps;
use uuid::Uuid;

use super::super::rotations::Asked;
use super::super::views::{SwapSuggestion, SwapView};
use super::fitting;
use crate::guard::{Lock, load};
use crate::shapes::{CoopRef, PersonRef, days};
use crate::telling::tell;
use crate::{AppError, Clash};

/// Possible swaps for the rotation request `id`, best fit first (none once
/// it is no longer open).
pub fn suggest(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
) -> Result<Vec<SwapSuggestion>, AppError> {
    let mine = load::<Asked>(conn, viewer, &id, access::read_rotation, Lock::Read)?;
    if mine.rotation.status != RotationStatus::Open {
        return Ok(Vec::new());
    }
    Ok(fitting(conn, &mine)?
        .into_iter()
        .map(|fit| SwapSuggestion {
            rotation_id: fit.other.rotation.id,
            person: PersonRef {
                id: fit.other.person.id,
                name: fit.other.person.name.clone(),
            },
            coop: CoopRef {
                slug: fit.other.coop.slug.clone(),
                name: fit.other.coop.profile.name.clone(),
            },
            skills_for_you: fit.for_you,
            skills_for_them: fit.for_them,
            start: fit.booking.range.start,
            end: fit.booking.range.end,
            days_per_week: days(fit.booking.half_days),
        })
        .collect())
}

/// Proposes swapping the rotation request `id` with `with`, one of its
/// suggestions. Proposing is agreeing, for every party the viewer is; the
/// other parties are told.
pub fn propose(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    with: Uuid,
    now: DateTime<Utc>,
) -> Result<SwapView, AppError> {
    let mine = load::<Asked>(conn, viewer, &id, access::act_on_rotation, Lock::ForChange)?;
    if mine.rotation.status != RotationStatus::Open {
        return Err(AppError::conflict(
            Clash::RotationClosed,
            "this rotation request is no longer open",
        ));
    }
    let fit = fitting(conn, &mine)?
        .into_iter()
        .find(|fit| fit.other.rotation.id == with)
        .ok_or_else(|| AppError::NotFound(format!("no possible swap with {with}")))?;
    let waiting = swaps::of_rotation(conn, mine.rotation.id)?
        .into_iter()
        .any(|swap| {
            (swap.first_rotation == with || swap.second_rotation == with)
                && swap.swap.state_at(now) == SwapState::Proposed
        });
    if waiting {
        return Err(AppError::conflict(
            Clash::Duplicate,
            "a swap between these two is already waiting for answers",
        ));
    }
    let swap = Swap {
        proposed_at: now,
        agreed: parties(viewer, mine.facts(), fit.other.facts()),
        state: SwapState::Proposed,
    };
    let proposal = SwapProposal {
        id: Uuid::new_v4(),
        first_rotation: mine.rotation.id,
        second_rotation: fit.other.rotation.id,
        booking: fit.booking,
        swap,
        placements: None,
        version: 1,
    };
    swaps::insert(conn, &proposal, now)?;
    let sides = [mine.side(), fit.other.side()];
    tell::swap(conn, viewer, &proposal, sides, EventKind::SwapProposed, now)?;
    Ok(SwapView::new(proposal, &mine, &fit.other, viewer, now))
}
