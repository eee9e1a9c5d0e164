//! `GET /api/v1/me`: who the token belongs to.

use actix_web::{get, web};

use crate::auth::{SignedIn, signed_in};
use crate::problem::{ApiError, TokenRequired};
use crate::shapes::UserView;
use crate::state::AppState;

/// The account the bearer token belongs to.
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    responses(
        TokenRequired,
        (status = 200, description = "The signed-in account", body = UserView),
    )
)]
#[get("/me")]
pub async fn show_me(
    state: web::Data<AppState>,
    caller: SignedIn,
) -> Result<web::Json<UserView>, ApiError> {
    let (viewer, ()) = state.read(caller, |_, _| Ok(())).await?;
    Ok(web::Json(signed_in(&viewer)?.clone().into()))
}
