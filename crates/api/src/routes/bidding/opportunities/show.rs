//! `GET /api/v1/opportunities/{id}`.

use actix_web::{get, web};
use coophub_app::bidding::opportunities;
use uuid::Uuid;

use super::OpportunityView;
use crate::auth::Caller;
use crate::problem::{ApiError, Problem};
use crate::state::AppState;

/// An opportunity (tenders are public notices: everyone reads them).
#[utoipa::path(
    tag = "bidding",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path, description = "The opportunity's id")),
    responses(
        (status = 200, description = "The opportunity", body = OpportunityView),
        (status = 404, description = "No such opportunity", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/opportunities/{id}")]
pub async fn show_opportunity(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<OpportunityView>, ApiError> {
    let id = id.into_inner();
    let now = state.clock.now();
    let (_, view) = state
        .read(caller, move |conn, _| {
            Ok(opportunities::show(conn, id, now)?)
        })
        .await?;
    Ok(web::Json(view))
}
