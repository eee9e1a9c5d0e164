//! An account's own place in the directory: the co-ops it holds a role in,
//! with the role and how each co-op's membership stands.

use chrono::{DateTime, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::coop::{CoopRole, MembershipStatus};
use coophub_store::{DbConnection, coops};
use serde::Serialize;

use crate::shapes::CoopRef;
use crate::{AppError, signed_in};

/// A co-op the account holds a role in.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyCoop {
    /// The co-op.
    pub coop: CoopRef,
    /// `admin` or `member`.
    pub role: CoopRole,
    /// Where its membership of the network stands now (an invitation past
    /// its time reads `lapsed`).
    pub membership: MembershipStatus,
}

/// The co-ops the viewer holds a role in, by name.
pub fn my_coops(
    conn: &mut DbConnection,
    viewer: &Viewer,
    now: DateTime<Utc>,
) -> Result<Vec<MyCoop>, AppError> {
    signed_in(viewer)?;
    let mut mine = Vec::with_capacity(viewer.roles.len());
    for held in &viewer.roles {
        let Some(coop) = coops::find_by_id(conn, held.coop)? else {
            continue;
        };
        mine.push(MyCoop {
            membership: coop.membership.effective_status(now),
            role: held.role,
            coop: CoopRef {
                slug: coop.slug,
                name: coop.profile.name,
            },
        });
    }
    mine.sort_by(|a, b| a.coop.name.cmp(&b.coop.name));
    Ok(mine)
}

/// The co-ops the viewer administers, by name; none for a visitor who is
/// not signed in.
pub fn administered(
    conn: &mut DbConnection,
    viewer: &Viewer,
    now: DateTime<Utc>,
) -> Result<Vec<MyCoop>, AppError> {
    if viewer.user.is_none() {
        return Ok(Vec::new());
    }
    let mut mine = my_coops(conn, viewer, now)?;
    mine.retain(|my| my.role == CoopRole::Admin);
    Ok(mine)
}
