//! The signed-in account behind a request, and the checks on what it may do.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use coophub_domain::User;
use coophub_store::users;

use crate::problem::ApiError;
use crate::state::AppState;

/// The account whose valid bearer token came with the request.
///
/// Extracting it answers 401 when the token is missing, malformed, expired,
/// not yet valid, for another audience or issuer, signed with another key,
/// for an account that no longer exists, or issued before a password change.
#[derive(Debug, Clone)]
pub struct CurrentUser(pub User);

impl CurrentUser {
    /// `Forbidden` unless the account administers the whole network.
    pub fn require_network_admin(&self) -> Result<(), ApiError> {
        if self.0.network_admin {
            Ok(())
        } else {
            Err(ApiError::Forbidden(
                "only network admins may do this".into(),
            ))
        }
    }
}

impl FromRequest for CurrentUser {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let token = bearer_token(req);
        Box::pin(async move {
            let state = state.ok_or_else(|| ApiError::internal("application state is missing"))?;
            let subject = state.tokens.verify(&token?)?;
            let found = state
                .db(move |conn| users::find(conn, subject.user_id))
                .await?;
            let Some((user, _)) = found else {
                return Err(ApiError::Unauthenticated("the account no longer exists"));
            };
            if user.token_version != subject.version {
                return Err(ApiError::Unauthenticated(
                    "the access token was issued before a password change",
                ));
            }
            Ok(Self(user))
        })
    }
}

/// The token of an `Authorization: Bearer <token>` header.
fn bearer_token(req: &HttpRequest) -> Result<String, ApiError> {
    let value = req
        .headers()
        .get(header::AUTHORIZATION)
        .ok_or(ApiError::Unauthenticated(
            "an Authorization: Bearer token is required",
        ))?;
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

    fn user(network_admin: bool) -> CurrentUser {
        CurrentUser(User {
            id: uuid::Uuid::new_v4(),
            email: "ada@example.org".into(),
            name: "Ada".into(),
            network_admin,
            token_version: 0,
            created_at: chrono::Utc::now(),
        })
    }

    #[test]
    fn only_network_admins_pass_the_admin_check() {
        assert!(user(true).require_network_admin().is_ok());
        assert!(matches!(
            user(false).require_network_admin(),
            Err(ApiError::Forbidden(_))
        ));
    }

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
