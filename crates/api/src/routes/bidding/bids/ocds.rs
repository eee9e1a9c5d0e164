//! `GET /api/v1/bids/{id}/ocds`: the bid as open data (an OCDS 1.1 release
//! package declaring the bids and lots extensions it uses), to the
//! consortium, which decides whether to publish it.

use actix_web::{HttpResponse, get, web};
use coophub_app::bidding::bids;
use coophub_domain::bidding::bid_package;
use uuid::Uuid;

use crate::auth::Caller;
use crate::openapi::ocds::OcdsPackage;
use crate::problem::{ApiError, BidConsortium};
use crate::state::AppState;

/// The bid as an OCDS 1.1 release package of one release: `bids.details`
/// with the consortium as tenderers (parties with the `tenderer` role), the
/// buyer, and the lot when the bid is for one; the package's `extensions`
/// name the bids extension (and the lots extension for a lot). Only co-ops
/// that accepted are named.
#[utoipa::path(
    tag = "bidding",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path, description = "The bid's id")),
    responses(
        BidConsortium,
        (status = 200, description = "An OCDS release package", body = OcdsPackage, content_type = "application/json"),
    )
)]
#[get("/bids/{id}/ocds")]
pub async fn bid_ocds(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let (_, release) = state
        .read(caller, move |conn, viewer| {
            Ok(bids::release(conn, viewer, id)?)
        })
        .await?;
    let uri = format!("{}/api/v1/bids/{id}/ocds", state.public_url);
    let package = bid_package(release, &uri, state.clock.now());
    Ok(HttpResponse::Ok().json(package))
}
