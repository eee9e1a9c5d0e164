//! `GET /coops/{slug}`: a co-op's page, showing what the JSON API shows the
//! same visitor, with schema.org `Organization` data for search engines; a
//! signed-in visitor writes to the co-op from it (`POST …/enquiries`) or,
//! while nobody administers it, asks to (`POST …/claim`).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, ResponseError, get, post, web};
use askama::Template;
use coophub_api::AppState;
use coophub_app::AppError;
use coophub_app::directory::claims::{self, ClaimBody};
use coophub_app::directory::coops::CoopView;
use coophub_app::directory::coops::profile::{self, Profile};
use coophub_app::directory::enquiries::{self, EnquiryBody};
use coophub_domain::access::Viewer;
use coophub_store::DbConnection;
use serde::Deserialize;
use serde_json::json;

use crate::forms::{self, Done, Notice, see_other};
use crate::render::{Chrome, page_of};
use crate::session::read;

/// A co-op's page.
#[derive(Template)]
#[template(path = "coop.html")]
pub struct CoopPage {
    chrome: Chrome,
    profile: Profile,
    place: Option<String>,
    linked_data: String,
    /// What the visitor just did, or why it did not work.
    notice: Notice,
}

impl CoopPage {
    /// The town, region and country, as far as they are known.
    fn place_of(coop: &CoopView) -> Option<String> {
        let parts: Vec<&str> = [
            &coop.location.locality,
            &coop.location.region,
            &coop.location.country,
        ]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .filter(|part| !part.is_empty())
        .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }

    /// schema.org `Organization` JSON-LD of what the page shows, safe inside
    /// a `<script>` element.
    fn linked_data_of(coop: &CoopView, url: &str) -> String {
        let mut data = json!({
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": coop.name,
            "description": coop.summary,
            "url": url,
        });
        if let Some(website) = &coop.website {
            data["sameAs"] = json!(website);
        }
        if let Some(locality) = &coop.location.locality {
            data["address"] = json!({"@type": "PostalAddress", "addressLocality": locality,
                                     "addressCountry": coop.location.country});
        }
        data.to_string().replace('<', "\\u003c")
    }
}

/// The page of the co-op `slug`, with `notice`, answered with `status`.
async fn page(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    slug: String,
    notice: Notice,
    status: StatusCode,
) -> HttpResponse {
    let now = state.clock.now();
    let found = read(state, req, move |conn, viewer| {
        Ok(profile::of_coop(conn, viewer, &slug, now)?)
    })
    .await;
    page_of(req, found, status, |chrome, profile| {
        let coop = &profile.coop;
        let url = format!("{}/coops/{}", state.public_url, coop.slug);
        CoopPage {
            chrome,
            place: CoopPage::place_of(coop),
            linked_data: CoopPage::linked_data_of(coop, &url),
            profile,
            notice,
        }
    })
}

/// `GET /coops/{slug}`.
#[get("/coops/{slug}")]
pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    done: web::Query<Done>,
) -> HttpResponse {
    let done = match done.done.as_deref() {
        Some("enquiry") => {
            Some("Your message was sent: the co-op's admins reply to your email address.")
        }
        Some("claim") => Some("You asked to administer this co-op: the stewards will answer."),
        _ => None,
    };
    page(
        &req,
        &state,
        slug.into_inner(),
        Notice::done(done),
        StatusCode::OK,
    )
    .await
}

/// The enquiry form.
#[derive(Debug, Deserialize)]
pub struct EnquiryForm {
    #[serde(default)]
    subject: String,
    #[serde(default)]
    message: String,
    #[serde(default)]
    csrf: String,
}

/// The claim form.
#[derive(Debug, Deserialize)]
pub struct ClaimForm {
    #[serde(default)]
    message: String,
    #[serde(default)]
    csrf: String,
}

/// Runs `change` on the co-op `slug`; then back to its page saying what
/// happens next (`?done=`), or the page again with why not and what was typed.
async fn submit<F>(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    slug: String,
    csrf: &str,
    done: &str,
    typed: Notice,
    mut change: F,
) -> HttpResponse
where
    F: FnMut(&mut DbConnection, &Viewer, &str) -> Result<(), AppError> + Send + 'static,
{
    let of = slug.clone();
    match forms::change(state, req, csrf, move |conn, viewer| {
        change(conn, viewer, &of)
    })
    .await
    {
        Ok(()) => see_other(&format!("/coops/{slug}?done={done}")).finish(),
        Err(error) => {
            let status = error.status_code();
            page(req, state, slug, typed.failed(&error), status).await
        }
    }
}

/// `POST /coops/{slug}/enquiries`: a message to the co-op's admins.
#[post("/coops/{slug}/enquiries")]
pub async fn enquire(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    form: web::Form<EnquiryForm>,
) -> HttpResponse {
    let EnquiryForm {
        subject,
        message,
        csrf,
    } = form.into_inner();
    let now = state.clock.now();
    let body = EnquiryBody {
        subject: subject.clone(),
        message: message.clone(),
    };
    let typed = Notice::default()
        .typed("subject", &subject)
        .typed("message", &message);
    let send = move |conn: &mut DbConnection, viewer: &Viewer, slug: &str| {
        enquiries::send(conn, viewer, slug, &body, now).map(|_| ())
    };
    submit(
        &req,
        &state,
        slug.into_inner(),
        &csrf,
        "enquiry",
        typed,
        send,
    )
    .await
}

/// `POST /coops/{slug}/claim`: ask the stewards to administer a co-op nobody does.
#[post("/coops/{slug}/claim")]
pub async fn claim(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    form: web::Form<ClaimForm>,
) -> HttpResponse {
    let ClaimForm { message, csrf } = form.into_inner();
    let now = state.clock.now();
    let body = ClaimBody {
        message: message.clone(),
    };
    let typed = Notice::default().typed("message", &message);
    let ask = move |conn: &mut DbConnection, viewer: &Viewer, slug: &str| {
        claims::claim(conn, viewer, slug, &body, now).map(|_| ())
    };
    submit(&req, &state, slug.into_inner(), &csrf, "claim", typed, ask).await
}
