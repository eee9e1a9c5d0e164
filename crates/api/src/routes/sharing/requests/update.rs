//! `PUT /api/v1/requests/{id}`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, put, web};
use coophub_app::sharing::requests;
use coophub_domain::sharing::RequestInput;
use uuid::Uuid;

use super::{RequestBody, RequestView, request_response};
use crate::auth::SignedIn;
use crate::etag::expected_version;
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, RequestAdmin, TokenRequired, Versioned};
use crate::state::AppState;

/// Replaces a request (its co-op stays); mark it `filled` or `closed` when done.
#[utoipa::path(
    tag = "sharing",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "The request's id"),
        ("If-Match" = Option<String>, Header, description = "The ETag this change is based on"),
    ),
    request_body = RequestBody,
    responses(
        TokenRequired, JsonBody, Versioned, RequestAdmin,
        (status = 200, description = "Replaced", body = RequestView),
    )
)]
#[put("/requests/{id}")]
pub async fn update_request(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
    body: Checked<RequestBody>,
) -> Result<HttpResponse, ApiError> {
    let expected = expected_version(&req)?;
    let (slug, input) = body.check(|body| {
        RequestInput::parse(body.draft())
            .map(|input| (body.coop, input))
            .map_err(Into::into)
    })?;
    let now = state.clock.now();
    let id = id.into_inner();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            let (expected, slug) = (expected.as_ref(), slug.as_deref());
            Ok(requests::replace(
                conn, viewer, id, expected, slug, &input, now,
            )?)
        })
        .await?;
    Ok(request_response(StatusCode::OK, view))
}
