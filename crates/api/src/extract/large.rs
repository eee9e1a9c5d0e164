//! A JSON document larger than the configured body limit, for the one route
//! that takes whole OCDS packages (up to [`PACKAGE_LIMIT`]).

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::StreamExt;

use super::{BodyRules, check_json_media_type, parse_document};
use crate::problem::ApiError;

/// Largest OCDS package accepted: 10 MB.
pub const PACKAGE_LIMIT: usize = 10 * 1024 * 1024;

/// A JSON body of up to [`PACKAGE_LIMIT`] bytes (413 beyond), otherwise
/// checked as every body is (media type, syntax, control characters).
#[derive(Debug)]
pub struct PackageJson(pub serde_json::Value);

impl FromRequest for PackageJson {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let media_type = check_json_media_type(req);
        let timeout = req
            .app_data::<BodyRules>()
            .map_or(std::time::Duration::MAX, |rules| rules.timeout);
        let mut stream = payload.take();
        Box::pin(async move {
            media_type?;
            let read = async {
                let mut body = web::BytesMut::new();
                while let Some(chunk) = stream.next().await {
                    let chunk = chunk.map_err(|error| ApiError::Http {
                        status: StatusCode::BAD_REQUEST,
                        detail: format!("the request body could not be read: {error}"),
                    })?;
                    if body.len() + chunk.len() > PACKAGE_LIMIT {
                        return Err(ApiError::PayloadTooLarge {
                            limit: PACKAGE_LIMIT,
                        });
                    }
                    body.extend_from_slice(&chunk);
                }
                Ok(body)
            };
            let body = actix_web::rt::time::timeout(timeout, read)
                .await
                .map_err(|_| ApiError::Http {
                    status: StatusCode::REQUEST_TIMEOUT,
                    detail: format!(
                        "the request body did not arrive within {} seconds",
                        timeout.as_secs()
                    ),
                })??;
            parse_document(&body).map(PackageJson)
        })
    }
}
