//! `GET /api/v1/coops`: the directory, filtered and paged.

use actix_web::{get, web};
use coophub_app::directory::coops::{self, CoopList, CoopQuery};
use coophub_domain::coop::{LegalForm, MembershipStatus};
use coophub_domain::geo::{self, DEFAULT_RADIUS_KM};
use coophub_domain::places;
use serde::Deserialize;

use crate::auth::Caller;
use crate::extract::{Query, Timestamp};
use crate::paging::PageQuery;
use crate::problem::{ApiError, QueryString};
use crate::state::AppState;

/// Filters of the co-op list.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CoopListQuery {
    /// 1-based page number (default 1).
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 20).
    pub per_page: Option<u32>,
    /// Region, case-insensitive.
    pub region: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    pub country: Option<String>,
    /// Legal form.
    pub legal_form: Option<LegalForm>,
    /// A technology, in any spelling ("postgres", "JS").
    pub technology: Option<String>,
    /// A service, in any spelling.
    pub service: Option<String>,
    /// Only co-ops that said they are willing (`true`) or not (`false`) to
    /// share experience; those that have not said match neither.
    pub happy_to_share_experience: Option<bool>,
    /// Only co-ops within `radius_km` of this point: `latitude,longitude`,
    /// or the name of a UK town or city (`Leeds`).
    pub near: Option<String>,
    /// The radius around `near` in km (default 50); needs `near`.
    pub radius_km: Option<f64>,
    /// Only co-ops changed after this instant (RFC 3339); the answer also lists deletions.
    #[param(value_type = Option<String>, format = DateTime)]
    pub updated_since: Option<Timestamp>,
    /// Membership status now: `applied`, `invited`, `approved`, `lapsed`
    /// (an invitation past its 60 days included) or `removed`; outsiders see
    /// approved members and their own co-ops only, so this is the stewards'
    /// queue.
    pub status: Option<MembershipStatus>,
}

/// Lists co-ops. Anonymous clients and users outside the network see approved members only.
#[utoipa::path(
    tag = "coops",
    security((), ("bearer" = [])),
    params(CoopListQuery),
    responses(
        QueryString,
        (status = 200, description = "A page of co-ops", body = CoopList),
    )
)]
#[get("/coops")]
pub async fn list_coops(
    state: web::Data<AppState>,
    caller: Caller,
    query: Query<CoopListQuery>,
) -> Result<web::Json<CoopList>, ApiError> {
    let query = query.0;
    let page = PageQuery {
        page: query.page,
        per_page: query.per_page,
    }
    .page()?;
    let near = near(query.near.as_deref(), query.radius_km)?;
    let wanted = CoopQuery {
        region: query.region,
        country: query.country,
        legal_form: query.legal_form,
        technology: query.technology,
        service: query.service,
        happy_to_share_experience: query.happy_to_share_experience,
        near,
        updated_since: query.updated_since.map(|at| at.0),
        status: query.status,
    };
    let now = state.clock.now();
    let (_, list) = state
        .read(caller, move |conn, viewer| {
            Ok(coops::list(conn, viewer, wanted, page, now)?)
        })
        .await?;
    Ok(web::Json(list))
}

/// The circle `near` and `radius_km` give, as the search reads them.
fn near(point: Option<&str>, radius_km: Option<f64>) -> Result<Option<(f64, f64, f64)>, ApiError> {
    let invalid = |name: &str, message: String| ApiError::InvalidParameter {
        name: name.to_owned(),
        message,
    };
    let radius = match radius_km {
        Some(km) => geo::radius_km(km).map_err(|m| invalid("radius_km", m))?,
        None => DEFAULT_RADIUS_KM,
    };
    match point {
        None if radius_km.is_some() => Err(invalid("radius_km", "needs `near`".into())),
        None => Ok(None),
        Some(text) => {
            let (lat, lon) = places::point(text).map_err(|m| invalid("near", m))?;
            Ok(Some((lat, lon, radius)))
        }
    }
}
