//! `POST /api/v1/auth/login`: exchange email and password for an access token.

use crate::client_address::client_address;
use std::sync::LazyLock;

use actix_web::{HttpRequest, post, web};
use coophub_domain::{Email, NewPassword, PasswordHash, User};
use coophub_store::users;
use serde::Deserialize;
use utoipa::ToSchema;

use crate::extract::Json;
use crate::problem::{ApiError, JsonBody, Problem};
use crate::shapes::TokenResponse;
use crate::state::{AppState, blocking};

/// Email and password.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    /// Sign-in address.
    #[schema(example = "ada@example.coop")]
    pub email: String,
    /// The account's password.
    pub password: String,
}

/// A hash to verify against when the email is unknown, so that a wrong email
/// takes as long to refuse as a wrong password.
static DECOY_HASH: LazyLock<Option<PasswordHash>> = LazyLock::new(|| {
    NewPassword::parse("decoy password for unknown accounts", "/password")
        .ok()
        .and_then(|password| password.hash().ok())
});

/// The account `email` names if `password` is its password, within the
/// attempt limits (see docs/SECURITY.md): the API's login and the web pages'
/// sign-in both ask this.
pub async fn verify_credentials(
    state: &AppState,
    email: &str,
    password: String,
    address: Option<std::net::IpAddr>,
) -> Result<User, ApiError> {
    let email = Email::parse(email, "/email").map_err(ApiError::from_field)?;
    state.login_limiter.check(email.as_str(), address)?;
    let account = email.as_str().to_owned();
    let found = state
        .db(move |conn| users::find_by_email(conn, email.as_str()))
        .await?;
    let user = blocking(move || {
        Ok(match found {
            Some((user, hash)) => hash.verify(&password).then_some(user),
            None => {
                if let Some(decoy) = DECOY_HASH.as_ref() {
                    decoy.verify(&password);
                }
                None
            }
        })
    })
    .await?;
    user.ok_or_else(|| {
        state.login_limiter.failed(&account, address);
        ApiError::InvalidCredentials
    })
}

/// Signs in. Attempts are limited per account and address, per address, and
/// per account across addresses, so that guesses from elsewhere never lock
/// the owner out (see docs/SECURITY.md).
#[utoipa::path(
    tag = "auth",
    security(()),
    request_body = LoginRequest,
    responses(
        JsonBody,
        (status = 200, description = "Signed in", body = TokenResponse),
        (status = 401, description = "Wrong email or password", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many attempts; see Retry-After", body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    )
)]
#[post("/auth/login")]
pub async fn login(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: Json<LoginRequest>,
) -> Result<web::Json<TokenResponse>, ApiError> {
    let LoginRequest { email, password } = body.0;
    let user = verify_credentials(&state, &email, password, client_address(&req)).await?;
    // Tokens live in real time: their checks read the system clock, not the rules' clock.
    let issued = state
        .tokens
        .issue(user.id, user.token_version, chrono::Utc::now())?;
    Ok(web::Json(issued.into()))
}
