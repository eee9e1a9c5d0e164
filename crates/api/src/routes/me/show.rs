//! `GET /api/v1/me`: who the token belongs to, and the co-ops it holds a
//! role in.

use actix_web::{get, web};
use coophub_app::directory::accounts::{MyCoop, my_coops};
use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::{SignedIn, signed_in};
use crate::problem::{ApiError, TokenRequired};
use crate::shapes::UserView;
use crate::state::AppState;

/// The signed-in account and its co-ops.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeView {
    /// The account.
    #[serde(flatten)]
    pub account: UserView,
    /// The co-ops it holds a role in, by name, whatever their membership's
    /// status (an application waiting for the stewards included).
    pub coops: Vec<MyCoop>,
}

/// The account the bearer token belongs to, with its co-ops.
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    responses(
        TokenRequired,
        (status = 200, description = "The signed-in account", body = MeView),
    )
)]
#[get("/me")]
pub async fn show_me(
    state: web::Data<AppState>,
    caller: SignedIn,
) -> Result<web::Json<MeView>, ApiError> {
    let now = state.clock.now();
    let (viewer, coops) = state
        .read(caller, move |conn, viewer| Ok(my_coops(conn, viewer, now)?))
        .await?;
    Ok(web::Json(MeView {
        account: signed_in(&viewer)?.clone().into(),
        coops,
    }))
}
