//! Alerts and their hits. [`fire`] runs in the transaction that creates or
//! changes an opportunity (every import path and entry by hand goes through
//! `opportunities::upsert`), so an alert tells of a tender exactly once.

use chrono::{DateTime, NaiveDateTime, Utc};
use coophub_domain::bidding::{AlertFilters, alert_match};
use coophub_domain::notify::{Audience, EventKind, NewEvent};
use diesel::prelude::*;
use uuid::Uuid;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::{alert_hits, alerts};
use crate::sharing::{corrupt, uuid};
use crate::{notifications, time};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize, serde::Deserialize)]
#[diesel(table_name = alerts)]
pub(crate) struct AlertRow {
    id: String,
    user_id: String,
    coop_id: Option<String>,
    name: String,
    filters: String,
    created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize, serde::Deserialize)]
#[diesel(table_name = alert_hits)]
pub(crate) struct HitRow {
    alert_id: String,
    opportunity_id: String,
    created_at: NaiveDateTime,
}

/// A saved alert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    /// Its id.
    pub id: Uuid,
    /// The account that saved it.
    pub user_id: Uuid,
    /// The co-op it is for (its admins are told), if any.
    pub coop_id: Option<Uuid>,
    /// What it is called.
    pub name: String,
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
            filters: serde_json::from_str(&self.filters).map_err(|_| corrupt("filters"))?,
            created_at: time::from_db(self.created_at),
        })
    }
}

/// Saves an alert of `user` (for `coop`, if given).
pub fn insert(
    conn: &mut DbConnection,
    user: Uuid,
    coop: Option<Uuid>,
    name: &str,
    filters: &AlertFilters,
    now: DateTime<Utc>,
) -> Result<Alert, StoreError> {
    let row = AlertRow {
        id: Uuid::new_v4().to_string(),
        user_id: user.to_string(),
        coop_id: coop.map(|c| c.to_string()),
        name: name.to_owned(),
        filters: serde_json::to_string(filters).map_err(|_| corrupt("filters"))?,
        created_at: time::to_db(now),
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

/// Tells every alert that the opportunity `id`, as just written, matches,
/// and has not told of it yet. Without alerts, the opportunity is not read.
pub(crate) fn fire(
    conn: &mut DbConnection,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let all: Vec<Alert> = alerts::table
        .select(AlertRow::as_select())
        .load(conn)?
        .into_iter()
        .map(AlertRow::into_alert)
        .collect::<Result<_, _>>()?;
    if all.is_empty() {
        return Ok(());
    }
    let Some(opportunity) = super::opportunities::find(conn, id)? else {
        return Ok(());
    };
    let opportunity = &opportunity;
    let status = opportunity.status_at(now);
    for alert in all {
        let Some(reasons) = alert_match(&alert.filters, opportunity, status) else {
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
        let mut summary = format!(
            "“{}” matches the alert “{}”",
            opportunity.tender.title, alert.name
        );
        if !reasons.is_empty() {
            summary.push_str(&format!(": {}", reasons.join("; ")));
        }
        let event = NewEvent {
            kind: EventKind::OpportunityMatched,
            subject_type: "opportunity",
            subject_id: opportunity.id.to_string(),
            link: format!("/api/v1/opportunities/{}", opportunity.id),
            summary,
            actor: None,
            coops: alert.coop_id.into_iter().collect(),
        };
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
    }
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
