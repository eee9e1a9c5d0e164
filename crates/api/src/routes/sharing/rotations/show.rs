//! `GET /api/v1/rotations` and `GET /api/v1/rotations/{id}`.

use actix_web::{get, web};
use coophub_app::guard::{Lock, load};
use coophub_app::sharing::rotations::Asked;
use coophub_domain::access::rotation as access;
use coophub_store::people;
use coophub_store::sharing::rotations;
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
    let (_, asked) = state
        .read(caller, move |conn, viewer| {
            Ok(load::<Asked>(
                conn,
                viewer,
                &id,
                access::read_rotation,
                Lock::Read,
            )?)
        })
        .await?;
    Ok(web::Json(RotationView::new(asked)))
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
    let (_, (items, total)) = state
        .read(caller, move |conn, viewer| {
            let mine = match viewer.user_id() {
                Some(user) => people::linked_to(conn, user)?,
                None => Vec::new(),
            };
            let administered = viewer.administered();
            let (found, total) = rotations::list_visible(conn, &mine, &administered, page)?;
            let mut items = Vec::with_capacity(found.len());
            for rotation in found {
                let asked =
                    Asked::of(conn, rotation)?.ok_or_else(|| ApiError::NotFound(String::new()))?;
                items.push(RotationView::new(asked));
            }
            Ok((items, total))
        })
        .await?;
    Ok(web::Json(RotationList {
        items,
        total,
        page: page.number,
        per_page: page.size,
    }))
}
