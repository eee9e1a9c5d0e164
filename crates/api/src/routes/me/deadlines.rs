//! `GET /api/v1/me/deadlines.ics`: an account's deadlines as iCalendar
//! (RFC 5545): the submission deadlines and section due dates of the bids
//! it takes part in, the closing dates of tenders its alerts told of, and
//! when offers of the co-ops it administers and its own availability lapse
//! unless reconfirmed. With a token, or with the secret `key` of
//! `POST /api/v1/me/deadline-feed` for calendar apps.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, delete, get, post, web};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use coophub_domain::bidding::{OpportunityStatus, SectionStatus};
use coophub_domain::person::AVAILABILITY_DAYS;
use coophub_store::bidding::{bids, opportunities};
use coophub_store::sharing::offers;
use coophub_store::{DbConnection, access, alerts, deadline_feeds, people, users};
use icalendar::{Component, EventLike};
use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::{Caller, Viewer, signed_in};
use crate::extract::Query;
use crate::problem::{ApiError, Problem, QueryString, SignedIn};
use crate::routes::bidding::bids::case_of;
use crate::routes::bidding::capability::ALL;
use crate::routes::sharing::calendar::ics::FeedQuery;
use crate::routes::sharing::calendar::{ics_response, new_calendar, new_secret, secret_hash, text};
use crate::state::AppState;

/// When a deadline falls.
enum When {
    At(DateTime<Utc>),
    Day(NaiveDate),
}

/// One dated thing to act on.
struct Deadline {
    uid: String,
    summary: String,
    when: When,
}

fn deadlines(
    conn: &mut DbConnection,
    viewer: &Viewer,
    now: DateTime<Utc>,
) -> Result<Vec<Deadline>, ApiError> {
    let user = signed_in(viewer)?.id;
    let coops: Vec<_> = viewer.roles.iter().map(|held| held.coop).collect();
    let administered = viewer.administered();
    let mut found = Vec::new();
    for bid in bids::visible_to(conn, &coops, &administered, ALL)?.0 {
        if !bid.state.open() {
            continue;
        }
        let case = case_of(conn, bid)?;
        if let Some(deadline) = case.opportunity.tender.deadline {
            found.push(Deadline {
                uid: format!("bid-{}@coophub", case.bid.id),
                summary: format!("Submit the bid “{}”", case.bid.title),
                when: When::At(deadline),
            });
        }
        for section in case
            .sections
            .iter()
            .filter(|s| s.status != SectionStatus::Done)
        {
            if let Some(due) = section.due {
                found.push(Deadline {
                    uid: format!("section-{}@coophub", section.id),
                    summary: format!("“{}” due for the bid “{}”", section.title, case.bid.title),
                    when: When::Day(due),
                });
            }
        }
    }
    let mine: Vec<_> = alerts::visible_to(conn, user, &administered)?
        .iter()
        .map(|a| a.id)
        .collect();
    for id in alerts::told_of(conn, &mine)? {
        let Some(tender) = opportunities::find(conn, id)? else {
            continue;
        };
        if let (Some(deadline), OpportunityStatus::Open) =
            (tender.tender.deadline, tender.status_at(now))
        {
            found.push(Deadline {
                uid: format!("tender-{}@coophub", tender.id),
                summary: format!("Tender closes: {}", tender.tender.title),
                when: When::At(deadline),
            });
        }
    }
    for offer in offers::of_coops(conn, &administered)? {
        if offer.live(now) {
            found.push(Deadline {
                uid: format!("offer-{}@coophub", offer.id),
                summary: format!("The offer “{}” lapses unless reconfirmed", offer.title),
                when: When::At(offer.lapses_at()),
            });
        }
    }
    for id in people::linked_to(conn, user)? {
        let Some(person) = people::find(conn, id)? else {
            continue;
        };
        if let Some(availability) = person.availability.filter(|a| !a.lapsed(now)) {
            found.push(Deadline {
                uid: format!("availability-{}@coophub", person.id),
                summary: "Your availability lapses unless reconfirmed".into(),
                when: When::At(availability.reconfirmed_at + Duration::days(AVAILABILITY_DAYS)),
            });
        }
    }
    Ok(found)
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
    let (_, text) = state
        .read(caller, move |conn, viewer| {
            let owner = match &key {
                Some(key) => {
                    let not_found = || ApiError::NotFound("no such calendar".into());
                    let user =
                        deadline_feeds::owner(conn, &secret_hash(key))?.ok_or_else(not_found)?;
                    let (account, _) = users::find(conn, user)?.ok_or_else(not_found)?;
                    access::viewer(conn, user, account.token_version)?.map_err(|_| not_found())?
                }
                None => viewer.clone(),
            };
            Ok(calendar(deadlines(conn, &owner, now)?))
        })
        .await?;
    Ok(ics_response(text))
}

/// A secret deadline feed.
#[derive(Debug, Serialize, ToSchema)]
pub struct DeadlineFeedView {
    /// The URL to subscribe to, with its secret: shown this once.
    pub url: String,
}

/// Makes a secret URL of the caller's deadline calendar, revoking any older one.
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    responses(
        SignedIn,
        (status = 201, description = "Made; the secret is shown this once", body = DeadlineFeedView),
    )
)]
#[post("/me/deadline-feed")]
pub async fn create_deadline_feed(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let caller = caller.require_token()?;
    let now = state.clock.now();
    let secret = new_secret();
    let hash = secret_hash(&secret);
    state
        .write(caller, move |conn, viewer| {
            let user = signed_in(viewer)?.id;
            Ok(deadline_feeds::replace(conn, user, &hash, now)?)
        })
        .await?;
    let url = format!("{}/api/v1/me/deadlines.ics?key={secret}", state.public_url);
    Ok(HttpResponse::build(StatusCode::CREATED).json(DeadlineFeedView { url }))
}

/// Revokes the caller's secret deadline feed.
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    responses(
        SignedIn,
        (status = 204, description = "Revoked"),
        (status = 404, description = "There was none", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/me/deadline-feed")]
pub async fn revoke_deadline_feed(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let caller = caller.require_token()?;
    state
        .write(caller, move |conn, viewer| {
            let user = signed_in(viewer)?.id;
            if deadline_feeds::revoke(conn, user)? {
                Ok(())
            } else {
                Err(ApiError::NotFound("no deadline feed to revoke".into()))
            }
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
