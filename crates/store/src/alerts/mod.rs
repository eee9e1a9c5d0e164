//! Alerts and their hits: which alert told of which item, so that each
//! tells of an item once (`coophub_app::telling::alerts` decides and words
//! what they tell, in the transaction that writes the item).

pub(crate) mod talent;
pub(crate) mod tenders;

pub use talent::{first_talent_hit, reader};
pub use tenders::first_tender_hit;

use chrono::{DateTime, NaiveDateTime, Utc};
use coophub_domain::alert::{AlertFilters, AlertSubject};
use diesel::prelude::*;
use uuid::Uuid;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::{alert_hits, alerts};
use crate::sharing::{corrupt, uuid};
use crate::time;

pub(crate) use talent::TalentHitRow;
pub(crate) use tenders::HitRow;

fn opportunities() -> String {
    AlertSubject::Opportunities.as_str().to_owned()
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize, serde::Deserialize)]
#[diesel(table_name = alerts)]
pub(crate) struct AlertRow {
    id: String,
    user_id: String,
    coop_id: Option<String>,
    name: String,
    filters: String,
    created_at: NaiveDateTime,
    /// Backups from before alerts had subjects hold tenders' alerts.
    #[serde(default = "opportunities")]
    subject: String,
}

/// A saved alert.
#[derive(Debug, Clone, PartialEq)]
pub struct Alert {
    /// Its id.
    pub id: Uuid,
    /// The account that saved it.
    pub user_id: Uuid,
    /// The co-op it is for (its admins are told), if any.
    pub coop_id: Option<Uuid>,
    /// What it is called.
    pub name: String,
    /// What it looks at.
    pub subject: AlertSubject,
    /// What it looks for (skills as slugs).
    pub filters: AlertFilters,
    /// When it was saved.
    pub created_at: DateTime<Utc>,
}

impl AlertRow {
    fn into_alert(self) -> Result<Alert, StoreError> {
        Ok(Alert {
            id: uuid(&self.id, "id")?,
            user_id: uuid(&self.user_id, "user_id")?,
            coop_id: self
                .coop_id
                .as_deref()
                .map(|c| uuid(c, "coop_id"))
                .transpose()?,
            name: self.name,
            subject: AlertSubject::parse(&self.subject).ok_or_else(|| corrupt("subject"))?,
            filters: serde_json::from_str(&self.filters).map_err(|_| corrupt("filters"))?,
            created_at: time::from_db(self.created_at),
        })
    }
}

/// What a new alert is: whose, on what, looking for what.
#[derive(Debug, Clone, Copy)]
pub struct NewAlert<'a> {
    /// The account saving it.
    pub user: Uuid,
    /// The co-op it is for, if any.
    pub coop: Option<Uuid>,
    /// What it is called.
    pub name: &'a str,
    /// What it looks at.
    pub subject: AlertSubject,
    /// What it looks for.
    pub filters: &'a AlertFilters,
}

/// Saves `alert`.
pub fn insert(
    conn: &mut DbConnection,
    alert: NewAlert<'_>,
    now: DateTime<Utc>,
) -> Result<Alert, StoreError> {
    let row = AlertRow {
        id: Uuid::new_v4().to_string(),
        user_id: alert.user.to_string(),
        coop_id: alert.coop.map(|c| c.to_string()),
        name: alert.name.to_owned(),
        filters: serde_json::to_string(alert.filters).map_err(|_| corrupt("filters"))?,
        created_at: time::to_db(now),
        subject: alert.subject.as_str().to_owned(),
    };
    diesel::insert_into(alerts::table)
        .values(&row)
        .execute(conn)?;
    row.into_alert()
}

/// The alerts `user` saved, and those of the co-ops in `administered`, oldest first.
pub fn visible_to(
    conn: &mut DbConnection,
    user: Uuid,
    administered: &[Uuid],
) -> Result<Vec<Alert>, StoreError> {
    let coops: Vec<String> = administered.iter().map(Uuid::to_string).collect();
    alerts::table
        .filter(
            alerts::user_id
                .eq(user.to_string())
                .or(alerts::coop_id.eq_any(coops)),
        )
        .order((alerts::created_at, alerts::id))
        .select(AlertRow::as_select())
        .load(conn)?
        .into_iter()
        .map(AlertRow::into_alert)
        .collect()
}

/// Every alert on `subject`.
pub fn on(conn: &mut DbConnection, subject: AlertSubject) -> Result<Vec<Alert>, StoreError> {
    alerts::table
        .filter(alerts::subject.eq(subject.as_str()))
        .select(AlertRow::as_select())
        .load(conn)?
        .into_iter()
        .map(AlertRow::into_alert)
        .collect()
}

/// The alert with this id.
pub fn find(conn: &mut DbConnection, id: Uuid) -> Result<Option<Alert>, StoreError> {
    alerts::table
        .find(id.to_string())
        .select(AlertRow::as_select())
        .first(conn)
        .optional()?
        .map(AlertRow::into_alert)
        .transpose()
}

/// Deletes the alert `id`.
pub fn delete(conn: &mut DbConnection, id: Uuid) -> Result<(), StoreError> {
    diesel::delete(alerts::table.find(id.to_string())).execute(conn)?;
    Ok(())
}

/// The opportunities `alerts` have told of.
pub fn told_of(conn: &mut DbConnection, alerts: &[Uuid]) -> Result<Vec<Uuid>, StoreError> {
    let ids: Vec<String> = alerts.iter().map(Uuid::to_string).collect();
    let found: Vec<String> = alert_hits::table
        .filter(alert_hits::alert_id.eq_any(ids))
        .select(alert_hits::opportunity_id)
        .distinct()
        .load(conn)?;
    Ok(found
        .iter()
        .filter_map(|id| Uuid::parse_str(id).ok())
        .collect())
}
