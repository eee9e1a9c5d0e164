//! `GET/POST /api/v1/rotations/{id}/social-good` (social-good requests a
//! person who asked to rotate could take on; propose them for one),
//! `GET /api/v1/social-good-proposals/{id}` and `POST …/answer`: the three
//! parties answer; the third yes books the placement in the same
//! transaction, under the person's week, or nothing changes.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, web};
use coophub_app::sharing::social_good;
use uuid::Uuid;

use super::{SocialGoodProposalBody, SocialGoodProposalView, SocialGoodSuggestionList, SwapAnswer};
use crate::auth::{Caller, SignedIn};
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, NoSuchProposal, NoSuchRotation, Problem, TokenRequired};
use crate::state::AppState;

/// Open social-good requests of other member co-ops whose every skill the
/// person has at the level it needs, over dates they share with the
/// rotation request, each with its reasons: to the person and their co-op's
/// admins.
#[utoipa::path(
    tag = "sharing",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path, description = "The rotation request's id")),
    responses(
        NoSuchRotation,
        (status = 200, description = "Social-good requests, best fit first", body = SocialGoodSuggestionList),
    )
)]
#[get("/rotations/{id}/social-good")]
pub async fn suggest_social_good(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<SocialGoodSuggestionList>, ApiError> {
    let id = id.into_inner();
    let (_, items) = state
        .read(caller, move |conn, viewer| {
            Ok(social_good::suggest(conn, viewer, id)?)
        })
        .await?;
    Ok(web::Json(SocialGoodSuggestionList { items }))
}

/// The person (or their co-op's admins, once the person agreed to be
/// suggested) proposes them for one of the suggestions; proposing is
/// agreeing. It needs the person, their co-op's admins and the requesting
/// co-op's admins within 14 days; each is told who, for what and when.
#[utoipa::path(
    tag = "sharing",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The rotation request's id")),
    request_body = SocialGoodProposalBody,
    responses(
        TokenRequired, JsonBody,
        (status = 201, description = "Proposed", body = SocialGoodProposalView),
        (status = 403, description = "The person did not agree to be suggested, and only they may put their name to another co-op", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such rotation request, or the request is not among the suggestions", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The rotation request is no longer open (`rotation_closed`), or a proposal for the request is already waiting (`conflict`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/rotations/{id}/social-good")]
pub async fn propose_social_good(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
    body: Checked<SocialGoodProposalBody>,
) -> Result<HttpResponse, ApiError> {
    let request = body.check(|body| Ok(body.request_id))?;
    let now = state.clock.now();
    let id = id.into_inner();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            Ok(social_good::propose(conn, viewer, id, request, now)?)
        })
        .await?;
    let mut response = HttpResponse::build(StatusCode::CREATED);
    let location = format!("/api/v1/social-good-proposals/{}", view.id);
    response.insert_header(("Location", location));
    Ok(response.json(view))
}

/// A social-good proposal, to its three parties; the rotation request's
/// id only to the person and their co-op's admins.
#[utoipa::path(
    tag = "sharing",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path, description = "The proposal's id")),
    responses(
        NoSuchProposal,
        (status = 200, description = "The proposal", body = SocialGoodProposalView),
    )
)]
#[get("/social-good-proposals/{id}")]
pub async fn show_proposal(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<SocialGoodProposalView>, ApiError> {
    let now = state.clock.now();
    let id = id.into_inner();
    let (_, view) = state
        .read(caller, move |conn, viewer| {
            Ok(social_good::show(conn, viewer, id, now)?)
        })
        .await?;
    Ok(web::Json(view))
}

/// A party answers (an account that is several parties answers for each):
/// one no refuses the proposal; the last yes books the placement as accepted.
#[utoipa::path(
    tag = "sharing",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The proposal's id")),
    request_body = SwapAnswer,
    responses(
        TokenRequired, JsonBody, NoSuchProposal,
        (status = 200, description = "Answered", body = SocialGoodProposalView),
        (status = 409, description = "The proposal is no longer waiting (`proposal_closed`), the rotation request (`rotation_closed`) or the request (`request_closed`) is no longer open, or the person's week is full (`over_capacity`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/social-good-proposals/{id}/answer")]
pub async fn answer_proposal(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
    body: Checked<SwapAnswer>,
) -> Result<web::Json<SocialGoodProposalView>, ApiError> {
    let agree = body.check(|body| Ok(body.agree))?;
    let now = state.clock.now();
    let id = id.into_inner();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            Ok(social_good::answer(conn, viewer, id, agree, now)?)
        })
        .await?;
    Ok(web::Json(view))
}
