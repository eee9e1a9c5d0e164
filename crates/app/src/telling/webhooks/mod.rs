//! Webhook deliveries' outcomes: an endpoint that nothing reached through a
//! message's whole schedule is switched off, and its co-op's admins told.

pub mod deliveries;
pub mod endpoints;
pub mod manage;
pub mod rotation;
pub mod views;

use chrono::{DateTime, Utc};
use coophub_domain::notify::{Audience, EventKind, NewEvent};
use coophub_store::webhooks::outbox::{self, AfterFailure, Outcome};
use coophub_store::{DbConnection, StoreError, notifications};

/// Records how attempt `attempt` of message `delivery` ended
/// ([`outbox::finish`]); after the last attempt of its schedule, disables
/// its endpoint unless something reached it since the message was written,
/// and tells the co-op's admins why.
pub fn finish(
    conn: &mut DbConnection,
    delivery: &str,
    attempt: u32,
    outcome: &Outcome,
    after: AfterFailure,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    coophub_store::write(conn, |conn| {
        let Some(given_up) = outbox::finish(conn, delivery, attempt, outcome, after, now)? else {
            return Ok(());
        };
        let reason = format!(
            "{attempt} attempts to deliver a message failed and nothing was delivered since {}",
            given_up.written_at.format("%Y-%m-%d %H:%M UTC")
        );
        let Some((webhook, slug)) = outbox::disable_unless_alive(conn, given_up, &reason, now)?
        else {
            return Ok(());
        };
        let event = NewEvent {
            kind: EventKind::WebhookDisabled,
            subject_type: "webhook",
            subject_id: webhook.id.to_string(),
            link: format!("/api/v1/coops/{slug}/webhooks/{}", webhook.id),
            summary: format!("Deliveries to {} stopped: {reason}", webhook.url),
            actor: None,
            coops: vec![webhook.coop_id],
        };
        let audience = Audience {
            admins_of: vec![webhook.coop_id],
            ..Audience::default()
        };
        notifications::record(conn, &event, &audience, now)?;
        Ok(())
    })
}
