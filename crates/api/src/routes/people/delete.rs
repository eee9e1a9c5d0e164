//! `DELETE /api/v1/people/{id}`.

use actix_web::{HttpRequest, HttpResponse, delete, web};
use coophub_store::people;
use uuid::Uuid;

use super::{Access, visible_person};
use crate::auth::Viewer;
use crate::etag::expected_version;
use crate::problem::{ApiError, Problem};
use crate::state::AppState;

/// The co-op's admins remove a person.
#[utoipa::path(
    tag = "people",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "The person's id"),
        ("If-Match" = Option<String>, Header, description = "The ETag this deletion is based on"),
    ),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an admin of the person's co-op", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed since read", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/people/{id}")]
pub async fn delete_person(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let expected = expected_version(&req)?;
    viewer.require_user()?;
    let (person, _, access) = visible_person(&state, &viewer, id.into_inner()).await?;
    if access != Access::Admin {
        return Err(ApiError::Forbidden(
            "only the co-op's admins may remove people".into(),
        ));
    }
    let now = state.clock.now();
    state
        .db(move |conn| people::delete(conn, person.id, expected, now))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
