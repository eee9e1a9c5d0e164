//! `POST /api/v1/bids/{id}/{decision,submit,win,lose,withdraw}`: a bid's
//! life, each move allowed by the state machine
//! (`coophub_domain::bidding::BidState::after`), decided under the bid's
//! lock, by the lead co-op's admins or the coordinator; a submission of a
//! bid that is not ready needs `{"confirm": true}`.

use actix_web::{post, web};
use coophub_app::bidding::bids::{self, MoveOptions};
use coophub_app::bidding::bodies::SubmitBody;
use coophub_domain::bidding::{BidAction, DecisionInput};
use uuid::Uuid;

use super::{BidView, DecisionBody};
use crate::auth::SignedIn;
use crate::extract::{Checked, OptionalJson};
use crate::problem::{ApiError, BidLead, JsonBody, Problem, TokenRequired};
use crate::state::AppState;

/// Moves the bid and answers it as it now stands.
async fn act(
    state: &AppState,
    caller: SignedIn,
    id: Uuid,
    action: BidAction,
    decision: Option<DecisionInput>,
    confirm: bool,
) -> Result<web::Json<BidView>, ApiError> {
    let now = state.clock.now();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            let options = MoveOptions {
                decision: decision.as_ref(),
                confirm,
            };
            Ok(bids::make_move(conn, viewer, id, action, options, now)?)
        })
        .await?;
    Ok(web::Json(view))
}

/// Decide go or no-go on a forming bid, with reasons and optional
/// weighted criteria (their weighted mean is shown as `score`).
#[utoipa::path(
    tag = "bidding",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The bid's id")),
    request_body = DecisionBody,
    responses(
        TokenRequired, JsonBody, BidLead,
        (status = 200, description = "Decided", body = BidView),
        (status = 409, description = "Decided already (`bid_state`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/bids/{id}/decision")]
pub async fn decide_bid(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
    body: Checked<DecisionBody>,
) -> Result<web::Json<BidView>, ApiError> {
    let decision = body.check(|body| Ok(DecisionInput::parse(body.draft())?))?;
    let action = if decision.go {
        BidAction::Go
    } else {
        BidAction::NoGo
    };
    act(
        &state,
        caller,
        id.into_inner(),
        action,
        Some(decision),
        false,
    )
    .await
}

/// Send a bid decided `go`, before the tender's deadline. A bid with roles
/// unstaffed, sections not done or invitations unanswered answers 409
/// `not_ready` listing them, unless the body confirms (`{"confirm": true}`).
#[utoipa::path(
    tag = "bidding",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The bid's id")),
    request_body(content = Option<SubmitBody>, description = "May be left out"),
    responses(
        TokenRequired, JsonBody, BidLead,
        (status = 200, description = "Submitted", body = BidView),
        (status = 409, description = "Not decided go (`bid_state`), past the deadline (`past_deadline`), or not ready and not confirmed (`not_ready`, each thing in `conflicts`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/bids/{id}/submit")]
pub async fn submit_bid(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
    body: OptionalJson<SubmitBody>,
) -> Result<web::Json<BidView>, ApiError> {
    let confirm = body.0.unwrap_or_default().confirm;
    act(
        &state,
        caller,
        id.into_inner(),
        BidAction::Submit,
        None,
        confirm,
    )
    .await
}

macro_rules! bid_move {
    ($name:ident, $path:literal, $action:expr, $doc:literal, $conflict:literal) => {
        #[doc = $doc]
        #[utoipa::path(
            tag = "bidding",
            security(("bearer" = [])),
            params(("id" = Uuid, Path, description = "The bid's id")),
            responses(
                TokenRequired, BidLead,
                (status = 200, description = "Moved", body = BidView),
                (status = 409, description = $conflict, body = Problem, content_type = "application/problem+json"),
            )
        )]
        #[post($path)]
        pub async fn $name(
            state: web::Data<AppState>,
            caller: SignedIn,
            id: web::Path<Uuid>,
        ) -> Result<web::Json<BidView>, ApiError> {
            act(&state, caller, id.into_inner(), $action, None, false).await
        }
    };
}

bid_move!(
    win_bid,
    "/bids/{id}/win",
    BidAction::Win,
    "Record that the buyer chose the submitted bid.",
    "Not submitted (`bid_state`)"
);
bid_move!(
    lose_bid,
    "/bids/{id}/lose",
    BidAction::Lose,
    "Record that the buyer chose another.",
    "Not submitted (`bid_state`)"
);
bid_move!(
    withdraw_bid,
    "/bids/{id}/withdraw",
    BidAction::Withdraw,
    "Give up a bid that is still open (forming, go or submitted).",
    "Decided no-go, won, lost or withdrawn already (`bid_state`)"
);
