//! `POST /api/v1/bids`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use coophub_app::bidding::bids::{self, Opening};
use coophub_domain::bidding::BidInput;

use super::{BidBody, BidView};
use crate::auth::SignedIn;
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, NoSuchCoop, Problem, TokenRequired};
use crate::state::AppState;

/// An admin of an approved member co-op opens a bid on an open (or
/// planning) opportunity, led by that co-op; it starts `forming`, with the
/// lead as the only member of its consortium.
#[utoipa::path(
    tag = "bidding",
    security(("bearer" = [])),
    request_body = BidBody,
    responses(
        TokenRequired, JsonBody, NoSuchCoop,
        (status = 201, description = "Opened", body = BidView),
        (status = 403, description = "Not an admin of the lead co-op (an approved member)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The opportunity takes no more bids (`opportunity_closed`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/bids")]
pub async fn create_bid(
    state: web::Data<AppState>,
    caller: SignedIn,
    body: Checked<BidBody>,
) -> Result<HttpResponse, ApiError> {
    let (opening, input) = body.check(|body| {
        let input = BidInput::parse(body.draft())?;
        let opening = Opening {
            lead: body.lead_coop,
            opportunity: body.opportunity_id,
            coordinator: body.coordinator,
        };
        Ok((opening, input))
    })?;
    let now = state.clock.now();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            Ok(bids::open(conn, viewer, &opening, &input, now)?)
        })
        .await?;
    let mut response = HttpResponse::build(StatusCode::CREATED);
    response.insert_header(("Location", format!("/api/v1/bids/{}", view.id)));
    Ok(response.json(view))
}
