//! What answers when no route matched: for a browser asking for a page
//! (`Accept: text/html`, outside `/api/`), a page saying so; for everything
//! else the API's answer (404 or 405 as a problem document), unchanged.

use actix_web::http::header::ACCEPT;
use actix_web::{HttpRequest, HttpResponse, ResponseError, web};
use coophub_api::routes::fallback::{RouteTable, not_matched as api_not_matched};
use coophub_api::{ApiError, AppState};

use crate::render::problem;
use crate::session::visitor_of;

fn wants_page(req: &HttpRequest) -> bool {
    !req.path().starts_with("/api/")
        && req
            .headers()
            .get(ACCEPT)
            .and_then(|accept| accept.to_str().ok())
            .is_some_and(|accept| accept.contains("text/html"))
}

/// The default service of the whole application.
pub async fn not_matched(
    req: HttpRequest,
    table: web::Data<RouteTable>,
    state: web::Data<AppState>,
) -> HttpResponse {
    if !wants_page(&req) {
        return match api_not_matched(req, table).await {
            Ok(answer) => answer,
            Err(error) => error.error_response(),
        };
    }
    let visitor = visitor_of(&state, &req).await;
    let error = ApiError::NotFound(format!("there is no page at {}", req.path()));
    problem(&req, &visitor, &error)
}
