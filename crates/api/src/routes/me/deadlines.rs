//! `GET /api/v1/me/deadlines.ics`: an account's deadlines as iCalendar
//! (RFC 5545): the submission deadlines and section due dates of the bids
//! it takes part in, the closing dates of tenders its alerts told of, and
//! when offers of the co-ops it administers and its own availability lapse
//! unless reconfirmed. With a token, or with the secret `key` of
//! `POST /api/v1/me/deadline-feed` for calendar apps.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, delete, get, post, web};
use coophub_app::telling::deadlines::{self, Deadline, DeadlineFeedView, When};
use icalendar::{Component, EventLike};

use crate::auth::{Caller, SignedIn};
use crate::extract::Query;
use crate::ics::FeedQuery;
use crate::ics::{ics_response, new_calendar, new_secret, secret_hash, text};
use crate::problem::{ApiError, Problem, QueryString, TokenRequired};
use crate::state::AppState;

/// The caller's deadlines (or, with `key`, those of the feed's account).
#[utoipa::path(
    tag = "me",
    // Without a token, the feed's `key` opens it (a calendar app's way in).
    security((), ("bearer" = [])),
    params(FeedQuery),
    responses(
        QueryString,
        (status = 200, description = "The deadlines", content_type = "text/calendar", body = String),
        (status = 401, description = "Neither a token nor a key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "The key opens no calendar (revoked?)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me/deadlines.ics")]
pub async fn deadline_calendar(
    state: web::Data<AppState>,
    caller: Caller,
    query: Query<FeedQuery>,
) -> Result<HttpResponse, ApiError> {
    let key = query.0.key;
    if key.is_none() {
        caller.require_token()?;
    }
    let now = state.clock.now();
    let (_, found) = state
        .read(caller, move |conn, viewer| {
            let hash = key.as_deref().map(secret_hash);
            Ok(deadlines::of_feed(conn, viewer, hash.as_deref(), now)?)
        })
        .await?;
    Ok(ics_response(calendar(found)))
}

/// Makes a secret URL of the caller's deadline calendar, revoking any older one.
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    responses(
        TokenRequired,
        (status = 201, description = "Made; the secret is shown this once", body = DeadlineFeedView),
    )
)]
#[post("/me/deadline-feed")]
pub async fn create_deadline_feed(
    state: web::Data<AppState>,
    caller: SignedIn,
) -> Result<HttpResponse, ApiError> {
    let url = open_deadline_feed(&state, caller).await?;
    Ok(HttpResponse::build(StatusCode::CREATED).json(DeadlineFeedView { url }))
}

/// Opens `caller`'s calendar of deadlines (ending any earlier link to it),
/// for every face: its address, whose secret is shown this once.
pub async fn open_deadline_feed(
    state: &AppState,
    caller: impl Into<Caller>,
) -> Result<String, ApiError> {
    let now = state.clock.now();
    let secret = new_secret();
    let hash = secret_hash(&secret);
    state
        .write(caller, move |conn, viewer| {
            Ok(deadlines::open_feed(conn, viewer, &hash, now)?)
        })
        .await?;
    Ok(format!(
        "{}/api/v1/me/deadlines.ics?key={secret}",
        state.public_url
    ))
}

/// Revokes the caller's secret deadline feed.
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    responses(
        TokenRequired,
        (status = 204, description = "Revoked"),
        (status = 404, description = "There was none", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/me/deadline-feed")]
pub async fn revoke_deadline_feed(
    state: web::Data<AppState>,
    caller: SignedIn,
) -> Result<HttpResponse, ApiError> {
    state
        .write(caller, move |conn, viewer| {
            Ok(deadlines::revoke_feed(conn, viewer)?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

fn calendar(deadlines: Vec<Deadline>) -> String {
    let mut calendar = new_calendar("coophub deadlines");
    for deadline in deadlines {
        let mut event = icalendar::Event::new();
        event.uid(&deadline.uid).summary(&text(&deadline.summary));
        match deadline.when {
            When::At(at) => event.starts(at).ends(at),
            When::Day(day) => event.all_day(day),
        };
        calendar.push(event.done());
    }
    calendar.done().to_string()
}
