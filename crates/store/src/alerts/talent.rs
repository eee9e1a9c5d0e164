//! Which alerts on offers of time and on people told of which items, and
//! who reads what an alert tells (the account that saved it, or for a
//! co-op's alert what every admin of that co-op may see).

use chrono::{DateTime, NaiveDateTime, Utc};
use coophub_domain::access::{CoopFacts, Viewer};
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
pub fn reader(conn: &mut DbConnection, alert: &Alert) -> Result<Option<Viewer>, StoreError> {
    match alert.coop_id {
        Some(coop) => {
            Ok(coops::find_by_id(conn, coop)?.map(|coop| Viewer::admin_of(CoopFacts::of(&coop))))
        }
        None => crate::access::viewer_of(conn, alert.user_id),
    }
}

/// Records that `alert` told of the offer or person `item`; `false` if it had already.
pub fn first_talent_hit(
    conn: &mut DbConnection,
    alert: Uuid,
    item: Uuid,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let key = (alert.to_string(), item.to_string());
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

/// Forgets which alerts told of the offer or person `item`, as it is deleted.
pub(crate) fn forget(conn: &mut DbConnection, item: Uuid) -> Result<(), StoreError> {
    diesel::delete(
        talent_alert_hits::table.filter(talent_alert_hits::item_id.eq(item.to_string())),
    )
    .execute(conn)?;
    Ok(())
}
