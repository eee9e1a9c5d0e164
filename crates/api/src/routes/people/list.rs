//! `GET /api/v1/coops/{slug}/people`.

use actix_web::{get, web};

use super::PersonList;
use crate::auth::Caller;
use crate::extract::Query;
use crate::paging::PageQuery;
use crate::problem::{ApiError, NoSuchCoop, QueryString};
use crate::state::AppState;
use coophub_app::directory::people;

/// The co-op's people. Outside the network only public profiles are listed,
/// without day rates or availability.
#[utoipa::path(
    tag = "people",
    security((), ("bearer" = [])),
    params(("slug" = String, Path, description = "The co-op's slug"), PageQuery),
    responses(
        QueryString, NoSuchCoop,
        (status = 200, description = "A page of people", body = PersonList),
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
    let now = state.clock.now();
    let (_, list) = state
        .read(caller, move |conn, viewer| {
            Ok(people::list(conn, viewer, &slug, page, now)?)
        })
        .await?;
    Ok(web::Json(list))
}
