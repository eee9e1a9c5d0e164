//! Webhook deliveries and their attempts, as the co-op's admins see them.

use chrono::{DateTime, Utc};
use coophub_domain::notify::EventKind;
use coophub_store::webhooks::log::{Attempt, Delivery};
use serde::Serialize;

/// One attempt to deliver a message.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttemptView {
    /// From 1.
    pub number: u32,
    /// When it began.
    pub started_at: DateTime<Utc>,
    /// When it ended; `null` while in flight or when the server stopped
    /// during it (it is made again).
    pub finished_at: Option<DateTime<Utc>>,
    /// The endpoint's response status.
    pub status: Option<u16>,
    /// Why it failed.
    pub error: Option<String>,
    /// The first bytes of the endpoint's response.
    pub response: Option<String>,
}

/// One message to the endpoint.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeliveryView {
    /// The `webhook-id` header: the same on every attempt.
    pub id: String,
    /// The event it tells of.
    pub event_id: String,
    /// Its type.
    pub kind: Option<EventKind>,
    /// `pending`, `delivered` or `failed` (given up).
    pub state: String,
    /// When the next attempt is due, while pending.
    pub next_attempt_at: Option<DateTime<Utc>>,
    /// When it was written.
    pub created_at: DateTime<Utc>,
    /// Every attempt, first first.
    pub attempts: Vec<AttemptView>,
}

impl From<Delivery> for DeliveryView {
    fn from(d: Delivery) -> Self {
        Self {
            id: d.id,
            event_id: d.event_id,
            kind: d.kind,
            state: d.state,
            next_attempt_at: d.next_attempt_at,
            created_at: d.created_at,
            attempts: d.attempts.into_iter().map(AttemptView::from).collect(),
        }
    }
}

impl From<Attempt> for AttemptView {
    fn from(a: Attempt) -> Self {
        Self {
            number: a.number,
            started_at: a.started_at,
            finished_at: a.finished_at,
            status: a.status,
            error: a.error,
            response: a.response,
        }
    }
}

/// A page of the delivery log.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeliveryList {
    /// Newest first.
    pub items: Vec<DeliveryView>,
    /// How many messages in all.
    pub total: i64,
    /// Page number.
    pub page: u32,
    /// Page size.
    pub per_page: u32,
}
