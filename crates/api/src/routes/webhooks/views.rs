//! Webhook bodies and views. The secret is in an answer only when it was
//! just made (registration, rotation).

use coophub_domain::notify::EventKind;
use serde::Deserialize;
use utoipa::ToSchema;

/// An endpoint as registered.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WebhookBody {
    /// Where deliveries are posted: https, a public host.
    pub url: String,
    /// The event types it hears of, e.g. `placement.requested`.
    #[schema(value_type = Vec<EventKind>)]
    pub events: Vec<String>,
    /// What it is for.
    pub description: Option<String>,
}

/// A change to an endpoint: fields not sent stay as they are.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WebhookPatchBody {
    /// See [`WebhookBody`].
    pub url: Option<String>,
    /// See [`WebhookBody`].
    #[schema(value_type = Option<Vec<EventKind>>)]
    pub events: Option<Vec<String>>,
    /// See [`WebhookBody`].
    pub description: Option<String>,
    /// `false` stops deliveries; `true` resumes them (also after the hub
    /// disabled the endpoint), owed messages included.
    pub enabled: Option<bool>,
}
