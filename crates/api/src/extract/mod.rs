//! Request extractors whose failures are problem documents that point at the
//! offending input: `/skills/0/level` in a body, `near` in a query string.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use serde::de::DeserializeOwned;

use coophub_domain::text::control_characters;
use coophub_domain::{FieldError, ValidationErrors};

use crate::problem::ApiError;

mod large;
mod path;
mod query;
mod shape;

pub use large::{PACKAGE_LIMIT, PackageJson};
pub use path::path_config;
pub use query::{Query, Timestamp, Year};
use shape::{Shaped, read_all};

/// How much of a body is read, and for how long (set from the configuration).
#[derive(Debug, Clone, Copy)]
pub struct BodyRules {
    /// Largest JSON body accepted, in bytes (413 beyond).
    pub limit: usize,
    /// How long a client may take to send the body (408 after): a client
    /// trickling a large declared body must not hold a connection for long.
    pub timeout: std::time::Duration,
}

/// A JSON request body deserialised into `T`.
///
/// Refuses other media types (415), bodies over the [`BodyRules`] limit (413)
/// or slower than its timeout (408),
/// malformed JSON (400) and JSON of the wrong shape (422, every value that
/// does not fit at its pointer).
#[derive(Debug)]
pub struct Json<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let document = read_document(req, payload);
        Box::pin(async move { Ok(Json(whole(document.await?)?)) })
    }
}

/// `document` read into `T`, or 422 naming every value that does not fit.
fn whole<T: DeserializeOwned>(document: serde_json::Value) -> Result<T, ApiError> {
    let Shaped { value, problems } = read_all(document);
    match value {
        Some(value) if problems.0.is_empty() => Ok(value),
        _ => Err(ApiError::InvalidBody(problems)),
    }
}

/// The body as a JSON document, once its media type, size, arrival time,
/// syntax (400) and text hygiene (422) are checked.
fn read_document(
    req: &HttpRequest,
    payload: &mut Payload,
) -> impl Future<Output = Result<serde_json::Value, ApiError>> + 'static {
    let media_type = check_json_media_type(req);
    let body = read_bytes(req, payload);
    async move {
        media_type?;
        parse_document(&body.await?)
    }
}

/// The body's bytes, once its size (413) and arrival time (408) are checked.
fn read_bytes(
    req: &HttpRequest,
    payload: &mut Payload,
) -> impl Future<Output = Result<web::Bytes, ApiError>> + 'static {
    let rules = req.app_data::<BodyRules>().copied().unwrap_or(BodyRules {
        limit: usize::MAX,
        timeout: std::time::Duration::MAX,
    });
    let limit = rules.limit;
    let body = web::Bytes::from_request(req, payload);
    async move {
        let body = actix_web::rt::time::timeout(rules.timeout, body)
            .await
            .map_err(|_| ApiError::Http {
                status: StatusCode::REQUEST_TIMEOUT,
                detail: format!(
                    "the request body did not arrive within {} seconds",
                    rules.timeout.as_secs()
                ),
            })?;
        body.map_err(|error| {
            if error.as_response_error().status_code() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::PayloadTooLarge { limit }
            } else {
                ApiError::Http {
                    status: StatusCode::BAD_REQUEST,
                    detail: format!("the request body could not be read: {error}"),
                }
            }
        })
    }
}

/// A JSON body that may be left out: an empty body is `None`; any other is
/// read as [`Json`] reads it.
#[derive(Debug)]
pub struct OptionalJson<T>(pub Option<T>);

impl<T: DeserializeOwned + 'static> FromRequest for OptionalJson<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let media_type = check_json_media_type(req);
        let body = read_bytes(req, payload);
        Box::pin(async move {
            let bytes = body.await?;
            if bytes.iter().all(u8::is_ascii_whitespace) {
                return Ok(OptionalJson(None));
            }
            media_type?;
            Ok(OptionalJson(Some(whole(parse_document(&bytes)?)?)))
        })
    }
}

/// `Ok` for `application/json` and `application/*+json`.
fn check_json_media_type(req: &HttpRequest) -> Result<(), ApiError> {
    let shown = |req: &HttpRequest| {
        req.headers()
            .get(actix_web::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("no content type")
            .to_owned()
    };
    match req.mime_type() {
        Ok(Some(mime))
            if mime.type_() == "application"
                && (mime.subtype() == "json" || mime.suffix().is_some_and(|s| s == "json")) =>
        {
            Ok(())
        }
        _ => Err(ApiError::UnsupportedMediaType(shown(req))),
    }
}

/// Parses `bytes` as a JSON document (400 when it is not one) holding no
/// control characters (422, each at its pointer).
///
/// The syntax is checked in full before the shape: otherwise a truncated
/// document whose first value has the wrong type would read as a shape error.
fn parse_document(bytes: &[u8]) -> Result<serde_json::Value, ApiError> {
    let document: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|error| ApiError::MalformedJson(error.to_string()))?;
    if !document.is_object() {
        // Every request body is an object: saying so beats pointing into an array.
        return Err(ApiError::InvalidBody(
            FieldError::new("", "must be a JSON object, such as {\"name\": \"…\"}").into(),
        ));
    }
    let unclean = control_characters(&document);
    if !unclean.0.is_empty() {
        return Err(unclean.into());
    }
    let mut document = document;
    whole_numbers(&mut document);
    Ok(document)
}

/// Writes whole-number decimals (`443.0`) as integers, as JSON Schema reads
/// them: a field the document calls an integer takes them too.
fn whole_numbers(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Number(number) if !number.is_i64() && !number.is_u64() => {
            if let Some(float) = number.as_f64()
                && float.fract() == 0.0
                && float.abs() < 9.0e15
            {
                *value = Value::from(float as i64);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(whole_numbers),
        Value::Object(fields) => fields.values_mut().for_each(whole_numbers),
        _ => {}
    }
}

/// A JSON request body read into `T` with every value that did not fit
/// found, for handlers that check the request further: [`Checked::check`]
/// reports those values and the rules the request breaks in one 422.
#[derive(Debug)]
pub struct Checked<T>(Shaped<T>);

impl<T> Checked<T> {
    /// Checks the request with `rules` (usually the domain's parser), and
    /// answers every problem at once: values of the wrong shape, and rules
    /// broken elsewhere (a rule broken only by a stand-in is not reported).
    pub fn check<U>(self, rules: impl FnOnce(T) -> Result<U, ApiError>) -> Result<U, ApiError> {
        let Shaped { value, problems } = self.0;
        let Some(value) = value else {
            return Err(ApiError::InvalidBody(problems));
        };
        match rules(value) {
            Ok(checked) if problems.0.is_empty() => Ok(checked),
            Ok(_) => Err(ApiError::InvalidBody(problems)),
            Err(ApiError::Validation(broken)) => {
                let shape_only = problems.0.len();
                let all = merged(problems, broken);
                // Rules broken only by stand-ins leave a problem of shape alone.
                Err(if all.0.len() == shape_only {
                    ApiError::InvalidBody(all)
                } else {
                    ApiError::Validation(all)
                })
            }
            Err(other) if problems.0.is_empty() => Err(other),
            Err(_) => Err(ApiError::InvalidBody(problems)),
        }
    }
}

/// `shape` and then those of `broken` not at, within or around a value that
/// did not fit (those may be the stand-in's doing).
fn merged(shape: ValidationErrors, broken: ValidationErrors) -> ValidationErrors {
    let related = |a: &str, b: &str| {
        a == b || a.starts_with(&format!("{b}/")) || b.starts_with(&format!("{a}/"))
    };
    let mut all = shape;
    let own: Vec<String> = all.0.iter().map(|e| e.pointer.clone()).collect();
    all.0.extend(
        broken
            .0
            .into_iter()
            .filter(|e| !own.iter().any(|p| related(&e.pointer, p))),
    );
    all
}

impl<T: DeserializeOwned + 'static> FromRequest for Checked<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let document = read_document(req, payload);
        Box::pin(async move { Ok(Checked(read_all(document.await?))) })
    }
}

/// Applies a JSON Merge Patch (RFC 7396) to `current` (the resource as a
/// client would `PUT` it) and reads the result as `T`: absent keys keep their
/// value, `null` clears, arrays and scalars replace. Values of the wrong shape
/// are reported at their pointers, which are the same in the patch and the result.
pub fn merge_patch<T: DeserializeOwned>(
    current: &impl serde::Serialize,
    patch: &serde_json::Value,
) -> Result<Checked<T>, ApiError> {
    let mut document = serde_json::to_value(current).map_err(ApiError::internal)?;
    // A `null` for a field the resource does not have would vanish in the
    // merge; it is still a field the request type does not know.
    let mut unknown = Vec::new();
    unknown_members(&document, patch, "", &mut unknown);
    json_patch::merge(&mut document, patch);
    let mut shaped = read_all(document);
    for pointer in unknown {
        if !shaped.problems.0.iter().any(|p| p.pointer == pointer) {
            let problem = FieldError::new(pointer, "is not a field of this request");
            shaped.problems.0.push(problem);
        }
    }
    Ok(Checked(shaped))
}

/// Pointers of the members of `patch` that `current` (the resource as a
/// client would `PUT` it, every field present) does not have, where both are objects.
fn unknown_members(
    current: &serde_json::Value,
    patch: &serde_json::Value,
    at: &str,
    out: &mut Vec<String>,
) {
    let (Some(current), Some(patch)) = (current.as_object(), patch.as_object()) else {
        return;
    };
    for (key, value) in patch {
        let pointer = format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"));
        match current.get(key) {
            Some(known) => unknown_members(known, value, &pointer, out),
            None => out.push(pointer),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_are_malformed_json_and_bodies_are_objects() {
        for broken in [&b"{\"skills\": ["[..], br#"{"skills": []} trailing"#] {
            assert!(matches!(
                parse_document(broken),
                Err(ApiError::MalformedJson(_))
            ));
        }
        match parse_document(b"[1, 2]") {
            Err(ApiError::InvalidBody(problems)) => assert_eq!(problems.0[0].pointer, ""),
            other => panic!("expected a problem at the root, got {other:?}"),
        }
        assert!(parse_document(br#"{"name": "Ada"}"#).is_ok());
    }
}
