//! `GET /api/v1/coops/{slug}/webhooks/{id}/deliveries` (the delivery log)
//! and `POST …/deliveries/{delivery}/redeliver`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, web};
use coophub_app::telling::webhooks::deliveries::{DeliveryList, DeliveryView};
use coophub_store::webhooks::log::{self};
use uuid::Uuid;

use super::{WebhookPath, webhook_of};
use crate::auth::SignedIn;
use crate::extract::Query;
use crate::paging::PageQuery;
use crate::problem::{ApiError, Code, Problem, QueryString, TokenRequired, WebhookAdmin};
use crate::state::AppState;

/// The endpoint's messages with every attempt: statuses, errors and the
/// first bytes of each response.
#[utoipa::path(
    tag = "webhooks",
    security(("bearer" = [])),
    params(WebhookPath, PageQuery),
    responses(
        TokenRequired, QueryString, WebhookAdmin,
        (status = 200, description = "A page of the log", body = DeliveryList),
    )
)]
#[get("/coops/{slug}/webhooks/{id}/deliveries")]
pub async fn list_deliveries(
    state: web::Data<AppState>,
    caller: SignedIn,
    path: web::Path<WebhookPath>,
    query: Query<PageQuery>,
) -> Result<web::Json<DeliveryList>, ApiError> {
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
        TokenRequired, WebhookAdmin,
        (status = 202, description = "Due now; the log shows the attempt"),
        (status = 409, description = "The endpoint is disabled (`webhook_disabled`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/coops/{slug}/webhooks/{id}/deliveries/{delivery}/redeliver")]
pub async fn redeliver(
    state: web::Data<AppState>,
    caller: SignedIn,
    path: web::Path<DeliveryPath>,
) -> Result<HttpResponse, ApiError> {
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
