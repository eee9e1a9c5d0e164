//! Alerts as their owners set them and see them: one's own, and those of
//! the co-ops one administers.

use crate::directory::coops::ADMINISTER;
use crate::guard::{Lock, load};
use crate::{AppError, signed_in};
use chrono::{DateTime, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::alert::{AlertDraft, AlertFilters, AlertInput, AlertSubject, Suitability};
use coophub_domain::coop::Coop;
use coophub_domain::sharing::WorkMode;
use coophub_domain::{FieldError, ValidationErrors};
use coophub_store::alerts::Alert;
use coophub_store::alerts::{self, NewAlert};
use coophub_store::{DbConnection, coops, skills};
use serde::{Deserialize, Serialize};
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

/// An alert as saved.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AlertBody {
    /// What the alert is called.
    pub name: String,
    /// A co-op the caller administers: its admins are told (default: the caller).
    pub coop: Option<String>,
    /// What the alert looks at (default: opportunities). Filters of another
    /// subject are refused.
    #[serde(default)]
    pub subject: AlertSubject,
    /// Any of these skills, any spelling.
    #[serde(default)]
    pub skills: Vec<String>,
    /// Offers and people: the least level (1 to 5) of a matching skill.
    pub min_level: Option<i64>,
    /// Opportunities: any of these CPV codes, matched up and down the hierarchy.
    #[serde(default)]
    pub cpv: Vec<String>,
    /// Opportunities: the least value, minor units.
    pub value_min: Option<i64>,
    /// Opportunities: the most value, minor units.
    pub value_max: Option<i64>,
    /// Opportunities: words in the buyer's name.
    pub buyer: Option<String>,
    /// Opportunities: a suitability the tender must be marked with.
    pub suitable_for: Option<Suitability>,
    /// Opportunities: words that must all be in the tender's region (`Yorkshire`).
    pub region: Option<String>,
    /// Offers: how the work happens.
    pub work_mode: Option<WorkMode>,
    /// Offers: the least days a week offered; people: the least days a week
    /// free (availability, which only the network sees). 0.5 to 7 in halves.
    pub min_days_per_week: Option<f64>,
    /// Words that must all be in the text (a tender's title or description,
    /// an offer's title or notes, a person's name, headline or bio).
    pub words: Option<String>,
}

impl AlertBody {
    /// The alert, checked.
    pub fn parse(&self) -> Result<AlertInput, ValidationErrors> {
        AlertInput::parse(AlertDraft {
            name: self.name.clone(),
            subject: self.subject,
            skills: self.skills.clone(),
            min_level: self.min_level,
            cpv: self.cpv.clone(),
            value_min: self.value_min,
            value_max: self.value_max,
            buyer: self.buyer.clone(),
            suitable_for: self.suitable_for,
            region: self.region.clone(),
            work_mode: self.work_mode,
            min_days_per_week: self.min_days_per_week,
            words: self.words.clone(),
        })
    }
}

/// The viewer saves an alert, their own or (`coop`) one of a co-op they
/// administer.
pub fn create(
    conn: &mut DbConnection,
    viewer: &Viewer,
    coop: Option<&str>,
    input: &AlertInput,
    now: DateTime<Utc>,
) -> Result<AlertView, AppError> {
    let user = signed_in(viewer)?.id;
    let coop = match coop {
        Some(slug) => Some(load::<Coop>(conn, viewer, slug, ADMINISTER, Lock::Read)?.id),
        None => None,
    };
    let mut filters = input.filters.clone();
    filters.skills = known_skills(conn, input)?;
    let new = NewAlert {
        user,
        coop,
        name: &input.name,
        subject: input.subject,
        filters: &filters,
    };
    let alert = alerts::insert(conn, new, now)?;
    view(conn, alert)
}

/// The viewer's alerts and those of the co-ops they administer.
pub fn list(conn: &mut DbConnection, viewer: &Viewer) -> Result<AlertList, AppError> {
    let user = signed_in(viewer)?.id;
    let items = alerts::visible_to(conn, user, &viewer.administered())?
        .into_iter()
        .map(|alert| view(conn, alert))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(AlertList { items })
}

/// Deletes the alert `id`, if the viewer may change it (otherwise it is
/// not found).
pub fn delete(conn: &mut DbConnection, viewer: &Viewer, id: Uuid) -> Result<(), AppError> {
    match alerts::find(conn, id)? {
        Some(alert) if may_change(viewer, &alert) => Ok(alerts::delete(conn, id)?),
        _ => Err(AppError::NotFound(format!("no alert {id}"))),
    }
}
