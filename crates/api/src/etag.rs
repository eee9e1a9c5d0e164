//! Optimistic concurrency: every single resource carries an `ETag` made from
//! its version; a write that sends `If-Match` with an older one answers 412
//! and changes nothing, so concurrent editors never overwrite each other.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse};
use coophub_domain::Expected;
use serde::Serialize;

/// The ETag of version `version`.
pub fn etag(version: i32) -> String {
    format!("\"{version}\"")
}

/// A single resource's answer: its `ETag` (of `version`), `Vary:
/// Authorization` (what it shows depends on who asks) and, when `status` is
/// 201, its `Location` (`path`).
pub fn versioned(
    status: StatusCode,
    version: i32,
    path: &str,
    body: &impl Serialize,
) -> HttpResponse {
    let mut response = HttpResponse::build(status);
    response.insert_header((header::ETAG, etag(version)));
    response.insert_header((header::VARY, "Authorization"));
    if status == StatusCode::CREATED {
        response.insert_header((header::LOCATION, path));
    }
    response.json(body)
}

/// An `If-Match` that names no version of ours: it can never match (412,
/// without a current `ETag`, which is not known here).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownTag;

/// The versions the client expects, from `If-Match` (RFC 9110 §13.1.1):
/// `None` when the header is absent or `*`. A list matches when any of its
/// tags does; weak tags (`W/"3"`) and tags that are not ours never match, so a
/// header of only those is `UnknownTag`.
pub fn expected_version(req: &HttpRequest) -> Result<Option<Expected>, UnknownTag> {
    let mut headers = req.headers().get_all(header::IF_MATCH).peekable();
    if headers.peek().is_none() {
        return Ok(None);
    }
    let mut versions = Vec::new();
    for value in headers {
        let value = value.to_str().map_err(|_| UnknownTag)?;
        for tag in value.split(',').map(str::trim) {
            if tag == "*" {
                return Ok(None);
            }
            if let Some(version) = tag
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .and_then(|v| v.parse().ok())
            {
                versions.push(version);
            }
        }
    }
    Expected::any_of(versions).map(Some).ok_or(UnknownTag)
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
        let exactly = |v| Ok(Some(Expected::exactly(v)));
        assert_eq!(expected_version(&req("\"7\"")), exactly(7));
        assert_eq!(expected_version(&req("*")).unwrap(), None);
        assert!(expected_version(&req("W/\"7\"")).is_err());
        assert_eq!(expected_version(&req("\"seven\"")), Err(UnknownTag));
        assert_eq!(expected_version(&req("")), Err(UnknownTag));
        let listed = expected_version(&req("\"0\", W/\"2\", \"3\""))
            .unwrap()
            .unwrap();
        assert!(listed.allows(0) && listed.allows(3) && !listed.allows(2));
        assert_eq!(
            expected_version(&TestRequest::default().to_http_request()).unwrap(),
            None
        );
    }
}
