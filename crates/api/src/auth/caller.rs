//! Who is calling, as far as the token says: nobody, or a verified account id
//! and token version. Nothing is read from the database here: the handler
//! loads the viewer (the account and its roles) in the same database call as
//! the resource it asks about, and decides with `coophub_domain::access`.

use std::future::{Ready, ready};

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
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
    viewer.user.as_ref().ok_or_else(not_signed_in)
}

fn not_signed_in() -> ApiError {
    ApiError::Unauthenticated("an Authorization: Bearer token is required")
}

/// Maps a refusal of the access rules to its answer; `hidden` says what was
/// not found, in the words of the resource ("no co-op x").
pub fn refused(denied: access::Denied, hidden: impl FnOnce() -> String) -> ApiError {
    match denied {
        access::Denied::NotSignedIn => not_signed_in(),
        access::Denied::Hidden => ApiError::NotFound(hidden()),
        access::Denied::Forbidden(needed) => ApiError::Forbidden(
            match needed {
                access::Needed::NetworkAdmin => "only network admins may do this",
                access::Needed::CoopAdmin => "only the co-op's admins may do this",
                access::Needed::AdminOfAnyInvolved => {
                    "only admins of a co-op named in the case study may do this"
                }
                access::Needed::OwnerAdmin => {
                    "only admins of the co-op that published it may do this"
                }
                access::Needed::CoopAdminOrSelf => {
                    "only the co-op's admins and the person themselves may do this"
                }
                access::Needed::OfferingAdmin => {
                    "only admins of the co-op that offers the time may do this"
                }
                access::Needed::AdminOfEitherSide => {
                    "only admins of the two co-ops of the placement may do this"
                }
                access::Needed::MemberCoopAdmin => {
                    "only admins of member co-ops and network admins may do this"
                }
                access::Needed::LeadAdmin => {
                    "only admins of an approved member co-op may open a bid it leads"
                }
                access::Needed::BidManager => {
                    "only the lead co-op's admins and the bid's coordinator may do this"
                }
                access::Needed::ConsortiumMember => {
                    "only people of the co-ops in the bid's consortium may do this"
                }
                access::Needed::PersonThemselves => {
                    "only the person themselves may do this, signed in with their linked account"
                }
            }
            .into(),
        ),
    }
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

    #[test]
    fn refusals_answer_401_404_and_403() {
        use actix_web::ResponseError;
        let status = |denied| {
            refused(denied, || "no co-op x".into())
                .status_code()
                .as_u16()
        };
        assert_eq!(status(access::Denied::NotSignedIn), 401);
        assert_eq!(status(access::Denied::Hidden), 404);
        assert_eq!(
            status(access::Denied::Forbidden(access::Needed::CoopAdmin)),
            403
        );
    }
}
