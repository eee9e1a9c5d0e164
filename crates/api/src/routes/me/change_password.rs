//! `POST /api/v1/me/password`: change one's password; every older token stops working.

use crate::client_address::client_address;
use actix_web::{HttpRequest, post, web};
use coophub_domain::{FieldError, NewPassword, User, ValidationErrors};
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
    let (viewer, ()) = state.read(caller, |_, _| Ok(())).await?;
    let user = signed_in(&viewer)?;
    let updated = set_password(&state, &req, user, current_password, new_password).await?;
    // Tokens live in real time: their checks read the system clock, not the rules' clock.
    let issued = state
        .tokens
        .issue(updated.id, updated.token_version, chrono::Utc::now())?;
    Ok(web::Json(issued.into()))
}

/// Sets `user`'s password to `new` if `current` is theirs now — a guess
/// like a login, under the same limits — for every face: the account with
/// its new token version, so older tokens and web sessions stop working.
/// Every wrong field at once (422).
pub async fn set_password(
    state: &AppState,
    req: &HttpRequest,
    user: &User,
    current_password: String,
    new_password: String,
) -> Result<User, ApiError> {
    let user_id = user.id;
    let found = state.db(move |conn| users::find(conn, user_id)).await?;
    let (_, stored) = found.ok_or(ApiError::Unauthenticated("the account no longer exists"))?;
    let address = client_address(req);
    state.login_limiter.check(&user.email, address)?;
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
    state
        .db(move |conn| users::change_password(conn, user_id, &new_hash, now))
        .await?
        .ok_or(ApiError::Unauthenticated("the account no longer exists"))
}
