//! Query strings read into a parameter type, every bad parameter named at
//! once (400), in plain words; unknown parameters are refused, so that a
//! client's typo (`?regoin=`) is caught instead of silently ignored.

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use coophub_domain::case_study::YEARS;
use serde::de::DeserializeOwned;

use super::shape::{plain, quoted_after};
use crate::problem::ApiError;

/// An instant sent as RFC 3339 text; anything else is refused saying so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timestamp(pub chrono::DateTime<chrono::Utc>);

impl<'de> serde::Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        chrono::DateTime::parse_from_rfc3339(text.trim())
            .map(|at| Timestamp(at.to_utc()))
            .map_err(|_| {
                serde::de::Error::custom(
                    "must be a timestamp in RFC 3339, such as 2026-11-01T00:00:00Z",
                )
            })
    }
}

/// A year a list or a total counts: from 1900 to 2100, as a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Year(pub i32);

impl<'de> serde::Deserialize<'de> for Year {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (first, last) = (YEARS.start(), YEARS.end());
        let refused = || serde::de::Error::custom(format!("must be a year from {first} to {last}"));
        let text = String::deserialize(deserializer)?;
        let year: i32 = text.trim().parse().map_err(|_| refused())?;
        if YEARS.contains(&year) {
            Ok(Year(year))
        } else {
            Err(refused())
        }
    }
}

/// A query string deserialised into `T` (which should deny unknown fields).
#[derive(Debug)]
pub struct Query<T>(pub T);

impl<T: DeserializeOwned> FromRequest for Query<T> {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(parse_query(req.query_string()).map(Query))
    }
}

/// Reads `query` as `T`; a parameter that does not fit is set aside and the
/// rest read again, so that every bad one is named.
pub(super) fn parse_query<T: DeserializeOwned>(query: &str) -> Result<T, ApiError> {
    let mut pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    let mut problems: Vec<(String, String)> = Vec::new();
    loop {
        let remaining = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(&pairs)
            .finish();
        let deserializer =
            serde_urlencoded::Deserializer::new(form_urlencoded::parse(remaining.as_bytes()));
        let error = match serde_path_to_error::deserialize::<_, T>(deserializer) {
            Ok(value) if problems.is_empty() => return Ok(value),
            Ok(_) => return Err(ApiError::InvalidParameters(problems)),
            Err(error) => error,
        };
        let path = error.path().to_string();
        let message = error.into_inner().to_string();
        let (name, said, set_aside) = if let Some(name) = quoted_after(&message, "missing field ") {
            (name, "is required".to_owned(), false)
        } else if let Some(name) = quoted_after(&message, "unknown field ") {
            (name, "is not a parameter of this endpoint".to_owned(), true)
        } else {
            (path, plain(&message), true)
        };
        if problems.iter().any(|(known, _)| *known == name) {
            // Required, and set aside already for its bad value.
            return Err(ApiError::InvalidParameters(problems));
        }
        let before = pairs.len();
        pairs.retain(|(key, _)| *key != name);
        problems.push((name, said));
        if !set_aside || pairs.len() == before {
            return Err(ApiError::InvalidParameters(problems));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Paging {
        page: u32,
        #[serde(default)]
        per_page: Option<u32>,
        #[serde(default)]
        since: Option<Timestamp>,
    }

    fn named(query: &str) -> Vec<(String, String)> {
        match parse_query::<Paging>(query) {
            Err(ApiError::InvalidParameters(problems)) => problems,
            other => panic!("expected bad parameters for {query}, got {other:?}"),
        }
    }

    #[test]
    fn every_bad_parameter_is_named_in_plain_words() {
        let problems = named("page=two&per_page=-1&colour=red&since=yesterday");
        let names: Vec<&str> = problems.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(names, ["page", "per_page", "colour", "since"]);
        for (name, message) in &problems {
            assert!(
                !message.contains("u32") && !message.contains("invalid digit"),
                "{name}: {message}"
            );
        }
        assert!(problems[0].1.contains("whole number"), "{problems:?}");
        assert!(problems[3].1.contains("RFC 3339"), "{problems:?}");
        assert_eq!(named("per_page=2"), [("page".into(), "is required".into())]);
        assert_eq!(parse_query::<Paging>("page=2").unwrap().page, 2);
    }
}
