//! Co-ops: the directory's entries, who may see and change them, and what
//! changing them tells.

mod membership;
pub mod profile;
mod users;
mod views;

pub use membership::{MembershipDecision, decide_membership};
pub use users::grant_role;
pub use views::{CoopList, CoopView, DeletedRecord, LocationBody, MembershipView};

use chrono::{DateTime, Utc};
use coophub_domain::Expected;
use coophub_domain::access::{self, CoopFacts, Denied, Viewer};
use coophub_domain::coop::{Coop, CoopInput, LegalForm, Membership, MembershipStatus};
use coophub_domain::notify::EventKind;
use coophub_store::coops::holds::{Holds, held_by_others};
use coophub_store::coops::{self, CoopFilter};
use coophub_store::{DbConnection, Page, StoreError, skills};

use crate::guard::{Guarded, Lock, load};
use crate::telling::tell;
use crate::{AppError, Clash, ConflictItem};

/// A rule of `coophub_domain::access` about a co-op.
pub type CoopRule = fn(&Viewer, CoopFacts) -> Result<(), Denied>;

/// The viewer may see the co-op.
pub const READ: CoopRule = access::read_coop;
/// The viewer administers the co-op.
pub const ADMINISTER: CoopRule = access::administer_coop;

/// A co-op by its slug; one the viewer may not see is not found.
impl Guarded for Coop {
    type Key = str;
    type Rule = CoopRule;

    fn missing(slug: &str) -> String {
        format!("no co-op {slug}")
    }

    fn find(conn: &mut DbConnection, slug: &str, lock: Lock) -> Result<Option<Self>, AppError> {
        Ok(match lock {
            Lock::Read => coops::find_by_slug(conn, slug)?,
            Lock::ForChange => coops::find_for_update(conn, slug)?,
        })
    }

    fn decide(&self, viewer: &Viewer, rule: CoopRule) -> Result<(), Denied> {
        rule(viewer, CoopFacts::of(self))
    }
}

/// What a directory listing asks for. Skills are in any spelling.
#[derive(Debug, Clone, Default)]
pub struct CoopQuery {
    /// Region, case-insensitive.
    pub region: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    pub country: Option<String>,
    /// Legal form.
    pub legal_form: Option<LegalForm>,
    /// A technology.
    pub technology: Option<String>,
    /// A service.
    pub service: Option<String>,
    /// Willing (or not) to share experience.
    pub happy_to_share_experience: Option<bool>,
    /// Within a radius: `(latitude, longitude, radius_km)`.
    pub near: Option<(f64, f64, f64)>,
    /// Changed after this instant; the answer then lists deletions too.
    pub updated_since: Option<DateTime<Utc>>,
    /// Whose membership is in this status now.
    pub status: Option<MembershipStatus>,
}

/// A page of the directory as `viewer` may see it: approved members (and
/// the co-ops they are users of, whatever their status) for outsiders,
/// every co-op for the network. A skill nobody knows is listed
/// by nobody.
pub fn list(
    conn: &mut DbConnection,
    viewer: &Viewer,
    query: CoopQuery,
    page: Page,
    now: DateTime<Utc>,
) -> Result<CoopList, AppError> {
    let outsider = !viewer.sees_network_only();
    let mut filter = CoopFilter {
        approved_only: outsider,
        own: viewer.roles.iter().map(|held| held.coop).collect(),
        region: query.region,
        country: query.country,
        legal_form: query.legal_form,
        technology: None,
        service: None,
        happy_to_share_experience: query.happy_to_share_experience,
        near: query.near,
        updated_since: query.updated_since,
        status: query.status.map(|status| (status, now)),
    };
    let mut known = true;
    for (wanted, slot) in [
        (query.technology, &mut filter.technology),
        (query.service, &mut filter.service),
    ] {
        if let Some(spelling) = wanted {
            match skills::find(conn, &spelling)? {
                Some(skill) => *slot = Some(skill.slug),
                None => known = false,
            }
        }
    }
    let (found, total) = if known {
        coops::list(conn, &filter, page)?
    } else {
        (Vec::new(), 0)
    };
    let deleted = query
        .updated_since
        .map(|since| coops::deleted_since(conn, since, outsider))
        .transpose()?;
    Ok(CoopList {
        items: found
            .into_iter()
            .map(|coop| CoopView::new(coop, viewer, now))
            .collect(),
        total,
        page: page.number,
        per_page: page.size,
        deleted: deleted.map(|records| {
            records
                .into_iter()
                .map(|r| DeletedRecord {
                    id: r.id,
                    slug: r.slug,
                    deleted_at: r.deleted_at,
                })
                .collect()
        }),
    })
}

/// Adds a co-op that has applied to join, administered by the viewer; the
/// stewards are told.
pub fn create(
    conn: &mut DbConnection,
    viewer: &Viewer,
    input: &CoopInput,
    now: DateTime<Utc>,
) -> Result<Coop, AppError> {
    let creator = crate::signed_in(viewer)?.id;
    let coop = coops::insert(conn, input, &Membership::applied(now), Some(creator), now)
        .map_err(slug_taken("co-op"))?;
    tell::membership(conn, viewer, &coop, EventKind::MembershipApplied, now)?;
    Ok(coop)
}

/// Replaces the profile of the co-op `slug`, which the viewer administers.
pub fn update(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
    expected: Option<&Expected>,
    input: &CoopInput,
    now: DateTime<Utc>,
) -> Result<Coop, AppError> {
    let coop = load::<Coop>(conn, viewer, slug, ADMINISTER, Lock::ForChange)?;
    replace(conn, &coop, expected, input, now)
}

/// Writes `input` over `coop` (loaded with [`ADMINISTER`] for a change).
pub fn replace(
    conn: &mut DbConnection,
    coop: &Coop,
    expected: Option<&Expected>,
    input: &CoopInput,
    now: DateTime<Utc>,
) -> Result<Coop, AppError> {
    coops::update(conn, &coop.slug, expected, input, now).map_err(slug_taken("co-op"))
}

/// Deletes the co-op `slug`, which the viewer administers, unless other
/// co-ops or the fund rely on its records.
pub fn delete(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
    expected: Option<&Expected>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let coop = load::<Coop>(conn, viewer, slug, ADMINISTER, Lock::ForChange)?;
    let holds = held_by_others(conn, coop.id)?;
    if holds.any() {
        return Err(kept(&coop.slug, holds));
    }
    Ok(coops::delete(conn, &coop.slug, expected, now)?)
}

/// A unique slug taken, said plainly, at `/slug`; other errors as they are.
pub fn slug_taken(kind: &'static str) -> impl FnOnce(StoreError) -> AppError {
    move |error| match error {
        StoreError::Conflict { .. } => AppError::conflict_at(
            Clash::SlugTaken,
            "/slug",
            format!("another {kind} already has this slug"),
        ),
        other => other.into(),
    }
}

/// The refusal naming what others hold of `slug`.
fn kept(slug: &str, holds: Holds) -> AppError {
    let kinds = [
        (
            holds.placements,
            "placements with other co-ops (asked for, agreed, under way or done)",
        ),
        (holds.bids_joined, "bids of other co-ops it joined"),
        (holds.bids_led, "bids it leads that other co-ops joined"),
        (holds.invoices, "invoices of the network fund"),
        (holds.pledges, "pledges to the network fund"),
    ];
    let conflicts = kinds
        .into_iter()
        .filter(|(count, _)| *count > 0)
        .map(|(count, what)| ConflictItem {
            message: format!("{count} {what}"),
            ..ConflictItem::default()
        })
        .collect();
    AppError::Conflict {
        clash: Clash::CoopHasRecords,
        detail: format!(
            "{slug} cannot be deleted: other co-ops or the network fund rely on its records (listed in conflicts); they keep their history, so the co-op stays"
        ),
        conflicts,
    }
}
