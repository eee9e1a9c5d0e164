//! Loading what the access rules (`coophub_domain::access`) need to know
//! about the viewer, in the same call as the resource it asks about.

use coophub_domain::access::{HeldRole, Viewer};
use coophub_domain::coop::{CoopRole, MembershipStatus};
use diesel::prelude::*;
use uuid::Uuid;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::{coop_roles, coops};
use crate::users;

/// Why a verified token does not name a usable account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unrecognised {
    /// The account was deleted.
    NoAccount,
    /// The token was issued before a password change.
    StaleToken,
}

/// The viewer behind a verified token for `user` issued under `token_version`:
/// the account and every role it holds, with whether each co-op is approved.
pub fn viewer(
    conn: &mut DbConnection,
    user: Uuid,
    token_version: i32,
) -> Result<Result<Viewer, Unrecognised>, StoreError> {
    Ok(match viewer_of(conn, user)? {
        None => Err(Unrecognised::NoAccount),
        Some(viewer) if viewer.user.as_ref().map(|u| u.token_version) != Some(token_version) => {
            Err(Unrecognised::StaleToken)
        }
        Some(viewer) => Ok(viewer),
    })
}

/// The account `user` as a viewer, with every role it holds; `None` when
/// the account is gone. Also decides what an account's alerts may tell it.
pub(crate) fn viewer_of(conn: &mut DbConnection, user: Uuid) -> Result<Option<Viewer>, StoreError> {
    let Some((account, _)) = users::find(conn, user)? else {
        return Ok(None);
    };
    let rows: Vec<(String, String, String)> = coop_roles::table
        .inner_join(coops::table)
        .filter(coop_roles::user_id.eq(user.to_string()))
        .select((
            coop_roles::coop_id,
            coop_roles::role,
            coops::membership_status,
        ))
        .load(conn)?;
    let roles = rows
        .into_iter()
        .filter_map(|(coop, role, status)| {
            Some(HeldRole {
                coop: Uuid::parse_str(&coop).ok()?,
                role: CoopRole::parse(&role)?,
                coop_approved: status == MembershipStatus::Approved.as_str(),
            })
        })
        .collect();
    Ok(Some(Viewer {
        user: Some(account),
        roles,
    }))
}
