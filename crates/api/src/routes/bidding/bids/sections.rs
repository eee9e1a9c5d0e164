//! `POST /api/v1/bids/{id}/sections` and `PUT /api/v1/bids/{id}/sections/{section_id}`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, put, web};
use coophub_app::bidding::bids::BidCase;
use coophub_app::guard::{Lock, load};
use coophub_domain::access::bidding::write_sections;
use coophub_domain::bidding::SectionInput;
use coophub_domain::{FieldError, ValidationErrors};
use coophub_store::DbConnection;
use coophub_store::bidding::sections::{self, Owner};
use coophub_store::people;
use uuid::Uuid;

use super::{BidView, SectionBody, consortium_coop, ensure_open};
use crate::auth::SignedIn;
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, Problem, TokenRequired};
use crate::state::AppState;

/// Who writes the section: a consortium co-op and one of the consortium's people.
fn owner(
    conn: &mut DbConnection,
    case: &BidCase,
    coop: Option<&str>,
    input: &SectionInput,
) -> Result<Owner, ApiError> {
    let mut errors = ValidationErrors::default();
    let coop = coop.and_then(|slug| errors.check(consortium_coop(case, slug, "/owner_coop")));
    if let Some(person) = input.owner_person {
        let consortium = case.consortium();
        if people::find(conn, person)?.is_none_or(|p| !consortium.contains(&p.coop_id)) {
            errors.0.push(FieldError::new(
                "/owner_person",
                "must be the id of a person of a co-op in the consortium",
            ));
        }
    }
    if errors.0.is_empty() {
        Ok(Owner {
            coop,
            person: input.owner_person,
        })
    } else {
        Err(errors.into())
    }
}

/// Writes the section `section` (new when `None`) of bid `id`.
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
    let (viewer, case) = state
        .write(caller, move |conn, viewer| {
            let case = load::<BidCase>(conn, viewer, &id, write_sections, Lock::ForChange)?;
            ensure_open(&case, "takes no more changes to its sections")?;
            let owner = owner(conn, &case, coop.as_deref(), &input)?;
            if sections::put(conn, id, section, &input, owner)?.is_none() {
                return Err(ApiError::NotFound(format!(
                    "no section {} in bid {id}",
                    section.unwrap_or_default()
                )));
            }
            Ok(BidCase::of(conn, case.bid)?)
        })
        .await?;
    Ok(BidView::new(case, &viewer, now.date_naive()))
}

/// Anyone of the consortium adds a section to write, with its owner and due
/// date; the bid shows which sections are late.
#[utoipa::path(
    tag = "bidding",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The bid's id")),
    request_body = SectionBody,
    responses(
        TokenRequired, JsonBody,
        (status = 201, description = "Added", body = BidView),
        (status = 403, description = "Not of a co-op in the consortium", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such bid (or not the caller's)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The bid is closed (`bid_state`)", body = Problem, content_type = "application/problem+json"),
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
        TokenRequired, JsonBody,
        (status = 200, description = "Replaced", body = BidView),
        (status = 403, description = "Not of a co-op in the consortium", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such bid or section (or not the caller's)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The bid is closed (`bid_state`)", body = Problem, content_type = "application/problem+json"),
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
