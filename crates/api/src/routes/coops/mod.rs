//! Co-ops: `/api/v1/coops` and `/api/v1/coops/{slug}`.

pub mod create;
pub mod delete;
pub mod list;
pub mod membership;
pub mod murmurations;
pub mod show;
pub mod update;
pub mod users;
mod view;

use coophub_domain::coop::{Coop, CoopRole};
use coophub_store::coops::{find_by_slug, roles};

use crate::auth::Viewer;
use crate::problem::ApiError;
use crate::state::AppState;

pub use view::{CoopList, CoopRequest, CoopView, SkillRef, coop_response};

/// The co-op `slug` if the viewer may see it; 404 otherwise (its existence is not revealed).
pub(crate) async fn visible_coop(
    state: &AppState,
    viewer: &Viewer,
    slug: String,
) -> Result<Coop, ApiError> {
    let not_found = || ApiError::NotFound(format!("no co-op {slug}"));
    let coop = state
        .db({
            let slug = slug.clone();
            move |conn| find_by_slug(conn, &slug)
        })
        .await?
        .ok_or_else(not_found)?;
    if coop.membership.status == coophub_domain::coop::MembershipStatus::Approved
        || viewer.sees_network_only()
    {
        return Ok(coop);
    }
    match role_in(state, viewer, &coop).await? {
        Some(_) => Ok(coop),
        None => Err(not_found()),
    }
}

/// The viewer's role in `coop`, if signed in.
pub(crate) async fn role_in(
    state: &AppState,
    viewer: &Viewer,
    coop: &Coop,
) -> Result<Option<CoopRole>, ApiError> {
    let Some(user) = &viewer.user else {
        return Ok(None);
    };
    let (coop_id, user_id) = (coop.id, user.id);
    state
        .db(move |conn| roles::role_of(conn, coop_id, user_id))
        .await
}

/// `Ok` for the co-op's admins and network admins; 401 for anonymous, 403 for others.
pub(crate) async fn require_coop_admin(
    state: &AppState,
    viewer: &Viewer,
    coop: &Coop,
) -> Result<(), ApiError> {
    viewer.require_user()?;
    if viewer.is_network_admin() || role_in(state, viewer, coop).await? == Some(CoopRole::Admin) {
        return Ok(());
    }
    Err(ApiError::Forbidden(format!(
        "only admins of {} may do this",
        coop.slug
    )))
}
