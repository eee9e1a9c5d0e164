//! `POST /api/v1/rotations`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use coophub_app::sharing::rotations::Asked;
use coophub_domain::FieldError;
use coophub_domain::access::rotation::{self as access, RotationFacts};
use coophub_domain::sharing::{Rotation, RotationInput};
use coophub_store::sharing::{offers, placements, rotations};
use coophub_store::{DbConnection, people};

use super::{RotationBody, RotationView};
use crate::auth::{SignedIn, refused};
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, Problem, TokenRequired};
use crate::state::AppState;
use coophub_app::sharing::coop_of;

/// A person asks, privately, to rotate off their current work. Only they
/// and their co-op's admins will ever see it.
#[utoipa::path(
    tag = "sharing",
    security(("bearer" = [])),
    request_body = RotationBody,
    responses(
        TokenRequired, JsonBody,
        (status = 201, description = "Asked", body = RotationView),
        (status = 403, description = "Only the person themselves may ask", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person (or not one the caller may act for)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/rotations")]
pub async fn create_rotation(
    state: web::Data<AppState>,
    caller: SignedIn,
    body: Checked<RotationBody>,
) -> Result<HttpResponse, ApiError> {
    let (person_id, input) = body.check(|body| {
        let input = RotationInput::parse(body.draft())?;
        Ok((body.person_id, input))
    })?;
    let now = state.clock.now();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            let not_found = || format!("no person {person_id}");
            let person = people::find_for_update(conn, person_id)?
                .ok_or_else(|| ApiError::NotFound(not_found()))?;
            let facts = RotationFacts {
                coop: person.coop_id,
                account: person.user_id,
            };
            access::ask_to_rotate(viewer, facts).map_err(|denied| refused(denied, not_found))?;
            check_references(conn, &input, person.id)?;
            let coop = coop_of(conn, person.coop_id, &not_found)?;
            let rotation: Rotation = rotations::insert(conn, person.id, coop.id, &input, now)?;
            Ok(RotationView::new(Asked {
                rotation,
                person,
                coop,
            }))
        })
        .await?;
    let mut response = HttpResponse::build(StatusCode::CREATED);
    response.insert_header(("Location", format!("/api/v1/rotations/{}", view.id)));
    Ok(response.json(view))
}

/// 422 unless the placement and offer rotated off are the person's own.
fn check_references(
    conn: &mut DbConnection,
    input: &RotationInput,
    person: uuid::Uuid,
) -> Result<(), ApiError> {
    let mut errors = Vec::new();
    if let Some(id) = input.from_placement
        && placements::find(conn, id)?.is_none_or(|p| p.person_id != Some(person))
    {
        errors.push(FieldError::new(
            "/from_placement_id",
            "must be one of your placements",
        ));
    }
    if let Some(id) = input.from_offer
        && offers::find(conn, id)?.is_none_or(|o| o.person_id != Some(person))
    {
        errors.push(FieldError::new("/from_offer_id", "must be an offer of you"));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Validation(coophub_domain::ValidationErrors(
            errors,
        )))
    }
}
