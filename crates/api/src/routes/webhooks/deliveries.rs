//! `GET /api/v1/coops/{slug}/webhooks/{id}/deliveries` (the delivery log)
//! and `POST …/deliveries/{delivery}/redeliver`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, web};
use coophub_app::telling::webhooks::deliveries::DeliveryList;
use coophub_app::telling::webhooks::manage;
use uuid::Uuid;

use super::WebhookPath;
use crate::auth::SignedIn;
use crate::extract::Query;
use crate::paging::PageQuery;
use crate::problem::{ApiError, Problem, QueryString, TokenRequired, WebhookAdmin};
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
    let (_, list) = state
        .read(caller, move |conn, viewer| {
            Ok(manage::deliveries(conn, viewer, (&slug, id), page)?)
        })
        .await?;
    Ok(web::Json(list))
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
            Ok(manage::redeliver(
                conn,
                viewer,
                (&slug, id),
                &delivery,
                now,
            )?)
        })
        .await?;
    Ok(HttpResponse::build(StatusCode::ACCEPTED).finish())
}
