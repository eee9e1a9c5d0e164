//! `GET /api/v1/coops/{slug}/placements.ics` and
//! `GET /api/v1/people/{id}/placements.ics`.

use actix_web::{HttpResponse, get, web};
use coophub_app::sharing::calendar::{CalendarEntry, CalendarOf, placements_of};
use coophub_domain::sharing::PlacementState;
use icalendar::{Component, EventLike};
use uuid::Uuid;

use crate::auth::Caller;
use crate::extract::Query;
use crate::ics::FeedQuery;
use crate::ics::{ics_response, new_calendar, secret_hash, text};
use crate::problem::{ApiError, CalendarKey, QueryString};
use crate::state::AppState;

/// The entries as an iCalendar document named `name`.
fn calendar(name: &str, entries: Vec<CalendarEntry>) -> String {
    let mut calendar = new_calendar(name);
    for entry in entries {
        let CalendarEntry {
            placement,
            offering,
            requesting,
            person,
        } = entry;
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

/// The calendar `of` as iCalendar, opened by a token or by the feed's `key`.
async fn feed(
    state: web::Data<AppState>,
    caller: Caller,
    key: Option<String>,
    of: CalendarOf,
) -> Result<HttpResponse, ApiError> {
    if key.is_none() {
        caller.require_token()?;
    }
    let (_, (name, entries)) = state
        .read(caller, move |conn, viewer| {
            let hash = key.as_deref().map(secret_hash);
            Ok(placements_of(conn, viewer, hash.as_deref(), &of)?)
        })
        .await?;
    Ok(ics_response(calendar(&name, entries)))
}

/// A co-op's accepted and active placements (on either side), as iCalendar.
#[utoipa::path(
    tag = "sharing",
    // Without a token, the feed's `key` opens it (a calendar app's way in).
    security((), ("bearer" = [])),
    params(("slug" = String, Path, description = "The co-op's slug"), FeedQuery),
    responses(
        QueryString, CalendarKey,
        (status = 200, description = "The feed", content_type = "text/calendar", body = String),
    )
)]
#[get("/coops/{slug}/placements.ics")]
pub async fn coop_calendar(
    state: web::Data<AppState>,
    caller: Caller,
    slug: web::Path<String>,
    query: Query<FeedQuery>,
) -> Result<HttpResponse, ApiError> {
    let of = CalendarOf::Coop(slug.into_inner());
    feed(state, caller, query.0.key, of).await
}

/// One person's accepted and active placements, as iCalendar.
#[utoipa::path(
    tag = "sharing",
    // Without a token, the feed's `key` opens it (a calendar app's way in).
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path, description = "The person's id"), FeedQuery),
    responses(
        QueryString, CalendarKey,
        (status = 200, description = "The feed", content_type = "text/calendar", body = String),
    )
)]
#[get("/people/{id}/placements.ics")]
pub async fn person_calendar(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    query: Query<FeedQuery>,
) -> Result<HttpResponse, ApiError> {
    let of = CalendarOf::Person(id.into_inner());
    feed(state, caller, query.0.key, of).await
}
