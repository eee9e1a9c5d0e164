//! `POST /api/v1/opportunities`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use coophub_app::bidding::opportunities;

use super::{ManualOpportunity, OpportunityView};
use crate::auth::SignedIn;
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, TenderAdder, TokenRequired};
use crate::state::AppState;

/// Network admins and admins of member co-ops enter a tender by hand.
#[utoipa::path(
    tag = "bidding",
    security(("bearer" = [])),
    request_body = ManualOpportunity,
    responses(
        TokenRequired, JsonBody, TenderAdder,
        (status = 201, description = "Entered", body = OpportunityView),
    )
)]
#[post("/opportunities")]
pub async fn create_opportunity(
    state: web::Data<AppState>,
    caller: SignedIn,
    body: Checked<ManualOpportunity>,
) -> Result<HttpResponse, ApiError> {
    let (tender, skills) = body.check(|body| Ok(body.checked()?))?;
    let now = state.clock.now();
    let release = tender.into_release(format!("coophub-{}", uuid::Uuid::new_v4()), now);
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            Ok(opportunities::enter(conn, viewer, &release, &skills, now)?)
        })
        .await?;
    let mut response = HttpResponse::build(StatusCode::CREATED);
    response.insert_header(("Location", format!("/api/v1/opportunities/{}", view.id)));
    Ok(response.json(view))
}
