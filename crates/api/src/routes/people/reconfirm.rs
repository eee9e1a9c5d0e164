//! `POST /api/v1/people/{id}/availability/reconfirm`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, post, web};
use coophub_app::directory::people;
use uuid::Uuid;

use coophub_domain::access;

use super::{PersonView, person_response, person_to_change};
use crate::auth::Caller;
use crate::etag::expected_version;
use crate::problem::{ApiError, Code, Problem, SignedIn, Versioned};
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
        SignedIn, Versioned,
        (status = 200, description = "Reconfirmed", body = PersonView),
        (status = 403, description = "Not allowed to edit this person", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "No availability is stated", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/people/{id}/availability/reconfirm")]
pub async fn reconfirm_availability(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let caller = caller.require_token()?;
    let expected = expected_version(&req)?;
    let now = state.clock.now();
    let id = id.into_inner();
    let (_, (updated, coop)) = state
        .write(caller, move |conn, viewer| {
            let (_, coop) = person_to_change(conn, viewer, id, access::edit_person)?;
            let updated =
                people::reconfirm(conn, id, expected.as_ref(), now)?.ok_or_else(|| {
                    ApiError::conflict(
                        Code::NoAvailability,
                        "no availability is stated; set days_per_week and available_from first",
                    )
                })?;
            Ok((updated, coop))
        })
        .await?;
    Ok(person_response(
        StatusCode::OK,
        PersonView::new(updated, &coop, true, now),
    ))
}
