//! Asking for time, changing and withdrawing the ask, and reading requests
//! as the viewer may see them.

use chrono::{DateTime, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::access::sharing as access;
use coophub_domain::coop::Coop;
use coophub_domain::sharing::{ProjectKind, Request, RequestInput, RequestStatus};
use coophub_domain::{Expected, FieldError, ValidationErrors};
use coophub_store::sharing::requests::{self, RequestFilter};
use coophub_store::{DbConnection, Page};
use uuid::Uuid;

use super::super::views::{RequestList, RequestView};
use super::super::{Resolved, audience, coop_of, resolve_filters};
use crate::AppError;
use crate::directory::coops::ADMINISTER;
use crate::guard::{Lock, load};

/// What a list of requests is narrowed to; every filter is optional.
#[derive(Debug, Default)]
pub struct RequestFilters {
    /// The asking co-op's slug.
    pub coop: Option<String>,
    /// A skill asked for, in any spelling.
    pub skill: Option<String>,
    /// Open, filled or closed (others' filled and closed ones stay hidden).
    pub status: Option<RequestStatus>,
    /// Commercial or social-good work.
    pub project_kind: Option<ProjectKind>,
}

/// The co-op `slug`'s admins ask for time.
pub fn create(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
    input: &RequestInput,
    now: DateTime<Utc>,
) -> Result<RequestView, AppError> {
    let coop = load::<Coop>(conn, viewer, slug, ADMINISTER, Lock::ForChange)?;
    let request = requests::insert(conn, coop.id, input, now)?;
    Ok(RequestView::new(request, &coop, true))
}

/// Replaces the request `id` (`Stale` unless `expected`); it stays with its
/// co-op (`slug`, when given).
pub fn replace(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    expected: Option<&Expected>,
    slug: Option<&str>,
    input: &RequestInput,
    now: DateTime<Utc>,
) -> Result<RequestView, AppError> {
    let (request, coop) = to_change(conn, viewer, id)?;
    if slug.is_some_and(|slug| slug != coop.slug) {
        return Err(AppError::Invalid(ValidationErrors(vec![FieldError::new(
            "/coop",
            "a request stays with its co-op",
        )])));
    }
    let request = requests::update(conn, &request, expected, input, now)?;
    Ok(RequestView::new(request, &coop, true))
}

/// Withdraws the request `id` (`Stale` unless `expected`).
pub fn delete(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    expected: Option<&Expected>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let (request, _) = to_change(conn, viewer, id)?;
    Ok(requests::delete(conn, &request, expected, now)?)
}

/// The request `id`, if the viewer may see it (rates only where they may).
pub fn show(conn: &mut DbConnection, viewer: &Viewer, id: Uuid) -> Result<RequestView, AppError> {
    let (request, coop) =
        load::<(Request, Coop)>(conn, viewer, &id, access::read_listing, Lock::Read)?;
    let rates = access::see_rates(viewer, coop.id);
    Ok(RequestView::new(request, &coop, rates))
}

/// A page of the requests the viewer may see.
pub fn list(
    conn: &mut DbConnection,
    viewer: &Viewer,
    filters: RequestFilters,
    page: Page,
) -> Result<RequestList, AppError> {
    let mut answer = RequestList {
        items: Vec::new(),
        total: 0,
        page: page.number,
        per_page: page.size,
    };
    let Some(Resolved { coop, skill }) = resolve_filters(conn, filters.coop, filters.skill)? else {
        return Ok(answer);
    };
    let filter = RequestFilter {
        coop,
        skill,
        status: filters.status,
        project_kind: filters.project_kind,
    };
    let (found, total) = requests::list(conn, &filter, &audience(viewer), page)?;
    for request in found {
        let coop = coop_of(conn, request.coop_id, &String::new)?;
        let rates = access::see_rates(viewer, coop.id);
        answer.items.push(RequestView::new(request, &coop, rates));
    }
    answer.total = total;
    Ok(answer)
}

/// The request `id` and its co-op, for its co-op's admins to change.
fn to_change(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
) -> Result<(Request, Coop), AppError> {
    load::<(Request, Coop)>(
        conn,
        viewer,
        &id,
        access::administer_listing,
        Lock::ForChange,
    )
}
