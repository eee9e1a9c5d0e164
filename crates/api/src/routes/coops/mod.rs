//! Co-ops: `/api/v1/coops` and `/api/v1/coops/{slug}`.

pub mod create;
pub mod delete;
pub mod list;
pub mod membership;
pub mod murmurations;
pub mod patch;
pub mod show;
pub mod update;
pub mod users;
pub(crate) mod view;

use coophub_domain::access::{self, CoopFacts, Denied};
use coophub_domain::coop::Coop;
use coophub_store::coops::{find_by_slug, find_for_update};
use coophub_store::{DbConnection, StoreError};

use crate::auth::{Viewer, refused};
use crate::problem::ApiError;

pub use view::{CoopList, CoopRequest, CoopView, SkillRef, coop_response};

/// A rule of `coophub_domain::access` about a co-op.
pub(crate) type CoopRule = fn(&Viewer, CoopFacts) -> Result<(), Denied>;

/// The co-op `slug` if `rule` lets the viewer have it; a co-op the viewer may
/// not see answers 404, as if it did not exist.
pub(crate) fn coop_for(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
    rule: CoopRule,
) -> Result<Coop, ApiError> {
    decided(conn, viewer, slug, rule, find_by_slug)
}

/// Like [`coop_for`], for a change: the co-op's row stays locked until the
/// write transaction ends.
pub(crate) fn coop_to_change(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
    rule: CoopRule,
) -> Result<Coop, ApiError> {
    decided(conn, viewer, slug, rule, find_for_update)
}

type FindCoop = fn(&mut DbConnection, &str) -> Result<Option<Coop>, StoreError>;

fn decided(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
    rule: CoopRule,
    find: FindCoop,
) -> Result<Coop, ApiError> {
    let not_found = || format!("no co-op {slug}");
    let coop = find(conn, slug)?.ok_or_else(|| ApiError::NotFound(not_found()))?;
    rule(viewer, CoopFacts::of(&coop)).map_err(|denied| refused(denied, not_found))?;
    Ok(coop)
}

/// The viewer may see `coop`.
pub(crate) const READ: CoopRule = access::read_coop;
/// The viewer administers `coop`.
pub(crate) const ADMINISTER: CoopRule = access::administer_coop;
