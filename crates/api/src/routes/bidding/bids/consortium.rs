//! `POST /api/v1/bids/{id}/invitations` and
//! `POST /api/v1/bids/{id}/invitations/{slug}/answer`: the lead invites a
//! co-op (optionally to roles); its admins accept or decline. Until they
//! accept, the co-op is named only to the lead's managers and to itself.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use coophub_app::bidding::bids;
use uuid::Uuid;

use super::{BidView, InvitationAnswer, InvitationBody};
use crate::auth::SignedIn;
use crate::extract::Checked;
use crate::problem::{ApiError, BidLead, JsonBody, Problem, TokenRequired};
use crate::state::AppState;

/// The lead invites an approved member co-op to the consortium, offering it
/// roles of the bid; inviting again (after a decline too) renews the
/// invitation and adds the roles.
#[utoipa::path(
    tag = "bidding",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The bid's id")),
    request_body = InvitationBody,
    responses(
        TokenRequired, JsonBody, BidLead,
        (status = 201, description = "Invited", body = BidView),
        (status = 409, description = "The bid is closed (`bid_state`), or the co-op is in the consortium already (`invitation_closed`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/bids/{id}/invitations")]
pub async fn invite_coop(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
    body: Checked<InvitationBody>,
) -> Result<HttpResponse, ApiError> {
    let body = body.check(Ok)?;
    let id = id.into_inner();
    let now = state.clock.now();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            let invitation = bids::Invitation {
                slug: body.coop.trim(),
                offered: &body.role_ids,
                message: body.message.as_deref(),
            };
            Ok(bids::invite(conn, viewer, id, &invitation, now)?)
        })
        .await?;
    let mut response = HttpResponse::build(StatusCode::CREATED);
    response.insert_header(("Location", format!("/api/v1/bids/{}", view.id)));
    Ok(response.json(view))
}

/// The invited co-op's admins accept (joining the consortium, named in the
/// bid from then on) or decline (its roles are freed, and it is left out of
/// this bid's suggestions).
#[utoipa::path(
    tag = "bidding",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "The bid's id"),
        ("slug" = String, Path, description = "The invited co-op's slug"),
    ),
    request_body = InvitationAnswer,
    responses(
        TokenRequired, JsonBody,
        (status = 200, description = "Answered", body = BidView),
        (status = 403, description = "Not an admin of the invited co-op", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such bid or co-op (or not the caller's)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "No open invitation for the co-op (`invitation_closed`), or the bid is closed (`bid_state`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/bids/{id}/invitations/{slug}/answer")]
pub async fn answer_bid_invitation(
    state: web::Data<AppState>,
    caller: SignedIn,
    path: web::Path<(Uuid, String)>,
    body: Checked<InvitationAnswer>,
) -> Result<web::Json<BidView>, ApiError> {
    let accept = body.check(|body| Ok(body.accept))?;
    let (id, slug) = path.into_inner();
    let now = state.clock.now();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            Ok(bids::answer_invitation(
                conn, viewer, id, &slug, accept, now,
            )?)
        })
        .await?;
    Ok(web::Json(view))
}
