//! Forms that change something. The visitor must be signed in and the form
//! must carry the page's token (403 otherwise); the change then runs as the
//! JSON API's would, in the same transaction. After it, the browser is sent
//! back to a page (303), or the page is shown again saying why not, with
//! what was typed kept.

use std::future::Future;

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, HttpResponseBuilder, ResponseError, web};
use chrono::NaiveDate;
use coophub_api::auth::Caller;
use coophub_api::{ApiError, AppState};
use coophub_app::AppError;
use coophub_domain::access::Viewer;
use coophub_domain::{FieldError, User, ValidationErrors};
use coophub_store::DbConnection;
use serde::Deserialize;

use crate::session::{self, csrf_holds};

/// What a page says after a form: that it worked, or why not; and what was
/// typed, to type again.
#[derive(Debug, Default)]
pub struct Notice {
    /// It worked: what happens next.
    pub done: Option<String>,
    /// Why it did not: one line, or one per wrong field.
    pub errors: Vec<String>,
    typed: Vec<(&'static str, String)>,
}

impl Notice {
    /// A notice saying `text` when `done` is some, else nothing.
    pub fn done(text: Option<&str>) -> Self {
        Self {
            done: text.map(str::to_owned),
            ..Self::default()
        }
    }

    /// Keeps `value` as what was typed into `field`.
    pub fn typed(mut self, field: &'static str, value: &str) -> Self {
        self.typed.push((field, value.to_owned()));
        self
    }

    /// Says why `error` stopped the form: every wrong field at once.
    pub fn failed(mut self, error: &ApiError) -> Self {
        self.errors = match error {
            ApiError::Validation(fields) | ApiError::InvalidBody(fields) => fields
                .0
                .iter()
                .map(|field| {
                    let name = field.pointer.trim_start_matches('/').replace('/', " ");
                    format!("{name}: {}", field.message)
                })
                .collect(),
            // The clash's items name each thing in the way, in words that
            // suit any face (the detail may name the API's fields).
            ApiError::Conflict { conflicts, .. } if !conflicts.is_empty() => conflicts
                .iter()
                .map(|conflict| conflict.message.clone())
                .collect(),
            other if other.status_code().is_server_error() => {
                vec!["something went wrong on our side; please try again".to_owned()]
            }
            other => vec![other.to_string()],
        };
        self
    }

    /// What was typed into `field`, or nothing.
    pub fn value(&self, field: &str) -> &str {
        self.typed
            .iter()
            .find(|(name, _)| *name == field)
            .map_or("", |(_, value)| value.as_str())
    }
}

/// Why a form is refused without a session and its token (403).
fn refused() -> ApiError {
    ApiError::Forbidden(
        "sign in, and send the form from this site's page (reload it and try again)".into(),
    )
}

/// The request's signed-in visitor (their account) and the caller the
/// operations run as, when `csrf` is the token of their session; refused
/// (403) otherwise.
pub async fn signed(
    state: &web::Data<AppState>,
    req: &HttpRequest,
    csrf: &str,
) -> Result<(User, Caller), ApiError> {
    let (visitor, caller) = session::caller(state, req).await?;
    match visitor.viewer.user {
        Some(user) if csrf_holds(req, &visitor, csrf) => Ok((user, caller)),
        _ => Err(refused()),
    }
}

/// Runs `change` as the request's signed-in visitor when `csrf` is the
/// token of their session; refused (403) otherwise.
pub async fn change<T, F>(
    state: &web::Data<AppState>,
    req: &HttpRequest,
    csrf: &str,
    mut change: F,
) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnMut(&mut DbConnection, &Viewer) -> Result<T, AppError> + Send + 'static,
{
    let (_, caller) = signed(state, req, csrf).await?;
    let (_, value) = state
        .write(caller, move |conn, viewer| Ok(change(conn, viewer)?))
        .await?;
    Ok(value)
}

/// What `?done=` names once a form worked (after its redirect).
#[derive(Debug, Deserialize)]
pub struct Done {
    /// The form that worked.
    #[serde(default)]
    pub done: Option<String>,
}

/// After a form: on to where `to` says, or `again` (the page once more,
/// saying why not, with what was typed) answered with the error's status.
pub async fn then<T, Fut>(
    outcome: Result<T, ApiError>,
    to: impl FnOnce(T) -> String,
    typed: Notice,
    again: impl FnOnce(Notice, StatusCode) -> Fut,
) -> HttpResponse
where
    Fut: Future<Output = HttpResponse>,
{
    match outcome {
        Ok(value) => see_other(&to(value)).finish(),
        Err(error) => again(typed.failed(&error), error.status_code()).await,
    }
}

/// On to `location` after a form worked (303: the browser gets it).
pub fn see_other(location: &str) -> HttpResponseBuilder {
    let mut builder = HttpResponse::SeeOther();
    builder.insert_header((header::LOCATION, location.to_owned()));
    builder
}

/// Typed text read as numbers and dates, with what could not be read kept
/// beside what the operation's own checks say, every field at once.
#[derive(Debug, Default)]
pub struct Typed(ValidationErrors);

impl Typed {
    /// A whole number, or none when left empty.
    pub fn whole(&mut self, field: &str, text: &str) -> Option<i64> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let read = text.parse().ok();
        if read.is_none() {
            self.0.0.push(FieldError::new(
                format!("/{field}"),
                "must be a whole number",
            ));
        }
        read
    }

    /// A number such as `2.5`, or none when left empty.
    pub fn decimal(&mut self, field: &str, text: &str) -> Option<f64> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let read = text.parse::<f64>().ok().filter(|n| n.is_finite());
        if read.is_none() {
            self.0.0.push(FieldError::new(
                format!("/{field}"),
                "must be a number such as 2.5",
            ));
        }
        read
    }

    /// A date (`2027-03-01`, as date inputs send it), or none when left empty.
    pub fn date(&mut self, field: &str, text: &str) -> Option<NaiveDate> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let read = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
        if read.is_none() {
            self.0.0.push(FieldError::new(
                format!("/{field}"),
                "must be a date such as 2027-03-01",
            ));
        }
        read
    }

    /// `checked` (the operation's own checks of what was read), with what
    /// could not be read added first.
    pub fn and<T>(self, checked: Result<T, ValidationErrors>) -> Result<T, ValidationErrors> {
        let mut errors = self.0;
        match checked {
            Ok(value) if errors.0.is_empty() => Ok(value),
            Ok(_) => Err(errors),
            Err(more) => {
                for error in more.0 {
                    if !errors.0.iter().any(|e| e.pointer == error.pointer) {
                        errors.0.push(error);
                    }
                }
                Err(errors)
            }
        }
    }
}
