//! `GET /api/v1/coops/{slug}/webhooks/{id}/deliveries` (the delivery log)
//! and `POST …/deliveries/{delivery}/redeliver`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, web};
use chrono::{DateTime, Utc};
use coophub_domain::notify::EventKind;
use coophub_store::webhooks::log::{self, Attempt, Delivery};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::{WebhookPath, webhook_of};
use crate::auth::Caller;
use crate::extract::Query;
use crate::problem::{ApiError, Code, Problem, QueryString, SignedIn, WebhookAdmin};
use crate::routes::pagination::PageQuery;
use crate::state::AppState;

/// One attempt to deliver a message.
#[derive(Debug, Serialize, ToSchema)]
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
#[derive(Debug, Serialize, ToSchema)]
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
#[derive(Debug, Serialize, ToSchema)]
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

/// The endpoint's messages with every attempt: statuses, errors and the
/// first bytes of each response.
#[utoipa::path(
    tag = "webhooks",
    security(("bearer" = [])),
    params(WebhookPath, PageQuery),
    responses(
        SignedIn, QueryString, WebhookAdmin,
        (status = 200, description = "A page of the log", body = DeliveryList),
    )
)]
#[get("/coops/{slug}/webhooks/{id}/deliveries")]
pub async fn list_deliveries(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<WebhookPath>,
    query: Query<PageQuery>,
) -> Result<web::Json<DeliveryList>, ApiError> {
    let caller = caller.require_token()?;
    let page = query.0.page()?;
    let WebhookPath { slug, id } = path.into_inner();
    let (_, (found, total)) = state
        .read(caller, move |conn, viewer| {
            webhook_of(conn, viewer, &slug, id, false)?;
            Ok(log::deliveries(conn, id, page)?)
        })
        .await?;
    Ok(web::Json(DeliveryList {
        items: found.into_iter().map(DeliveryView::from).collect(),
        total,
        page: page.number,
        per_page: page.size,
    }))
}

/// The path of one message.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct DeliveryPath {
    /// The co-op's slug.
    pub slug: String,
    /// The endpoint's id.
    pub id: Uuid,
    /// The message's id (`msg_…`).
    pub delivery: String,
}

/// Delivers a message again, now, with the same `webhook-id` (one more
/// attempt; receivers that already handled it can tell).
#[utoipa::path(
    tag = "webhooks",
    security(("bearer" = [])),
    params(DeliveryPath),
    responses(
        SignedIn, WebhookAdmin,
        (status = 202, description = "Due now; the log shows the attempt"),
        (status = 409, description = "The endpoint is disabled (`webhook_disabled`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/coops/{slug}/webhooks/{id}/deliveries/{delivery}/redeliver")]
pub async fn redeliver(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<DeliveryPath>,
) -> Result<HttpResponse, ApiError> {
    let caller = caller.require_token()?;
    let DeliveryPath { slug, id, delivery } = path.into_inner();
    let now = state.clock.now();
    state
        .write(caller, move |conn, viewer| {
            let (_, webhook) = webhook_of(conn, viewer, &slug, id, true)?;
            if webhook.disabled.is_some() {
                return Err(ApiError::conflict_at(
                    Code::WebhookDisabled,
                    "/enabled",
                    "the endpoint is disabled: enable it (PATCH with \"enabled\": true) first",
                ));
            }
            if log::redeliver(conn, id, &delivery, now)? {
                Ok(())
            } else {
                Err(ApiError::NotFound(format!(
                    "the webhook has no message {delivery}"
                )))
            }
        })
        .await?;
    Ok(HttpResponse::build(StatusCode::ACCEPTED).finish())
}
