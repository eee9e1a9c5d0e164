//! `POST /api/v1/coops/{slug}/people`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use coophub_app::directory::people;

use super::{PersonRequest, PersonView, checked_person, person_response};
use crate::auth::SignedIn;
use crate::extract::Checked;
use crate::problem::{ApiError, CoopAdmin, JsonBody, TokenRequired};
use crate::state::AppState;

/// The co-op's admins add a person (optionally linked to an account that may edit it).
#[utoipa::path(
    tag = "people",
    security(("bearer" = [])),
    params(("slug" = String, Path, description = "The co-op's slug")),
    request_body = PersonRequest,
    responses(
        TokenRequired, JsonBody, CoopAdmin,
        (status = 201, description = "Created", body = PersonView),
    )
)]
#[post("/coops/{slug}/people")]
pub async fn create_person(
    state: web::Data<AppState>,
    caller: SignedIn,
    slug: web::Path<String>,
    body: Checked<PersonRequest>,
) -> Result<HttpResponse, ApiError> {
    let (input, email) = body.check(checked_person)?;
    let now = state.clock.now();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            let change = people::Change {
                input: &input,
                linked_email: email.as_ref(),
                expected: None,
                now,
            };
            Ok(people::create(conn, viewer, &slug, change)?)
        })
        .await?;
    Ok(person_response(StatusCode::CREATED, view))
}
