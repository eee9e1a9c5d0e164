//! `PUT /api/v1/coops/{slug}/users`: co-op admins add users by email.

use actix_web::{HttpResponse, put, web};
use coophub_app::directory::coops;
use coophub_domain::Email;
use coophub_domain::coop::CoopRole;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::SignedIn;
use crate::extract::Json;
use crate::problem::{ApiError, CoopAdmin, JsonBody, Problem, TokenRequired};
use crate::state::AppState;

/// A user to add to the co-op, and their role.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CoopUserRequest {
    /// The email of an existing account.
    pub email: String,
    /// `admin` or `member`.
    pub role: CoopRole,
}

/// Gives an existing account a role in the co-op (replacing any role it had).
#[utoipa::path(
    tag = "coops",
    security(("bearer" = [])),
    params(("slug" = String, Path, description = "The co-op's slug")),
    request_body = CoopUserRequest,
    responses(
        TokenRequired, JsonBody, CoopAdmin,
        (status = 200, description = "The role was given", body = CoopUserRequest),
        (status = 409, description = "This would leave the co-op without an admin", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No account has this email", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/coops/{slug}/users")]
pub async fn add_coop_user(
    state: web::Data<AppState>,
    caller: SignedIn,
    slug: web::Path<String>,
    body: Json<CoopUserRequest>,
) -> Result<HttpResponse, ApiError> {
    let CoopUserRequest { email, role } = body.0;
    let email = Email::parse(&email, "/email").map_err(ApiError::from_field)?;
    let (_, email) = state
        .write(caller, move |conn, viewer| {
            Ok(coops::grant_role(conn, viewer, &slug, &email, role)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(CoopUserRequest { email, role }))
}
