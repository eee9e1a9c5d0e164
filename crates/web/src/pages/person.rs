//! `GET /people/{id}`: a person's page, as the JSON API shows them to the
//! same visitor: their availability, rate and contact to network members
//! only, and nothing at all to those who may not see them (404).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, web};
use askama::Template;
use coophub_api::AppState;
use coophub_app::directory::people::{self, PersonView};
use uuid::Uuid;

use crate::render::{Chrome, page_of};
use crate::session::read;

/// A person's page.
#[derive(Template)]
#[template(path = "person.html")]
pub struct PersonPage {
    chrome: Chrome,
    person: PersonView,
}

impl PersonPage {
    /// A level or an interest (1 to 5) in words.
    fn out_of_five(value: &u8) -> String {
        format!("{value} of 5")
    }
}

/// `GET /people/{id}`.
#[get("/people/{id}")]
pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> HttpResponse {
    let (id, now) = (id.into_inner(), state.clock.now());
    let found = read(&state, &req, move |conn, viewer| {
        Ok(people::show(conn, viewer, id, now)?)
    })
    .await;
    page_of(&req, found, StatusCode::OK, |chrome, person| PersonPage {
        chrome,
        person,
    })
}
