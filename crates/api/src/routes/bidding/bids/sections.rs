//! `POST /api/v1/bids/{id}/sections` and `PUT /api/v1/bids/{id}/sections/{section_id}`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, put, web};
use coophub_app::bidding::bids;
use coophub_domain::bidding::SectionInput;
use uuid::Uuid;

use super::{BidView, SectionBody};
use crate::auth::SignedIn;
use crate::extract::Checked;
use crate::problem::{ApiError, BidOpen, JsonBody, NoSuchBid, Problem, TokenRequired};
use crate::state::AppState;

/// Adds the section (`section` is `None`) or replaces it.
async fn put_section(
    state: &AppState,
    caller: SignedIn,
    id: Uuid,
    section: Option<Uuid>,
    body: Checked<SectionBody>,
) -> Result<BidView, ApiError> {
    let (coop, input) =
        body.check(|body| Ok((body.owner_coop.clone(), SectionInput::parse(body.draft())?)))?;
    let now = state.clock.now();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            let owner = coop.as_deref();
            Ok(bids::put_section(
                conn, viewer, id, section, owner, &input, now,
            )?)
        })
        .await?;
    Ok(view)
}

/// Anyone of the consortium adds a section to write, with its owner and due
/// date; the bid shows which sections are late.
#[utoipa::path(
    tag = "bidding",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The bid's id")),
    request_body = SectionBody,
    responses(
        TokenRequired, JsonBody, NoSuchBid, BidOpen,
        (status = 201, description = "Added", body = BidView),
        (status = 403, description = "Not of a co-op in the consortium", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/bids/{id}/sections")]
pub async fn add_section(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
    body: Checked<SectionBody>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let view = put_section(&state, caller, id, None, body).await?;
    let mut response = HttpResponse::build(StatusCode::CREATED);
    response.insert_header(("Location", format!("/api/v1/bids/{id}")));
    Ok(response.json(view))
}

/// Replace a section: its title, owner, due date and status.
#[utoipa::path(
    tag = "bidding",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "The bid's id"),
        ("section_id" = Uuid, Path, description = "The section's id"),
    ),
    request_body = SectionBody,
    responses(
        TokenRequired, JsonBody, BidOpen,
        (status = 200, description = "Replaced", body = BidView),
        (status = 403, description = "Not of a co-op in the consortium", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such bid or section (or not the caller's)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/bids/{id}/sections/{section_id}")]
pub async fn update_section(
    state: web::Data<AppState>,
    caller: SignedIn,
    path: web::Path<(Uuid, Uuid)>,
    body: Checked<SectionBody>,
) -> Result<web::Json<BidView>, ApiError> {
    let (id, section) = path.into_inner();
    Ok(web::Json(
        put_section(&state, caller, id, Some(section), body).await?,
    ))
}
