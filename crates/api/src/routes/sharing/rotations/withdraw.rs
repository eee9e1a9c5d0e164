//! `POST /api/v1/rotations/{id}/withdraw`.

use actix_web::{post, web};
use coophub_app::guard::{Lock, load};
use coophub_app::sharing::rotations::Asked;
use coophub_domain::access::rotation as access;
use coophub_domain::sharing::RotationStatus;
use coophub_store::sharing::rotations;
use uuid::Uuid;

use super::RotationView;
use crate::auth::SignedIn;
use crate::problem::{ApiError, Problem, TokenRequired};
use crate::state::AppState;

/// The person (or their co-op's admins) no longer wants to rotate: the
/// request stops being suggested and its open swaps can no longer agree.
#[utoipa::path(
    tag = "sharing",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The rotation request's id")),
    responses(
        TokenRequired,
        (status = 200, description = "Withdrawn", body = RotationView),
        (status = 404, description = "No such rotation request (or not the caller's)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/rotations/{id}/withdraw")]
pub async fn withdraw_rotation(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
) -> Result<web::Json<RotationView>, ApiError> {
    let now = state.clock.now();
    let id = id.into_inner();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            let asked = load::<Asked>(conn, viewer, &id, access::act_on_rotation, Lock::ForChange)?;
            let rotation =
                rotations::set_status(conn, &asked.rotation, RotationStatus::Withdrawn, now)?;
            Ok(RotationView::new(Asked { rotation, ..asked }))
        })
        .await?;
    Ok(web::Json(view))
}
