//! `DELETE /api/v1/people/{id}`.

use actix_web::{HttpRequest, HttpResponse, delete, web};
use coophub_app::directory::people;
use uuid::Uuid;

use crate::auth::SignedIn;
use crate::etag::expected_version;
use crate::problem::{ApiError, NoSuchPerson, Problem, TokenRequired, Versioned};
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
        TokenRequired, Versioned, NoSuchPerson,
        (status = 204, description = "Deleted"),
        (status = 403, description = "Not an admin of the person's co-op", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/people/{id}")]
pub async fn delete_person(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let expected = expected_version(&req)?;
    let now = state.clock.now();
    let id = id.into_inner();
    state
        .write(caller, move |conn, viewer| {
            Ok(people::delete(conn, viewer, id, expected.as_ref(), now)?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
