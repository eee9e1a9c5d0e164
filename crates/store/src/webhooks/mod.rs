//! Co-ops' webhook endpoints, the messages owed to them (written with each
//! event: [`outbox::enqueue`]) and every attempt to deliver them.

pub mod log;
pub mod outbox;

use chrono::{DateTime, NaiveDateTime, Utc};
use coophub_domain::notify::EventKind;
use coophub_domain::webhook::WebhookInput;
use diesel::prelude::*;
use uuid::Uuid;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::webhooks;
use crate::time;
use crate::transaction::{self, Row};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize, serde::Deserialize)]
#[diesel(table_name = webhooks)]
pub(crate) struct WebhookRow {
    id: String,
    coop_id: String,
    url: String,
    events: String,
    description: String,
    secret: String,
    previous_secret: Option<String>,
    previous_secret_until: Option<NaiveDateTime>,
    disabled_at: Option<NaiveDateTime>,
    disabled_reason: Option<String>,
    last_delivered_at: Option<NaiveDateTime>,
    created_by: Option<String>,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

/// An endpoint as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Webhook {
    /// Its id.
    pub id: Uuid,
    /// The co-op whose events it hears of.
    pub coop_id: Uuid,
    /// Where deliveries go.
    pub url: String,
    /// The kinds it hears of.
    pub events: Vec<EventKind>,
    /// What it is for.
    pub description: String,
    /// The signing secret (`whsec_…`), never shown again after it is made.
    pub secret: String,
    /// The secret before the last rotation, still signing until the time given.
    pub previous_secret: Option<(String, DateTime<Utc>)>,
    /// When and why deliveries stopped, if they did.
    pub disabled: Option<(DateTime<Utc>, String)>,
    /// The last successful delivery.
    pub last_delivered_at: Option<DateTime<Utc>>,
    /// When it was registered.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

fn kinds_text(kinds: &[EventKind]) -> String {
    kinds
        .iter()
        .map(|k| k.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

impl WebhookRow {
    fn into_webhook(self) -> Option<Webhook> {
        Some(Webhook {
            id: Uuid::parse_str(&self.id).ok()?,
            coop_id: Uuid::parse_str(&self.coop_id).ok()?,
            url: self.url,
            events: self
                .events
                .split(' ')
                .filter_map(EventKind::parse)
                .collect(),
            description: self.description,
            secret: self.secret,
            previous_secret: self
                .previous_secret
                .zip(self.previous_secret_until.map(time::from_db)),
            disabled: self
                .disabled_at
                .map(time::from_db)
                .zip(self.disabled_reason),
            last_delivered_at: self.last_delivered_at.map(time::from_db),
            created_at: time::from_db(self.created_at),
            updated_at: time::from_db(self.updated_at),
        })
    }

    fn of(webhook: &Webhook, created_by: Option<String>) -> Self {
        Self {
            id: webhook.id.to_string(),
            coop_id: webhook.coop_id.to_string(),
            url: webhook.url.clone(),
            events: kinds_text(&webhook.events),
            description: webhook.description.clone(),
            secret: webhook.secret.clone(),
            previous_secret: webhook.previous_secret.as_ref().map(|(s, _)| s.clone()),
            previous_secret_until: webhook
                .previous_secret
                .as_ref()
                .map(|(_, t)| time::to_db(*t)),
            disabled_at: webhook.disabled.as_ref().map(|(t, _)| time::to_db(*t)),
            disabled_reason: webhook.disabled.as_ref().map(|(_, r)| r.clone()),
            last_delivered_at: webhook.last_delivered_at.map(time::to_db),
            created_by,
            created_at: time::to_db(webhook.created_at),
            updated_at: time::to_db(webhook.updated_at),
        }
    }
}

/// Registers an endpoint of `coop` signing with `secret`.
pub fn insert(
    conn: &mut DbConnection,
    coop: Uuid,
    input: &WebhookInput,
    secret: &str,
    creator: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<Webhook, StoreError> {
    let webhook = Webhook {
        id: Uuid::new_v4(),
        coop_id: coop,
        url: input.url.clone(),
        events: input.events.clone(),
        description: input.description.clone(),
        secret: secret.to_owned(),
        previous_secret: None,
        disabled: None,
        last_delivered_at: None,
        created_at: time::from_db(time::to_db(now)),
        updated_at: time::from_db(time::to_db(now)),
    };
    diesel::insert_into(webhooks::table)
        .values(WebhookRow::of(&webhook, creator.map(|c| c.to_string())))
        .execute(conn)?;
    Ok(webhook)
}

/// The endpoints of `coop`, oldest first.
pub fn for_coop(conn: &mut DbConnection, coop: Uuid) -> Result<Vec<Webhook>, StoreError> {
    let rows: Vec<WebhookRow> = webhooks::table
        .filter(webhooks::coop_id.eq(coop.to_string()))
        .order((webhooks::created_at, webhooks::id))
        .select(WebhookRow::as_select())
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(WebhookRow::into_webhook)
        .collect())
}

/// The endpoint `id`, locked for the rest of the write transaction.
pub fn find_for_update(conn: &mut DbConnection, id: Uuid) -> Result<Option<Webhook>, StoreError> {
    transaction::lock(conn, Row::Webhook(&id.to_string()))?;
    find(conn, id)
}

/// The endpoint `id`.
pub fn find(conn: &mut DbConnection, id: Uuid) -> Result<Option<Webhook>, StoreError> {
    let row: Option<WebhookRow> = webhooks::table
        .find(id.to_string())
        .select(WebhookRow::as_select())
        .first(conn)
        .optional()?;
    Ok(row.and_then(WebhookRow::into_webhook))
}

/// Writes back a changed endpoint.
pub fn update(conn: &mut DbConnection, webhook: &Webhook) -> Result<(), StoreError> {
    let row = WebhookRow::of(webhook, None);
    diesel::update(webhooks::table.find(row.id))
        .set((
            webhooks::url.eq(row.url),
            webhooks::events.eq(row.events),
            webhooks::description.eq(row.description),
            webhooks::secret.eq(row.secret),
            webhooks::previous_secret.eq(row.previous_secret),
            webhooks::previous_secret_until.eq(row.previous_secret_until),
            webhooks::disabled_at.eq(row.disabled_at),
            webhooks::disabled_reason.eq(row.disabled_reason),
            webhooks::last_delivered_at.eq(row.last_delivered_at),
            webhooks::updated_at.eq(row.updated_at),
        ))
        .execute(conn)?;
    Ok(())
}

/// Removes an endpoint with its messages and their log.
pub fn delete(conn: &mut DbConnection, id: Uuid) -> Result<bool, StoreError> {
    Ok(diesel::delete(webhooks::table.find(id.to_string())).execute(conn)? > 0)
}
