//! `PUT /api/v1/coops/{slug}/users`: co-op admins add users by email.

use actix_web::{HttpResponse, put, web};
use coophub_domain::Email;
use coophub_domain::coop::CoopRole;
use coophub_store::coops::roles;
use coophub_store::users;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{require_coop_admin, visible_coop};
use crate::auth::Viewer;
use crate::extract::Json;
use crate::problem::{ApiError, Problem};
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
        (status = 200, description = "The role was given", body = CoopUserRequest),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an admin of this co-op", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such co-op", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No account has this email", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/coops/{slug}/users")]
pub async fn add_coop_user(
    state: web::Data<AppState>,
    viewer: Viewer,
    slug: web::Path<String>,
    body: Json<CoopUserRequest>,
) -> Result<HttpResponse, ApiError> {
    viewer.require_user()?;
    let coop = visible_coop(&state, &viewer, slug.into_inner()).await?;
    require_coop_admin(&state, &viewer, &coop).await?;
    let CoopUserRequest { email, role } = body.0;
    let email = Email::parse(&email, "/email").map_err(ApiError::from_field)?;
    let coop_id = coop.id;
    let granted = state
        .db(move |conn| {
            let Some((user, _)) = users::find_by_email(conn, email.as_str())? else {
                return Ok(None);
            };
            roles::grant(conn, coop_id, user.id, role)?;
            Ok(Some(user.email))
        })
        .await?;
    let email = granted.ok_or_else(|| {
        ApiError::from_field(coophub_domain::FieldError::new(
            "/email",
            "no account has this email",
        ))
    })?;
    Ok(HttpResponse::Ok().json(CoopUserRequest { email, role }))
}
