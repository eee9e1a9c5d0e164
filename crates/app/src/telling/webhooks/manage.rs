//! A co-op's admins register, read, change, rotate and delete its webhook
//! endpoints and read their delivery logs. A secret is in an answer only
//! when it was just made.

use chrono::{DateTime, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::coop::Coop;
use coophub_domain::webhook::{WebhookChange, WebhookInput};
use coophub_store::webhooks::{self, log};
use coophub_store::{DbConnection, Page};

use super::deliveries::{DeliveryList, DeliveryView};
use super::endpoints::{OWN_ADMINS, webhook_of};
use super::rotation::ROTATION_GRACE;
use super::views::{WebhookList, WebhookView};
use crate::guard::{Lock, load};
use crate::{AppError, Clash};

/// Registers an endpoint of the co-op `slug`, signed with `secret`.
pub fn register(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
    input: &WebhookInput,
    secret: &str,
    now: DateTime<Utc>,
) -> Result<WebhookView, AppError> {
    let coop = load::<Coop>(conn, viewer, slug, OWN_ADMINS, Lock::Read)?;
    let webhook = webhooks::insert(conn, coop.id, input, secret, viewer.user_id(), now)?;
    Ok(WebhookView::new(webhook, &coop.slug, true, now))
}

/// The endpoints of the co-op `slug`.
pub fn list(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
    now: DateTime<Utc>,
) -> Result<WebhookList, AppError> {
    let coop = load::<Coop>(conn, viewer, slug, OWN_ADMINS, Lock::Read)?;
    let items = webhooks::for_coop(conn, coop.id)?
        .into_iter()
        .map(|webhook| WebhookView::new(webhook, &coop.slug, false, now))
        .collect();
    Ok(WebhookList { items })
}

/// The endpoint `id` of the co-op `slug`.
pub fn show(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
    id: uuid::Uuid,
    now: DateTime<Utc>,
) -> Result<WebhookView, AppError> {
    let (coop, webhook) = webhook_of(conn, viewer, slug, id, false)?;
    Ok(WebhookView::new(webhook, &coop.slug, false, now))
}

/// Changes what `change` names of the endpoint, and enables or disables it.
pub fn change(
    conn: &mut DbConnection,
    viewer: &Viewer,
    (slug, id): (&str, uuid::Uuid),
    change: WebhookChange,
    enabled: Option<bool>,
    now: DateTime<Utc>,
) -> Result<WebhookView, AppError> {
    let (coop, mut webhook) = webhook_of(conn, viewer, slug, id, true)?;
    webhook.url = change.url.unwrap_or(webhook.url);
    webhook.events = change.events.unwrap_or(webhook.events);
    webhook.description = change.description.unwrap_or(webhook.description);
    match enabled {
        Some(true) => webhook.disabled = None,
        Some(false) if webhook.disabled.is_none() => {
            webhook.disabled = Some((now, "disabled by an admin".to_owned()));
        }
        _ => {}
    }
    webhook.updated_at = now;
    webhooks::update(conn, &webhook)?;
    Ok(WebhookView::new(webhook, &coop.slug, false, now))
}

/// Deletes the endpoint `id` of the co-op `slug`.
pub fn delete(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
    id: uuid::Uuid,
) -> Result<(), AppError> {
    webhook_of(conn, viewer, slug, id, true)?;
    webhooks::delete(conn, id)?;
    Ok(())
}

/// Signs with `secret` from now on; the previous secret still signs for
/// [`ROTATION_GRACE`], so receivers can switch.
pub fn rotate_secret(
    conn: &mut DbConnection,
    viewer: &Viewer,
    (slug, id): (&str, uuid::Uuid),
    secret: &str,
    now: DateTime<Utc>,
) -> Result<WebhookView, AppError> {
    let (coop, mut webhook) = webhook_of(conn, viewer, slug, id, true)?;
    let previous = std::mem::replace(&mut webhook.secret, secret.to_owned());
    webhook.previous_secret = Some((previous, now + ROTATION_GRACE));
    webhook.updated_at = now;
    webhooks::update(conn, &webhook)?;
    Ok(WebhookView::new(webhook, &coop.slug, true, now))
}

/// A page of the endpoint's delivery log, newest first.
pub fn deliveries(
    conn: &mut DbConnection,
    viewer: &Viewer,
    (slug, id): (&str, uuid::Uuid),
    page: Page,
) -> Result<DeliveryList, AppError> {
    webhook_of(conn, viewer, slug, id, false)?;
    let (found, total) = log::deliveries(conn, id, page)?;
    Ok(DeliveryList {
        items: found.into_iter().map(DeliveryView::from).collect(),
        total,
        page: page.number,
        per_page: page.size,
    })
}

/// Makes the message `delivery` due again now, unless the endpoint is
/// disabled.
pub fn redeliver(
    conn: &mut DbConnection,
    viewer: &Viewer,
    (slug, id): (&str, uuid::Uuid),
    delivery: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let (_, webhook) = webhook_of(conn, viewer, slug, id, true)?;
    if webhook.disabled.is_some() {
        return Err(AppError::conflict_at(
            Clash::WebhookDisabled,
            "/enabled",
            "the endpoint is disabled: enable it (PATCH with \"enabled\": true) first",
        ));
    }
    if log::redeliver(conn, id, delivery, now)? {
        Ok(())
    } else {
        Err(AppError::NotFound(format!(
            "the webhook has no message {delivery}"
        )))
    }
}
