//! `PUT /api/v1/people/{id}`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, put, web};
use coophub_app::directory::people;
use uuid::Uuid;

use super::{PersonRequest, PersonView, checked_person, person_response};
use crate::auth::SignedIn;
use crate::etag::expected_version;
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, PersonEditor, TokenRequired, Versioned};
use crate::state::AppState;

/// Replaces a person's profile. The co-op's admins and the linked account may;
/// only admins may change which account is linked.
#[utoipa::path(
    tag = "people",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "The person's id"),
        ("If-Match" = Option<String>, Header, description = "The ETag this change is based on"),
    ),
    request_body = PersonRequest,
    responses(
        TokenRequired, JsonBody, Versioned, PersonEditor,
        (status = 200, description = "Updated", body = PersonView),
    )
)]
#[put("/people/{id}")]
pub async fn update_person(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
    body: Checked<PersonRequest>,
) -> Result<HttpResponse, ApiError> {
    let expected = expected_version(&req)?;
    let (input, email) = body.check(checked_person)?;
    let now = state.clock.now();
    let id = id.into_inner();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            let change = people::Change {
                input: &input,
                linked_email: email.as_ref(),
                expected: expected.as_ref(),
                now,
            };
            Ok(people::change(conn, viewer, id, change)?)
        })
        .await?;
    Ok(person_response(StatusCode::OK, view))
}
