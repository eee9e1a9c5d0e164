//! Co-ops: create, read, list with filters, update and delete under version
//! checks, membership changes, the roles users hold in them, and claims to
//! administer those that have no admin.

pub mod claims;
pub mod enquiries;
pub mod holds;
mod read;
pub mod roles;
pub(crate) mod row;
mod write;

use chrono::{DateTime, Utc};

pub use crate::page::Page;
use coophub_domain::coop::{LegalForm, MembershipStatus};

/// The tombstone entity of a deleted co-op.
pub(crate) const DELETED_COOP: &str = "coop";

/// The tombstone entity of a co-op that outsiders no longer see (it left
/// approved membership), for their `updated_since` syncs.
pub(crate) const UNLISTED_COOP: &str = "coop_unlisted";

pub use read::{Tombstone, all, count, deleted_since, find_by_id, find_by_slug, list, page_after};
pub use write::{delete, find_for_update, insert, set_membership, update};

/// Which co-ops a list shows.
#[derive(Debug, Clone, Default)]
pub struct CoopFilter {
    /// Only approved members (what anonymous clients and non-members see)…
    pub approved_only: bool,
    /// …and these co-ops whatever their status (the caller's own).
    pub own: Vec<uuid::Uuid>,
    /// Region, case-insensitive.
    pub region: Option<String>,
    /// ISO country code.
    pub country: Option<String>,
    /// Legal form.
    pub legal_form: Option<LegalForm>,
    /// Canonical technology slug.
    pub technology: Option<String>,
    /// Canonical service slug.
    pub service: Option<String>,
    /// Willing to share experience.
    pub happy_to_share_experience: Option<bool>,
    /// Within `radius_km` of `(latitude, longitude)`: `(latitude, longitude,
    /// radius_km)`. Measured on a flat map around the point (within half a
    /// per cent of the great-circle distance up to a few hundred km).
    pub near: Option<(f64, f64, f64)>,
    /// Changed after this instant.
    pub updated_since: Option<DateTime<Utc>>,
    /// Whose membership is in this status at this instant (an invitation
    /// past its time has lapsed).
    pub status: Option<(MembershipStatus, DateTime<Utc>)>,
}

/// The `kind` of a technology in `coop_skills`.
const TECHNOLOGY: &str = "technology";
/// The `kind` of a service in `coop_skills`.
const SERVICE: &str = "service";
