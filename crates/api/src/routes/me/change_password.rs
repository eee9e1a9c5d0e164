//! `POST /api/v1/me/password`: change one's password; every older token stops working.

use crate::client_address::client_address;
use actix_web::{HttpRequest, post, web};
use coophub_domain::{FieldError, NewPassword, ValidationErrors};
use coophub_store::users;
use serde::Deserialize;
use utoipa::ToSchema;

use crate::auth::{SignedIn, signed_in};
use crate::extract::Json;
use crate::problem::{ApiError, JsonBody, Problem, TokenRequired};
use crate::shapes::TokenResponse;
use crate::state::{AppState, blocking};

/// The current password, to prove it is the owner, and the new one.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangePasswordRequest {
    /// The password in use now.
    pub current_password: String,
    /// At least 10 characters.
    pub new_password: String,
}

/// Changes the password and answers a new token: tokens issued before stop working.
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    request_body = ChangePasswordRequest,
    responses(
        TokenRequired, JsonBody,
        (status = 200, description = "Password changed; use this new token", body = TokenResponse),
        (status = 422, description = "Wrong current password or invalid new one", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many attempts; see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/me/password")]
pub async fn change_password(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: SignedIn,
    body: Json<ChangePasswordRequest>,
) -> Result<web::Json<TokenResponse>, ApiError> {
    let ChangePasswordRequest {
        current_password,
        new_password,
    } = body.0;
    let (viewer, found) = state
        .read(caller, |conn, viewer| {
            Ok(users::find(conn, signed_in(viewer)?.id)?)
        })
        .await?;
    let user = signed_in(&viewer)?;
    let (_, stored) = found.ok_or(ApiError::Unauthenticated("the account no longer exists"))?;
    // Checking the current password is a password guess like a login: same limits.
    let address = client_address(&req);
    state.login_limiter.check(&user.email, address)?;
    let user_id = user.id;
    let (correct, new_hash) = blocking(move || {
        let correct = stored.verify(&current_password);
        let mut errors = ValidationErrors::default();
        if !correct {
            errors.0.push(FieldError::new(
                "/current_password",
                "is not the current password",
            ));
        }
        let new_password = errors.check(NewPassword::parse(&new_password, "/new_password"));
        let hashed = errors
            .finish(|| new_password)
            .map_err(ApiError::from)
            .and_then(|password| password.hash().map_err(ApiError::internal));
        Ok((correct, hashed))
    })
    .await?;
    if !correct {
        state.login_limiter.failed(&user.email, address);
    }
    let new_hash = new_hash?;

    let now = state.clock.now();
    let updated = state
        .db(move |conn| users::change_password(conn, user_id, &new_hash, now))
        .await?
        .ok_or(ApiError::Unauthenticated("the account no longer exists"))?;
    // Tokens live in real time: their checks read the system clock, not the rules' clock.
    let issued = state
        .tokens
        .issue(updated.id, updated.token_version, chrono::Utc::now())?;
    Ok(web::Json(issued.into()))
}
