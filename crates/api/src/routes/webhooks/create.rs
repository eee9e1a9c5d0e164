//! `POST /api/v1/coops/{slug}/webhooks`: an admin registers an endpoint.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use coophub_app::telling::webhooks::manage;
use coophub_domain::webhook::{WebhookDraft, WebhookInput};

use super::{WebhookBody, WebhookView, new_secret};
use crate::auth::SignedIn;
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, TokenRequired, WebhookAdmin};
use crate::state::AppState;

/// Registers an endpoint that hears of the co-op's events of the types
/// named. The answer holds the signing secret (`whsec_…`) this once.
#[utoipa::path(
    tag = "webhooks",
    security(("bearer" = [])),
    params(("slug" = String, Path, description = "The co-op's slug")),
    request_body = WebhookBody,
    responses(
        TokenRequired, JsonBody, WebhookAdmin,
        (status = 201, description = "Registered; the secret is shown this once", body = WebhookView),
    )
)]
#[post("/coops/{slug}/webhooks")]
pub async fn create_webhook(
    state: web::Data<AppState>,
    caller: SignedIn,
    slug: web::Path<String>,
    body: Checked<WebhookBody>,
) -> Result<HttpResponse, ApiError> {
    let rule = state.webhook_addresses;
    let input = body.check(|body| {
        Ok(WebhookInput::parse(
            WebhookDraft {
                url: body.url,
                events: body.events,
                description: body.description.unwrap_or_default(),
            },
            rule,
        )?)
    })?;
    let slug = slug.into_inner();
    let now = state.clock.now();
    let secret = new_secret();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            Ok(manage::register(conn, viewer, &slug, &input, &secret, now)?)
        })
        .await?;
    let mut response = HttpResponse::build(StatusCode::CREATED);
    response.insert_header((
        "Location",
        format!("/api/v1/coops/{}/webhooks/{}", view.coop, view.id),
    ));
    Ok(response.json(view))
}
