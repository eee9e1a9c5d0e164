//! Accounts and the tokens they sign in with.

use chrono::{DateTime, Utc};
use coophub_domain::User;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::IssuedToken;

/// An access token to send as `Authorization: Bearer <access_token>`.
#[derive(Debug, Serialize, ToSchema)]
pub struct TokenResponse {
    /// The JWT.
    pub access_token: String,
    /// Always `Bearer`.
    #[schema(example = "Bearer")]
    pub token_type: &'static str,
    /// Seconds until the token expires (at most 3600).
    pub expires_in: u64,
}

impl From<IssuedToken> for TokenResponse {
    fn from(issued: IssuedToken) -> Self {
        Self {
            access_token: issued.token,
            token_type: "Bearer",
            expires_in: issued.expires_in,
        }
    }
}

/// An account as its owner sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct UserView {
    /// Stable identifier.
    pub id: Uuid,
    /// Normalised sign-in address.
    pub email: String,
    /// Name shown to others.
    pub name: String,
    /// Whether the account administers the whole network.
    pub network_admin: bool,
    /// When the account was opened (UTC).
    pub created_at: DateTime<Utc>,
}

impl From<User> for UserView {
    fn from(user: User) -> Self {
        Self {
            id: user.id,
            email: user.email,
            name: user.name,
            network_admin: user.network_admin,
            created_at: user.created_at,
        }
    }
}
