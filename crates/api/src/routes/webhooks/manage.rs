//! Listing, showing, changing, deleting an endpoint and rotating its secret.

use actix_web::{HttpResponse, delete, get, patch, post, web};
use coophub_app::telling::webhooks::manage;
use coophub_domain::webhook::{WebhookChange, WebhookChangeDraft};

use super::{WebhookList, WebhookPatchBody, WebhookPath, WebhookView, new_secret};
use crate::auth::SignedIn;
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, TokenRequired, WebhookAdmin};
use crate::state::AppState;

/// The co-op's endpoints, for its admins.
#[utoipa::path(
    tag = "webhooks",
    security(("bearer" = [])),
    params(("slug" = String, Path, description = "The co-op's slug")),
    responses(
        TokenRequired, WebhookAdmin,
        (status = 200, description = "The endpoints", body = WebhookList),
    )
)]
#[get("/coops/{slug}/webhooks")]
pub async fn list_webhooks(
    state: web::Data<AppState>,
    caller: SignedIn,
    slug: web::Path<String>,
) -> Result<web::Json<WebhookList>, ApiError> {
    let slug = slug.into_inner();
    let now = state.clock.now();
    let (_, list) = state
        .read(caller, move |conn, viewer| {
            Ok(manage::list(conn, viewer, &slug, now)?)
        })
        .await?;
    Ok(web::Json(list))
}

/// One endpoint.
#[utoipa::path(
    tag = "webhooks",
    security(("bearer" = [])),
    params(WebhookPath),
    responses(
        TokenRequired, WebhookAdmin,
        (status = 200, description = "The endpoint", body = WebhookView),
    )
)]
#[get("/coops/{slug}/webhooks/{id}")]
pub async fn show_webhook(
    state: web::Data<AppState>,
    caller: SignedIn,
    path: web::Path<WebhookPath>,
) -> Result<web::Json<WebhookView>, ApiError> {
    let WebhookPath { slug, id } = path.into_inner();
    let now = state.clock.now();
    let (_, view) = state
        .read(caller, move |conn, viewer| {
            Ok(manage::show(conn, viewer, &slug, id, now)?)
        })
        .await?;
    Ok(web::Json(view))
}

/// Changes an endpoint's URL, event types or description, or stops and
/// resumes its deliveries.
#[utoipa::path(
    tag = "webhooks",
    security(("bearer" = [])),
    params(WebhookPath),
    request_body = WebhookPatchBody,
    responses(
        TokenRequired, JsonBody, WebhookAdmin,
        (status = 200, description = "Changed", body = WebhookView),
    )
)]
#[patch("/coops/{slug}/webhooks/{id}")]
pub async fn change_webhook(
    state: web::Data<AppState>,
    caller: SignedIn,
    path: web::Path<WebhookPath>,
    body: Checked<WebhookPatchBody>,
) -> Result<web::Json<WebhookView>, ApiError> {
    let rule = state.webhook_addresses;
    let (change, enabled) = body.check(|body| {
        let change = WebhookChange::parse(
            WebhookChangeDraft {
                url: body.url,
                events: body.events,
                description: body.description,
            },
            rule,
        )?;
        Ok((change, body.enabled))
    })?;
    let WebhookPath { slug, id } = path.into_inner();
    let now = state.clock.now();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            let (path, change) = ((slug.as_str(), id), change.clone());
            Ok(manage::change(conn, viewer, path, change, enabled, now)?)
        })
        .await?;
    Ok(web::Json(view))
}

/// Deletes an endpoint with its delivery log; owed messages are dropped.
#[utoipa::path(
    tag = "webhooks",
    security(("bearer" = [])),
    params(WebhookPath),
    responses(
        TokenRequired, WebhookAdmin,
        (status = 204, description = "Deleted"),
    )
)]
#[delete("/coops/{slug}/webhooks/{id}")]
pub async fn delete_webhook(
    state: web::Data<AppState>,
    caller: SignedIn,
    path: web::Path<WebhookPath>,
) -> Result<HttpResponse, ApiError> {
    let WebhookPath { slug, id } = path.into_inner();
    state
        .write(caller, move |conn, viewer| {
            Ok(manage::delete(conn, viewer, &slug, id)?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Makes a new signing secret, shown this once. For 24 hours deliveries
/// carry a signature with the previous secret too, so the receiver can
/// switch without losing a delivery.
#[utoipa::path(
    tag = "webhooks",
    security(("bearer" = [])),
    params(WebhookPath),
    responses(
        TokenRequired, WebhookAdmin,
        (status = 200, description = "Rotated; the new secret is shown this once", body = WebhookView),
    )
)]
#[post("/coops/{slug}/webhooks/{id}/rotate-secret")]
pub async fn rotate_webhook_secret(
    state: web::Data<AppState>,
    caller: SignedIn,
    path: web::Path<WebhookPath>,
) -> Result<web::Json<WebhookView>, ApiError> {
    let WebhookPath { slug, id } = path.into_inner();
    let now = state.clock.now();
    let secret = new_secret();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            let path = (slug.as_str(), id);
            Ok(manage::rotate_secret(conn, viewer, path, &secret, now)?)
        })
        .await?;
    Ok(web::Json(view))
}
