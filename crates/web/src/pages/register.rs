//! Opening an account: `GET/POST /register`, with the API's registration
//! (and its limit of accounts per address); the new account is signed in.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use askama::Template;
use coophub_api::AppState;
use coophub_api::routes::auth::register::open_account;
use coophub_domain::Registration;
use serde::Deserialize;

use super::account::{refused, with_form_token};
use crate::forms::see_other;
use crate::render::{Chrome, problem};
use crate::session::{self, Visitor, csrf_holds, visitor_of};

/// The page for opening an account.
#[derive(Template)]
#[template(path = "register.html")]
pub struct RegisterPage {
    chrome: Chrome,
    name: String,
    email: String,
    /// What is wrong, a sentence per field.
    errors: Vec<String>,
    min_password: usize,
}

/// What the registration form sends.
#[derive(Debug, Deserialize)]
pub struct RegisterForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    csrf: String,
}

/// The registration form, with what was typed and what is wrong with it.
fn register_form(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    visitor: &Visitor,
    typed: (String, String),
    errors: Vec<String>,
    status: StatusCode,
) -> HttpResponse {
    with_form_token(req, state, visitor, status, |chrome| RegisterPage {
        chrome,
        name: typed.0,
        email: typed.1,
        errors,
        min_password: coophub_domain::password::MIN_PASSWORD_CHARS,
    })
}

/// `GET /register`.
#[get("/register")]
pub async fn register_page(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let visitor = visitor_of(&state, &req).await;
    if visitor.name().is_some() {
        return see_other("/").finish();
    }
    let typed = (String::new(), String::new());
    register_form(&req, &state, &visitor, typed, Vec::new(), StatusCode::OK)
}

/// `POST /register`: the account, signed in at once.
#[post("/register")]
pub async fn register(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Form<RegisterForm>,
) -> HttpResponse {
    let visitor = visitor_of(&state, &req).await;
    let RegisterForm {
        name,
        email,
        password,
        csrf,
    } = body.into_inner();
    if !csrf_holds(&req, &visitor, &csrf) {
        return refused(&req, &visitor);
    }
    let registration = match Registration::parse(&email, &name, &password) {
        Ok(registration) => registration,
        Err(invalid) => {
            let errors = invalid
                .0
                .iter()
                .map(|error| format!("{}: {}", field(&error.pointer), error.message))
                .collect();
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return register_form(&req, &state, &visitor, (name, email), errors, status);
        }
    };
    let address = coophub_api::client_address::client_address(&req);
    let user = match open_account(&state, address, registration).await {
        Ok(user) => user,
        Err(error) => {
            let status = actix_web::ResponseError::status_code(&error);
            let errors = vec![error.to_string()];
            return register_form(&req, &state, &visitor, (name, email), errors, status);
        }
    };
    match session::open(&state, user.id, user.token_version).await {
        Ok(cookie) => see_other("/").cookie(cookie).finish(),
        Err(error) => problem(&req, &visitor, &error),
    }
}

/// A form field's label, from the pointer an operation names it by.
fn field(pointer: &str) -> &'static str {
    match pointer {
        "/email" => "Email",
        "/name" => "Name",
        "/password" => "Password",
        _ => "The form",
    }
}
