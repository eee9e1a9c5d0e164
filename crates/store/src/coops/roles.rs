//! The roles users hold in co-ops.

use coophub_domain::coop::{CoopRole, MembershipStatus};
use diesel::prelude::*;
use uuid::Uuid;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::{coop_roles, coops};

/// The role `user` holds in the co-op, if any.
pub fn role_of(
    conn: &mut DbConnection,
    coop: Uuid,
    user: Uuid,
) -> Result<Option<CoopRole>, StoreError> {
    let role: Option<String> = coop_roles::table
        .find((coop.to_string(), user.to_string()))
        .select(coop_roles::role)
        .first(conn)
        .optional()?;
    Ok(role.as_deref().and_then(CoopRole::parse))
}

/// The strongest role `user` holds in any of `coops` (admin over member).
pub fn best_role_in(
    conn: &mut DbConnection,
    coops: &[Uuid],
    user: Uuid,
) -> Result<Option<CoopRole>, StoreError> {
    let ids: Vec<String> = coops.iter().map(Uuid::to_string).collect();
    let roles: Vec<String> = coop_roles::table
        .filter(coop_roles::coop_id.eq_any(&ids))
        .filter(coop_roles::user_id.eq(user.to_string()))
        .select(coop_roles::role)
        .load(conn)?;
    let roles: Vec<CoopRole> = roles.iter().filter_map(|r| CoopRole::parse(r)).collect();
    Ok(if roles.contains(&CoopRole::Admin) {
        Some(CoopRole::Admin)
    } else {
        roles.first().copied()
    })
}

/// Gives `user` `role` in the co-op, replacing any role they had.
pub fn grant(
    conn: &mut DbConnection,
    coop: Uuid,
    user: Uuid,
    role: CoopRole,
) -> Result<(), StoreError> {
    conn.transaction(|conn| {
        let key = (coop.to_string(), user.to_string());
        let updated = diesel::update(coop_roles::table.find(key.clone()))
            .set(coop_roles::role.eq(role.as_str()))
            .execute(conn)?;
        if updated == 0 {
            diesel::insert_into(coop_roles::table)
                .values((
                    coop_roles::coop_id.eq(key.0),
                    coop_roles::user_id.eq(key.1),
                    coop_roles::role.eq(role.as_str()),
                ))
                .execute(conn)?;
        }
        Ok(())
    })
}

/// Whether `user` belongs to an approved co-op: a member of the network, who
/// may see what anonymous clients may not.
pub fn is_network_member(conn: &mut DbConnection, user: Uuid) -> Result<bool, StoreError> {
    let count: i64 = coop_roles::table
        .inner_join(coops::table)
        .filter(coop_roles::user_id.eq(user.to_string()))
        .filter(coops::membership_status.eq(MembershipStatus::Approved.as_str()))
        .count()
        .get_result(conn)?;
    Ok(count > 0)
}
