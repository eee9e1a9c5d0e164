//! Who is calling, as far as the token says: nobody, or a verified account id
//! and token version. Nothing is read from the database here: the handler
//! loads the viewer (the account and its roles) in the same database call as
//! the resource it asks about, and decides with `coophub_domain::access`.

use std::future::{Ready, ready};

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use coophub_app::AppError;
use coophub_domain::User;
use coophub_domain::access::{self, Viewer};
use coophub_store::DbConnection;
use coophub_store::access::{Unrecognised, viewer};

use super::TokenSubject;
use crate::problem::ApiError;
use crate::state::AppState;

/// The caller of an endpoint. A request without a token is anonymous; a
/// request with a bad token is refused (401), never silently downgraded.
#[derive(Debug, Clone, Copy, Default)]
pub struct Caller(pub Option<TokenSubject>);

impl Caller {
    /// The viewer behind this caller: 401 when the token's account is gone or
    /// the token predates a password change.
    pub fn viewer(self, conn: &mut DbConnection) -> Result<Viewer, ApiError> {
        let Some(subject) = self.0 else {
            return Ok(Viewer::default());
        };
        match viewer(conn, subject.user_id, subject.version)? {
            Ok(viewer) => Ok(viewer),
            Err(Unrecognised::NoAccount) => {
                Err(ApiError::Unauthenticated("the account no longer exists"))
            }
            Err(Unrecognised::StaleToken) => Err(ApiError::Unauthenticated(
                "the access token was issued before a password change",
            )),
        }
    }

    /// 401 for anonymous callers, before anything is read: changes ask this
    /// first, so that anonymous clients learn nothing about what exists.
    pub fn require_token(self) -> Result<Self, ApiError> {
        match self.0 {
            Some(_) => Ok(self),
            None => Err(not_signed_in()),
        }
    }
}

/// The signed-in account of a viewer loaded from a required token.
pub fn signed_in(viewer: &Viewer) -> Result<&User, ApiError> {
    Ok(coophub_app::signed_in(viewer)?)
}

fn not_signed_in() -> ApiError {
    AppError::NotSignedIn.into()
}

/// Maps a refusal of the access rules to its answer; `hidden` says what was
/// not found, in the words of the resource ("no co-op x").
pub fn refused(denied: access::Denied, hidden: impl FnOnce() -> String) -> ApiError {
    AppError::refused(denied, hidden).into()
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        if !req.headers().contains_key(header::AUTHORIZATION) {
            return ready(Ok(Self(None)));
        }
        let Some(state) = req.app_data::<web::Data<AppState>>() else {
            return ready(Err(ApiError::internal("application state is missing")));
        };
        ready(
            bearer_token(req)
                .and_then(|token| state.tokens.verify(&token))
                .map(|subject| Self(Some(subject))),
        )
    }
}

/// A caller with a token, for the operations that need one: a request
/// without is refused (401) before its body is read or anything is looked
/// up, so that anonymous clients learn nothing about what exists.
#[derive(Debug, Clone, Copy)]
pub struct SignedIn(Caller);

impl From<SignedIn> for Caller {
    fn from(signed_in: SignedIn) -> Self {
        signed_in.0
    }
}

impl FromRequest for SignedIn {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let caller = Caller::from_request(req, payload).into_inner();
        ready(caller.and_then(Caller::require_token).map(Self))
    }
}

/// The token of an `Authorization: Bearer <token>` header.
fn bearer_token(req: &HttpRequest) -> Result<String, ApiError> {
    let value = req
        .headers()
        .get(header::AUTHORIZATION)
        .ok_or_else(not_signed_in)?;
    let value = value
        .to_str()
        .map_err(|_| ApiError::Unauthenticated("the Authorization header is not readable"))?;
    match value.split_once(' ') {
        Some((scheme, token))
            if scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty() =>
        {
            Ok(token.trim().to_owned())
        }
        _ => Err(ApiError::Unauthenticated(
            "the Authorization header must be `Bearer <token>`",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    #[test]
    fn bearer_tokens_are_read_case_insensitively() {
        let req = TestRequest::default()
            .insert_header(("Authorization", "bearer abc.def"))
            .to_http_request();
        assert_eq!(bearer_token(&req).unwrap(), "abc.def");
        let req = TestRequest::default()
            .insert_header(("Authorization", "Basic abc"))
            .to_http_request();
        assert!(bearer_token(&req).is_err());
        assert!(bearer_token(&TestRequest::default().to_http_request()).is_err());
    }
}
