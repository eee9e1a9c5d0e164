//! The webhook outbox. [`enqueue`] runs in the transaction that records an
//! event, so a message exists if and only if its event does. Workers
//! [`claim`] due messages: the claim moves the message's next attempt past a
//! lease and records the attempt, in one transaction that on PostgreSQL
//! skips rows another worker has locked (`FOR UPDATE SKIP LOCKED`), so two
//! instances never make the same attempt. An attempt cut short (the server
//! stopped) is made again when its lease runs out, with the same message id.

use std::time::Duration;

use chrono::{DateTime, NaiveDateTime, Utc};
use coophub_domain::notify::EventKind;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Timestamp};
use uuid::Uuid;

use super::WebhookRow;
use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::notifications::EventRow;
use crate::schema::{coops, events, webhook_attempts, webhook_deliveries, webhooks};
use crate::time;

/// Waiting for its next attempt.
pub const PENDING: &str = "pending";
/// Answered with a 2xx.
pub const DELIVERED: &str = "delivered";
/// Given up after its last attempt.
pub const FAILED: &str = "failed";

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize, serde::Deserialize)]
#[diesel(table_name = webhook_deliveries)]
pub(crate) struct DeliveryRow {
    pub(super) id: String,
    pub(super) webhook_id: String,
    pub(super) event_id: String,
    pub(super) state: String,
    pub(super) attempts: i32,
    pub(super) next_attempt_at: NaiveDateTime,
    pub(super) created_at: NaiveDateTime,
    pub(super) updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize, serde::Deserialize)]
#[diesel(table_name = webhook_attempts)]
pub(crate) struct AttemptRow {
    pub(super) delivery_id: String,
    pub(super) number: i32,
    pub(super) started_at: NaiveDateTime,
    pub(super) finished_at: Option<NaiveDateTime>,
    pub(super) status: Option<i32>,
    pub(super) error: Option<String>,
    pub(super) response: Option<String>,
}

/// Owes every enabled endpoint of `coops` that hears of `kind` a message
/// about event `event`; answers how many.
pub(crate) fn enqueue(
    conn: &mut DbConnection,
    event: Uuid,
    kind: EventKind,
    coops: &[Uuid],
    now: DateTime<Utc>,
) -> Result<usize, StoreError> {
    let coops: Vec<String> = coops.iter().map(Uuid::to_string).collect();
    let endpoints: Vec<(String, String)> = webhooks::table
        .filter(webhooks::coop_id.eq_any(&coops))
        .filter(webhooks::disabled_at.is_null())
        .select((webhooks::id, webhooks::events))
        .load(conn)?;
    let mut owed = 0;
    for (webhook, kinds) in endpoints {
        if !kinds.split(' ').any(|k| k == kind.as_str()) {
            continue;
        }
        diesel::insert_into(webhook_deliveries::table)
            .values(DeliveryRow {
                id: format!("msg_{}", Uuid::new_v4().simple()),
                webhook_id: webhook,
                event_id: event.to_string(),
                state: PENDING.to_owned(),
                attempts: 0,
                next_attempt_at: time::to_db(now),
                created_at: time::to_db(now),
                updated_at: time::to_db(now),
            })
            .execute(conn)?;
        owed += 1;
    }
    Ok(owed)
}

/// A message claimed for one attempt.
#[derive(Debug, Clone)]
pub struct Claim {
    /// The message id: the `webhook-id` header, the same on every attempt.
    pub delivery_id: String,
    /// This attempt's number, from 1.
    pub attempt: u32,
    /// Where to post it.
    pub url: String,
    /// The secrets to sign with (`whsec_…`): the current one, and during a
    /// rotation's grace period the previous one.
    pub secrets: Vec<String>,
    /// What happened.
    pub kind: EventKind,
    /// The event's id.
    pub event_id: String,
    /// The resource's type.
    pub subject_type: String,
    /// The resource's id.
    pub subject_id: String,
    /// The resource's path.
    pub link: String,
    /// What happened, in words.
    pub summary: String,
    /// When it happened.
    pub occurred_at: DateTime<Utc>,
}

#[derive(diesel::QueryableByName)]
struct DueId {
    #[diesel(sql_type = diesel::sql_types::Text)]
    id: String,
}

/// Messages waiting to be delivered (or retried), for `/metrics`.
pub fn pending(conn: &mut DbConnection) -> Result<i64, StoreError> {
    use crate::schema::webhook_deliveries;
    Ok(webhook_deliveries::table
        .filter(webhook_deliveries::state.eq("pending"))
        .count()
        .get_result(conn)?)
}

const DUE: &str = "SELECT d.id FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id \
     WHERE d.state = 'pending' AND w.disabled_at IS NULL AND d.next_attempt_at <=";

fn due_ids(conn: &mut DbConnection, now: NaiveDateTime, limit: i64) -> QueryResult<Vec<DueId>> {
    match conn {
        DbConnection::Postgresql(pg) => diesel::sql_query(format!(
            "{DUE} $1 ORDER BY d.next_attempt_at, d.id LIMIT $2 FOR UPDATE OF d SKIP LOCKED"
        ))
        .bind::<Timestamp, _>(now)
        .bind::<BigInt, _>(limit)
        .load(pg),
        // The transaction holds SQLite's write lock: nobody else claims meanwhile.
        DbConnection::Sqlite(sqlite) => {
            diesel::sql_query(format!("{DUE} ? ORDER BY d.next_attempt_at, d.id LIMIT ?"))
                .bind::<Timestamp, _>(now)
                .bind::<BigInt, _>(limit)
                .load(sqlite)
        }
    }
}

/// Claims up to `limit` due messages for one attempt each, holding them for
/// `lease` (longer than an attempt can take).
pub fn claim(
    conn: &mut DbConnection,
    now: DateTime<Utc>,
    lease: Duration,
    limit: i64,
) -> Result<Vec<Claim>, StoreError> {
    let held_until = now + chrono::Duration::from_std(lease).unwrap_or(chrono::Duration::MAX);
    // Most rounds find nothing due: a plain read first spares them the write lock.
    if due_ids(conn, time::to_db(now), 1)?.is_empty() {
        return Ok(Vec::new());
    }
    crate::write(conn, |conn| {
        let ids: Vec<String> = due_ids(conn, time::to_db(now), limit)?
            .into_iter()
            .map(|d| d.id)
            .collect();
        let rows: Vec<(DeliveryRow, WebhookRow, EventRow)> = webhook_deliveries::table
            .inner_join(webhooks::table)
            .inner_join(events::table.on(events::id.eq(webhook_deliveries::event_id)))
            .filter(webhook_deliveries::id.eq_any(&ids))
            .order((webhook_deliveries::next_attempt_at, webhook_deliveries::id))
            .select((
                DeliveryRow::as_select(),
                WebhookRow::as_select(),
                EventRow::as_select(),
            ))
            .load(conn)?;
        let mut claims = Vec::new();
        for (delivery, webhook, event) in rows {
            let attempt = delivery.attempts + 1;
            diesel::update(webhook_deliveries::table.find(&delivery.id))
                .set((
                    webhook_deliveries::attempts.eq(attempt),
                    webhook_deliveries::next_attempt_at.eq(time::to_db(held_until)),
                    webhook_deliveries::updated_at.eq(time::to_db(now)),
                ))
                .execute(conn)?;
            diesel::insert_into(webhook_attempts::table)
                .values(AttemptRow {
                    delivery_id: delivery.id.clone(),
                    number: attempt,
                    started_at: time::to_db(now),
                    finished_at: None,
                    status: None,
                    error: None,
                    response: None,
                })
                .execute(conn)?;
            let Some(kind) = EventKind::parse(&event.kind) else {
                continue;
            };
            let mut secrets = vec![webhook.secret.clone()];
            if let (Some(previous), Some(until)) =
                (&webhook.previous_secret, webhook.previous_secret_until)
                && time::from_db(until) > now
            {
                secrets.push(previous.clone());
            }
            claims.push(Claim {
                delivery_id: delivery.id,
                attempt: u32::try_from(attempt).unwrap_or(u32::MAX),
                url: webhook.url,
                secrets,
                kind,
                event_id: event.id,
                subject_type: event.subject_type,
                subject_id: event.subject_id,
                link: event.link,
                summary: event.summary,
                occurred_at: time::from_db(event.created_at),
            });
        }
        Ok::<_, StoreError>(claims)
    })
}

/// How an attempt ended.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// The response status, if one came.
    pub status: Option<u16>,
    /// Why it failed, if it did before a status (or the status is not 2xx).
    pub error: Option<String>,
    /// The first bytes of the response body.
    pub response: Option<String>,
}

impl Outcome {
    /// A 2xx answer.
    pub fn succeeded(&self) -> bool {
        self.status.is_some_and(|s| (200..300).contains(&s))
    }
}

/// What follows a failed attempt.
#[derive(Debug, Clone, Copy)]
pub enum AfterFailure {
    /// Try again after this long.
    RetryIn(Duration),
    /// Give up; `disable` when this was the schedule's last attempt, so that
    /// an endpoint with nothing delivered since the message was written is
    /// switched off (its admins are told).
    GiveUp {
        /// Whether to disable the endpoint.
        disable: bool,
    },
}

/// A message given up after the last attempt of its schedule: its endpoint
/// is to be disabled unless something reached it since the message was
/// written ([`disable_unless_alive`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GivenUp {
    /// The endpoint.
    pub webhook: Uuid,
    /// When the message was written.
    pub written_at: DateTime<Utc>,
}

/// Records how attempt `attempt` of message `delivery` ended and what
/// follows; answers the message when it was given up with `disable`. An
/// attempt finishing after its lease ran out (another attempt was claimed
/// meanwhile) is logged but decides nothing.
pub fn finish(
    conn: &mut DbConnection,
    delivery: &str,
    attempt: u32,
    outcome: &Outcome,
    after: AfterFailure,
    now: DateTime<Utc>,
) -> Result<Option<GivenUp>, StoreError> {
    let number = i32::try_from(attempt).unwrap_or(i32::MAX);
    crate::write(conn, |conn| {
        diesel::update(webhook_attempts::table.find((delivery, number)))
            .set((
                webhook_attempts::finished_at.eq(Some(time::to_db(now))),
                webhook_attempts::status.eq(outcome.status.map(i32::from)),
                webhook_attempts::error.eq(outcome.error.clone()),
                webhook_attempts::response.eq(outcome.response.clone()),
            ))
            .execute(conn)?;
        let Some(row) = webhook_deliveries::table
            .find(delivery)
            .filter(webhook_deliveries::attempts.eq(number))
            .select(DeliveryRow::as_select())
            .first(conn)
            .optional()?
        else {
            return Ok(None);
        };
        let (state, next) = match (outcome.succeeded(), after) {
            (true, _) => (DELIVERED, now),
            (false, AfterFailure::RetryIn(wait)) => (
                PENDING,
                now + chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::MAX),
            ),
            (false, AfterFailure::GiveUp { .. }) => (FAILED, now),
        };
        diesel::update(webhook_deliveries::table.find(delivery))
            .set((
                webhook_deliveries::state.eq(state),
                webhook_deliveries::next_attempt_at.eq(time::to_db(next)),
                webhook_deliveries::updated_at.eq(time::to_db(now)),
            ))
            .execute(conn)?;
        if outcome.succeeded() {
            diesel::update(webhooks::table.find(&row.webhook_id))
                .set(webhooks::last_delivered_at.eq(Some(time::to_db(now))))
                .execute(conn)?;
        } else if let AfterFailure::GiveUp { disable: true } = after
            && let Ok(webhook) = Uuid::parse_str(&row.webhook_id)
        {
            return Ok(Some(GivenUp {
                webhook,
                written_at: time::from_db(row.created_at),
            }));
        }
        Ok::<_, StoreError>(None)
    })
}

/// Disables `given_up`'s endpoint for `reason` unless something reached it
/// after the message was written or it is disabled already; answers the
/// endpoint as disabled, with its co-op's slug.
pub fn disable_unless_alive(
    conn: &mut DbConnection,
    given_up: GivenUp,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<Option<(super::Webhook, String)>, StoreError> {
    let Some(webhook) = super::find_for_update(conn, given_up.webhook)? else {
        return Ok(None);
    };
    let alive = webhook
        .last_delivered_at
        .is_some_and(|last| last >= given_up.written_at);
    if alive || webhook.disabled.is_some() {
        return Ok(None);
    }
    let slug: String = coops::table
        .find(webhook.coop_id.to_string())
        .select(coops::slug)
        .first(conn)?;
    let mut disabled = webhook;
    disabled.disabled = Some((now, reason.to_owned()));
    disabled.updated_at = now;
    super::update(conn, &disabled)?;
    Ok(Some((disabled, slug)))
}
