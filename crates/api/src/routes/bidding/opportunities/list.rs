//! `GET /api/v1/opportunities`.

use actix_web::{get, web};
use coophub_app::bidding::opportunities;
use coophub_domain::bidding::{OpportunityStatus, cpv_digits};
use coophub_store::bidding::opportunities::OpportunityFilter;
use serde::Deserialize;

use super::OpportunityList;
use crate::auth::Caller;
use crate::extract::{Query, Timestamp};
use crate::paging::PageQuery;
use crate::problem::{ApiError, QueryString};
use crate::state::AppState;

/// Who a tender is marked suitable for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SuitableFor {
    /// Small and medium enterprises.
    Sme,
    /// Voluntary, community and social enterprises.
    Vcse,
}

/// Filters of the opportunity list.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct OpportunityListQuery {
    /// 1-based page number, at most 100 (default 1).
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 20).
    pub per_page: Option<u32>,
    /// Words in the title, description or buyer.
    pub q: Option<String>,
    /// CPV codes starting with these digits (`72` for all IT services).
    pub cpv: Option<String>,
    /// Needing this skill, in any spelling.
    pub skill: Option<String>,
    /// Buyer's name or identifier containing this.
    pub buyer: Option<String>,
    /// Deadline after this instant (RFC 3339).
    #[param(value_type = Option<String>, format = DateTime)]
    pub deadline_after: Option<Timestamp>,
    /// Value at least this, in minor units.
    pub value_min: Option<i64>,
    /// Value at most this, in minor units.
    pub value_max: Option<i64>,
    /// `sme` or `vcse`.
    #[param(inline)]
    pub suitable_for: Option<SuitableFor>,
    /// `open`, `planning` or `closed`.
    pub status: Option<OpportunityStatus>,
}

/// Tenders, soonest deadline first (those without one last).
#[utoipa::path(
    tag = "bidding",
    security((), ("bearer" = [])),
    params(OpportunityListQuery),
    responses(
        QueryString,
        (status = 200, description = "A page of opportunities", body = OpportunityList),
    )
)]
#[get("/opportunities")]
pub async fn list_opportunities(
    state: web::Data<AppState>,
    caller: Caller,
    query: Query<OpportunityListQuery>,
) -> Result<web::Json<OpportunityList>, ApiError> {
    let query = query.0;
    let page = PageQuery {
        page: query.page,
        per_page: query.per_page,
    }
    .page()?;
    let mut wrong = Vec::new();
    if let Some(prefix) = &query.cpv
        && (prefix.is_empty() || prefix.len() > 8 || !prefix.bytes().all(|b| b.is_ascii_digit()))
        && cpv_digits(prefix).is_none()
    {
        wrong.push((
            "cpv".to_owned(),
            "must be 1 to 8 digits of a CPV code".to_owned(),
        ));
    }
    if let (Some(min), Some(max)) = (query.value_min, query.value_max)
        && min > max
    {
        wrong.push((
            "value_max".to_owned(),
            "must not be below value_min".to_owned(),
        ));
    }
    if !wrong.is_empty() {
        return Err(ApiError::InvalidParameters(wrong));
    }
    let now = state.clock.now();
    let filter = OpportunityFilter {
        q: query.q,
        cpv: query.cpv,
        skill: query.skill,
        buyer: query.buyer,
        deadline_after: query.deadline_after.map(|t| t.0),
        value_min: query.value_min,
        value_max: query.value_max,
        sme: query.suitable_for == Some(SuitableFor::Sme),
        vcse: query.suitable_for == Some(SuitableFor::Vcse),
        status: query.status.map(|status| (status, now)),
    };
    let (_, list) = state
        .read(caller, move |conn, _| {
            Ok(opportunities::list(conn, filter, page, now)?)
        })
        .await?;
    Ok(web::Json(list))
}
