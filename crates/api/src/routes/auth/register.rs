//! `POST /api/v1/auth/register`: open an account.

use crate::client_address::client_address;
use actix_web::{HttpRequest, HttpResponse, post, web};
use coophub_domain::{Registration, User};
use coophub_store::users;
use serde::Deserialize;
use utoipa::ToSchema;

use crate::extract::Checked;
use crate::problem::{ApiError, Code, JsonBody, Problem};
use crate::shapes::UserView;
use crate::state::{AppState, blocking};

/// A request to open an account.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegisterRequest {
    /// Sign-in address; case and surrounding spaces do not matter.
    #[schema(example = "ada@example.coop")]
    pub email: String,
    /// At least 10 characters.
    pub password: String,
    /// Name shown to others.
    #[schema(example = "Ada Lovelace")]
    pub name: String,
}

/// Opens the account `registration` asks for, within the limit of accounts
/// per client address: the API's registration and the web pages' both ask this.
pub async fn open_account(
    state: &AppState,
    address: Option<std::net::IpAddr>,
    registration: Registration,
) -> Result<User, ApiError> {
    state.sign_up_limiter.check(address)?;
    let Registration {
        email,
        name,
        password,
    } = registration;
    let hash = blocking(move || password.hash().map_err(ApiError::internal)).await?;
    let now = state.clock.now();
    state
        .db(move |conn| {
            users::insert(
                conn,
                &users::NewUser {
                    email: email.as_str(),
                    name: name.as_str(),
                    password_hash: &hash,
                    network_admin: false,
                },
                now,
            )
        })
        .await
        .map_err(|error| match error {
            ApiError::Conflict { .. } => ApiError::conflict_at(
                Code::EmailTaken,
                "/email",
                "an account with this email already exists",
            ),
            other => other,
        })
}

/// Opens an account and answers it (sign in with `/auth/login` afterwards).
/// One client address may open `registrations_per_address` accounts an hour.
#[utoipa::path(
    tag = "auth",
    security(()),
    request_body = RegisterRequest,
    responses(
        JsonBody,
        (status = 201, description = "Account opened", body = UserView),
        (status = 409, description = "The email is already registered", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many accounts opened from this address; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/register")]
pub async fn register(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Checked<RegisterRequest>,
) -> Result<HttpResponse, ApiError> {
    let address = client_address(&req);
    let registration = body.check(|request| {
        Ok(Registration::parse(
            &request.email,
            &request.name,
            &request.password,
        )?)
    })?;
    let user = open_account(&state, address, registration).await?;
    Ok(HttpResponse::Created().json(UserView::from(user)))
}
