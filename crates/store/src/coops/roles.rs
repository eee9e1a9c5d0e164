//! The roles users hold in co-ops.

use coophub_domain::access::{self, LastAdmin};
use coophub_domain::coop::CoopRole;
use diesel::prelude::*;
use uuid::Uuid;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::coop_roles;
use crate::transaction::{self, Row};

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

/// How many admins the co-op has.
pub fn admin_count(conn: &mut DbConnection, coop: Uuid) -> Result<i64, StoreError> {
    Ok(coop_roles::table
        .filter(coop_roles::coop_id.eq(coop.to_string()))
        .filter(coop_roles::role.eq(CoopRole::Admin.as_str()))
        .count()
        .get_result(conn)?)
}

/// Gives `user` `role` in the co-op, replacing any role they had; refuses
/// (changing nothing) to leave the co-op without an admin. The co-op's row is
/// locked first, so concurrent changes of its users are decided one at a time.
pub fn grant(
    conn: &mut DbConnection,
    coop: Uuid,
    user: Uuid,
    role: CoopRole,
) -> Result<Result<(), LastAdmin>, StoreError> {
    crate::write(conn, |conn| {
        let key = (coop.to_string(), user.to_string());
        if !transaction::lock(conn, Row::CoopById(&key.0))? {
            return Err(StoreError::NotFound);
        }
        let admins: i64 = coop_roles::table
            .filter(coop_roles::coop_id.eq(&key.0))
            .filter(coop_roles::role.eq(CoopRole::Admin.as_str()))
            .count()
            .get_result(conn)?;
        let current = role_of(conn, coop, user)?;
        if let Err(refused) = access::change_role(current, role, admins.try_into().unwrap_or(0)) {
            return Ok(Err(refused));
        }
        let updated = diesel::update(coop_roles::table.find(key.clone()))
            .set(coop_roles::role.eq(role.as_str()))
            .execute(conn)?;
        if updated == 0 {
            diesel::insert_into(coop_roles::table)
                .values((
                    coop_roles::coop_id.eq(&key.0),
                    coop_roles::user_id.eq(&key.1),
                    coop_roles::role.eq(role.as_str()),
                ))
                .execute(conn)?;
        }
        Ok(Ok(()))
    })
}
