//! Which alerts told of which tenders.

use chrono::{DateTime, NaiveDateTime, Utc};
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

/// Records that `alert` told of the opportunity `opportunity`; `false` if it had already.
pub fn first_tender_hit(
    conn: &mut DbConnection,
    alert: Uuid,
    opportunity: Uuid,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let key = (alert.to_string(), opportunity.to_string());
    let told: i64 = alert_hits::table
        .find(key.clone())
        .count()
        .get_result(conn)?;
    if told > 0 {
        return Ok(false);
    }
    diesel::insert_into(alert_hits::table)
        .values(HitRow {
            alert_id: key.0,
            opportunity_id: key.1,
            created_at: time::to_db(now),
        })
        .execute(conn)?;
    Ok(true)
}
