//! Webhooks as their co-op's admins see them.

use chrono::{DateTime, Utc};
use coophub_domain::notify::EventKind;
use coophub_store::webhooks::Webhook;
use serde::Serialize;
use uuid::Uuid;

/// An endpoint.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookView {
    /// Its id.
    pub id: Uuid,
    /// The co-op whose events it hears of.
    pub coop: String,
    /// Where deliveries go.
    pub url: String,
    /// The event types it hears of.
    pub events: Vec<EventKind>,
    /// What it is for.
    pub description: String,
    /// Whether deliveries are made.
    pub enabled: bool,
    /// Why deliveries stopped, when they did.
    pub disabled_reason: Option<String>,
    /// When deliveries stopped.
    pub disabled_at: Option<DateTime<Utc>>,
    /// The last successful delivery.
    pub last_delivered_at: Option<DateTime<Utc>>,
    /// After a rotation, until when the previous secret signs too.
    pub previous_secret_expires_at: Option<DateTime<Utc>>,
    /// The signing secret (`whsec_…`): only in the answer that made it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
    /// When it was registered.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

impl WebhookView {
    /// The endpoint of co-op `coop`, with its secret when `show_secret`.
    pub fn new(webhook: Webhook, coop: &str, show_secret: bool, now: DateTime<Utc>) -> Self {
        Self {
            id: webhook.id,
            coop: coop.to_owned(),
            url: webhook.url,
            events: webhook.events,
            description: webhook.description,
            enabled: webhook.disabled.is_none(),
            disabled_at: webhook.disabled.as_ref().map(|(at, _)| *at),
            disabled_reason: webhook.disabled.map(|(_, why)| why),
            last_delivered_at: webhook.last_delivered_at,
            previous_secret_expires_at: webhook
                .previous_secret
                .map(|(_, until)| until)
                .filter(|until| *until > now),
            secret: show_secret.then_some(webhook.secret),
            created_at: webhook.created_at,
            updated_at: webhook.updated_at,
        }
    }
}

/// A co-op's endpoints.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookList {
    /// Oldest first.
    pub items: Vec<WebhookView>,
}
