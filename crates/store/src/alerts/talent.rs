//! Alerts on offers of time and on people: fired for each offer or person
//! as it is written, in that write's transaction. An alert tells its reader
//! (the account that saved it, or for a co-op's alert what every admin of
//! that co-op may see) only of items of other co-ops that the access rules
//! let that reader see, and of each item once.

use chrono::{DateTime, NaiveDateTime, Utc};
use coophub_domain::access::sharing::ListingFacts;
use coophub_domain::access::{self, CoopFacts, PersonFacts, Viewer, see_private_fields};
use coophub_domain::alert::{AlertSubject, offer_match, person_match};
use coophub_domain::coop::Coop;
use coophub_domain::notify::{EventKind, NewEvent};
use coophub_domain::person::{Person, Visibility};
use coophub_domain::sharing::Offer;
use diesel::prelude::*;
use uuid::Uuid;

use super::Alert;
use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::talent_alert_hits;
use crate::{coops, time};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize, serde::Deserialize)]
#[diesel(table_name = talent_alert_hits)]
pub(crate) struct TalentHitRow {
    alert_id: String,
    item_id: String,
    created_at: NaiveDateTime,
}

/// Who reads what `alert` tells; `None` when its account is gone.
fn reader(conn: &mut DbConnection, alert: &Alert) -> Result<Option<Viewer>, StoreError> {
    match alert.coop_id {
        Some(coop) => Ok(coops::find_by_id(conn, coop)?.map(|coop| Viewer::admin_of(facts(&coop)))),
        None => crate::access::viewer_of(conn, alert.user_id),
    }
}

fn facts(coop: &Coop) -> CoopFacts {
    CoopFacts {
        id: coop.id,
        status: coop.membership.status,
    }
}

/// Records that `alert` told of `item`; `false` if it had already.
fn first_time(
    conn: &mut DbConnection,
    alert: &Alert,
    item: Uuid,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let key = (alert.id.to_string(), item.to_string());
    let told: i64 = talent_alert_hits::table
        .find(key.clone())
        .count()
        .get_result(conn)?;
    if told > 0 {
        return Ok(false);
    }
    diesel::insert_into(talent_alert_hits::table)
        .values(TalentHitRow {
            alert_id: key.0,
            item_id: key.1,
            created_at: time::to_db(now),
        })
        .execute(conn)?;
    Ok(true)
}

/// The alerts on `subject` with their readers, for an item of `coop`: those
/// whose reader holds no role in that co-op (its own people know).
fn readers_for(
    conn: &mut DbConnection,
    subject: AlertSubject,
    coop: Uuid,
) -> Result<Vec<(Alert, Viewer)>, StoreError> {
    let mut found = Vec::new();
    for alert in super::on(conn, subject)? {
        if let Some(viewer) = reader(conn, &alert)?
            && viewer.role_in(coop).is_none()
        {
            found.push((alert, viewer));
        }
    }
    Ok(found)
}

/// Tells every alert on offers that `offer`, as just written, matches.
pub(crate) fn fire_offer(
    conn: &mut DbConnection,
    offer: &Offer,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let alerts = readers_for(conn, AlertSubject::Offers, offer.coop_id)?;
    if alerts.is_empty() {
        return Ok(());
    }
    let Some(coop) = coops::find_by_id(conn, offer.coop_id)? else {
        return Ok(());
    };
    let listing = ListingFacts {
        coop: facts(&coop),
        live: offer.live(now),
    };
    for (alert, viewer) in alerts {
        if access::sharing::read_listing(&viewer, listing).is_err() {
            continue;
        }
        let Some(reasons) = offer_match(&alert.filters, offer, now) else {
            continue;
        };
        if !first_time(conn, &alert, offer.id, now)? {
            continue;
        }
        let event = NewEvent {
            kind: EventKind::OfferMatched,
            subject_type: "offer",
            subject_id: offer.id.to_string(),
            link: format!("/api/v1/offers/{}", offer.id),
            summary: format!(
                "{}’s offer “{}” matches the alert “{}”",
                coop.profile.name, offer.title, alert.name
            ),
            actor: None,
            coops: Vec::new(),
        };
        super::tell(conn, &alert, event, &reasons, now)?;
    }
    Ok(())
}

/// Tells every alert on people that `person`, as just written, matches.
pub(crate) fn fire_person(
    conn: &mut DbConnection,
    person: &Person,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let alerts = readers_for(conn, AlertSubject::People, person.coop_id)?;
    if alerts.is_empty() {
        return Ok(());
    }
    let Some(coop) = coops::find_by_id(conn, person.coop_id)? else {
        return Ok(());
    };
    let shown = PersonFacts {
        coop: facts(&coop),
        public: person.visibility == Visibility::Public,
        account: person.user_id,
    };
    for (alert, viewer) in alerts {
        if access::read_person(&viewer, shown).is_err() {
            continue;
        }
        let sees_availability = see_private_fields(&viewer, shown);
        let Some(reasons) = person_match(&alert.filters, person, sees_availability, now) else {
            continue;
        };
        if !first_time(conn, &alert, person.id, now)? {
            continue;
        }
        let event = NewEvent {
            kind: EventKind::PersonMatched,
            subject_type: "person",
            subject_id: person.id.to_string(),
            link: format!("/api/v1/people/{}", person.id),
            summary: format!(
                "{} of {} matches the alert “{}”",
                person.name, coop.profile.name, alert.name
            ),
            actor: None,
            coops: Vec::new(),
        };
        super::tell(conn, &alert, event, &reasons, now)?;
    }
    Ok(())
}

/// Forgets which alerts told of the offer or person `item`, as it is deleted.
pub(crate) fn forget(conn: &mut DbConnection, item: Uuid) -> Result<(), StoreError> {
    diesel::delete(
        talent_alert_hits::table.filter(talent_alert_hits::item_id.eq(item.to_string())),
    )
    .execute(conn)?;
    Ok(())
}
