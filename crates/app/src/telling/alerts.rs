//! Alerts: when a tender, an offer of time or a person is written, every
//! saved alert it matches tells its reader, once per item, in the
//! transaction that wrote it. An alert on offers or people tells its reader
//! (the account that saved it, or for a co-op's alert what every admin of
//! that co-op may see) only of items of other co-ops that the access rules
//! let that reader see.

use chrono::{DateTime, Utc};
use coophub_domain::access::sharing::ListingFacts;
use coophub_domain::access::{self, CoopFacts, PersonFacts, Viewer, see_private_fields};
use coophub_domain::alert::{AlertSubject, offer_match, opportunity_match, person_match};
use coophub_domain::notify::{Audience, EventKind, NewEvent};
use coophub_domain::person::{Person, Visibility};
use coophub_domain::sharing::Offer;
use coophub_store::alerts::{self, Alert};
use coophub_store::bidding::opportunities;
use coophub_store::{DbConnection, StoreError, coops, notifications};
use uuid::Uuid;

/// Tells `alert`'s account, or its co-op's admins (and webhooks), of
/// `event`, whose summary gets the match's reasons.
fn tell(
    conn: &mut DbConnection,
    alert: &Alert,
    mut event: NewEvent,
    reasons: &[String],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    if !reasons.is_empty() {
        event.summary.push_str(&format!(": {}", reasons.join("; ")));
    }
    event.coops = alert.coop_id.into_iter().collect();
    let audience = match alert.coop_id {
        Some(coop) => Audience {
            admins_of: vec![coop],
            ..Audience::default()
        },
        None => Audience {
            accounts: vec![alert.user_id],
            ..Audience::default()
        },
    };
    notifications::record(conn, &event, &audience, now)?;
    Ok(())
}

fn found(
    kind: EventKind,
    subject: (&'static str, Uuid),
    link: String,
    summary: String,
) -> NewEvent {
    NewEvent {
        kind,
        subject_type: subject.0,
        subject_id: subject.1.to_string(),
        link,
        summary,
        actor: None,
        coops: Vec::new(),
    }
}

/// Tells every alert on tenders that the opportunity `id`, as just
/// written, matches and has not told of yet. Without such alerts the
/// opportunity is not read.
pub fn tender_written(
    conn: &mut DbConnection,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let all = alerts::on(conn, AlertSubject::Opportunities)?;
    if all.is_empty() {
        return Ok(());
    }
    let Some(opportunity) = opportunities::find(conn, id)? else {
        return Ok(());
    };
    let status = opportunity.status_at(now);
    for alert in all {
        let Some(reasons) = opportunity_match(&alert.filters, &opportunity, status) else {
            continue;
        };
        if !alerts::first_tender_hit(conn, alert.id, opportunity.id, now)? {
            continue;
        }
        let summary = format!(
            "“{}” matches the alert “{}”",
            opportunity.tender.title, alert.name
        );
        let link = format!("/api/v1/opportunities/{}", opportunity.id);
        let event = found(
            EventKind::OpportunityMatched,
            ("opportunity", opportunity.id),
            link,
            summary,
        );
        tell(conn, &alert, event, &reasons, now)?;
    }
    Ok(())
}

/// The alerts on `subject` with their readers, for an item of `coop`: those
/// whose reader holds no role in that co-op (its own people know).
fn readers_for(
    conn: &mut DbConnection,
    subject: AlertSubject,
    coop: Uuid,
) -> Result<Vec<(Alert, Viewer)>, StoreError> {
    let mut readers = Vec::new();
    for alert in alerts::on(conn, subject)? {
        if let Some(viewer) = alerts::reader(conn, &alert)?
            && viewer.role_in(coop).is_none()
        {
            readers.push((alert, viewer));
        }
    }
    Ok(readers)
}

/// Tells every alert on offers that `offer`, as just written, matches.
pub fn offer_written(
    conn: &mut DbConnection,
    offer: &Offer,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let readers = readers_for(conn, AlertSubject::Offers, offer.coop_id)?;
    if readers.is_empty() {
        return Ok(());
    }
    let Some(coop) = coops::find_by_id(conn, offer.coop_id)? else {
        return Ok(());
    };
    let listing = ListingFacts {
        coop: CoopFacts::of(&coop),
        live: offer.live(now),
    };
    for (alert, viewer) in readers {
        if access::sharing::read_listing(&viewer, listing).is_err() {
            continue;
        }
        let Some(reasons) = offer_match(&alert.filters, offer, now) else {
            continue;
        };
        if !alerts::first_talent_hit(conn, alert.id, offer.id, now)? {
            continue;
        }
        let summary = format!(
            "{}’s offer “{}” matches the alert “{}”",
            coop.profile.name, offer.title, alert.name
        );
        let link = format!("/api/v1/offers/{}", offer.id);
        let event = found(EventKind::OfferMatched, ("offer", offer.id), link, summary);
        tell(conn, &alert, event, &reasons, now)?;
    }
    Ok(())
}

/// Tells every alert on people that `person`, as just written, matches.
pub fn person_written(
    conn: &mut DbConnection,
    person: &Person,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let readers = readers_for(conn, AlertSubject::People, person.coop_id)?;
    if readers.is_empty() {
        return Ok(());
    }
    let Some(coop) = coops::find_by_id(conn, person.coop_id)? else {
        return Ok(());
    };
    let shown = PersonFacts {
        coop: CoopFacts::of(&coop),
        public: person.visibility == Visibility::Public,
        account: person.user_id,
    };
    for (alert, viewer) in readers {
        if access::read_person(&viewer, shown).is_err() {
            continue;
        }
        let sees_availability = see_private_fields(&viewer, shown);
        let Some(reasons) = person_match(&alert.filters, person, sees_availability, now) else {
            continue;
        };
        if !alerts::first_talent_hit(conn, alert.id, person.id, now)? {
            continue;
        }
        let summary = format!(
            "{} of {} matches the alert “{}”",
            person.name, coop.profile.name, alert.name
        );
        let link = format!("/api/v1/people/{}", person.id);
        let event = found(
            EventKind::PersonMatched,
            ("person", person.id),
            link,
            summary,
        );
        tell(conn, &alert, event, &reasons, now)?;
    }
    Ok(())
}
