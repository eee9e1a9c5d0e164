//! `POST /api/v1/coops/{slug}/people`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use coophub_app::directory::people;

use super::{PersonRequest, PersonView, checked_person, linked_user, person_response};
use crate::auth::Caller;
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, Problem, SignedIn};
use crate::routes::coops::{ADMINISTER, coop_to_change};
use crate::state::AppState;

/// The co-op's admins add a person (optionally linked to an account that may edit it).
#[utoipa::path(
    tag = "people",
    security(("bearer" = [])),
    params(("slug" = String, Path, description = "The co-op's slug")),
    request_body = PersonRequest,
    responses(
        SignedIn, JsonBody,
        (status = 201, description = "Created", body = PersonView),
        (status = 403, description = "Not an admin of this co-op", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such co-op", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/coops/{slug}/people")]
pub async fn create_person(
    state: web::Data<AppState>,
    caller: Caller,
    slug: web::Path<String>,
    body: Checked<PersonRequest>,
) -> Result<HttpResponse, ApiError> {
    let caller = caller.require_token()?;
    let (input, email) = body.check(checked_person)?;
    let now = state.clock.now();
    let (_, (person, coop)) = state
        .write(caller, move |conn, viewer| {
            let coop = coop_to_change(conn, viewer, &slug, ADMINISTER)?;
            let user = linked_user(conn, email.as_ref())?;
            let person = people::insert(conn, coop.id, &input, user, now)?;
            Ok((person, coop))
        })
        .await?;
    Ok(person_response(
        StatusCode::CREATED,
        PersonView::new(person, &coop, true, now),
    ))
}
