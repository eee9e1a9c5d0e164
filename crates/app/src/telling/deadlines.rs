//! The deadlines a person has: tenders and bids of their co-ops, sections
//! they own, offers and availability to reconfirm, alerts.

use crate::bidding::bids::BidCase;
use crate::bidding::capability::ALL;
use crate::{AppError, signed_in};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::bidding::{OpportunityStatus, SectionStatus};
use coophub_domain::person::AVAILABILITY_DAYS;
use coophub_store::bidding::{bids, opportunities};
use coophub_store::sharing::offers;
use coophub_store::{DbConnection, access, alerts, deadline_feeds, people, users};
use serde::Serialize;

/// When a deadline falls.
pub enum When {
    /// An instant.
    At(DateTime<Utc>),
    /// A whole day.
    Day(NaiveDate),
}

/// One dated thing to act on.
pub struct Deadline {
    /// Stable across feeds, so calendars update rather than duplicate.
    pub uid: String,
    /// What to do.
    pub summary: String,
    /// When.
    pub when: When,
}

/// The deadlines of the signed-in viewer as of `now`.
pub fn deadlines(
    conn: &mut DbConnection,
    viewer: &Viewer,
    now: DateTime<Utc>,
) -> Result<Vec<Deadline>, AppError> {
    let user = crate::signed_in(viewer)?.id;
    let coops: Vec<_> = viewer.roles.iter().map(|held| held.coop).collect();
    let administered = viewer.administered();
    let mut found = Vec::new();
    // A submitted bid asks for nothing more (the reminders agree).
    for bid in bids::visible_to(conn, &coops, &administered, ALL)?.0 {
        if !bid.state.before_submission() {
            continue;
        }
        let case = BidCase::of(conn, bid)?;
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

/// A secret deadline feed.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeadlineFeedView {
    /// The URL to subscribe to, with its secret: shown this once.
    pub url: String,
}

/// The deadlines of the feed whose key hashes to `key_hash` (a calendar
/// app's way in, without a token), or else the viewer's own.
pub fn of_feed(
    conn: &mut DbConnection,
    viewer: &Viewer,
    key_hash: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Vec<Deadline>, AppError> {
    let Some(hash) = key_hash else {
        return deadlines(conn, viewer, now);
    };
    let not_found = || AppError::NotFound("no such calendar".into());
    let user = deadline_feeds::owner(conn, hash)?.ok_or_else(not_found)?;
    let (account, _) = users::find(conn, user)?.ok_or_else(not_found)?;
    let owner = access::viewer(conn, user, account.token_version)?.map_err(|_| not_found())?;
    deadlines(conn, &owner, now)
}

/// Gives the viewer a deadline feed opened by the key hashing to
/// `key_hash`, replacing any earlier one.
pub fn open_feed(
    conn: &mut DbConnection,
    viewer: &Viewer,
    key_hash: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let user = signed_in(viewer)?.id;
    Ok(deadline_feeds::replace(conn, user, key_hash, now)?)
}

/// Revokes the viewer's deadline feed.
pub fn revoke_feed(conn: &mut DbConnection, viewer: &Viewer) -> Result<(), AppError> {
    let user = signed_in(viewer)?.id;
    if deadline_feeds::revoke(conn, user)? {
        Ok(())
    } else {
        Err(AppError::NotFound("no deadline feed to revoke".into()))
    }
}
