//! `POST /api/v1/coops/{slug}/calendar-feeds` (a secret feed URL),
//! `GET` (the co-op's feeds) and `DELETE …/{id}` (revoke one).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, delete, get, post, web};
use coophub_app::sharing::calendar::{self, FeedList, FeedView};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::SignedIn;
use crate::extract::Checked;
use crate::ics::{new_secret, secret_hash};
use crate::problem::{ApiError, CoopUser, JsonBody, Problem, TokenRequired};
use crate::state::AppState;

/// Which feed to make.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FeedRequest {
    /// One person of the co-op; leave out for the co-op's whole calendar.
    pub person_id: Option<Uuid>,
}

/// A user of the co-op makes a secret feed URL for calendar apps (which send
/// no token); making another for the same calendar revokes the old one.
#[utoipa::path(
    tag = "sharing",
    security(("bearer" = [])),
    params(("slug" = String, Path, description = "The co-op's slug")),
    request_body = FeedRequest,
    responses(
        TokenRequired, JsonBody, CoopUser,
        (status = 201, description = "Made; `url` holds the secret, shown this once", body = FeedView),
    )
)]
#[post("/coops/{slug}/calendar-feeds")]
pub async fn create_feed(
    state: web::Data<AppState>,
    caller: SignedIn,
    slug: web::Path<String>,
    body: Checked<FeedRequest>,
) -> Result<HttpResponse, ApiError> {
    let person = body.check(|body| Ok(body.person_id))?;
    let now = state.clock.now();
    let secret = new_secret();
    let hash = secret_hash(&secret);
    let (_, (feed, coop)) = state
        .write(caller, move |conn, viewer| {
            Ok(calendar::create(conn, viewer, &slug, person, &hash, now)?)
        })
        .await?;
    let path = match feed.person_id {
        Some(person) => format!("/api/v1/people/{person}/placements.ics"),
        None => format!("/api/v1/coops/{}/placements.ics", coop.slug),
    };
    let url = format!("{}{path}?key={secret}", state.public_url);
    Ok(HttpResponse::build(StatusCode::CREATED).json(FeedView::new(feed, Some(url))))
}

/// The co-op's secret feeds (their secrets are not kept, so not shown).
#[utoipa::path(
    tag = "sharing",
    security(("bearer" = [])),
    params(("slug" = String, Path, description = "The co-op's slug")),
    responses(
        TokenRequired, CoopUser,
        (status = 200, description = "The feeds", body = FeedList),
    )
)]
#[get("/coops/{slug}/calendar-feeds")]
pub async fn list_feeds(
    state: web::Data<AppState>,
    caller: SignedIn,
    slug: web::Path<String>,
) -> Result<web::Json<FeedList>, ApiError> {
    let (_, list) = state
        .read(caller, move |conn, viewer| {
            Ok(calendar::list(conn, viewer, &slug)?)
        })
        .await?;
    Ok(web::Json(list))
}

/// Revokes a secret feed: its URL stops working at once.
#[utoipa::path(
    tag = "sharing",
    security(("bearer" = [])),
    params(
        ("slug" = String, Path, description = "The co-op's slug"),
        ("id" = Uuid, Path, description = "The feed's id"),
    ),
    responses(
        TokenRequired,
        (status = 204, description = "Revoked"),
        (status = 403, description = "Not a user of this co-op", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such co-op or feed", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/coops/{slug}/calendar-feeds/{id}")]
pub async fn revoke_feed(
    state: web::Data<AppState>,
    caller: SignedIn,
    path: web::Path<(String, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (slug, id) = path.into_inner();
    state
        .write(caller, move |conn, viewer| {
            Ok(calendar::revoke(conn, viewer, &slug, id)?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
