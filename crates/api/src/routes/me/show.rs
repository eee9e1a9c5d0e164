//! `GET /api/v1/me`: who the token belongs to.

use actix_web::{get, web};

use super::UserView;
use crate::auth::CurrentUser;
use crate::problem::Problem;

/// The account the bearer token belongs to.
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The signed-in account", body = UserView),
        (status = 401, description = "Missing or invalid token", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me")]
pub async fn show_me(user: CurrentUser) -> web::Json<UserView> {
    web::Json(user.0.into())
}
