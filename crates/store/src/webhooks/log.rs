//! The delivery log of an endpoint, and redelivery on an admin's request.

use chrono::{DateTime, Utc};
use coophub_domain::notify::EventKind;
use diesel::prelude::*;
use uuid::Uuid;

use super::outbox::{AttemptRow, DeliveryRow, PENDING};
use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::{events, webhook_attempts, webhook_deliveries};
use crate::{Page, time};

/// One attempt, as the log shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    /// From 1.
    pub number: u32,
    /// When it began.
    pub started_at: DateTime<Utc>,
    /// When it ended; `None` while in flight, or when the server stopped
    /// during it (it is made again).
    pub finished_at: Option<DateTime<Utc>>,
    /// The response status.
    pub status: Option<u16>,
    /// Why it failed.
    pub error: Option<String>,
    /// The first bytes of the response body.
    pub response: Option<String>,
}

/// One message and its attempts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    /// The `webhook-id` header.
    pub id: String,
    /// The event it tells of.
    pub event_id: String,
    /// Its kind.
    pub kind: Option<EventKind>,
    /// `pending`, `delivered` or `failed`.
    pub state: String,
    /// When the next attempt is due, while pending.
    pub next_attempt_at: Option<DateTime<Utc>>,
    /// When it was written.
    pub created_at: DateTime<Utc>,
    /// Every attempt, first first.
    pub attempts: Vec<Attempt>,
}

/// The messages of endpoint `webhook`, newest first, with the total.
pub fn deliveries(
    conn: &mut DbConnection,
    webhook: Uuid,
    page: Page,
) -> Result<(Vec<Delivery>, i64), StoreError> {
    let mine =
        || webhook_deliveries::table.filter(webhook_deliveries::webhook_id.eq(webhook.to_string()));
    let total: i64 = mine().count().get_result(conn)?;
    let rows: Vec<(DeliveryRow, String)> = mine()
        .inner_join(events::table.on(events::id.eq(webhook_deliveries::event_id)))
        .order((
            webhook_deliveries::created_at.desc(),
            webhook_deliveries::id.desc(),
        ))
        .limit(i64::from(page.size))
        .offset(page.offset())
        .select((DeliveryRow::as_select(), events::kind))
        .load(conn)?;
    let ids: Vec<String> = rows.iter().map(|(d, _)| d.id.clone()).collect();
    let attempts: Vec<AttemptRow> = webhook_attempts::table
        .filter(webhook_attempts::delivery_id.eq_any(&ids))
        .order((webhook_attempts::delivery_id, webhook_attempts::number))
        .select(AttemptRow::as_select())
        .load(conn)?;
    // Read after the attempts: an attempt seen finished was committed with
    // its message's state and next attempt, which this read then sees too.
    let states: Vec<(String, String, chrono::NaiveDateTime)> = webhook_deliveries::table
        .filter(webhook_deliveries::id.eq_any(&ids))
        .select((
            webhook_deliveries::id,
            webhook_deliveries::state,
            webhook_deliveries::next_attempt_at,
        ))
        .load(conn)?;
    let found = rows
        .into_iter()
        .map(|(mut row, kind)| {
            if let Some((_, state, next)) = states.iter().find(|(id, ..)| *id == row.id) {
                row.state.clone_from(state);
                row.next_attempt_at = *next;
            }
            Delivery {
                attempts: attempts
                    .iter()
                    .filter(|a| a.delivery_id == row.id)
                    .map(|a| Attempt {
                        number: u32::try_from(a.number).unwrap_or_default(),
                        started_at: time::from_db(a.started_at),
                        finished_at: a.finished_at.map(time::from_db),
                        status: a.status.and_then(|s| u16::try_from(s).ok()),
                        error: a.error.clone(),
                        response: a.response.clone(),
                    })
                    .collect(),
                next_attempt_at: (row.state == PENDING).then(|| time::from_db(row.next_attempt_at)),
                id: row.id,
                event_id: row.event_id,
                kind: EventKind::parse(&kind),
                state: row.state,
                created_at: time::from_db(row.created_at),
            }
        })
        .collect();
    Ok((found, total))
}

/// Makes message `delivery` of `webhook` due now (pending again if it had
/// been delivered or given up): one more attempt, with the same id. Answers
/// whether there is such a message.
pub fn redeliver(
    conn: &mut DbConnection,
    webhook: Uuid,
    delivery: &str,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    Ok(diesel::update(
        webhook_deliveries::table
            .filter(webhook_deliveries::id.eq(delivery))
            .filter(webhook_deliveries::webhook_id.eq(webhook.to_string())),
    )
    .set((
        webhook_deliveries::state.eq(PENDING),
        webhook_deliveries::next_attempt_at.eq(time::to_db(now)),
        webhook_deliveries::updated_at.eq(time::to_db(now)),
    ))
    .execute(conn)?
        > 0)
}
