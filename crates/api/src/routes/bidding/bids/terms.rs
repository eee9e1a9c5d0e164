//! `PUT /api/v1/bids/{id}/terms`: the lead changes the bid's name,
//! coordinator, price, premium and fund share while the bid is open.

use actix_web::{put, web};
use coophub_app::bidding::bids::BidCase;
use coophub_app::guard::{Lock, load};
use coophub_domain::ValidationErrors;
use coophub_domain::access::bidding::manage_bid;
use coophub_domain::bidding::BidInput;
use coophub_store::bidding::bids;
use uuid::Uuid;

use super::{BidTermsBody, BidView, ensure_open, settle_terms};
use crate::auth::SignedIn;
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, Problem, TokenRequired};
use crate::state::AppState;

/// Replaces the bid's terms (what is left out goes back to its default: the
/// tender's value, a 5% premium, no fund share); the shares follow at once.
#[utoipa::path(
    tag = "bidding",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The bid's id")),
    request_body = BidTermsBody,
    responses(
        TokenRequired, JsonBody,
        (status = 200, description = "Changed", body = BidView),
        (status = 403, description = "Not the lead co-op's admin or the coordinator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such bid (or not the caller's)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The bid is closed (`bid_state`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/bids/{id}/terms")]
pub async fn change_bid_terms(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
    body: Checked<BidTermsBody>,
) -> Result<web::Json<BidView>, ApiError> {
    let body = body.check(Ok)?;
    let id = id.into_inner();
    let now = state.clock.now();
    let (viewer, case) = state
        .write(caller, move |conn, viewer| {
            let mut case = load::<BidCase>(conn, viewer, &id, manage_bid, Lock::ForChange)?;
            ensure_open(&case, "takes no more changes to its terms")?;
            let mut input = BidInput::parse(body.draft(case.bid.lot_id.clone()))?;
            let mut errors = ValidationErrors::default();
            let lead = case.bid.lead_coop_id;
            settle_terms(
                conn,
                &case.opportunity,
                lead,
                body.coordinator,
                &mut input,
                &mut errors,
            )?;
            if !errors.0.is_empty() {
                return Err(errors.into());
            }
            let bid = &mut case.bid;
            bid.title = input.title;
            bid.coordinator_id = body.coordinator;
            bid.value = input.value;
            bid.shares = input.shares;
            bids::save(conn, bid, now)?;
            Ok(BidCase::of(conn, case.bid)?)
        })
        .await?;
    Ok(web::Json(BidView::new(case, &viewer, now.date_naive())))
}
