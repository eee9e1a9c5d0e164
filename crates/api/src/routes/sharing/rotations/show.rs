//! `GET /api/v1/rotations` and `GET /api/v1/rotations/{id}`.

use actix_web::{get, web};
use coophub_app::sharing::rotations;
use uuid::Uuid;

use super::{RotationList, RotationView};
use crate::auth::{Caller, SignedIn};
use crate::extract::Query;
use crate::paging::PageQuery;
use crate::problem::{ApiError, Problem, QueryString, TokenRequired};
use crate::state::AppState;

/// A rotation request, to the person and their co-op's admins only.
#[utoipa::path(
    tag = "sharing",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path, description = "The rotation request's id")),
    responses(
        (status = 200, description = "The rotation request", body = RotationView),
        (status = 404, description = "No such rotation request (or not the caller's to see)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/rotations/{id}")]
pub async fn show_rotation(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<RotationView>, ApiError> {
    let id = id.into_inner();
    let (_, view) = state
        .read(caller, move |conn, viewer| {
            Ok(rotations::show(conn, viewer, id)?)
        })
        .await?;
    Ok(web::Json(view))
}

/// The caller's own rotation requests, and those of the co-ops they administer.
#[utoipa::path(
    tag = "sharing",
    security(("bearer" = [])),
    params(PageQuery),
    responses(
        TokenRequired, QueryString,
        (status = 200, description = "A page of rotation requests", body = RotationList),
    )
)]
#[get("/rotations")]
pub async fn list_rotations(
    state: web::Data<AppState>,
    caller: SignedIn,
    query: Query<PageQuery>,
) -> Result<web::Json<RotationList>, ApiError> {
    let page = query.0.page()?;
    let (_, list) = state
        .read(caller, move |conn, viewer| {
            Ok(rotations::list(conn, viewer, page)?)
        })
        .await?;
    Ok(web::Json(list))
}
