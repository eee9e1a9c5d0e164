//! `POST /api/v1/people/{id}/availability/reconfirm`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, post, web};
use coophub_app::directory::people;
use uuid::Uuid;

use super::{PersonView, person_response};
use crate::auth::SignedIn;
use crate::etag::expected_version;
use crate::problem::{ApiError, PersonEditor, Problem, TokenRequired, Versioned};
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
        TokenRequired, Versioned, PersonEditor,
        (status = 200, description = "Reconfirmed", body = PersonView),
        (status = 409, description = "No availability is stated", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/people/{id}/availability/reconfirm")]
pub async fn reconfirm_availability(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let expected = expected_version(&req)?;
    let now = state.clock.now();
    let id = id.into_inner();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            Ok(people::confirm_availability(
                conn,
                viewer,
                id,
                expected.as_ref(),
                now,
            )?)
        })
        .await?;
    Ok(person_response(StatusCode::OK, view))
}
