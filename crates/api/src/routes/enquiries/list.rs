//! `GET /api/v1/coops/{slug}/enquiries`.

use actix_web::{get, web};
use coophub_app::directory::enquiries;
use serde::Deserialize;

use super::EnquiryList;
use crate::auth::SignedIn;
use crate::extract::Query;
use crate::paging::PageQuery;
use crate::problem::{ApiError, CoopAdmin, QueryString, TokenRequired};
use crate::state::AppState;

/// Which page of enquiries.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct EnquiryListQuery {
    /// 1-based page number, at most 100 (default 1).
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 20).
    pub per_page: Option<u32>,
}

/// The enquiries written to a co-op, newest first, each with who wrote it
/// and the address to reply to: for the co-op's admins.
#[utoipa::path(
    tag = "coops",
    security(("bearer" = [])),
    params(("slug" = String, Path, description = "The co-op's slug"), EnquiryListQuery),
    responses(
        TokenRequired, QueryString, CoopAdmin,
        (status = 200, description = "A page of enquiries", body = EnquiryList),
    )
)]
#[get("/coops/{slug}/enquiries")]
pub async fn list_enquiries(
    state: web::Data<AppState>,
    caller: SignedIn,
    slug: web::Path<String>,
    query: Query<EnquiryListQuery>,
) -> Result<web::Json<EnquiryList>, ApiError> {
    let EnquiryListQuery { page, per_page } = query.0;
    let page = PageQuery { page, per_page }.page()?;
    let slug = slug.into_inner();
    let (_, list) = state
        .read(caller, move |conn, viewer| {
            Ok(enquiries::list(conn, viewer, &slug, page)?)
        })
        .await?;
    Ok(web::Json(list))
}
