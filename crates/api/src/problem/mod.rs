//! One error format for every failure: RFC 9457 `application/problem+json`
//! with a stable machine `code`, so that clients branch on the code and show
//! the `detail` (and, for validation, each `errors[].message` by its pointer).

use std::time::Duration;

use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use coophub_domain::ValidationErrors;
use coophub_store::{Retryable, StoreError};
use serde::Serialize;
use utoipa::ToSchema;

mod code;
mod from_app;
mod responses;

pub use code::Code;
pub use coophub_app::ConflictItem;
pub use responses::*;

/// The media type of every error body.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// An RFC 9457 problem document, as sent.
#[derive(Debug, Serialize, serde::Deserialize, ToSchema)]
pub struct Problem {
    /// URI identifying the kind of problem (`urn:coophub:problem:<code>`).
    #[serde(rename = "type")]
    pub problem_type: String,
    /// Short summary of the kind of problem; the same for every occurrence.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong this time, for people.
    pub detail: String,
    /// Stable machine-readable code, e.g. `validation_failed`.
    pub code: Code,
    /// Each invalid input, for validation problems.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ProblemItem>,
    /// For 409 problems: what in the request conflicts with the current state.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<ConflictItem>,
    /// For `precondition_failed`: the resource's current `ETag` (also sent as
    /// the `ETag` header), when the `If-Match` sent was a tag of ours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_etag: Option<String>,
}

/// One invalid input inside a [`Problem`].
#[derive(Debug, Serialize, serde::Deserialize, ToSchema)]
pub struct ProblemItem {
    /// JSON Pointer into the request body, e.g. `/skills/0/level`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
    /// Name of the query parameter, when the input was one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameter: Option<String>,
    /// What is wrong with it.
    pub message: String,
}

/// Everything a handler, extractor or middleware can answer with instead of success.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The body is not well-formed JSON.
    #[error("the request body is not valid JSON: {0}")]
    MalformedJson(String),
    /// A query parameter could not be read.
    #[error("query parameter `{name}` is invalid: {message}")]
    InvalidParameter {
        /// The parameter's name.
        name: String,
        /// What is wrong with it.
        message: String,
    },
    /// Several query parameters are bad: `(name, what is wrong)` for each.
    #[error("{}", parameters_detail(.0))]
    InvalidParameters(Vec<(String, String)>),
    /// No credentials, or credentials that are not (or no longer) valid.
    #[error("{0}")]
    Unauthenticated(&'static str),
    /// Login with a wrong email or password (deliberately not saying which).
    #[error("wrong email or password")]
    InvalidCredentials,
    /// Authenticated, but not allowed to do this.
    #[error("{0}")]
    Forbidden(String),
    /// No such resource or route.
    #[error("{0}")]
    NotFound(String),
    /// The route exists but not for this method.
    #[error("{method} is not allowed here")]
    MethodNotAllowed {
        /// The method that was used.
        method: Method,
        /// The methods the route accepts.
        allow: Vec<Method>,
    },
    /// The request conflicts with existing state.
    #[error("{detail}")]
    Conflict {
        /// What conflicts, e.g. [`Code::EmailTaken`].
        code: Code,
        /// Explanation.
        detail: String,
        /// The inputs that conflict, when they can be named.
        conflicts: Vec<ConflictItem>,
    },
    /// The resource changed since the client read it (`If-Match` did not match).
    #[error("{}", precondition_detail(.current.as_deref()))]
    PreconditionFailed {
        /// The current ETag, when known (not for an `If-Match` that is no tag of ours).
        current: Option<String>,
    },
    /// The body is larger than the configured limit.
    #[error("the request body is larger than the limit of {limit} bytes")]
    PayloadTooLarge {
        /// The limit, in bytes.
        limit: usize,
    },
    /// The body is not of a media type this endpoint reads.
    #[error("expected a body of type application/json, got {0}")]
    UnsupportedMediaType(String),
    /// Well-formed input that breaks a rule.
    #[error("the request has invalid fields")]
    Validation(ValidationErrors),
    /// Well-formed JSON whose shape is wrong (missing fields, wrong types,
    /// unknown fields), every such value at its pointer.
    #[error("the request body does not have the expected shape")]
    InvalidBody(ValidationErrors),
    /// Too many attempts; try again after the given time.
    #[error("too many attempts; try again in {} seconds", retry_after_secs(*.retry_after))]
    RateLimited {
        /// How long to wait.
        retry_after: Duration,
    },
    /// A limit on how often someone may do something, said in its own words.
    #[error("{detail}")]
    Limited {
        /// The limit and when it frees up.
        detail: String,
        /// How long to wait.
        retry_after: Duration,
    },
    /// A status produced outside our handlers (e.g. by the HTTP layer), with its reason.
    #[error("{detail}")]
    Http {
        /// The status to answer with.
        status: StatusCode,
        /// Explanation.
        detail: String,
    },
    /// A write kept losing races with concurrent writes (after retries); the
    /// cause is logged, not sent.
    #[error("the service is busy with concurrent changes; try again")]
    Busy(String),
    /// The database cannot be reached; the cause is logged, not sent.
    #[error("the service is temporarily unavailable")]
    Unavailable(String),
    /// A bug or an unexpected failure; the cause is logged, not sent.
    #[error("an internal error occurred")]
    Internal(String),
}

/// Longest `detail` sent, in characters: details may quote what the client
/// sent (a slug in a 404), which must not come back at any length.
const MAX_DETAIL: usize = 300;

fn shortened(detail: String) -> String {
    match detail.char_indices().nth(MAX_DETAIL) {
        Some((cut, _)) => format!("{}…", &detail[..cut]),
        None => detail,
    }
}

fn precondition_detail(current: Option<&str>) -> String {
    match current {
        Some(tag) => {
            format!(
                "the resource has changed since it was read; fetch it again (current ETag {tag})"
            )
        }
        None => "If-Match names no version of this resource; send the ETag you read".into(),
    }
}

fn retry_after_secs(wait: Duration) -> u64 {
    wait.as_secs() + u64::from(wait.subsec_nanos() > 0)
}

impl ApiError {
    /// An internal error with a cause for the log.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        Self::Internal(cause.to_string())
    }

    /// A 409 with `code`, saying why in `detail`, naming no input.
    pub fn conflict(code: Code, detail: impl Into<String>) -> Self {
        Self::Conflict {
            code,
            detail: detail.into(),
            conflicts: Vec::new(),
        }
    }

    /// A 409 about the input at `pointer`.
    pub fn conflict_at(code: Code, pointer: &str, detail: impl Into<String>) -> Self {
        let detail = detail.into();
        Self::Conflict {
            code,
            conflicts: vec![ConflictItem {
                pointer: Some(pointer.to_owned()),
                message: detail.clone(),
                ..ConflictItem::default()
            }],
            detail,
        }
    }

    /// A validation problem about one field.
    pub fn from_field(error: coophub_domain::FieldError) -> Self {
        Self::Validation(error.into())
    }

    /// The code of this kind of problem (its status and title go with it).
    pub fn code(&self) -> Code {
        match self {
            Self::MalformedJson(_) => Code::MalformedJson,
            Self::InvalidParameter { .. } | Self::InvalidParameters(_) => Code::InvalidParameter,
            Self::Unauthenticated(_) => Code::Unauthenticated,
            Self::InvalidCredentials => Code::InvalidCredentials,
            Self::Forbidden(_) => Code::Forbidden,
            Self::NotFound(_) => Code::NotFound,
            Self::MethodNotAllowed { .. } => Code::MethodNotAllowed,
            Self::Conflict { code, .. } => *code,
            Self::PreconditionFailed { .. } => Code::PreconditionFailed,
            Self::PayloadTooLarge { .. } => Code::PayloadTooLarge,
            Self::UnsupportedMediaType(_) => Code::UnsupportedMediaType,
            Self::Validation(_) => Code::ValidationFailed,
            Self::InvalidBody { .. } => Code::InvalidBody,
            Self::RateLimited { .. } | Self::Limited { .. } => Code::RateLimited,
            Self::Http { status, .. } => Code::for_status(*status),
            Self::Unavailable(_) | Self::Busy(_) => Code::ServiceUnavailable,
            Self::Internal(_) => Code::InternalError,
        }
    }

    fn items(&self) -> Vec<ProblemItem> {
        match self {
            Self::Validation(errors) | Self::InvalidBody(errors) => errors
                .0
                .iter()
                .map(|e| ProblemItem {
                    pointer: Some(e.pointer.clone()),
                    parameter: None,
                    message: e.message.clone(),
                })
                .collect(),
            Self::InvalidParameter { name, message } => vec![ProblemItem {
                pointer: None,
                parameter: Some(name.clone()),
                message: message.clone(),
            }],
            Self::InvalidParameters(problems) => problems
                .iter()
                .map(|(name, message)| ProblemItem {
                    pointer: None,
                    parameter: Some(name.clone()),
                    message: message.clone(),
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The problem document for this error.
    pub fn problem(&self) -> Problem {
        let code = self.code();
        Problem {
            problem_type: format!("urn:coophub:problem:{}", code.as_str()),
            title: code.title().to_owned(),
            status: self.status_code().as_u16(),
            detail: shortened(self.to_string()),
            code,
            errors: self.items(),
            conflicts: match self {
                Self::Conflict { conflicts, .. } => conflicts.clone(),
                _ => Vec::new(),
            },
            current_etag: match self {
                Self::PreconditionFailed { current } => current.clone(),
                _ => None,
            },
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::Http { status, .. } => *status,
            other => other.code().status(),
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            Self::Internal(cause) => tracing::error!(%cause, "internal error"),
            Self::Unavailable(cause) | Self::Busy(cause) => {
                tracing::warn!(%cause, "service unavailable");
            }
            _ => {}
        }
        let mut response = HttpResponse::build(self.status_code());
        response.content_type(PROBLEM_JSON);
        match self {
            Self::Unauthenticated(_) | Self::InvalidCredentials => {
                response.insert_header((header::WWW_AUTHENTICATE, "Bearer realm=\"coophub\""));
            }
            Self::MethodNotAllowed { allow, .. } => {
                let allow: Vec<&str> = allow.iter().map(Method::as_str).collect();
                if let Ok(value) = HeaderValue::from_str(&allow.join(", ")) {
                    response.insert_header((header::ALLOW, value));
                }
            }
            Self::PreconditionFailed {
                current: Some(current),
            } => {
                if let Ok(value) = HeaderValue::from_str(current) {
                    response.insert_header((header::ETAG, value));
                }
            }
            Self::RateLimited { retry_after } | Self::Limited { retry_after, .. } => {
                response.insert_header((header::RETRY_AFTER, retry_after_secs(*retry_after)));
            }
            _ => {}
        }
        let mut response = response.json(self.problem());
        crate::middleware::security_headers::insert_defaults(response.headers_mut());
        response
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Conflict { what } => Self::Conflict {
                code: Code::Conflict,
                detail: format!("{what} is already taken"),
                conflicts: Vec::new(),
            },
            StoreError::Unavailable(cause) => Self::Unavailable(cause),
            other if other.lost_a_race() => Self::Busy(other.to_string()),
            StoreError::NotFound => Self::NotFound("no such resource".into()),
            StoreError::Stale { current } => Self::PreconditionFailed {
                current: Some(crate::etag::etag(current)),
            },
            StoreError::SumTooLarge(too_large) => Self::Conflict {
                code: Code::SumTooLarge,
                detail: format!(
                    "{too_large} (over 9,223,372,036,854,775,807 minor units); every amount is bounded, so a steward should look for a wrong entry"
                ),
                conflicts: Vec::new(),
            },
            other => Self::internal(other),
        }
    }
}

impl From<crate::etag::UnknownTag> for ApiError {
    fn from(_: crate::etag::UnknownTag) -> Self {
        Self::PreconditionFailed { current: None }
    }
}

impl Retryable for ApiError {
    fn lost_a_race(&self) -> bool {
        matches!(self, Self::Busy(_))
    }
}

/// The detail of a problem with several query parameters.
fn parameters_detail(problems: &[(String, String)]) -> String {
    match problems {
        [(name, message)] => format!("query parameter `{name}` is invalid: {message}"),
        _ => {
            let names: Vec<&str> = problems.iter().map(|(name, _)| name.as_str()).collect();
            format!("query parameters {} are invalid", names.join(", "))
        }
    }
}

impl From<ValidationErrors> for ApiError {
    fn from(errors: ValidationErrors) -> Self {
        Self::Validation(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use coophub_domain::FieldError;

    #[test]
    fn validation_problems_list_each_pointer() {
        let error = ApiError::from(ValidationErrors(vec![FieldError::new(
            "/skills/0/level",
            "must be 1 to 5",
        )]));
        let problem = error.problem();
        assert_eq!(problem.status, 422);
        assert_eq!(problem.code, Code::ValidationFailed);
        assert_eq!(
            problem.problem_type,
            "urn:coophub:problem:validation_failed"
        );
        assert_eq!(
            problem.errors[0].pointer.as_deref(),
            Some("/skills/0/level")
        );
    }

    #[test]
    fn internal_causes_are_not_sent() {
        let problem = ApiError::internal("connection refused at 10.0.0.3").problem();
        assert_eq!(problem.status, 500);
        assert!(!problem.detail.contains("10.0.0.3"));
    }

    #[test]
    fn details_quoting_long_input_are_cut() {
        let problem = ApiError::NotFound(format!("no co-op {}", "ä".repeat(5_000))).problem();
        assert_eq!(problem.detail.chars().count(), MAX_DETAIL + 1);
        assert!(problem.detail.ends_with('…'));
        assert_eq!(
            ApiError::NotFound("no co-op x".into()).problem().detail,
            "no co-op x"
        );
    }

    #[test]
    fn retry_after_rounds_up() {
        assert_eq!(retry_after_secs(Duration::from_millis(1)), 1);
        assert_eq!(retry_after_secs(Duration::from_secs(12)), 12);
    }
}
