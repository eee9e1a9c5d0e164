//! Request extractors whose failures are problem documents that point at the
//! offending input: `/skills/0/level` in a body, `near` in a query string.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use serde::de::DeserializeOwned;

use coophub_domain::text::{CONTROL_MESSAGE, has_control, has_forbidden_control};
use coophub_domain::{FieldError, ValidationErrors};

use crate::problem::ApiError;

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
/// malformed JSON (400) and JSON of the wrong shape (422, with a pointer).
#[derive(Debug)]
pub struct Json<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let media_type = check_json_media_type(req);
        let rules = req.app_data::<BodyRules>().copied().unwrap_or(BodyRules {
            limit: usize::MAX,
            timeout: std::time::Duration::MAX,
        });
        let limit = rules.limit;
        let body = web::Bytes::from_request(req, payload);
        Box::pin(async move {
            media_type?;
            let body = actix_web::rt::time::timeout(rules.timeout, body)
                .await
                .map_err(|_| ApiError::Http {
                    status: StatusCode::REQUEST_TIMEOUT,
                    detail: format!(
                        "the request body did not arrive within {} seconds",
                        rules.timeout.as_secs()
                    ),
                })?;
            let bytes = body.map_err(|error| {
                if error.as_response_error().status_code() == StatusCode::PAYLOAD_TOO_LARGE {
                    ApiError::PayloadTooLarge { limit }
                } else {
                    ApiError::Http {
                        status: StatusCode::BAD_REQUEST,
                        detail: format!("the request body could not be read: {error}"),
                    }
                }
            })?;
            parse_json(&bytes).map(Json)
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

/// Deserialises `bytes`, telling syntax errors (400) from shape errors (422).
///
/// The syntax is checked in full first: otherwise a truncated document whose
/// first value has the wrong type would be reported as a shape error.
fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let document: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|error| ApiError::MalformedJson(error.to_string()))?;
    let mut unclean = ValidationErrors::default();
    find_controls(&document, &mut String::new(), &mut unclean);
    if !unclean.0.is_empty() {
        return Err(unclean.into());
    }
    from_document(document)
}

/// Every string (value or key) under `value` holding NUL or another control
/// character, at its pointer: the same refusal on both backends, for every
/// field at once, before anything reaches the database.
fn find_controls(value: &serde_json::Value, pointer: &mut String, found: &mut ValidationErrors) {
    use serde_json::Value;
    match value {
        Value::String(text) if has_forbidden_control(text) => {
            found
                .0
                .push(FieldError::new(pointer.clone(), CONTROL_MESSAGE));
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = pointer.len();
                pointer.push_str(&format!("/{i}"));
                find_controls(item, pointer, found);
                pointer.truncate(len);
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields {
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
                if has_control(key) {
                    found.0.push(FieldError::new(
                        pointer
                            .chars()
                            .filter(|c| !c.is_control())
                            .collect::<String>(),
                        "field names must not contain control characters",
                    ));
                } else {
                    find_controls(item, pointer, found);
                }
                pointer.truncate(len);
            }
        }
        _ => {}
    }
}

/// Shape errors as 422 with the pointer to the value that did not fit.
fn from_document<T: DeserializeOwned>(document: serde_json::Value) -> Result<T, ApiError> {
    serde_path_to_error::deserialize(document).map_err(|error| ApiError::InvalidBody {
        pointer: json_pointer(error.path()),
        message: error.into_inner().to_string(),
    })
}

/// Applies a JSON Merge Patch (RFC 7396) to `current` (the resource as a
/// client would `PUT` it) and reads the result as `T`: absent keys keep their
/// value, `null` clears, arrays and scalars replace. A value of the wrong shape
/// answers 422 at its pointer, which is the same in the patch and the result.
pub fn merge_patch<T: DeserializeOwned>(
    current: &impl serde::Serialize,
    patch: &serde_json::Value,
) -> Result<T, ApiError> {
    let mut document = serde_json::to_value(current).map_err(ApiError::internal)?;
    json_patch::merge(&mut document, patch);
    from_document(document)
}

/// RFC 6901 pointer for a serde path (`skills[0].level` → `/skills/0/level`).
fn json_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    path.iter()
        .filter_map(|segment| match segment {
            Segment::Seq { index } => Some(index.to_string()),
            Segment::Map { key } => Some(key.replace('~', "~0").replace('/', "~1")),
            Segment::Enum { variant } => Some(variant.clone()),
            Segment::Unknown => None,
        })
        .fold(String::new(), |mut pointer, part| {
            pointer.push('/');
            pointer.push_str(&part);
            pointer
        })
}

/// A query string deserialised into `T`; a bad value answers 400 naming the parameter.
#[derive(Debug)]
pub struct Query<T>(pub T);

impl<T: DeserializeOwned> FromRequest for Query<T> {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(parse_query(req.query_string()).map(Query))
    }
}

fn parse_query<T: DeserializeOwned>(query: &str) -> Result<T, ApiError> {
    let deserializer =
        serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let name = error.path().to_string();
        let message = error.into_inner().to_string();
        match name.as_str() {
            // serde names a missing or unknown field in the message, not the path.
            "." => ApiError::InvalidParameter {
                name: field_in_message(&message).unwrap_or_default(),
                message,
            },
            _ => ApiError::InvalidParameter { name, message },
        }
    })
}

/// The backticked field name in a serde message such as "missing field `q`".
fn field_in_message(message: &str) -> Option<String> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    Some(message[start..start + len].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Skill {
        level: u8,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Profile {
        skills: Vec<Skill>,
    }

    #[test]
    fn shape_errors_point_at_the_value() {
        let error =
            parse_json::<Profile>(br#"{"skills": [{"level": 3}, {"level": "high"}]}"#).unwrap_err();
        match error {
            ApiError::InvalidBody { pointer, message } => {
                assert_eq!(pointer, "/skills/1/level");
                assert!(message.starts_with("invalid type"), "{message}");
            }
            other => panic!("expected InvalidBody, got {other:?}"),
        }
    }

    #[test]
    fn syntax_errors_are_malformed_json() {
        assert!(matches!(
            parse_json::<Profile>(b"{\"skills\": ["),
            Err(ApiError::MalformedJson(_))
        ));
        assert!(matches!(
            parse_json::<Profile>(br#"{"skills": []} trailing"#),
            Err(ApiError::MalformedJson(_))
        ));
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Paging {
        page: u32,
        #[serde(default)]
        q: Option<String>,
    }

    #[test]
    fn a_bad_query_value_names_its_parameter() {
        match parse_query::<Paging>("q=x&page=two").unwrap_err() {
            ApiError::InvalidParameter { name, .. } => assert_eq!(name, "page"),
            other => panic!("expected InvalidParameter, got {other:?}"),
        }
        match parse_query::<Paging>("q=x").unwrap_err() {
            ApiError::InvalidParameter { name, .. } => assert_eq!(name, "page"),
            other => panic!("expected InvalidParameter, got {other:?}"),
        }
        assert_eq!(parse_query::<Paging>("page=2").unwrap().page, 2);
    }
}
