//! `POST /api/v1/bids/{id}/roles`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use coophub_app::bidding::bids::BidCase;
use coophub_app::guard::{Lock, load};
use coophub_domain::access::bidding::manage_bid;
use coophub_domain::bidding::RoleInput;
use coophub_domain::{FieldError, ValidationErrors};
use coophub_store::bidding::roles;
use uuid::Uuid;

use super::{BidView, RoleBody, consortium_coop, ensure_open};
use crate::auth::SignedIn;
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, Problem, TokenRequired};
use crate::state::AppState;

/// The lead adds a role to fill (optionally for one lot), filled by a
/// co-op of the consortium if named; others are offered roles by
/// invitation. Answers the bid, the new role last.
#[utoipa::path(
    tag = "bidding",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The bid's id")),
    request_body = RoleBody,
    responses(
        TokenRequired, JsonBody,
        (status = 201, description = "Added", body = BidView),
        (status = 403, description = "Not the lead co-op's admin or the coordinator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such bid (or not the caller's)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The bid is closed (`bid_state`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/bids/{id}/roles")]
pub async fn add_role(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
    body: Checked<RoleBody>,
) -> Result<HttpResponse, ApiError> {
    let (coop, input) =
        body.check(|body| Ok((body.coop.clone(), RoleInput::parse(body.draft())?)))?;
    let id = id.into_inner();
    let now = state.clock.now();
    let (viewer, case) = state
        .write(caller, move |conn, viewer| {
            let case = load::<BidCase>(conn, viewer, &id, manage_bid, Lock::ForChange)?;
            ensure_open(&case, "takes no more roles")?;
            let mut errors = ValidationErrors::default();
            let coop = coop
                .as_deref()
                .and_then(|slug| errors.check(consortium_coop(&case, slug, "/coop")));
            if let Some(lot) = &input.lot_id
                && !case.opportunity.tender.lots.iter().any(|l| &l.id == lot)
            {
                errors.0.push(FieldError::new(
                    "/lot_id",
                    "must be the id of one of the opportunity's lots",
                ));
            }
            if !errors.0.is_empty() {
                return Err(errors.into());
            }
            roles::insert(conn, id, &input, coop, now)?;
            Ok(BidCase::of(conn, case.bid)?)
        })
        .await?;
    let mut response = HttpResponse::build(StatusCode::CREATED);
    response.insert_header(("Location", format!("/api/v1/bids/{id}")));
    Ok(response.json(BidView::new(case, &viewer, now.date_naive())))
}
