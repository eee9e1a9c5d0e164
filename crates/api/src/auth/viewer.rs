//! Who is looking: nobody, a user outside the network, a network member, or
//! a network admin. What a response shows (day rates, non-approved co-ops)
//! depends on it.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use coophub_domain::User;
use coophub_store::coops::roles;

use super::CurrentUser;
use crate::problem::ApiError;
use crate::state::AppState;

/// The viewer of a public endpoint. A request without a token is anonymous;
/// a request with a bad token is refused (401), never silently downgraded.
#[derive(Debug, Clone, Default)]
pub struct Viewer {
    /// The signed-in user, if any.
    pub user: Option<User>,
    /// Whether they may see network-only information.
    pub network_member: bool,
}

impl Viewer {
    /// Network admins and members of approved co-ops.
    pub fn sees_network_only(&self) -> bool {
        self.network_member || self.is_network_admin()
    }

    /// The signed-in user; 401 for anonymous viewers. Changes ask this first,
    /// so that anonymous clients learn nothing about what exists.
    pub fn require_user(&self) -> Result<&User, ApiError> {
        self.user.as_ref().ok_or(ApiError::Unauthenticated(
            "an Authorization: Bearer token is required",
        ))
    }

    /// Whether the viewer administers the whole network.
    pub fn is_network_admin(&self) -> bool {
        self.user.as_ref().is_some_and(|u| u.network_admin)
    }
}

impl FromRequest for Viewer {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        if !req.headers().contains_key(header::AUTHORIZATION) {
            return Box::pin(async { Ok(Self::default()) });
        }
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let user = CurrentUser::from_request(req, payload);
        Box::pin(async move {
            let state = state.ok_or_else(|| ApiError::internal("application state is missing"))?;
            let user = user.await?.0;
            let id = user.id;
            let network_member = state
                .db(move |conn| roles::is_network_member(conn, id))
                .await?;
            Ok(Self {
                user: Some(user),
                network_member,
            })
        })
    }
}
