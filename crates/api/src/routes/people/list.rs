//! `GET /api/v1/coops/{slug}/people`.

use actix_web::{get, web};
use coophub_store::people;

use coophub_domain::access;

use super::{PersonList, PersonView, shows_private_fields};
use crate::auth::Caller;
use crate::extract::Query;
use crate::problem::{ApiError, Problem, QueryString};
use crate::routes::coops::{READ, coop_for};
use crate::routes::pagination::PageQuery;
use crate::state::AppState;

/// The co-op's people. Outside the network only public profiles are listed,
/// without day rates or availability.
#[utoipa::path(
    tag = "people",
    security((), ("bearer" = [])),
    params(("slug" = String, Path, description = "The co-op's slug"), PageQuery),
    responses(
        QueryString,
        (status = 200, description = "A page of people", body = PersonList),
        (status = 404, description = "No such co-op", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/coops/{slug}/people")]
pub async fn list_people(
    state: web::Data<AppState>,
    caller: Caller,
    slug: web::Path<String>,
    query: Query<PageQuery>,
) -> Result<web::Json<PersonList>, ApiError> {
    let page = query.0.page()?;
    let (viewer, (coop, found, total)) = state
        .read(caller, move |conn, viewer| {
            let coop = coop_for(conn, viewer, &slug, READ)?;
            let public_only = !access::see_network_only_fields(viewer, coop.id);
            let (found, total) = people::list_for_coop(conn, coop.id, public_only, page)?;
            Ok((coop, found, total))
        })
        .await?;
    let now = state.clock.now();
    Ok(web::Json(PersonList {
        items: found
            .into_iter()
            .map(|person| {
                let detail = shows_private_fields(&viewer, &person, &coop);
                PersonView::new(person, &coop, detail, now)
            })
            .collect(),
        total,
        page: page.number,
        per_page: page.size,
    }))
}
