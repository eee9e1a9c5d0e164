//! `GET /api/v1/swaps/{id}` and `POST /api/v1/swaps/{id}/answer`: the four
//! parties answer; the fourth yes books the two placements in the same
//! transaction, under both co-ops' capacity locks, or nothing changes.

use actix_web::{get, post, web};
use chrono::{DateTime, Utc};
use coophub_domain::access::rotation::{parties, read_swap};
use coophub_domain::notify::EventKind;
use coophub_domain::sharing::{
    Conflict, FULL_WEEK, Limit, PlacementState, RotationStatus, SwapProposal, SwapState, conflicts,
};
use coophub_store::DbConnection;
use coophub_store::sharing::placements::{self, Doing, Holder, NewPlacement};
use coophub_store::sharing::{lock_capacity, rotations, swaps};
use uuid::Uuid;

use super::{Asked, SwapAnswer, SwapView, with_person};
use crate::auth::{Caller, Viewer, refused};
use crate::extract::Checked;
use crate::problem::{ApiError, Code, JsonBody, Problem, SignedIn};
use crate::routes::sharing::capacity_conflict;
use crate::state::AppState;
use coophub_app::telling::tell;

/// The swap `id` with both sides, if the viewer is one of its parties; for a
/// change, the swap and both rotation requests are locked.
fn swap_for(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    change: bool,
) -> Result<(SwapProposal, Asked, Asked), ApiError> {
    let not_found = || format!("no swap {id}");
    let find = if change {
        swaps::find_for_update
    } else {
        swaps::find
    };
    let proposal = find(conn, id)?.ok_or_else(|| ApiError::NotFound(not_found()))?;
    let rotation = if change {
        rotations::find_for_update
    } else {
        rotations::find
    };
    let mut sides = Vec::with_capacity(2);
    for side in [proposal.first_rotation, proposal.second_rotation] {
        let found = rotation(conn, side)?.ok_or_else(|| ApiError::NotFound(not_found()))?;
        sides.push(with_person(conn, found, &not_found)?);
    }
    let (Some(second), Some(first)) = (sides.pop(), sides.pop()) else {
        return Err(ApiError::NotFound(not_found()));
    };
    read_swap(viewer, first.facts(), second.facts())
        .map_err(|denied| refused(denied, not_found))?;
    Ok((proposal, first, second))
}

/// A swap, to its four parties.
#[utoipa::path(
    tag = "sharing",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path, description = "The swap's id")),
    responses(
        (status = 200, description = "The swap", body = SwapView),
        (status = 404, description = "No such swap (or not the caller's)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/swaps/{id}")]
pub async fn show_swap(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<SwapView>, ApiError> {
    let now = state.clock.now();
    let id = id.into_inner();
    let (_, view) = state
        .read(caller, move |conn, viewer| {
            let (proposal, first, second) = swap_for(conn, viewer, id, false)?;
            Ok(SwapView::new(proposal, &first, &second, now))
        })
        .await?;
    Ok(web::Json(view))
}

/// A party answers (an account that is several parties answers for each):
/// one no refuses the swap; the last yes books both placements as accepted.
#[utoipa::path(
    tag = "sharing",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The swap's id")),
    request_body = SwapAnswer,
    responses(
        SignedIn, JsonBody,
        (status = 200, description = "Answered", body = SwapView),
        (status = 404, description = "No such swap (or not the caller's)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The swap is no longer waiting (`swap_closed`), a rotation request was withdrawn (`rotation_closed`), or a person's week is full (`over_capacity`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/swaps/{id}/answer")]
pub async fn answer_swap(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Checked<SwapAnswer>,
) -> Result<web::Json<SwapView>, ApiError> {
    let caller = caller.require_token()?;
    let agree = body.check(|body| Ok(body.agree))?;
    let now = state.clock.now();
    let id = id.into_inner();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            let (mut proposal, first, second) = swap_for(conn, viewer, id, true)?;
            for party in parties(viewer, first.facts(), second.facts()) {
                proposal.swap = proposal.swap.answer(party, agree, now).map_err(|closed| {
                    ApiError::conflict(
                        Code::SwapClosed,
                        format!("the swap is {} and takes no more answers", name(closed.0)),
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
            tell::swap(
                conn,
                viewer,
                proposal.id,
                [first.side(), second.side()],
                kind,
                now,
            )?;
            Ok(SwapView::new(proposal, &first, &second, now))
        })
        .await?;
    Ok(web::Json(view))
}

fn name(state: SwapState) -> &'static str {
    match state {
        SwapState::Proposed => "proposed",
        SwapState::Agreed => "agreed",
        SwapState::Refused => "refused",
        SwapState::Lapsed => "lapsed",
    }
}

/// Books the agreed swap: each person placed at the other's co-op, as
/// accepted placements, if both requests are open and both weeks have room.
fn book(
    conn: &mut DbConnection,
    proposal: &mut SwapProposal,
    sides: [&Asked; 2],
    user: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let mut coops = [sides[0].coop.id, sides[1].coop.id];
    coops.sort();
    for coop in coops {
        lock_capacity(conn, coop)?;
    }
    let booking = proposal.booking;
    let mut full = Vec::new();
    for side in sides {
        if side.rotation.status != RotationStatus::Open {
            return Err(ApiError::conflict(
                Code::RotationClosed,
                format!("{}'s rotation request is no longer open", side.person.name),
            ));
        }
        let held = placements::held(conn, Holder::Person(side.person.id), None)?;
        full.extend(
            conflicts(FULL_WEEK, &held, booking.range, booking.half_days)
                .into_iter()
                .map(|free| Conflict {
                    limit: Limit::Person,
                    free,
                }),
        );
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
            state: PlacementState::Accepted,
        };
        booked.push(placements::insert(conn, &new, by)?.id);
        rotations::set_status(conn, &from.rotation, RotationStatus::Swapped, now)?;
    }
    proposal.placements = booked.first().copied().zip(booked.get(1).copied());
    Ok(())
}
