//! `GET /api/v1/swaps/{id}` and `POST /api/v1/swaps/{id}/answer`: the four
//! parties answer; the fourth yes books the two placements in the same
//! transaction, under both co-ops' capacity locks, or nothing changes.

use actix_web::{get, post, web};
use coophub_app::guard::{Lock, load};
use coophub_app::sharing::rotations::Swap;
use coophub_app::sharing::swap_answers::{book, name};
use coophub_domain::access::rotation::parties;
use coophub_domain::notify::EventKind;
use coophub_domain::sharing::SwapState;
use coophub_store::sharing::swaps;
use uuid::Uuid;

use super::{SwapAnswer, SwapView};
use crate::auth::{Caller, SignedIn};
use crate::extract::Checked;
use crate::problem::{ApiError, Code, JsonBody, Problem, TokenRequired};
use crate::state::AppState;
use coophub_app::telling::tell;

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
            let Swap {
                proposal,
                first,
                second,
            } = load::<Swap>(conn, viewer, &id, (), Lock::Read)?;
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
        TokenRequired, JsonBody,
        (status = 200, description = "Answered", body = SwapView),
        (status = 404, description = "No such swap (or not the caller's)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The swap is no longer waiting (`swap_closed`), a rotation request was withdrawn (`rotation_closed`), or a person's week is full (`over_capacity`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/swaps/{id}/answer")]
pub async fn answer_swap(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
    body: Checked<SwapAnswer>,
) -> Result<web::Json<SwapView>, ApiError> {
    let agree = body.check(|body| Ok(body.agree))?;
    let now = state.clock.now();
    let id = id.into_inner();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            let Swap {
                mut proposal,
                first,
                second,
            } = load::<Swap>(conn, viewer, &id, (), Lock::ForChange)?;
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
