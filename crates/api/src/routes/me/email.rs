//! What an account receives by email: `GET`/`PUT /api/v1/me/email`, and the
//! unsubscribe link every mail carries (`/api/v1/email/unsubscribe`), which
//! works without signing in. Following the link shows a button; only the
//! button's `POST` (or a mail client's one-click `POST`, RFC 8058)
//! unsubscribes, so link scanners change nothing.

use actix_web::{HttpResponse, get, post, put, web};
use coophub_app::telling::email_settings::EmailView;
use coophub_store::mail::{self, Preferences};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use crate::auth::{SignedIn, signed_in};
use crate::extract::{Json, Query};
use crate::problem::{ApiError, JsonBody, Problem, QueryString, TokenRequired};
use crate::state::AppState;

/// New email choices: both, as a whole.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EmailBody {
    /// A daily digest of unread notifications.
    pub digest: bool,
    /// Invitations and placement requests as they happen.
    pub immediate: bool,
}

/// The caller's email choices.
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    responses(TokenRequired, (status = 200, description = "The choices", body = EmailView))
)]
#[get("/me/email")]
pub async fn show_email(
    state: web::Data<AppState>,
    caller: SignedIn,
) -> Result<web::Json<EmailView>, ApiError> {
    let (_, chosen) = state
        .read(caller, |conn, viewer| {
            Ok(mail::preferences(conn, signed_in(viewer)?.id)?)
        })
        .await?;
    Ok(web::Json(view(&state, chosen)))
}

/// Sets the caller's email choices.
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    request_body = EmailBody,
    responses(TokenRequired, JsonBody, (status = 200, description = "Set", body = EmailView))
)]
#[put("/me/email")]
pub async fn set_email(
    state: web::Data<AppState>,
    caller: SignedIn,
    body: Json<EmailBody>,
) -> Result<web::Json<EmailView>, ApiError> {
    let chosen = Preferences {
        digest: body.0.digest,
        immediate: body.0.immediate,
    };
    let now = state.clock.now();
    let (_, chosen) = state
        .write(caller, move |conn, viewer| {
            Ok(mail::set_preferences(
                conn,
                signed_in(viewer)?.id,
                chosen,
                now,
            )?)
        })
        .await?;
    Ok(web::Json(view(&state, chosen)))
}

/// The secret of an unsubscribe link.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct UnsubscribeQuery {
    /// From the link in a mail.
    pub token: String,
}

/// A page with one button that unsubscribes (what the link in a mail opens).
#[utoipa::path(
    tag = "me",
    security(()),
    params(UnsubscribeQuery),
    responses(
        QueryString,
        (status = 200, description = "A page with the button", content_type = "text/html", body = String),
    )
)]
#[get("/email/unsubscribe")]
pub async fn unsubscribe_page(query: Query<UnsubscribeQuery>) -> HttpResponse {
    let token: String = query
        .0
        .token
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(format!(
            "<!doctype html><title>Unsubscribe from coophub</title>\
             <form method=\"post\" action=\"?token={token}\">\
             <p>Stop all email from coophub to this address?</p>\
             <button type=\"submit\">Unsubscribe</button></form>"
        ))
}

/// Turns off all email for the account the link was sent to.
#[utoipa::path(
    tag = "me",
    security(()),
    params(UnsubscribeQuery),
    responses(
        QueryString,
        (status = 200, description = "Unsubscribed", content_type = "text/html", body = String),
        (status = 404, description = "The link names no account", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/email/unsubscribe")]
pub async fn unsubscribe(
    state: web::Data<AppState>,
    query: Query<UnsubscribeQuery>,
) -> Result<HttpResponse, ApiError> {
    let token = query.0.token;
    let now = state.clock.now();
    let found = state
        .db(move |conn| mail::unsubscribe(conn, &token, now))
        .await?;
    if !found {
        return Err(ApiError::NotFound(
            "this unsubscribe link names no account".into(),
        ));
    }
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body("<!doctype html><title>Unsubscribed</title><p>No more email from coophub will be sent to this address. Sign in to choose again.</p>"))
}

fn view(state: &AppState, chosen: Preferences) -> EmailView {
    EmailView {
        digest: chosen.digest,
        immediate: chosen.immediate,
        sending: state.mail_enabled,
    }
}
