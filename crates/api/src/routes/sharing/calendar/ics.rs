//! `GET /api/v1/coops/{slug}/placements.ics` and
//! `GET /api/v1/people/{id}/placements.ics`.

use actix_web::{HttpResponse, get, web};
use coophub_domain::coop::Coop;
use coophub_domain::sharing::{Placement, PlacementState};
use coophub_store::sharing::feeds;
use coophub_store::sharing::placements::{self, PlacementFilter};
use coophub_store::{DbConnection, coops, people};
use icalendar::{Component, EventLike};
use uuid::Uuid;

use crate::auth::{Caller, Viewer};
use crate::extract::Query;
use crate::ics::FeedQuery;
use crate::ics::{ics_response, new_calendar, secret_hash, text};
use crate::problem::{ApiError, Problem, QueryString};
use crate::state::AppState;
use coophub_app::sharing::coop_of;

/// Whose placements a feed shows.
#[derive(Debug, Clone, Copy)]
enum Scope {
    Coop(Uuid),
    Person { coop: Uuid, person: Uuid },
}

/// Whether the caller may read `scope`'s feed: with its secret key, or as a
/// user of the co-op (or the person themselves).
fn allowed(
    conn: &mut DbConnection,
    viewer: &Viewer,
    key: Option<&str>,
    scope: Scope,
    account: Option<Uuid>,
) -> Result<bool, ApiError> {
    let (coop, person) = match scope {
        Scope::Coop(coop) => (coop, None),
        Scope::Person { coop, person } => (coop, Some(person)),
    };
    if let Some(key) = key {
        let feed = feeds::find_by_secret(conn, &secret_hash(key))?;
        return Ok(feed.is_some_and(|f| f.coop_id == coop && f.person_id == person));
    }
    let is_person = account.is_some() && account == viewer.user_id();
    Ok(viewer.role_in(coop).is_some() || is_person)
}

fn calendar(name: &str, items: Vec<(Placement, Coop, Coop, Option<String>)>) -> String {
    let mut calendar = new_calendar(name);
    for (placement, offering, requesting, person) in items {
        let who = person.unwrap_or_else(|| "Someone".to_owned());
        let days = f64::from(placement.half_days) / 2.0;
        let event = icalendar::Event::new()
            .uid(&format!("placement-{}@coophub", placement.id))
            .summary(&text(&format!(
                "{who}: {} for {}",
                offering.profile.name, requesting.profile.name
            )))
            .description(&text(&format!(
                "{days} days a week, {} at {}, asked for by {}",
                match placement.state {
                    PlacementState::Active => "under way",
                    _ => "accepted",
                },
                offering.profile.name,
                requesting.profile.name
            )))
            .starts(placement.dates.start)
            .ends(
                placement
                    .dates
                    .end
                    .succ_opt()
                    .unwrap_or(placement.dates.end),
            )
            .done();
        calendar.push(event);
    }
    calendar.done().to_string()
}

async fn feed(
    state: web::Data<AppState>,
    caller: Caller,
    key: Option<String>,
    locate: impl FnOnce(&mut DbConnection) -> Result<Option<(Scope, Option<Uuid>, String)>, ApiError>
    + Send
    + 'static,
) -> Result<HttpResponse, ApiError> {
    if key.is_none() {
        caller.require_token()?;
    }
    let (_, text) = state
        .read(caller, move |conn, viewer| {
            let not_found = || ApiError::NotFound("no such calendar".into());
            let (scope, account, name) = locate(conn)?.ok_or_else(not_found)?;
            if !allowed(conn, viewer, key.as_deref(), scope, account)? {
                return Err(not_found());
            }
            let filter = match scope {
                Scope::Coop(coop) => PlacementFilter {
                    involving: Some(vec![coop]),
                    ..PlacementFilter::default()
                },
                Scope::Person { person, .. } => PlacementFilter {
                    person: Some(person),
                    ..PlacementFilter::default()
                },
            };
            let filter = PlacementFilter {
                states: vec![PlacementState::Accepted, PlacementState::Active],
                ..filter
            };
            let mut items = Vec::new();
            for placement in placements::all(conn, &filter)? {
                let offering = coop_of(conn, placement.offering_coop_id, &String::new)?;
                let requesting = coop_of(conn, placement.requesting_coop_id, &String::new)?;
                let person = match placement.person_id {
                    Some(id) => people::find(conn, id)?.map(|p| p.name),
                    None => None,
                };
                items.push((placement, offering, requesting, person));
            }
            Ok(calendar(&name, items))
        })
        .await?;
    Ok(ics_response(text))
}

/// A co-op's accepted and active placements (on either side), as iCalendar.
#[utoipa::path(
    tag = "sharing",
    // Without a token, the feed's `key` opens it (a calendar app's way in).
    security((), ("bearer" = [])),
    params(("slug" = String, Path, description = "The co-op's slug"), FeedQuery),
    responses(
        QueryString,
        (status = 200, description = "The feed", content_type = "text/calendar", body = String),
        (status = 401, description = "Neither a token nor a key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such calendar for the caller (or the key is revoked)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/coops/{slug}/placements.ics")]
pub async fn coop_calendar(
    state: web::Data<AppState>,
    caller: Caller,
    slug: web::Path<String>,
    query: Query<FeedQuery>,
) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    feed(state, caller, query.0.key, move |conn| {
        Ok(coops::find_by_slug(conn, &slug)?.map(|coop| {
            (
                Scope::Coop(coop.id),
                None,
                format!("{} placements", coop.profile.name),
            )
        }))
    })
    .await
}

/// One person's accepted and active placements, as iCalendar.
#[utoipa::path(
    tag = "sharing",
    // Without a token, the feed's `key` opens it (a calendar app's way in).
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path, description = "The person's id"), FeedQuery),
    responses(
        QueryString,
        (status = 200, description = "The feed", content_type = "text/calendar", body = String),
        (status = 401, description = "Neither a token nor a key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such calendar for the caller (or the key is revoked)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/people/{id}/placements.ics")]
pub async fn person_calendar(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    query: Query<FeedQuery>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    feed(state, caller, query.0.key, move |conn| {
        Ok(people::find(conn, id)?.map(|person| {
            let scope = Scope::Person {
                coop: person.coop_id,
                person: person.id,
            };
            (scope, person.user_id, format!("{} placements", person.name))
        }))
    })
    .await
}
