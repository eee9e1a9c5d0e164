//! Alerts on tenders: fired for each opportunity as it is written.

use chrono::{DateTime, NaiveDateTime, Utc};
use coophub_domain::alert::{AlertSubject, opportunity_match};
use coophub_domain::notify::{EventKind, NewEvent};
use diesel::prelude::*;
use uuid::Uuid;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::alert_hits;
use crate::time;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize, serde::Deserialize)]
#[diesel(table_name = alert_hits)]
pub(crate) struct HitRow {
    alert_id: String,
    opportunity_id: String,
    created_at: NaiveDateTime,
}

/// Tells every alert that the opportunity `id`, as just written, matches,
/// and has not told of it yet. Without alerts, the opportunity is not read.
pub(crate) fn fire(
    conn: &mut DbConnection,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let all = super::on(conn, AlertSubject::Opportunities)?;
    if all.is_empty() {
        return Ok(());
    }
    let Some(opportunity) = crate::bidding::opportunities::find(conn, id)? else {
        return Ok(());
    };
    let status = opportunity.status_at(now);
    for alert in all {
        let Some(reasons) = opportunity_match(&alert.filters, &opportunity, status) else {
            continue;
        };
        let key = (alert.id.to_string(), opportunity.id.to_string());
        let told: i64 = alert_hits::table
            .find(key.clone())
            .count()
            .get_result(conn)?;
        if told > 0 {
            continue;
        }
        diesel::insert_into(alert_hits::table)
            .values(HitRow {
                alert_id: key.0,
                opportunity_id: key.1,
                created_at: time::to_db(now),
            })
            .execute(conn)?;
        let event = NewEvent {
            kind: EventKind::OpportunityMatched,
            subject_type: "opportunity",
            subject_id: opportunity.id.to_string(),
            link: format!("/api/v1/opportunities/{}", opportunity.id),
            summary: format!(
                "“{}” matches the alert “{}”",
                opportunity.tender.title, alert.name
            ),
            actor: None,
            coops: Vec::new(),
        };
        super::tell(conn, &alert, event, &reasons, now)?;
    }
    Ok(())
}
