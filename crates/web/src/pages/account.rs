//! Signing in and out: `GET/POST /sign-in` (with the same attempt limits
//! as the API's login) and `POST /sign-out`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use askama::Template;
use coophub_api::routes::auth::login::verify_credentials;
use coophub_api::{ApiError, AppState};
use serde::Deserialize;

use crate::forms::see_other;
use crate::render::{Chrome, html, problem};
use crate::session::{self, Visitor, csrf_holds, form_token, visitor_of};

/// The sign-in page.
#[derive(Template)]
#[template(path = "sign_in.html")]
pub struct SignInPage {
    chrome: Chrome,
    email: String,
    error: Option<String>,
}

/// What the sign-in form sends.
#[derive(Debug, Deserialize)]
pub struct SignInForm {
    email: String,
    password: String,
    #[serde(default)]
    csrf: String,
}

/// What a form that only needs its token sends.
#[derive(Debug, Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    csrf: String,
}

pub(super) fn refused(req: &HttpRequest, visitor: &Visitor) -> HttpResponse {
    let error = ApiError::Forbidden(
        "the form was not sent from this site's page (its token is missing or old): \
         reload the page and try again"
            .into(),
    );
    problem(req, visitor, &error)
}

/// `GET /sign-in`.
#[get("/sign-in")]
pub async fn sign_in_form(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let visitor = visitor_of(&state, &req).await;
    if visitor.name().is_some() {
        return see_other("/").finish();
    }
    form(&req, &state, &visitor, String::new(), None, StatusCode::OK)
}

/// The sign-in form, with what was typed and why it did not work.
fn form(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    visitor: &Visitor,
    email: String,
    error: Option<String>,
    status: StatusCode,
) -> HttpResponse {
    with_form_token(req, state, visitor, status, |chrome| SignInPage {
        chrome,
        email,
        error,
    })
}

/// The page `build` makes around the frame of a form shown before signing
/// in, with the cookie its token is checked against when the request had none.
pub(super) fn with_form_token<T: Template>(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    visitor: &Visitor,
    status: StatusCode,
    build: impl FnOnce(Chrome) -> T,
) -> HttpResponse {
    let (token, cookie) = form_token(state, req);
    let mut res = html(req, status, &build(Chrome::new(visitor, token)));
    if let Some(cookie) = cookie {
        // A new token: the page's form and the cookie must agree.
        let _ = res.add_cookie(&cookie);
    }
    res
}

/// `POST /sign-in`: a session, then back to the search page.
#[post("/sign-in")]
pub async fn sign_in(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Form<SignInForm>,
) -> HttpResponse {
    let visitor = visitor_of(&state, &req).await;
    let SignInForm {
        email,
        password,
        csrf,
    } = body.into_inner();
    if !csrf_holds(&req, &visitor, &csrf) {
        return refused(&req, &visitor);
    }
    let address = coophub_api::client_address::client_address(&req);
    let user = match verify_credentials(&state, &email, password, address).await {
        Ok(user) => user,
        Err(error) => {
            let status = actix_web::ResponseError::status_code(&error);
            return form(
                &req,
                &state,
                &visitor,
                email,
                Some(error.to_string()),
                status,
            );
        }
    };
    match session::open(&state, user.id, user.token_version).await {
        Ok(cookie) => see_other("/").cookie(cookie).finish(),
        Err(error) => problem(&req, &visitor, &error),
    }
}

/// `POST /sign-out`: the session ends, here and in the store.
#[post("/sign-out")]
pub async fn sign_out(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Form<TokenForm>,
) -> HttpResponse {
    let visitor = visitor_of(&state, &req).await;
    if !csrf_holds(&req, &visitor, &body.csrf) {
        return refused(&req, &visitor);
    }
    match session::close(&state, &req).await {
        Ok(gone) => see_other("/").cookie(gone).finish(),
        Err(error) => problem(&req, &visitor, &error),
    }
}
