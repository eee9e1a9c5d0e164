//! A signed-in account's own page: its co-ops, its profiles with their
//! availability, the newest of its inbox, its alerts, its bids, placements
//! and rotation requests — each as its own operation shows it to them.

use chrono::{DateTime, Utc};
use coophub_domain::access::Viewer;
use coophub_store::notifications::NotificationFilter;
use coophub_store::{DbConnection, Page, people as stored_people};

use crate::bidding::bids;
use crate::bidding::views::BidList;
use crate::directory::accounts::{MyCoop, my_coops};
use crate::directory::people::{self, PersonView};
use crate::sharing::views::{PlacementList, RotationList};
use crate::sharing::{placements, rotations};
use crate::telling::alert_settings::{self, AlertList};
use crate::telling::inbox::{self, Inbox};
use crate::{AppError, signed_in};

/// Items of each list shown at once, the newest first.
const SHOWN: Page = Page {
    number: 1,
    size: 20,
};

/// What an account's own page shows.
#[derive(Debug)]
pub struct Home {
    /// The co-ops it holds a role in.
    pub coops: Vec<MyCoop>,
    /// The profiles linked to it (one per co-op at most).
    pub profiles: Vec<PersonView>,
    /// The newest of what it was told.
    pub inbox: Inbox,
    /// The alerts it set (and those of the co-ops it administers).
    pub alerts: AlertList,
    /// The bids of its co-ops.
    pub bids: BidList,
    /// The placements its co-ops give or take.
    pub placements: PlacementList,
    /// Its own rotation requests (and those of its co-ops' people, for admins).
    pub rotations: RotationList,
}

/// The page of the signed-in `viewer`.
pub fn of_viewer(
    conn: &mut DbConnection,
    viewer: &Viewer,
    now: DateTime<Utc>,
) -> Result<Home, AppError> {
    let user = signed_in(viewer)?.id;
    let today = now.date_naive();
    let profiles = stored_people::linked_to(conn, user)?
        .into_iter()
        .map(|id| people::show(conn, viewer, id, now))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Home {
        coops: my_coops(conn, viewer, now)?,
        profiles,
        inbox: inbox::list(conn, viewer, NotificationFilter::default(), SHOWN)?,
        alerts: alert_settings::list(conn, viewer)?,
        bids: bids::list(conn, viewer, SHOWN, today)?,
        placements: placements::list(conn, viewer, None, None, SHOWN, today)?,
        rotations: rotations::list(conn, viewer, SHOWN)?,
    })
}
