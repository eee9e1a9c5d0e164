//! `GET /api/v1/people/{id}`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, web};
use uuid::Uuid;

use coophub_domain::access;

use super::{PersonView, person_for, person_response, shows_private_fields};
use crate::auth::Caller;
use crate::problem::{ApiError, Problem};
use crate::state::AppState;

/// One person, with its `ETag`.
#[utoipa::path(
    tag = "people",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path, description = "The person's id")),
    responses(
        (status = 200, description = "The person", body = PersonView),
        (status = 404, description = "No such person (or not visible to you)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/people/{id}")]
pub async fn show_person(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let (viewer, (person, coop)) = state
        .read(caller, move |conn, viewer| {
            person_for(conn, viewer, id, access::read_person)
        })
        .await?;
    let detail = shows_private_fields(&viewer, &person, &coop);
    let view = PersonView::new(person, &coop, detail, state.clock.now());
    Ok(person_response(StatusCode::OK, view))
}
