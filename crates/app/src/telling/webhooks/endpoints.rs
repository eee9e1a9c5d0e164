//! A co-op's webhook endpoints: who may manage them, and their secrets.

use crate::AppError;
use crate::directory::coops::CoopRule;
use crate::guard::{Lock, load};
use coophub_domain::access::{self, Viewer};
use coophub_domain::coop::Coop;
use coophub_store::DbConnection;
use coophub_store::webhooks::{self, Webhook};
use uuid::Uuid;

/// Who manages a co-op's endpoints: its own admins, not network admins
/// (see [`access::administer_own_coop`]).
pub const OWN_ADMINS: CoopRule = access::administer_own_coop;

/// Co-op `slug` (the viewer must administer it) and its endpoint `id`,
/// locked for the write when `lock`.
pub fn webhook_of(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
    id: Uuid,
    lock: bool,
) -> Result<(Coop, Webhook), AppError> {
    let coop = load::<Coop>(conn, viewer, slug, OWN_ADMINS, Lock::Read)?;
    let found = if lock {
        webhooks::find_for_update(conn, id)?
    } else {
        webhooks::find(conn, id)?
    };
    match found {
        Some(webhook) if webhook.coop_id == coop.id => Ok((coop, webhook)),
        _ => Err(AppError::NotFound(format!("{slug} has no webhook {id}"))),
    }
}
