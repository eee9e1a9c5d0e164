//! `POST /api/v1/me/alerts`, `GET /api/v1/me/alerts` and
//! `DELETE /api/v1/me/alerts/{id}`: saved searches on tenders, offers of
//! time or people. A new or changed item that matches tells the account (or,
//! for a co-op's alert, the co-op's admins) once, with the reasons, if the
//! access rules let them see it.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, delete, get, post, web};
use coophub_app::directory::coops::ADMINISTER;
use coophub_app::guard::{Lock, load};
use coophub_app::telling::alert_settings::{AlertList, AlertView, known_skills, may_change, view};
use coophub_domain::alert::{AlertDraft, AlertInput, AlertSubject, Suitability};
use coophub_domain::coop::Coop;
use coophub_domain::sharing::WorkMode;
use coophub_store::alerts::{self, NewAlert};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::{SignedIn, signed_in};
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, Problem, TokenRequired};
use crate::state::AppState;

/// An alert as saved.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AlertBody {
    /// What the alert is called.
    pub name: String,
    /// A co-op the caller administers: its admins are told (default: the caller).
    pub coop: Option<String>,
    /// What the alert looks at (default: opportunities). Filters of another
    /// subject are refused.
    #[serde(default)]
    pub subject: AlertSubject,
    /// Any of these skills, any spelling.
    #[serde(default)]
    pub skills: Vec<String>,
    /// Offers and people: the least level (1 to 5) of a matching skill.
    pub min_level: Option<i64>,
    /// Opportunities: any of these CPV codes, matched up and down the hierarchy.
    #[serde(default)]
    pub cpv: Vec<String>,
    /// Opportunities: the least value, minor units.
    pub value_min: Option<i64>,
    /// Opportunities: the most value, minor units.
    pub value_max: Option<i64>,
    /// Opportunities: words in the buyer's name.
    pub buyer: Option<String>,
    /// Opportunities: a suitability the tender must be marked with.
    pub suitable_for: Option<Suitability>,
    /// Opportunities: words that must all be in the tender's region (`Yorkshire`).
    pub region: Option<String>,
    /// Offers: how the work happens.
    pub work_mode: Option<WorkMode>,
    /// Offers: the least days a week offered; people: the least days a week
    /// free (availability, which only the network sees). 0.5 to 7 in halves.
    pub min_days_per_week: Option<f64>,
    /// Words that must all be in the text (a tender's title or description,
    /// an offer's title or notes, a person's name, headline or bio).
    pub words: Option<String>,
}

/// Saves an alert on opportunities, offers or people: every filter given
/// must hold. It tells of items written from now on, each once.
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    request_body = AlertBody,
    responses(
        TokenRequired, JsonBody,
        (status = 201, description = "Saved", body = AlertView),
        (status = 403, description = "Not an admin of the co-op", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such co-op", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/me/alerts")]
pub async fn create_alert(
    state: web::Data<AppState>,
    caller: SignedIn,
    body: Checked<AlertBody>,
) -> Result<HttpResponse, ApiError> {
    let (coop, input) = body.check(|body| {
        let input = AlertInput::parse(AlertDraft {
            name: body.name.clone(),
            subject: body.subject,
            skills: body.skills.clone(),
            min_level: body.min_level,
            cpv: body.cpv.clone(),
            value_min: body.value_min,
            value_max: body.value_max,
            buyer: body.buyer.clone(),
            suitable_for: body.suitable_for,
            region: body.region.clone(),
            work_mode: body.work_mode,
            min_days_per_week: body.min_days_per_week,
            words: body.words.clone(),
        })?;
        Ok((body.coop.clone(), input))
    })?;
    let now = state.clock.now();
    let (_, saved) = state
        .write(caller, move |conn, viewer| {
            let user = signed_in(viewer)?.id;
            let coop = match &coop {
                Some(slug) => Some(load::<Coop>(conn, viewer, slug, ADMINISTER, Lock::Read)?.id),
                None => None,
            };
            let mut filters = input.filters.clone();
            filters.skills = known_skills(conn, &input)?;
            let new = NewAlert {
                user,
                coop,
                name: &input.name,
                subject: input.subject,
                filters: &filters,
            };
            let alert = alerts::insert(conn, new, now)?;
            Ok(view(conn, alert)?)
        })
        .await?;
    let mut response = HttpResponse::build(StatusCode::CREATED);
    response.insert_header(("Location", format!("/api/v1/me/alerts/{}", saved.id)));
    Ok(response.json(saved))
}

/// The caller's alerts, and those of the co-ops they administer.
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    responses(
        TokenRequired,
        (status = 200, description = "The alerts", body = AlertList),
    )
)]
#[get("/me/alerts")]
pub async fn list_alerts(
    state: web::Data<AppState>,
    caller: SignedIn,
) -> Result<web::Json<AlertList>, ApiError> {
    let (_, items) = state
        .read(caller, move |conn, viewer| {
            let user = signed_in(viewer)?.id;
            let views = alerts::visible_to(conn, user, &viewer.administered())?
                .into_iter()
                .map(|alert| view(conn, alert))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(views)
        })
        .await?;
    Ok(web::Json(AlertList { items }))
}

/// Deletes an alert: the account that saved it, or an admin of its co-op.
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The alert's id")),
    responses(
        TokenRequired,
        (status = 204, description = "Deleted"),
        (status = 404, description = "No such alert of the caller's", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/me/alerts/{id}")]
pub async fn delete_alert(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    state
        .write(caller, move |conn, viewer| match alerts::find(conn, id)? {
            Some(alert) if may_change(viewer, &alert) => Ok(alerts::delete(conn, id)?),
            _ => Err(ApiError::NotFound(format!("no alert {id}"))),
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
