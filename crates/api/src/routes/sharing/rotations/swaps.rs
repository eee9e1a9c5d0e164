//! `GET /api/v1/rotations/{id}/swaps` (who a swap could be with) and
//! `POST /api/v1/rotations/{id}/swaps` (propose one).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, web};
use coophub_app::guard::{Lock, load};
use coophub_app::sharing::rotations::Asked;
use coophub_app::sharing::swaps::fitting;
use coophub_domain::access::rotation::{self as access, parties};
use coophub_domain::notify::EventKind;
use coophub_domain::sharing::{RotationStatus, Swap, SwapProposal, SwapState};
use coophub_store::sharing::swaps;
use uuid::Uuid;

use super::{SwapProposalBody, SwapSuggestion, SwapSuggestionList, SwapView};
use crate::auth::{Caller, SignedIn};
use crate::extract::Checked;
use crate::problem::{ApiError, Code, JsonBody, Problem, TokenRequired};
use crate::shapes::CoopRef;
use crate::shapes::{PersonRef, days};
use crate::state::AppState;
use coophub_app::telling::tell;

/// People in other co-ops whose skills and dates fit, who have open rotation
/// requests of their own and agreed to be suggested: their name, co-op and
/// fitting skills, never their notes.
#[utoipa::path(
    tag = "sharing",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path, description = "The rotation request's id")),
    responses(
        (status = 200, description = "Possible swaps, best fit first", body = SwapSuggestionList),
        (status = 404, description = "No such rotation request (or not the caller's)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/rotations/{id}/swaps")]
pub async fn suggest_swaps(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<SwapSuggestionList>, ApiError> {
    let id = id.into_inner();
    let (_, items) = state
        .read(caller, move |conn, viewer| {
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
        })
        .await?;
    Ok(web::Json(SwapSuggestionList { items }))
}

/// The person (or their co-op's admins) proposes a swap with one of the
/// suggestions; proposing is agreeing. It needs both people and both
/// co-ops' admins within 14 days.
#[utoipa::path(
    tag = "sharing",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The rotation request's id")),
    request_body = SwapProposalBody,
    responses(
        TokenRequired, JsonBody,
        (status = 201, description = "Proposed", body = SwapView),
        (status = 404, description = "No such rotation request, or the other is not among the suggestions", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The rotation request is no longer open (`rotation_closed`), or a swap with the other is already waiting (`conflict`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/rotations/{id}/swaps")]
pub async fn propose_swap(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
    body: Checked<SwapProposalBody>,
) -> Result<HttpResponse, ApiError> {
    let with = body.check(|body| Ok(body.with_rotation_id))?;
    let now = state.clock.now();
    let id = id.into_inner();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            let mine = load::<Asked>(conn, viewer, &id, access::act_on_rotation, Lock::ForChange)?;
            if mine.rotation.status != RotationStatus::Open {
                return Err(ApiError::conflict(
                    Code::RotationClosed,
                    "this rotation request is no longer open",
                ));
            }
            let fit = fitting(conn, &mine)?
                .into_iter()
                .find(|fit| fit.other.rotation.id == with)
                .ok_or_else(|| ApiError::NotFound(format!("no possible swap with {with}")))?;
            let waiting = swaps::of_rotation(conn, mine.rotation.id)?
                .into_iter()
                .any(|swap| {
                    (swap.first_rotation == with || swap.second_rotation == with)
                        && swap.swap.state_at(now) == SwapState::Proposed
                });
            if waiting {
                return Err(ApiError::conflict(
                    Code::Conflict,
                    "a swap between these two is already waiting for answers",
                ));
            }
            // Proposing is agreeing, for every party the viewer is (the rule
            // above makes them the first person or an admin of their co-op).
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
            tell::swap(
                conn,
                viewer,
                proposal.id,
                sides,
                EventKind::SwapProposed,
                now,
            )?;
            Ok(SwapView::new(proposal, &mine, &fit.other, now))
        })
        .await?;
    let mut response = HttpResponse::build(StatusCode::CREATED);
    response.insert_header(("Location", format!("/api/v1/swaps/{}", view.id)));
    Ok(response.json(view))
}
