//! Placements as the two co-ops, the person placed and stewards see them.

use std::collections::HashMap;

use chrono::NaiveDate;
use coophub_domain::access::Viewer;
use coophub_domain::access::sharing as access;
use coophub_domain::coop::Coop;
use coophub_domain::sharing::{Placement, PlacementState};
use coophub_store::sharing::placements::{self, PlacementFilter};
use coophub_store::{DbConnection, Page, users};
use uuid::Uuid;

use super::super::views::{HistoryView, PlacementEventView, PlacementList, PlacementView};
use super::super::{coop_of, visible_person};
use super::Involved;
use crate::AppError;
use crate::guard::{Lock, load};

/// A page of the placements of the viewer's co-ops (every one, for
/// stewards), of one offer or in one state if asked.
pub fn list(
    conn: &mut DbConnection,
    viewer: &Viewer,
    offer: Option<Uuid>,
    state: Option<PlacementState>,
    page: Page,
    today: NaiveDate,
) -> Result<PlacementList, AppError> {
    let involving =
        (!viewer.is_network_admin()).then(|| viewer.roles.iter().map(|held| held.coop).collect());
    let filter = PlacementFilter {
        involving,
        offer,
        person: None,
        states: state.into_iter().collect(),
    };
    let (found, total) = placements::list(conn, &filter, page)?;
    let mut items = Vec::with_capacity(found.len());
    for placement in found {
        let offering = coop_of(conn, placement.offering_coop_id, &String::new)?;
        let requesting = coop_of(conn, placement.requesting_coop_id, &String::new)?;
        items.push(view_of(
            conn,
            viewer,
            placement,
            [&offering, &requesting],
            today,
        )?);
    }
    Ok(PlacementList {
        items,
        total,
        page: page.number,
        per_page: page.size,
    })
}

/// The placement `id`, if the viewer may see it.
pub fn show(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    today: NaiveDate,
) -> Result<PlacementView, AppError> {
    let involved = load::<Involved>(conn, viewer, &id, access::read_placement, Lock::Read)?;
    let coops = [&involved.offering, &involved.requesting];
    view_of(conn, viewer, involved.placement, coops, today)
}

/// Every change of the placement `id`: who, when and why, oldest first.
pub fn history(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
) -> Result<HistoryView, AppError> {
    load::<Involved>(conn, viewer, &id, access::read_placement, Lock::Read)?;
    history_of(conn, id)
}

/// The moves of placement `id`, for a viewer already found to read it.
pub(crate) fn history_of(conn: &mut DbConnection, id: Uuid) -> Result<HistoryView, AppError> {
    let events = placements::history(conn, id)?;
    let mut names: HashMap<Uuid, Option<String>> = HashMap::new();
    let mut items = Vec::with_capacity(events.len());
    for event in events {
        let by_name = match event.user_id {
            Some(user) => match names.get(&user) {
                Some(name) => name.clone(),
                None => {
                    let name = users::find(conn, user)?.map(|(u, _)| u.name);
                    names.insert(user, name.clone());
                    name
                }
            },
            None => None,
        };
        items.push(PlacementEventView {
            seq: event.seq,
            state: event.state,
            action: event.action,
            by_user_id: event.user_id,
            by_name,
            reason: event.reason,
            at: event.at,
        });
    }
    Ok(HistoryView {
        placement_id: id,
        items,
    })
}

/// The placement between `offering` and `requesting` as the viewer sees it
/// on `today` (the person named only if visible).
pub(crate) fn view_of(
    conn: &mut DbConnection,
    viewer: &Viewer,
    placement: Placement,
    [offering, requesting]: [&Coop; 2],
    today: NaiveDate,
) -> Result<PlacementView, AppError> {
    let person = visible_person(conn, viewer, placement.person_id, offering)?;
    let member = [offering.id, requesting.id]
        .into_iter()
        .any(|coop| viewer.role_in(coop).is_some());
    let mut view = PlacementView::new(placement, offering, requesting, person.as_ref(), today);
    if !member {
        view.agreed_day_rate = None;
    }
    Ok(view)
}
