//! `GET /me`: the signed-in visitor's own page — their co-ops, their
//! profile with its availability (still true in one click), the newest of
//! their inbox, their alerts, bids, placements and rotation requests, a
//! calendar link for their deadlines, and changing their password.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, ResponseError, get, post, web};
use askama::Template;
use coophub_api::routes::me::change_password::set_password;
use coophub_api::routes::me::deadlines::open_deadline_feed;
use coophub_api::{ApiError, AppState};
use coophub_app::directory::home::{self, Home};
use coophub_app::directory::people;
use coophub_app::telling::inbox;
use serde::Deserialize;
use uuid::Uuid;

use crate::forms::{self, Done, Notice, see_other};
use crate::render::{Chrome, page_of, problem};
use crate::session::{self, read};

/// The kinds of record with a page here (`/{kind}/{id}`), as their API
/// paths name them.
const PAGES: [&str; 11] = [
    "coops",
    "bids",
    "placements",
    "offers",
    "requests",
    "opportunities",
    "people",
    "rotations",
    "social-good-proposals",
    "skills",
    "swaps",
];

/// The visitor's own page.
#[derive(Template)]
#[template(path = "me.html")]
pub struct MePage {
    chrome: Chrome,
    home: Home,
    notice: Notice,
    /// A calendar link just made (shown this once).
    calendar: Option<String>,
}

impl MePage {
    /// The page of what a notification is about, where there is one.
    fn page_of_link(&self, link: &str) -> Option<String> {
        let path = link.strip_prefix("/api/v1")?;
        let mut parts = path.trim_start_matches('/').split('/');
        let (kind, id) = (parts.next()?, parts.next()?);
        let one_record = parts.next().is_none() && !id.is_empty();
        (one_record && PAGES.contains(&kind)).then(|| format!("/{kind}/{id}"))
    }
}

async fn page(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    notice: Notice,
    calendar: Option<String>,
    status: StatusCode,
) -> HttpResponse {
    let now = state.clock.now();
    let found = read(state, req, move |conn, viewer| {
        Ok(home::of_viewer(conn, viewer, now)?)
    })
    .await;
    page_of(req, found, status, |chrome, home| MePage {
        chrome,
        home,
        notice,
        calendar,
    })
}

/// `GET /me`.
#[get("/me")]
pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    done: web::Query<Done>,
) -> HttpResponse {
    let said = match done.done.as_deref() {
        Some("availability") => Some("Thank you: your availability is confirmed."),
        Some("read") => Some("Everything in your inbox is marked read."),
        Some("password") => Some("Your password was changed; other sessions are signed out."),
        _ => None,
    };
    page(&req, &state, Notice::done(said), None, StatusCode::OK).await
}

/// A form whose only field is its token.
#[derive(Debug, Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    csrf: String,
}

async fn after<T>(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    outcome: Result<T, ApiError>,
    done: &str,
    typed: Notice,
) -> HttpResponse {
    let to = |_| format!("/me?done={done}");
    forms::then(outcome, to, typed, |notice, status| {
        page(req, state, notice, None, status)
    })
    .await
}

/// `POST /people/{id}/availability/reconfirm`: the stated availability still holds.
#[post("/people/{id}/availability/reconfirm")]
pub async fn reconfirm(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    form: web::Form<TokenForm>,
) -> HttpResponse {
    let id = id.into_inner();
    let now = state.clock.now();
    let outcome = forms::change(&state, &req, &form.csrf, move |conn, viewer| {
        people::confirm_availability(conn, viewer, id, None, now)
    })
    .await;
    after(&req, &state, outcome, "availability", Notice::default()).await
}

/// `POST /me/notifications/read-all`.
#[post("/me/notifications/read-all")]
pub async fn read_all(
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<TokenForm>,
) -> HttpResponse {
    let now = state.clock.now();
    let outcome = forms::change(&state, &req, &form.csrf, move |conn, viewer| {
        inbox::read_all(conn, viewer, now)
    })
    .await;
    after(&req, &state, outcome, "read", Notice::default()).await
}

/// `POST /me/deadline-feed`: a new calendar link of the visitor's
/// deadlines, shown this once (an earlier link stops working).
#[post("/me/deadline-feed")]
pub async fn calendar_link(
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<TokenForm>,
) -> HttpResponse {
    let made = async {
        let (_, caller) = forms::signed(&state, &req, &form.csrf).await?;
        open_deadline_feed(&state, caller).await
    }
    .await;
    match made {
        Ok(url) => {
            let said = Some("Your calendar link is below; it is shown this once.");
            page(&req, &state, Notice::done(said), Some(url), StatusCode::OK).await
        }
        Err(error) => problem(&req, &Default::default(), &error),
    }
}

/// Changing the password.
#[derive(Debug, Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
    #[serde(default)]
    csrf: String,
}

/// `POST /me/password`: every other session and token ends; this browser
/// stays signed in with a new session.
#[post("/me/password")]
pub async fn change_password(
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<PasswordForm>,
) -> HttpResponse {
    let PasswordForm {
        current_password,
        new_password,
        csrf,
    } = form.into_inner();
    let changed = async {
        let (user, _) = forms::signed(&state, &req, &csrf).await?;
        let updated = set_password(&state, &req, &user, current_password, new_password).await?;
        session::open(&state, updated.id, updated.token_version).await
    }
    .await;
    match changed {
        Ok(cookie) => see_other("/me?done=password").cookie(cookie).finish(),
        Err(error) => {
            let status = error.status_code();
            page(&req, &state, Notice::default().failed(&error), None, status).await
        }
    }
}
