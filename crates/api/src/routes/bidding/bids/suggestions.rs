//! `GET /api/v1/bids/{id}/roles/{role_id}/suggestions`: co-ops (and their
//! people) that could fill a role, best first, each with its reasons.

use actix_web::{get, web};
use coophub_app::bidding::suggestions::{self, SuggestionList};
use uuid::Uuid;

use crate::auth::Caller;
use crate::problem::{ApiError, Problem};
use crate::state::AppState;

/// Co-ops (and their people) ranked for a role by skill coverage and
/// level, time over the role's period, distance to the lead, past work
/// together and willingness to share experience; co-ops that declined this
/// bid are left out, and so is any co-op that covers none of the skills.
/// To the consortium only.
#[utoipa::path(
    tag = "bidding",
    security((), ("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "The bid's id"),
        ("role_id" = Uuid, Path, description = "The role's id"),
    ),
    responses(
        (status = 200, description = "Suggestions, best first", body = SuggestionList),
        (status = 403, description = "Invited, not (yet) in the consortium", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such bid or role (or not the caller's)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/bids/{id}/roles/{role_id}/suggestions")]
pub async fn role_suggestions(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<web::Json<SuggestionList>, ApiError> {
    let (id, role_id) = path.into_inner();
    let now = state.clock.now();
    let (_, list) = state
        .read(caller, move |conn, viewer| {
            Ok(suggestions::for_role(conn, viewer, id, role_id, now)?)
        })
        .await?;
    Ok(web::Json(list))
}
