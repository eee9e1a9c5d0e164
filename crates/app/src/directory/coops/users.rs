//! Who administers a co-op and who edits its entry: roles given by its
//! admins (or stewards) to existing accounts.

use coophub_domain::access::{LastAdmin, Viewer};
use coophub_domain::coop::{Coop, CoopRole};
use coophub_domain::{Email, FieldError};
use coophub_store::DbConnection;
use coophub_store::coops::roles;
use coophub_store::users;

use super::ADMINISTER;
use crate::guard::{Lock, load};
use crate::{AppError, Clash};

/// Gives the account with `email` the `role` in the co-op `slug` (replacing
/// any role it had), unless that would leave the co-op without an admin.
/// Answers the account's email as stored.
pub fn grant_role(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
    email: &Email,
    role: CoopRole,
) -> Result<String, AppError> {
    let coop = load::<Coop>(conn, viewer, slug, ADMINISTER, Lock::ForChange)?;
    let Some((user, _)) = users::find_by_email(conn, email.as_str())? else {
        return Err(FieldError::new("/email", "no account has this email").into());
    };
    match roles::grant(conn, coop.id, user.id, role)? {
        Ok(()) => Ok(user.email),
        Err(LastAdmin) => Err(AppError::conflict_at(
            Clash::LastAdmin,
            "/role",
            format!(
                "{} is the last admin of {}; make someone else an admin first",
                user.email, coop.slug
            ),
        )),
    }
}
