//! Access tokens: HS256 JWTs with the algorithm fixed in code (RFC 8725),
//! required `exp`/`nbf`/`iss`/`aud`/`sub`, and a token version that a
//! password change bumps so that older tokens stop working.

use std::time::Duration;

use chrono::{DateTime, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::problem::ApiError;

/// The `iss` of every token coophub issues.
pub const ISSUER: &str = "coophub";
/// The `aud` every token must carry.
pub const AUDIENCE: &str = "coophub-api";
/// Tokens live at most an hour.
pub const MAX_TOKEN_TTL: Duration = Duration::from_secs(3600);
/// Tolerated clock skew between instances, in seconds.
const LEEWAY_SECS: u64 = 30;

/// The claims coophub puts in a token.
#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    sub: String,
    iss: String,
    aud: String,
    iat: i64,
    nbf: i64,
    exp: i64,
    /// The account's token version when the token was issued.
    ver: i32,
}

/// A freshly issued token and how long it lives.
#[derive(Debug)]
pub struct IssuedToken {
    /// The compact JWT.
    pub token: String,
    /// Seconds until it expires.
    pub expires_in: u64,
}

/// Who a valid token speaks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenSubject {
    /// The account id.
    pub user_id: Uuid,
    /// The token version it was issued under.
    pub version: i32,
}

/// Signing and verification keys, built once from the configured secret.
pub struct TokenKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    ttl: Duration,
}

impl std::fmt::Debug for TokenKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenKeys")
            .field("ttl", &self.ttl)
            .finish_non_exhaustive()
    }
}

impl TokenKeys {
    /// Keys for `secret`; tokens live `ttl`, capped at [`MAX_TOKEN_TTL`].
    pub fn new(secret: &[u8], ttl: Duration) -> Result<Self, jsonwebtoken::errors::Error> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "nbf", "iss", "aud", "sub"]);
        validation.validate_nbf = true;
        validation.leeway = LEEWAY_SECS;
        Ok(Self {
            encoding: EncodingKey::from_secret(secret)?,
            decoding: DecodingKey::from_secret(secret)?,
            validation,
            ttl: ttl.min(MAX_TOKEN_TTL),
        })
    }

    /// Issues a token for `user_id` at `version`, valid from `now`.
    pub fn issue(
        &self,
        user_id: Uuid,
        version: i32,
        now: DateTime<Utc>,
    ) -> Result<IssuedToken, ApiError> {
        let iat = now.timestamp();
        let ttl = i64::try_from(self.ttl.as_secs()).map_err(ApiError::internal)?;
        let claims = Claims {
            sub: user_id.to_string(),
            iss: ISSUER.to_owned(),
            aud: AUDIENCE.to_owned(),
            iat,
            nbf: iat,
            exp: iat + ttl,
            ver: version,
        };
        let token = jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(ApiError::internal)?;
        Ok(IssuedToken {
            token,
            expires_in: self.ttl.as_secs(),
        })
    }

    /// Verifies signature, algorithm, time window, issuer and audience.
    pub fn verify(&self, token: &str) -> Result<TokenSubject, ApiError> {
        let data = jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .map_err(|error| {
                use jsonwebtoken::errors::ErrorKind;
                match error.kind() {
                    ErrorKind::ExpiredSignature => {
                        ApiError::Unauthenticated("the access token has expired")
                    }
                    ErrorKind::ImmatureSignature => {
                        ApiError::Unauthenticated("the access token is not valid yet")
                    }
                    _ => ApiError::Unauthenticated("the access token is invalid"),
                }
            })?;
        let claims = &data.claims;
        // A token signed with our key but unlike any we issue (issued in the
        // future, or living longer than the maximum) is refused too.
        let seconds = |d: u64| i64::try_from(d).unwrap_or(i64::MAX);
        let (ttl, leeway) = (seconds(MAX_TOKEN_TTL.as_secs()), seconds(LEEWAY_SECS));
        let now = Utc::now().timestamp();
        if claims.iat > now + leeway
            || claims.exp.saturating_sub(claims.iat) > ttl
            || claims.exp > now + ttl + leeway
        {
            return Err(ApiError::Unauthenticated(
                "the access token was not issued by this service as it stands",
            ));
        }
        let user_id = Uuid::parse_str(&claims.sub)
            .map_err(|_| ApiError::Unauthenticated("the access token is invalid"))?;
        Ok(TokenSubject {
            user_id,
            version: claims.ver,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &[u8] = b"0123456789abcdef0123456789abcdef";

    #[test]
    fn an_issued_token_verifies_with_its_subject_and_version() {
        let keys = TokenKeys::new(SECRET, Duration::from_secs(600)).unwrap();
        let user = Uuid::new_v4();
        let issued = keys.issue(user, 3, Utc::now()).unwrap();
        assert_eq!(issued.expires_in, 600);
        assert_eq!(
            keys.verify(&issued.token).unwrap(),
            TokenSubject {
                user_id: user,
                version: 3
            }
        );
    }

    #[test]
    fn lifetimes_are_capped_at_an_hour() {
        let keys = TokenKeys::new(SECRET, Duration::from_secs(86_400)).unwrap();
        assert_eq!(
            keys.issue(Uuid::new_v4(), 0, Utc::now())
                .unwrap()
                .expires_in,
            3600
        );
    }

    #[test]
    fn a_token_issued_two_hours_ago_has_expired() {
        let keys = TokenKeys::new(SECRET, Duration::from_secs(3600)).unwrap();
        let issued = keys
            .issue(Uuid::new_v4(), 0, Utc::now() - chrono::Duration::hours(2))
            .unwrap();
        assert!(
            matches!(keys.verify(&issued.token), Err(ApiError::Unauthenticated(m)) if m.contains("expired"))
        );
    }
}
