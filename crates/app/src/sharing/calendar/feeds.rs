//! A co-op's secret calendar feeds, made, listed and revoked by its users.

use chrono::{DateTime, Utc};
use coophub_domain::FieldError;
use coophub_domain::access::{self, CoopFacts, Denied, Viewer};
use coophub_domain::coop::Coop;
use coophub_store::sharing::feeds::{self, Feed};
use coophub_store::{DbConnection, people};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::AppError;
use crate::directory::coops::CoopRule;
use crate::guard::{Lock, load};

/// A secret feed.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
    /// The view of `feed`, with the URL to subscribe to when just made.
    pub fn new(feed: Feed, url: Option<String>) -> Self {
        Self {
            id: feed.id,
            person_id: feed.person_id,
            created_at: feed.created_at,
            url,
        }
    }
}

/// The co-op's feeds.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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

/// A user of the co-op `slug` makes its feed (or the feed of `person`, one
/// of its people), opened by the key hashing to `key_hash`; it replaces an
/// earlier feed of the same scope. Answers the feed and the co-op.
pub fn create(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
    person: Option<Uuid>,
    key_hash: &str,
    now: DateTime<Utc>,
) -> Result<(Feed, Coop), AppError> {
    let coop = load::<Coop>(conn, viewer, slug, MEMBER, Lock::Read)?;
    if let Some(id) = person
        && people::find(conn, id)?.is_none_or(|p| p.coop_id != coop.id)
    {
        return Err(FieldError::new(
            "/person_id",
            format!("must be one of the people of {}", coop.slug),
        )
        .into());
    }
    let feed = feeds::replace(conn, coop.id, person, key_hash, viewer.user_id(), now)?;
    Ok((feed, coop))
}

/// The feeds of the co-op `slug`, without their secrets.
pub fn list(conn: &mut DbConnection, viewer: &Viewer, slug: &str) -> Result<FeedList, AppError> {
    let coop = load::<Coop>(conn, viewer, slug, MEMBER, Lock::Read)?;
    let items = feeds::of_coop(conn, coop.id)?
        .into_iter()
        .map(|feed| FeedView::new(feed, None))
        .collect();
    Ok(FeedList { items })
}

/// Revokes the feed `id` of the co-op `slug`.
pub fn revoke(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
    id: Uuid,
) -> Result<(), AppError> {
    let coop = load::<Coop>(conn, viewer, slug, MEMBER, Lock::Read)?;
    Ok(feeds::revoke(conn, coop.id, id)?)
}
