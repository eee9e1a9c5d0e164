//! The problem responses many operations share, for their OpenAPI
//! annotations: an operation names these sets (`responses(..., TokenRequired,
//! JsonBody)`) and spells out only what is particular to it (who may, what
//! is not found, what conflicts).

use std::collections::BTreeMap;

use utoipa::IntoResponses;
use utoipa::openapi::content::ContentBuilder;
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::{Ref, RefOr};

use super::PROBLEM_JSON;

/// Problem documents with these statuses and descriptions.
fn problems(list: &[(u16, &str)]) -> BTreeMap<String, RefOr<Response>> {
    list.iter()
        .map(|(status, description)| {
            let content = ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Problem")))
                .build();
            let response = ResponseBuilder::new()
                .description(*description)
                .content(PROBLEM_JSON, content)
                .build();
            (status.to_string(), RefOr::T(response))
        })
        .collect()
}

/// Operations that need a bearer token.
#[derive(Debug)]
pub struct TokenRequired;

impl IntoResponses for TokenRequired {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        problems(&[(
            401,
            "Not signed in: the token is missing, invalid, expired or revoked (`unauthenticated`)",
        )])
    }
}

/// Operations that read a JSON body.
#[derive(Debug)]
pub struct JsonBody;

impl IntoResponses for JsonBody {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        problems(&[
            (400, "The body is not well-formed JSON (`malformed_json`)"),
            (
                413,
                "The body is larger than the configured limit (`payload_too_large`)",
            ),
            (415, "The body is not JSON (`unsupported_media_type`)"),
            (
                422,
                "Invalid fields, each at its JSON Pointer in `errors` (`validation_failed`, `invalid_body`)",
            ),
        ])
    }
}

/// Operations that honour `If-Match`.
#[derive(Debug)]
pub struct Versioned;

impl IntoResponses for Versioned {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        problems(&[(
            412,
            "Changed since read: `If-Match` names another version; the current one is in `ETag` and `current_etag` (`precondition_failed`)",
        )])
    }
}

/// Operations with query parameters.
#[derive(Debug)]
pub struct QueryString;

impl IntoResponses for QueryString {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        problems(&[(
            400,
            "A query parameter is invalid or unknown, named in `errors` (`invalid_parameter`)",
        )])
    }
}

/// Operations on a co-op's webhooks: for its admins only.
#[derive(Debug)]
pub struct WebhookAdmin;

impl IntoResponses for WebhookAdmin {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        problems(&[
            (
                403,
                "Not an admin of the co-op; network admins are not either (`forbidden`)",
            ),
            (404, "No such co-op, or no such webhook of it (`not_found`)"),
        ])
    }
}
