//! `POST /api/v1/me/alerts`, `GET /api/v1/me/alerts` and
//! `DELETE /api/v1/me/alerts/{id}`: saved searches on tenders, offers of
//! time or people. A new or changed item that matches tells the account (or,
//! for a co-op's alert, the co-op's admins) once, with the reasons, if the
//! access rules let them see it.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, delete, get, post, web};
use coophub_app::telling::alert_settings::{self, AlertBody, AlertList, AlertView};
use uuid::Uuid;

use crate::auth::SignedIn;
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, NoSuchCoop, Problem, TokenRequired};
use crate::state::AppState;

/// Saves an alert on opportunities, offers or people: every filter given
/// must hold. It tells of items written from now on, each once.
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    request_body = AlertBody,
    responses(
        TokenRequired, JsonBody, NoSuchCoop,
        (status = 201, description = "Saved", body = AlertView),
        (status = 403, description = "Not an admin of the co-op", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/me/alerts")]
pub async fn create_alert(
    state: web::Data<AppState>,
    caller: SignedIn,
    body: Checked<AlertBody>,
) -> Result<HttpResponse, ApiError> {
    let (coop, input) = body.check(|body| Ok((body.coop.clone(), body.parse()?)))?;
    let now = state.clock.now();
    let (_, saved) = state
        .write(caller, move |conn, viewer| {
            Ok(alert_settings::create(
                conn,
                viewer,
                coop.as_deref(),
                &input,
                now,
            )?)
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
    let (_, list) = state
        .read(caller, move |conn, viewer| {
            Ok(alert_settings::list(conn, viewer)?)
        })
        .await?;
    Ok(web::Json(list))
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
        .write(caller, move |conn, viewer| {
            Ok(alert_settings::delete(conn, viewer, id)?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
