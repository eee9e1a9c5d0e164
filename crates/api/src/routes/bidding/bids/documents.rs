//! `POST /api/v1/bids/{id}/documents`: a link to one of the bid's
//! documents, kept where it is rather than uploaded.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use coophub_app::bidding::bids;
use coophub_app::bidding::bodies::DocumentBody;
use coophub_domain::bidding::DocumentInput;
use uuid::Uuid;

use super::BidView;
use crate::auth::SignedIn;
use crate::extract::Checked;
use crate::problem::{ApiError, BidConsortium, JsonBody, TokenRequired};
use crate::state::AppState;

/// Anyone of the consortium adds a link to a document (a draft, the tender
/// pack, evidence): its title, URL and kind, with who added it. The bid
/// shows its links to the consortium only.
#[utoipa::path(
    tag = "bidding",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The bid's id")),
    request_body = DocumentBody,
    responses(
        TokenRequired, JsonBody, BidConsortium,
        (status = 201, description = "Added", body = BidView),
    )
)]
#[post("/bids/{id}/documents")]
pub async fn add_document(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
    body: Checked<DocumentBody>,
) -> Result<HttpResponse, ApiError> {
    let input = body.check(|body| {
        Ok(DocumentInput::parse(
            &body.title,
            &body.url,
            body.kind.as_deref(),
        )?)
    })?;
    let id = id.into_inner();
    let now = state.clock.now();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            Ok(bids::add_document(conn, viewer, id, &input, now)?)
        })
        .await?;
    Ok(HttpResponse::build(StatusCode::CREATED).json(view))
}
