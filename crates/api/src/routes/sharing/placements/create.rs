//! `POST /api/v1/offers/{id}/placements`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use coophub_app::sharing::placements::{self, Asking};
use coophub_domain::sharing::{PlacementDraft, PlacementInput};
use uuid::Uuid;

use super::{PlacementRequest, PlacementView, placement_response};
use crate::auth::SignedIn;
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, Problem, TokenRequired};
use crate::state::AppState;

/// A member co-op's admins ask an open offer of another member co-op for
/// time. It must fit what is free now; the offering co-op then accepts or
/// declines.
#[utoipa::path(
    tag = "sharing",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The offer's id")),
    request_body = PlacementRequest,
    responses(
        TokenRequired, JsonBody,
        (status = 201, description = "Asked", body = PlacementView),
        (status = 403, description = "Not an admin of the asking co-op, or a co-op that is not an approved member", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such offer or co-op", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The offer is not open (`offer_not_open`), or the time does not fit (`over_capacity`, each stretch in `conflicts`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/offers/{id}/placements")]
pub async fn request_placement(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
    body: Checked<PlacementRequest>,
) -> Result<HttpResponse, ApiError> {
    let (asking, input) = body.check(|body| {
        let input = PlacementInput::parse(PlacementDraft {
            days_per_week: body.days_per_week,
            start: Some(body.start),
            end: Some(body.end),
            message: body.message.clone(),
            agreed_day_rate: body.agreed_day_rate.as_ref().map(Into::into),
        })?;
        let asking = Asking {
            coop: body.requesting_coop,
            request_id: body.request_id,
        };
        Ok((asking, input))
    })?;
    let now = state.clock.now();
    let id = id.into_inner();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            Ok(placements::request(conn, viewer, id, &asking, &input, now)?)
        })
        .await?;
    Ok(placement_response(StatusCode::CREATED, view))
}
