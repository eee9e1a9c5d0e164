//! `POST /api/v1/coops/{slug}/people`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use coophub_domain::person::PersonInput;
use coophub_store::people;

use super::{PersonRequest, PersonView, linked_user, person_response};
use crate::auth::Viewer;
use crate::extract::Json;
use crate::problem::{ApiError, Problem};
use crate::routes::coops::{require_coop_admin, visible_coop};
use crate::state::AppState;

/// The co-op's admins add a person (optionally linked to an account that may edit it).
#[utoipa::path(
    tag = "people",
    security(("bearer" = [])),
    params(("slug" = String, Path, description = "The co-op's slug")),
    request_body = PersonRequest,
    responses(
        (status = 201, description = "Created", body = PersonView),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an admin of this co-op", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such co-op", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/coops/{slug}/people")]
pub async fn create_person(
    state: web::Data<AppState>,
    viewer: Viewer,
    slug: web::Path<String>,
    body: Json<PersonRequest>,
) -> Result<HttpResponse, ApiError> {
    viewer.require_user()?;
    let coop = visible_coop(&state, &viewer, slug.into_inner()).await?;
    require_coop_admin(&state, &viewer, &coop).await?;
    let input = PersonInput::parse(body.0.draft())?;
    let user = linked_user(&state, body.0.linked_user_email).await?;
    let now = state.clock.now();
    let coop_id = coop.id;
    let person = state
        .db(move |conn| people::insert(conn, coop_id, &input, user, now))
        .await?;
    Ok(person_response(
        StatusCode::CREATED,
        PersonView::new(person, &coop, true, now),
    ))
}
