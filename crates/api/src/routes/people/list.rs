//! `GET /api/v1/coops/{slug}/people`.

use actix_web::{get, web};
use coophub_store::people;

use super::{Access, PersonList, PersonView, access};
use crate::auth::Viewer;
use crate::extract::Query;
use crate::problem::{ApiError, Problem};
use crate::routes::coops::visible_coop;
use crate::routes::pagination::PageQuery;
use crate::state::AppState;

/// The co-op's people. Outside the network only public profiles are listed,
/// without day rates or availability.
#[utoipa::path(
    tag = "people",
    params(("slug" = String, Path, description = "The co-op's slug"), PageQuery),
    responses(
        (status = 200, description = "A page of people", body = PersonList),
        (status = 404, description = "No such co-op", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/coops/{slug}/people")]
pub async fn list_people(
    state: web::Data<AppState>,
    viewer: Viewer,
    slug: web::Path<String>,
    query: Query<PageQuery>,
) -> Result<web::Json<PersonList>, ApiError> {
    let page = query.0.page()?;
    let coop = visible_coop(&state, &viewer, slug.into_inner()).await?;
    let access = access(&state, &viewer, &coop, None).await?;
    let coop_id = coop.id;
    let public_only = access == Access::Public;
    let (found, total) = state
        .db(move |conn| people::list_for_coop(conn, coop_id, public_only, page))
        .await?;
    let now = state.clock.now();
    let viewer_id = viewer.user.as_ref().map(|u| u.id);
    Ok(web::Json(PersonList {
        items: found
            .into_iter()
            .map(|person| {
                let own = viewer_id.is_some() && person.user_id == viewer_id;
                PersonView::new(person, &coop, access.detail() || own, now)
            })
            .collect(),
        total,
        page: page.number,
        per_page: page.size,
    }))
}
