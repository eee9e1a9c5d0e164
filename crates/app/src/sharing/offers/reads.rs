//! Offers as the viewer may see them: one, or a page of a filtered list.

use chrono::{DateTime, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::access::sharing as access;
use coophub_domain::coop::Coop;
use coophub_domain::sharing::{Offer, OfferStatus, WorkMode};
use coophub_store::sharing::offers::{self, OfferFilter};
use coophub_store::{DbConnection, Page};
use uuid::Uuid;

use super::super::views::{OfferList, OfferView};
use super::super::{Resolved, audience, coop_of, person_visible, resolve_filters, visible_person};
use crate::AppError;
use crate::guard::{Lock, load};

/// What a list of offers is narrowed to; every filter is optional.
#[derive(Debug, Default)]
pub struct OfferFilters {
    /// The offering co-op's slug.
    pub coop: Option<String>,
    /// A skill, in any spelling.
    pub skill: Option<String>,
    /// Open, paused or closed.
    pub status: Option<OfferStatus>,
    /// Remote, hybrid or on site.
    pub work_mode: Option<WorkMode>,
    /// The person offered; one the viewer may not see matches nothing.
    pub person_id: Option<Uuid>,
}

/// A page of the offers the viewer may see (rates only where they may).
pub fn list(
    conn: &mut DbConnection,
    viewer: &Viewer,
    filters: OfferFilters,
    page: Page,
    now: DateTime<Utc>,
) -> Result<OfferList, AppError> {
    let empty = || OfferList {
        items: Vec::new(),
        total: 0,
        page: page.number,
        per_page: page.size,
    };
    let Some(Resolved { coop, skill }) = resolve_filters(conn, filters.coop, filters.skill)? else {
        return Ok(empty());
    };
    if let Some(id) = filters.person_id
        && !person_visible(conn, viewer, id)?
    {
        return Ok(empty());
    }
    let filter = OfferFilter {
        coop,
        skill,
        status: filters.status,
        work_mode: filters.work_mode,
        person: filters.person_id,
    };
    let (found, total) = offers::list(conn, &filter, &audience(viewer), now, page)?;
    let mut items = Vec::with_capacity(found.len());
    for offer in found {
        let coop = coop_of(conn, offer.coop_id, &String::new)?;
        items.push(view(conn, viewer, offer, &coop, now)?);
    }
    Ok(OfferList {
        items,
        total,
        ..empty()
    })
}

/// The offer `id`, if the viewer may see it.
pub fn show(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<OfferView, AppError> {
    let (offer, coop) =
        load::<(Offer, Coop)>(conn, viewer, &id, (access::read_listing, now), Lock::Read)?;
    view(conn, viewer, offer, &coop, now)
}

/// The offer as the viewer sees it: the person if visible, the rates if
/// the viewer may see them.
fn view(
    conn: &mut DbConnection,
    viewer: &Viewer,
    offer: Offer,
    coop: &Coop,
    now: DateTime<Utc>,
) -> Result<OfferView, AppError> {
    let person = visible_person(conn, viewer, offer.person_id, coop)?;
    let rates = access::see_rates(viewer, coop.id);
    Ok(OfferView::new(offer, coop, person.as_ref(), rates, now))
}
