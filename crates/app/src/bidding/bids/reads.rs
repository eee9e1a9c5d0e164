//! Bids as their consortium sees them: one, a page, or an OCDS release.

use coophub_domain::access::Viewer;
use coophub_domain::access::bidding::{read_bid, read_rates};
use coophub_domain::bidding::{BidRelease, Party, bid_release};
use coophub_store::bidding::bids;
use coophub_store::{DbConnection, Page};
use uuid::Uuid;

use super::BidCase;
use crate::AppError;
use crate::bidding::views::{BidList, BidView};
use crate::guard::{Lock, load};

/// The bid `id`, to its consortium (and those invited) and stewards.
pub fn show(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    today: chrono::NaiveDate,
) -> Result<BidView, AppError> {
    let case = load::<BidCase>(conn, viewer, &id, read_bid, Lock::Read)?;
    Ok(BidView::new(case, viewer, today))
}

/// A page of the bids of the viewer's co-ops.
pub fn list(
    conn: &mut DbConnection,
    viewer: &Viewer,
    page: Page,
    today: chrono::NaiveDate,
) -> Result<BidList, AppError> {
    let coops: Vec<Uuid> = viewer.roles.iter().map(|held| held.coop).collect();
    let administered = viewer.administered();
    let (found, total) = bids::visible_to(conn, &coops, &administered, page)?;
    let mut items = Vec::with_capacity(found.len());
    for bid in found {
        items.push(BidView::new(BidCase::of(conn, bid)?, viewer, today));
    }
    Ok(BidList {
        items,
        total,
        page: page.number,
        per_page: page.size,
    })
}

/// The bid `id` as an OCDS release (its consortium the tenderers), for
/// those who may see its money.
pub fn release(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
) -> Result<serde_json::Value, AppError> {
    let case = load::<BidCase>(conn, viewer, &id, read_rates, Lock::Read)?;
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
    Ok(bid_release(&BidRelease {
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
    }))
}
