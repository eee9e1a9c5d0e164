//! `PUT /api/v1/people/{id}`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, put, web};
use coophub_domain::person::PersonInput;
use coophub_store::people;
use uuid::Uuid;

use super::{Access, PersonRequest, PersonView, linked_user, person_response, visible_person};
use crate::auth::Viewer;
use crate::etag::expected_version;
use crate::extract::Json;
use crate::problem::{ApiError, Problem};
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
        (status = 200, description = "Updated", body = PersonView),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed to edit this person", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed since read", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/people/{id}")]
pub async fn update_person(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
    body: Json<PersonRequest>,
) -> Result<HttpResponse, ApiError> {
    let expected = expected_version(&req)?;
    viewer.require_user()?;
    let (person, coop, access) = visible_person(&state, &viewer, id.into_inner()).await?;
    if !matches!(access, Access::Admin | Access::Own) {
        return Err(ApiError::Forbidden(
            "only the co-op's admins and the person may edit this profile".into(),
        ));
    }
    let input = PersonInput::parse(body.0.draft())?;
    let user = linked_user(&state, body.0.linked_user_email).await?;
    if access == Access::Own && user != person.user_id {
        return Err(ApiError::Forbidden(
            "only the co-op's admins may change the linked account".into(),
        ));
    }
    let now = state.clock.now();
    let person_id = person.id;
    let updated = state
        .db(move |conn| people::update(conn, person_id, expected, &input, user, now))
        .await?;
    Ok(person_response(
        StatusCode::OK,
        PersonView::new(updated, &coop, true, now),
    ))
}
