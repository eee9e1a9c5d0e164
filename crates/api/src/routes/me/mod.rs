//! The signed-in account.

pub mod alerts;
pub mod change_password;
pub mod deadlines;
pub mod email;
pub mod notifications;
pub mod show;

use chrono::{DateTime, Utc};
use coophub_domain::User;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

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
