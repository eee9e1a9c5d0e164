//! `/api/v1/coops/{slug}/webhooks`: a co-op's admins register endpoints that
//! hear of the events naming the co-op, signed as Standard Webhooks
//! describes; a background worker (in the server) delivers them. Only the
//! co-op's admins see its endpoints, their secrets (once) and their logs.

pub mod create;
pub mod deliveries;
pub mod manage;
mod views;

use coophub_domain::webhook::{SECRET_BYTES, Secret};
use uuid::Uuid;

pub use coophub_app::telling::webhooks::views::{WebhookList, WebhookView};
pub use views::{WebhookBody, WebhookPatchBody};

/// The path of one endpoint.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct WebhookPath {
    /// The co-op's slug.
    pub slug: String,
    /// The endpoint's id.
    pub id: Uuid,
}

/// A new signing secret, `whsec_` and 32 random bytes.
fn new_secret() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; SECRET_BYTES];
    rand::rng().fill_bytes(&mut bytes);
    Secret::from_random(bytes).encode()
}
