//! `POST /api/v1/coops`: add a co-op; its creator becomes its admin.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use coophub_domain::coop::{CoopInput, Membership};
use coophub_store::coops;

use super::{CoopRequest, CoopView, coop_response};
use crate::auth::{Caller, signed_in};
use crate::extract::Checked;
use crate::problem::{ApiError, Code, JsonBody, Problem, SignedIn};
use crate::state::AppState;

/// Adds a co-op. Its membership starts as `applied`; the creator becomes its admin.
#[utoipa::path(
    tag = "coops",
    security(("bearer" = [])),
    request_body = CoopRequest,
    responses(
        SignedIn, JsonBody,
        (status = 201, description = "Created", body = CoopView,
            headers(("ETag" = String, description = "Version"), ("Location" = String, description = "The new co-op"))),
        (status = 409, description = "The slug is taken", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/coops")]
pub async fn create_coop(
    state: web::Data<AppState>,
    caller: Caller,
    body: Checked<CoopRequest>,
) -> Result<HttpResponse, ApiError> {
    let caller = caller.require_token()?;
    let input = body.check(|request| Ok(CoopInput::parse(request.into())?))?;
    let now = state.clock.now();
    let (viewer, coop) = state
        .write(caller, move |conn, viewer| {
            let creator = signed_in(viewer)?.id;
            Ok(coops::insert(
                conn,
                &input,
                &Membership::applied(now),
                Some(creator),
                now,
            )?)
        })
        .await
        .map_err(slug_taken("co-op"))?;
    Ok(coop_response(StatusCode::CREATED, coop, &viewer, now))
}

/// A taken slug, said plainly.
pub(crate) fn slug_taken(kind: &'static str) -> impl FnOnce(ApiError) -> ApiError {
    move |error| match error {
        ApiError::Conflict { .. } => ApiError::conflict_at(
            Code::SlugTaken,
            "/slug",
            format!("another {kind} already has this slug"),
        ),
        other => other,
    }
}
