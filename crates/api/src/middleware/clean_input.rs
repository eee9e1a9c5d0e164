//! Paths and query strings holding NUL or other control characters are
//! refused before routing (400): PostgreSQL cannot even compare such text,
//! and no slug, id or filter of ours contains one. URLs longer than
//! [`MAX_URL_BYTES`] are refused too (414): no route of ours needs one, and a
//! long slug or filter is only work for the database.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::middleware::Next;
use coophub_domain::text::{CONTROL_MESSAGE, has_control};
use percent_encoding::percent_decode_str;

use crate::problem::ApiError;

/// The middleware (see the module documentation).
pub async fn refuse_control_characters(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    if let Some(problem) = unclean(req.path(), req.query_string()) {
        return Err(problem.into());
    }
    next.call(req).await
}

/// The longest path and query string read, in bytes (as encoded).
pub const MAX_URL_BYTES: usize = 8 * 1024;

/// The problem with `path` or `query`: too long, or decoding to a control character.
fn unclean(path: &str, query: &str) -> Option<ApiError> {
    let length = path.len() + query.len();
    if length > MAX_URL_BYTES {
        return Some(ApiError::Http {
            status: StatusCode::URI_TOO_LONG,
            detail: format!(
                "the URL is {length} bytes long; at most {MAX_URL_BYTES} bytes of path and query are read"
            ),
        });
    }
    if has_control(&percent_decode_str(path).decode_utf8_lossy()) {
        return Some(ApiError::Http {
            status: StatusCode::BAD_REQUEST,
            detail: format!("the path {CONTROL_MESSAGE}"),
        });
    }
    form_urlencoded::parse(query.as_bytes())
        .find(|(name, value)| has_control(name) || has_control(value))
        .map(|(name, _)| ApiError::InvalidParameter {
            name: name.chars().filter(|c| !c.is_control()).collect(),
            message: CONTROL_MESSAGE.into(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoded_controls_in_paths_and_queries_are_refused() {
        assert!(matches!(
            unclean("/api/v1/coops/a%00b", ""),
            Some(ApiError::Http { .. })
        ));
        assert!(matches!(
            unclean("/api/v1/coops", "region=a%00b"),
            Some(ApiError::InvalidParameter { name, .. }) if name == "region"
        ));
        assert!(matches!(
            unclean("/api/v1/search", "q=web%0Adesign"),
            Some(ApiError::InvalidParameter { name, .. }) if name == "q"
        ));
        assert!(unclean("/api/v1/coops/leeds-web", "region=Z%C3%BCrich&q=a+b").is_none());
        assert!(matches!(
            unclean("/api/v1/search", &format!("q={}", "a".repeat(MAX_URL_BYTES))),
            Some(ApiError::Http { status, .. }) if status == StatusCode::URI_TOO_LONG
        ));
    }
}
