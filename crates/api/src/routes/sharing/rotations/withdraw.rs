//! `POST /api/v1/rotations/{id}/withdraw`.

use actix_web::{post, web};
use coophub_app::sharing::rotations;
use uuid::Uuid;

use super::RotationView;
use crate::auth::SignedIn;
use crate::problem::{ApiError, NoSuchRotation, TokenRequired};
use crate::state::AppState;

/// The person (or their co-op's admins) no longer wants to rotate: the
/// request stops being suggested and its open swaps can no longer agree.
#[utoipa::path(
    tag = "sharing",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The rotation request's id")),
    responses(
        TokenRequired, NoSuchRotation,
        (status = 200, description = "Withdrawn", body = RotationView),
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
            Ok(rotations::withdraw(conn, viewer, id, now)?)
        })
        .await?;
    Ok(web::Json(view))
}
