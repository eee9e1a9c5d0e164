//! `POST /api/v1/bids/{id}/{decision,submit,win,lose,withdraw}`: a bid's
//! life, each move allowed by the state machine
//! (`coophub_domain::bidding::BidState::after`), decided under the bid's
//! lock, by the lead co-op's admins or the coordinator.

use actix_web::{post, web};
use chrono::{DateTime, Datelike, Utc};
use coophub_app::bidding::bids::BidCase;
use coophub_app::guard::{Lock, load};
use coophub_domain::access::bidding::manage_bid;
use coophub_domain::bidding::{BidAction, BidRefusal, BidState, Decision, DecisionInput};
use coophub_store::bidding::bids;
use coophub_store::{DbConnection, fund};
use uuid::Uuid;

use super::{BidView, DecisionBody};
use crate::auth::SignedIn;
use crate::extract::Checked;
use crate::problem::{ApiError, Code, JsonBody, Problem, TokenRequired};
use crate::state::AppState;
use coophub_app::telling::tell;

/// Moves bid `id` by `action`, recording `decision` with a go/no-go.
async fn act(
    state: &AppState,
    caller: SignedIn,
    id: Uuid,
    action: BidAction,
    decision: Option<DecisionInput>,
) -> Result<web::Json<BidView>, ApiError> {
    let now = state.clock.now();
    let (viewer, case) = state
        .write(caller, move |conn, viewer| {
            let mut case = load::<BidCase>(conn, viewer, &id, manage_bid, Lock::ForChange)?;
            let deadline = case.opportunity.tender.deadline;
            let bid = &mut case.bid;
            bid.state = bid.state.after(action, deadline, now).map_err(refusal)?;
            if let Some(decision) = &decision {
                bid.decision = Some(Decision {
                    go: decision.go,
                    reasons: decision.reasons.clone(),
                    criteria: decision.criteria.clone(),
                    decided_at: now,
                });
            }
            if bid.state == BidState::Submitted {
                bid.submitted_at = Some(now);
            }
            bids::save(conn, bid, now)?;
            if bid.state == BidState::Won {
                record_fund_share(conn, &case, now)?;
            }
            tell::bid_moved(conn, viewer, &case.bid, case.consortium(), now)?;
            Ok(case)
        })
        .await?;
    Ok(web::Json(BidView::new(case, &viewer, now.date_naive())))
}

/// A won bid's network-fund share becomes pledged income of the year it
/// was won in, attributed to its consortium (through the bid).
fn record_fund_share(
    conn: &mut DbConnection,
    case: &super::BidCase,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let split = coophub_app::bidding::shares::shares_of(case)?;
    if let (Some(share), Some(currency)) = (split.fund, split.currency)
        && share > 0
    {
        let amount = i64::try_from(share).unwrap_or(i64::MAX);
        fund::spending::record_bid_income(conn, case.bid.id, now.year(), amount, &currency, now)?;
    }
    Ok(())
}

fn refusal(refused: BidRefusal) -> ApiError {
    match refused {
        BidRefusal::IllegalMove { from, action } => ApiError::conflict(
            Code::BidState,
            format!(
                "a bid that is {} cannot be {}",
                from.name(),
                match action {
                    BidAction::Go | BidAction::NoGo => "decided on",
                    BidAction::Submit => "submitted",
                    BidAction::Win => "won",
                    BidAction::Lose => "lost",
                    BidAction::Withdraw => "withdrawn",
                }
            ),
        ),
        BidRefusal::PastDeadline => ApiError::conflict(
            Code::PastDeadline,
            "the tender's deadline has passed: nothing is submitted after it",
        ),
    }
}

/// Decide go or no-go on a forming bid, with reasons and optional
/// weighted criteria (their weighted mean is shown as `score`).
#[utoipa::path(
    tag = "bidding",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The bid's id")),
    request_body = DecisionBody,
    responses(
        TokenRequired, JsonBody,
        (status = 200, description = "Decided", body = BidView),
        (status = 403, description = "Not the lead co-op's admin or the coordinator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such bid (or not the caller's)", body = Problem, content_type = "application/problem+json"),
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
    act(&state, caller, id.into_inner(), action, Some(decision)).await
}

macro_rules! bid_move {
    ($name:ident, $path:literal, $action:expr, $doc:literal, $conflict:literal) => {
        #[doc = $doc]
        #[utoipa::path(
            tag = "bidding",
            security(("bearer" = [])),
            params(("id" = Uuid, Path, description = "The bid's id")),
            responses(
                TokenRequired,
                (status = 200, description = "Moved", body = BidView),
                (status = 403, description = "Not the lead co-op's admin or the coordinator", body = Problem, content_type = "application/problem+json"),
                (status = 404, description = "No such bid (or not the caller's)", body = Problem, content_type = "application/problem+json"),
                (status = 409, description = $conflict, body = Problem, content_type = "application/problem+json"),
            )
        )]
        #[post($path)]
        pub async fn $name(
            state: web::Data<AppState>,
            caller: SignedIn,
            id: web::Path<Uuid>,
        ) -> Result<web::Json<BidView>, ApiError> {
            act(&state, caller, id.into_inner(), $action, None).await
        }
    };
}

bid_move!(
    submit_bid,
    "/bids/{id}/submit",
    BidAction::Submit,
    "Send a bid decided `go`, before the tender's deadline.",
    "Not decided go (`bid_state`), or past the deadline (`past_deadline`)"
);
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
