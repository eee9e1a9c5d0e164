//! Optimistic concurrency: every single resource carries an `ETag` made from
//! its version; a write that sends `If-Match` with an older one answers 412
//! and changes nothing, so concurrent editors never overwrite each other.

use actix_web::HttpRequest;
use actix_web::http::header;

/// The ETag of version `version`.
pub fn etag(version: i32) -> String {
    format!("\"{version}\"")
}

/// An `If-Match` that names no version of ours: it can never match (412,
/// without a current `ETag`, which is not known here).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownTag;

/// The version the client expects, from `If-Match`: `None` when the header is
/// absent or `*`.
pub fn expected_version(req: &HttpRequest) -> Result<Option<i32>, UnknownTag> {
    let Some(value) = req.headers().get(header::IF_MATCH) else {
        return Ok(None);
    };
    let stale = || UnknownTag;
    let value = value.to_str().map_err(|_| stale())?.trim();
    if value == "*" {
        return Ok(None);
    }
    value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .and_then(|v| v.parse().ok())
        .map(Some)
        .ok_or_else(stale)
}

#[cfg(test)]
mod tests {
    use actix_web::test::TestRequest;

    use super::*;

    #[test]
    fn if_match_is_read_as_a_version() {
        let req = |value: &str| {
            TestRequest::default()
                .insert_header(("If-Match", value))
                .to_http_request()
        };
        assert_eq!(expected_version(&req("\"7\"")).unwrap(), Some(7));
        assert_eq!(expected_version(&req("*")).unwrap(), None);
        assert!(expected_version(&req("W/\"7\"")).is_err());
        assert_eq!(expected_version(&req("\"seven\"")), Err(UnknownTag));
        assert_eq!(
            expected_version(&TestRequest::default().to_http_request()).unwrap(),
            None
        );
    }
}
