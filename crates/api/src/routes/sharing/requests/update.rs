//! `PUT /api/v1/requests/{id}`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, put, web};
use coophub_app::guard::{Lock, load};
use coophub_domain::FieldError;
use coophub_domain::access::sharing as access;
use coophub_domain::coop::Coop;
use coophub_domain::sharing::Request;
use coophub_domain::sharing::RequestInput;
use coophub_store::sharing::requests;
use uuid::Uuid;

use super::{RequestBody, RequestView, request_response};
use crate::auth::SignedIn;
use crate::etag::expected_version;
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, Problem, TokenRequired, Versioned};
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
        TokenRequired, JsonBody, Versioned,
        (status = 200, description = "Replaced", body = RequestView),
        (status = 403, description = "Not an admin of the asking co-op", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such request", body = Problem, content_type = "application/problem+json"),
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
    let (_, (request, coop)) = state
        .write(caller, move |conn, viewer| {
            let (request, coop) = load::<(Request, Coop)>(
                conn,
                viewer,
                &id,
                access::administer_listing,
                Lock::ForChange,
            )?;
            if slug.as_ref().is_some_and(|slug| *slug != coop.slug) {
                return Err(ApiError::from_field(FieldError::new(
                    "/coop",
                    "a request stays with its co-op",
                )));
            }
            let request = requests::update(conn, &request, expected.as_ref(), &input, now)?;
            Ok((request, coop))
        })
        .await?;
    Ok(request_response(
        StatusCode::OK,
        RequestView::new(request, &coop, true),
    ))
}
