//! `GET /api/v1/me`: who the token belongs to.

use actix_web::{get, web};

use super::UserView;
use crate::auth::{Caller, signed_in};
use crate::problem::{ApiError, SignedIn};
use crate::state::AppState;

/// The account the bearer token belongs to.
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    responses(
        SignedIn,
        (status = 200, description = "The signed-in account", body = UserView),
    )
)]
#[get("/me")]
pub async fn show_me(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<web::Json<UserView>, ApiError> {
    let caller = caller.require_token()?;
    let (viewer, ()) = state.read(caller, |_, _| Ok(())).await?;
    Ok(web::Json(signed_in(&viewer)?.clone().into()))
}
