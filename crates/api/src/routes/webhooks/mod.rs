//! `/api/v1/coops/{slug}/webhooks`: a co-op's admins register endpoints that
//! hear of the events naming the co-op, signed as Standard Webhooks
//! describes; a background worker (in the server) delivers them. Only the
//! co-op's admins see its endpoints, their secrets (once) and their logs.

pub mod create;
pub mod deliveries;
pub mod manage;
mod views;

use coophub_domain::access::{self, Viewer};
use coophub_domain::coop::Coop;
use coophub_domain::webhook::{SECRET_BYTES, Secret};
use coophub_store::DbConnection;
use coophub_store::webhooks::{self, Webhook};
use uuid::Uuid;

use crate::problem::ApiError;
use crate::routes::coops::{CoopRule, coop_for};

pub use views::{WebhookBody, WebhookList, WebhookPatchBody, WebhookView};

/// Who manages a co-op's endpoints: its own admins, not network admins
/// (see [`access::administer_own_coop`]).
pub(crate) const OWN_ADMINS: CoopRule = access::administer_own_coop;

/// The path of one endpoint.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct WebhookPath {
    /// The co-op's slug.
    pub slug: String,
    /// The endpoint's id.
    pub id: Uuid,
}

/// Co-op `slug` (the viewer must administer it) and its endpoint `id`,
/// locked for the write when `lock`.
fn webhook_of(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
    id: Uuid,
    lock: bool,
) -> Result<(Coop, Webhook), ApiError> {
    let coop = coop_for(conn, viewer, slug, OWN_ADMINS)?;
    let found = if lock {
        webhooks::find_for_update(conn, id)?
    } else {
        webhooks::find(conn, id)?
    };
    match found {
        Some(webhook) if webhook.coop_id == coop.id => Ok((coop, webhook)),
        _ => Err(ApiError::NotFound(format!("{slug} has no webhook {id}"))),
    }
}

/// A new signing secret, `whsec_` and 32 random bytes.
fn new_secret() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; SECRET_BYTES];
    rand::rng().fill_bytes(&mut bytes);
    Secret::from_random(bytes).encode()
}
