//! `POST /api/v1/coops/{slug}/calendar-feeds` (a secret feed URL),
//! `GET` (the co-op's feeds) and `DELETE …/{id}` (revoke one).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, delete, get, post, web};
use chrono::{DateTime, Utc};
use coophub_app::directory::coops::CoopRule;
use coophub_app::guard::{Lock, load};
use coophub_domain::FieldError;
use coophub_domain::access::{self, CoopFacts, Denied};
use coophub_domain::coop::Coop;
use coophub_store::people;
use coophub_store::sharing::feeds::{self, Feed};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::{SignedIn, Viewer};
use crate::extract::Checked;
use crate::ics::{new_secret, secret_hash};
use crate::problem::{ApiError, JsonBody, Problem, TokenRequired};
use crate::state::AppState;

/// Which feed to make.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FeedRequest {
    /// One person of the co-op; leave out for the co-op's whole calendar.
    pub person_id: Option<Uuid>,
}

/// A secret feed.
#[derive(Debug, Serialize, ToSchema)]
pub struct FeedView {
    /// Its id, to revoke it.
    pub id: Uuid,
    /// The person, for a person's feed.
    pub person_id: Option<Uuid>,
    /// UTC.
    pub created_at: DateTime<Utc>,
    /// The URL to subscribe to, with its secret: shown only when made.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl FeedView {
    fn new(feed: Feed, url: Option<String>) -> Self {
        Self {
            id: feed.id,
            person_id: feed.person_id,
            created_at: feed.created_at,
            url,
        }
    }
}

/// The co-op's feeds.
#[derive(Debug, Serialize, ToSchema)]
pub struct FeedList {
    /// Oldest first, without their secrets.
    pub items: Vec<FeedView>,
}

/// Users of the co-op (any role) manage its calendar feeds.
fn member(viewer: &Viewer, coop: CoopFacts) -> Result<(), Denied> {
    access::read_coop(viewer, coop)?;
    match viewer.user_id() {
        None => Err(Denied::NotSignedIn),
        Some(_) if viewer.role_in(coop.id).is_some() => Ok(()),
        Some(_) => Err(Denied::Forbidden(access::Needed::CoopAdmin)),
    }
}

const MEMBER: CoopRule = member;

/// A user of the co-op makes a secret feed URL for calendar apps (which send
/// no token); making another for the same calendar revokes the old one.
#[utoipa::path(
    tag = "sharing",
    security(("bearer" = [])),
    params(("slug" = String, Path, description = "The co-op's slug")),
    request_body = FeedRequest,
    responses(
        TokenRequired, JsonBody,
        (status = 201, description = "Made; `url` holds the secret, shown this once", body = FeedView),
        (status = 403, description = "Not a user of this co-op", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such co-op", body = Problem, content_type = "application/problem+json"),
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
            let coop = load::<Coop>(conn, viewer, &slug, MEMBER, Lock::Read)?;
            if let Some(id) = person
                && people::find(conn, id)?.is_none_or(|p| p.coop_id != coop.id)
            {
                return Err(ApiError::from_field(FieldError::new(
                    "/person_id",
                    format!("must be one of the people of {}", coop.slug),
                )));
            }
            let feed = feeds::replace(conn, coop.id, person, &hash, viewer.user_id(), now)?;
            Ok((feed, coop))
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
        TokenRequired,
        (status = 200, description = "The feeds", body = FeedList),
        (status = 403, description = "Not a user of this co-op", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such co-op", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/coops/{slug}/calendar-feeds")]
pub async fn list_feeds(
    state: web::Data<AppState>,
    caller: SignedIn,
    slug: web::Path<String>,
) -> Result<web::Json<FeedList>, ApiError> {
    let (_, found) = state
        .read(caller, move |conn, viewer| {
            let coop = load::<Coop>(conn, viewer, &slug, MEMBER, Lock::Read)?;
            Ok(feeds::of_coop(conn, coop.id)?)
        })
        .await?;
    Ok(web::Json(FeedList {
        items: found
            .into_iter()
            .map(|feed| FeedView::new(feed, None))
            .collect(),
    }))
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
            let coop = load::<Coop>(conn, viewer, &slug, MEMBER, Lock::Read)?;
            Ok(feeds::revoke(conn, coop.id, id)?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
