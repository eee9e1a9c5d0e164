//! `GET /api/v1/bids/{id}/partners.csv`: the consortium as a tender's forms
//! ask for it, one co-op a line.

use actix_web::{HttpResponse, get, web};
use coophub_app::bidding::partners;
use uuid::Uuid;

use crate::auth::Caller;
use crate::problem::{ApiError, BidConsortium};
use crate::state::AppState;

/// The consortium as CSV (UTF-8, a header line, the lead first): role
/// (`lead` or `partner`), name, legal form, registration number, address,
/// locality, postcode, country, website, email, phone, the titles of its
/// roles and their days of effort. To the consortium only.
#[utoipa::path(
    tag = "bidding",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path, description = "The bid's id")),
    responses(
        BidConsortium,
        (status = 200, description = "The consortium, one co-op a line", body = String, content_type = "text/csv"),
    )
)]
#[get("/bids/{id}/partners.csv")]
pub async fn bid_partners_csv(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let (_, lines) = state
        .read(caller, move |conn, viewer| {
            Ok(partners::of_bid(conn, viewer, id)?)
        })
        .await?;
    let mut out = csv::Writer::from_writer(Vec::new());
    for line in &lines {
        out.serialize(line).map_err(ApiError::internal)?;
    }
    let body = out.into_inner().map_err(ApiError::internal)?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"bid-{id}-partners.csv\""),
        ))
        .body(body))
}
