//! Tenders entered by hand or imported from OCDS, by stewards (the
//! network's) and admins of member co-ops (their own).

use chrono::{DateTime, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::access::bidding::add_opportunities;
use coophub_domain::bidding::{Provenance, TenderRelease};
use coophub_domain::skills::SkillName;
use coophub_store::DbConnection;
use coophub_store::bidding::opportunities::{self, Source, Upserted};

use super::upsert;
use crate::AppError;
use crate::bidding::views::{ImportedItem, OpportunityView};

/// Enters a tender by hand, with the skills it asks for.
pub fn enter(
    conn: &mut DbConnection,
    viewer: &Viewer,
    release: &TenderRelease,
    skills: &[SkillName],
    now: DateTime<Utc>,
) -> Result<OpportunityView, AppError> {
    let source = Source {
        manual: true,
        provenance: adder(viewer)?,
    };
    let (Upserted::Created(id)
    | Upserted::Updated(id)
    | Upserted::Unchanged(id)
    | Upserted::Kept(id)) = upsert(conn, release, skills, source, now)?;
    let found = opportunities::find(conn, id)?
        .ok_or_else(|| AppError::internal("the opportunity just written is gone"))?;
    Ok(OpportunityView::new(found, now))
}

/// Imports the releases of an OCDS package; each says what became of it
/// (`created`, `updated`, `unchanged`, or `kept` when another source's).
pub fn import(
    conn: &mut DbConnection,
    viewer: &Viewer,
    releases: &[TenderRelease],
    now: DateTime<Utc>,
) -> Result<Vec<ImportedItem>, AppError> {
    let source = Source {
        manual: false,
        provenance: adder(viewer)?,
    };
    let mut items = Vec::with_capacity(releases.len());
    for release in releases {
        let (id, result) = match upsert(conn, release, &[], source, now)? {
            Upserted::Created(id) => (id, "created"),
            Upserted::Updated(id) => (id, "updated"),
            Upserted::Unchanged(id) => (id, "unchanged"),
            Upserted::Kept(id) => (id, "kept"),
        };
        items.push(ImportedItem {
            ocid: release.ocid.clone(),
            id,
            result,
        });
    }
    Ok(items)
}

/// Whose the opportunities the viewer adds are, if they may add any:
/// network admins add the network's, admins of member co-ops their own.
fn adder(viewer: &Viewer) -> Result<Provenance, AppError> {
    add_opportunities(viewer)
        .map_err(|denied| AppError::refused(denied, || "no such route".into()))?;
    Provenance::of(viewer)
        .ok_or_else(|| AppError::internal("a signed-in viewer without an account"))
}
