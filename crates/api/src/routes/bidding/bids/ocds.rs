//! `GET /api/v1/bids/{id}/ocds`: the bid as open data (an OCDS 1.1 release
//! package declaring the bids and lots extensions it uses), to the
//! consortium, which decides whether to publish it.

use actix_web::{HttpResponse, get, web};
use coophub_app::bidding::bids::BidCase;
use coophub_app::guard::{Lock, load};
use coophub_domain::access::bidding::read_rates;
use coophub_domain::bidding::{BidRelease, Party, bid_package, bid_release};
use uuid::Uuid;

use crate::auth::Caller;
use crate::openapi::ocds::OcdsPackage;
use crate::problem::{ApiError, Problem};
use crate::state::AppState;

fn release_of(case: &BidCase) -> serde_json::Value {
    let tender = &case.opportunity.tender;
    let party = |id: Uuid| {
        case.coop(id).map(|coop| Party {
            id: format!("coophub-{}", coop.slug),
            name: coop.profile.name.clone(),
        })
    };
    let lot = case.bid.lot_id.as_deref().map(|id| {
        let found = tender.lots.iter().find(|l| l.id == id);
        (
            id,
            found.map_or("", |l| l.title.as_str()),
            found.and_then(|l| l.value.as_ref()),
        )
    });
    bid_release(&BidRelease {
        bid: &case.bid,
        ocid: &tender.ocid,
        title: &tender.title,
        buyer: tender.buyer_name.as_ref().map(|name| Party {
            id: tender
                .buyer_id
                .clone()
                .unwrap_or_else(|| format!("{}-buyer", tender.ocid)),
            name: name.clone(),
        }),
        lot,
        tenderers: case.consortium().into_iter().filter_map(party).collect(),
    })
}

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
        (status = 200, description = "An OCDS release package", body = OcdsPackage, content_type = "application/json"),
        (status = 403, description = "Invited, not (yet) in the consortium", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such bid (or not the caller's)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/bids/{id}/ocds")]
pub async fn bid_ocds(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let (_, case) = state
        .read(caller, move |conn, viewer| {
            Ok(load::<BidCase>(conn, viewer, &id, read_rates, Lock::Read)?)
        })
        .await?;
    let uri = format!("{}/api/v1/bids/{id}/ocds", state.public_url);
    let package = bid_package(release_of(&case), &uri, state.clock.now());
    Ok(HttpResponse::Ok().json(package))
}
