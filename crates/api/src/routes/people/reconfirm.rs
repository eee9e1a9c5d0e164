//! `POST /api/v1/people/{id}/availability/reconfirm`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, post, web};
use coophub_store::people;
use uuid::Uuid;

use super::{Access, PersonView, person_response, visible_person};
use crate::auth::Viewer;
use crate::etag::expected_version;
use crate::problem::{ApiError, Problem};
use crate::state::AppState;

/// Confirms that the stated availability still holds (it lapses 30 days after the last confirmation).
#[utoipa::path(
    tag = "people",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "The person's id"),
        ("If-Match" = Option<String>, Header, description = "The ETag this is based on"),
    ),
    responses(
        (status = 200, description = "Reconfirmed", body = PersonView),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed to edit this person", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "No availability is stated", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/people/{id}/availability/reconfirm")]
pub async fn reconfirm_availability(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let expected = expected_version(&req)?;
    viewer.require_user()?;
    let (person, coop, access) = visible_person(&state, &viewer, id.into_inner()).await?;
    if !matches!(access, Access::Admin | Access::Own) {
        return Err(ApiError::Forbidden(
            "only the co-op's admins and the person may do this".into(),
        ));
    }
    let now = state.clock.now();
    let person_id = person.id;
    let updated = state
        .db(move |conn| people::reconfirm(conn, person_id, expected, now))
        .await?
        .ok_or(ApiError::Conflict {
            code: "no_availability",
            detail: "no availability is stated; set days_per_week and available_from first".into(),
        })?;
    Ok(person_response(
        StatusCode::OK,
        PersonView::new(updated, &coop, true, now),
    ))
}
