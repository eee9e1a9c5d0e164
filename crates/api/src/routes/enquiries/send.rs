//! `POST /api/v1/coops/{slug}/enquiries`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use coophub_app::directory::enquiries;

use super::{EnquiryBody, EnquiryView};
use crate::auth::SignedIn;
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, NoSuchCoop, Problem, TokenRequired};
use crate::state::AppState;

/// Writes to a co-op listed to the caller. Its admins are told at once (in
/// their inbox and by mail) with the caller's name and account email to reply
/// to. An account sends at most 10 enquiries a day, to all co-ops together.
#[utoipa::path(
    tag = "coops",
    security(("bearer" = [])),
    params(("slug" = String, Path, description = "The co-op's slug")),
    request_body = EnquiryBody,
    responses(
        TokenRequired, JsonBody, NoSuchCoop,
        (status = 201, description = "Sent to the co-op's admins", body = EnquiryView),
        (status = 409, description = "Nobody administers the co-op yet; it can be claimed (`coop_unclaimed`)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "The caller sent 10 enquiries in the last day; `Retry-After` says when the next may go (`rate_limited`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/coops/{slug}/enquiries")]
pub async fn send_enquiry(
    state: web::Data<AppState>,
    caller: SignedIn,
    slug: web::Path<String>,
    body: Checked<EnquiryBody>,
) -> Result<HttpResponse, ApiError> {
    let body = body.check(Ok)?;
    let slug = slug.into_inner();
    let now = state.clock.now();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            Ok(enquiries::send(conn, viewer, &slug, &body, now)?)
        })
        .await?;
    Ok(HttpResponse::build(StatusCode::CREATED).json(view))
}
