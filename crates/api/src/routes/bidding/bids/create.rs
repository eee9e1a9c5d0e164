//! `POST /api/v1/bids`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use coophub_app::bidding::bids::BidCase;
use coophub_app::directory::coops::READ;
use coophub_app::guard::{Lock, load};
use coophub_domain::access::bidding::open_bid;
use coophub_domain::bidding::{BidInput, OpportunityStatus};
use coophub_domain::coop::Coop;
use coophub_domain::{FieldError, ValidationErrors};
use coophub_store::bidding::{bids, opportunities};

use super::{BidBody, BidView, settle_terms};
use crate::auth::{SignedIn, refused};
use crate::extract::Checked;
use crate::problem::{ApiError, Code, JsonBody, Problem, TokenRequired};
use crate::state::AppState;

/// An admin of an approved member co-op opens a bid on an open (or
/// planning) opportunity, led by that co-op; it starts `forming`, with the
/// lead as the only member of its consortium.
#[utoipa::path(
    tag = "bidding",
    security(("bearer" = [])),
    request_body = BidBody,
    responses(
        TokenRequired, JsonBody,
        (status = 201, description = "Opened", body = BidView),
        (status = 403, description = "Not an admin of the lead co-op (an approved member)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such co-op", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The opportunity takes no more bids (`opportunity_closed`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/bids")]
pub async fn create_bid(
    state: web::Data<AppState>,
    caller: SignedIn,
    body: Checked<BidBody>,
) -> Result<HttpResponse, ApiError> {
    let (slug, opportunity_id, coordinator, input) = body.check(|body| {
        let input = BidInput::parse(body.draft())?;
        Ok((
            body.lead_coop.clone(),
            body.opportunity_id,
            body.coordinator,
            input,
        ))
    })?;
    let now = state.clock.now();
    let (viewer, case) = state
        .write(caller, move |conn, viewer| {
            let lead = load::<Coop>(conn, viewer, &slug, READ, Lock::Read)?;
            open_bid(viewer, lead.id).map_err(|denied| refused(denied, String::new))?;
            let opportunity = opportunities::find(conn, opportunity_id)?;
            let mut errors = ValidationErrors::default();
            let Some(opportunity) = opportunity else {
                errors.0.push(FieldError::new(
                    "/opportunity_id",
                    "must be the id of an opportunity",
                ));
                return Err(errors.into());
            };
            let mut input = input.clone();
            settle_terms(conn, &opportunity, lead.id, coordinator, &mut input, &mut errors)?;
            if !errors.0.is_empty() {
                return Err(errors.into());
            }
            if opportunity.status_at(now) == OpportunityStatus::Closed {
                return Err(ApiError::conflict(Code::OpportunityClosed, "the opportunity is closed: its deadline has passed, or it is not a call for tenders"));
            }
            let new = bids::NewBid {
                opportunity_id,
                lead: lead.id,
                coordinator,
                input: &input,
            };
            let bid = bids::insert(conn, &new, now)?;
            Ok(BidCase::of(conn, bid)?)
        })
        .await?;
    let view = BidView::new(case, &viewer, now.date_naive());
    let mut response = HttpResponse::build(StatusCode::CREATED);
    response.insert_header(("Location", format!("/api/v1/bids/{}", view.id)));
    Ok(response.json(view))
}
