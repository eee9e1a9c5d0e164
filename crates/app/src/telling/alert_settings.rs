//! Alerts as their owners set them and see them.

use crate::AppError;
use chrono::{DateTime, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::alert::{AlertFilters, AlertInput, AlertSubject};
use coophub_domain::{FieldError, ValidationErrors};
use coophub_store::alerts::Alert;
use coophub_store::{DbConnection, coops, skills};
use serde::Serialize;
use uuid::Uuid;

/// A saved alert.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AlertView {
    /// Its id.
    pub id: Uuid,
    /// What it is called.
    pub name: String,
    /// The co-op whose admins are told, if it is a co-op's.
    pub coop: Option<String>,
    /// What it looks at.
    pub subject: AlertSubject,
    /// What it looks for (skills as canonical slugs).
    pub filters: AlertFilters,
    /// When it was saved.
    pub created_at: DateTime<Utc>,
}

/// The caller's alerts and those of the co-ops they administer.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AlertList {
    /// Oldest first.
    pub items: Vec<AlertView>,
}

/// The view of `alert`, naming its co-op by slug.
pub fn view(conn: &mut DbConnection, alert: Alert) -> Result<AlertView, AppError> {
    let coop = match alert.coop_id {
        Some(id) => coops::find_by_id(conn, id)?.map(|c| c.slug),
        None => None,
    };
    Ok(AlertView {
        id: alert.id,
        name: alert.name,
        coop,
        subject: alert.subject,
        filters: alert.filters,
        created_at: alert.created_at,
    })
}

/// Skills as the network knows them; a problem at its pointer for one it does not.
pub fn known_skills(conn: &mut DbConnection, input: &AlertInput) -> Result<Vec<String>, AppError> {
    let mut errors = ValidationErrors::default();
    let mut slugs = Vec::new();
    for (i, name) in input.skills.iter().enumerate() {
        match skills::find(conn, name.key())? {
            Some(skill) if !slugs.contains(&skill.slug) => slugs.push(skill.slug),
            Some(_) => {}
            None => errors.0.push(FieldError::new(
                format!("/skills/{i}"),
                "is not a skill the network knows yet",
            )),
        }
    }
    errors.finish(|| Some(slugs)).map_err(Into::into)
}

/// Whether `viewer` may change or delete `alert`: its owner, or an admin
/// of the co-op it is for.
pub fn may_change(viewer: &Viewer, alert: &Alert) -> bool {
    viewer.user_id() == Some(alert.user_id) || alert.coop_id.is_some_and(|c| viewer.is_admin_of(c))
}
