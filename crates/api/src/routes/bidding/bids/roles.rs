//! `POST /api/v1/bids/{id}/roles`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use coophub_app::bidding::bids;
use coophub_domain::bidding::RoleInput;
use uuid::Uuid;

use super::{BidView, RoleBody};
use crate::auth::SignedIn;
use crate::extract::Checked;
use crate::problem::{ApiError, BidLead, BidOpen, JsonBody, TokenRequired};
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
        TokenRequired, JsonBody, BidLead, BidOpen,
        (status = 201, description = "Added", body = BidView),
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
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            Ok(bids::add_role(
                conn,
                viewer,
                id,
                coop.as_deref(),
                &input,
                now,
            )?)
        })
        .await?;
    let mut response = HttpResponse::build(StatusCode::CREATED);
    response.insert_header(("Location", format!("/api/v1/bids/{}", view.id)));
    Ok(response.json(view))
}
