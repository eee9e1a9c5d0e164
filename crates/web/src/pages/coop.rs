//! `GET /coops/{slug}`: a co-op's page, showing what the JSON API shows the
//! same visitor, with schema.org `Organization` data for search engines; a
//! signed-in visitor writes to the co-op from it (`POST …/enquiries`) or,
//! while nobody administers it, asks to (`POST …/claim`).

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, ResponseError, get, post, web};
use askama::Template;
use coophub_api::{ApiError, AppState};
use coophub_app::AppError;
use coophub_app::directory::claims::{self, ClaimBody};
use coophub_app::directory::coops::{CoopView, READ};
use coophub_app::directory::enquiries::{self, EnquiryBody};
use coophub_app::guard::{Lock, load};
use coophub_domain::access::Viewer;
use coophub_domain::coop::Coop;
use coophub_store::DbConnection;
use serde::Deserialize;
use serde_json::json;

use crate::render::{Chrome, html, problem};
use crate::session::{self, Visitor, csrf_holds, read};

/// A co-op's page.
#[derive(Template)]
#[template(path = "coop.html")]
pub struct CoopPage {
    chrome: Chrome,
    coop: CoopView,
    place: Option<String>,
    linked_data: String,
    claimable: bool,
    /// What the visitor just did, or why it did not work.
    notice: Notice,
}

/// What the page says after a form.
#[derive(Debug, Default)]
pub struct Notice {
    /// It worked: what happens next.
    done: Option<&'static str>,
    /// It did not, in the operation's words.
    error: Option<String>,
    /// What was typed, to type again.
    subject: String,
    message: String,
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
        let coop = load::<Coop>(conn, viewer, &slug, READ, Lock::Read)?;
        let claimable = claims::claimable(conn, &coop)?;
        Ok((CoopView::new(coop, viewer, now), claimable))
    })
    .await;
    let (visitor, (coop, claimable)) = match found {
        Ok(found) => found,
        Err((visitor, error)) => return problem(req, &visitor, &error),
    };
    let url = format!("{}/coops/{}", state.public_url, coop.slug);
    let page = CoopPage {
        chrome: Chrome::signed(&visitor),
        place: CoopPage::place_of(&coop),
        linked_data: CoopPage::linked_data_of(&coop, &url),
        coop,
        claimable,
        notice,
    };
    html(req, status, &page)
}

/// What `?done=` names, once a form worked (after its redirect).
#[derive(Debug, Deserialize)]
pub struct Done {
    #[serde(default)]
    done: Option<String>,
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
    let notice = Notice {
        done,
        ..Notice::default()
    };
    page(&req, &state, slug.into_inner(), notice, StatusCode::OK).await
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

/// Runs `change` on the co-op `slug` as the signed-in visitor, if the form's
/// token holds (403 otherwise); then back to the page saying what happens
/// next (`?done=`), or the page again with why not and what was typed.
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
    let (visitor, caller) = match session::caller(state, req).await {
        Ok(found) => found,
        Err(error) => return problem(req, &Visitor::default(), &error),
    };
    if !csrf_holds(req, &visitor, csrf) || visitor.name().is_none() {
        let error = ApiError::Forbidden(
            "sign in, and send the form from this site's page (reload it and try again)".into(),
        );
        return problem(req, &visitor, &error);
    }
    let of = slug.clone();
    let outcome = state
        .write(caller, move |conn, viewer| Ok(change(conn, viewer, &of)?))
        .await;
    match outcome {
        Ok(_) => HttpResponse::SeeOther()
            .insert_header((header::LOCATION, format!("/coops/{slug}?done={done}")))
            .finish(),
        Err(error) => {
            let notice = Notice {
                error: Some(error.to_string()),
                ..typed
            };
            page(req, state, slug, notice, error.status_code()).await
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
    let typed = Notice {
        subject,
        message,
        ..Notice::default()
    };
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
    let typed = Notice {
        message,
        ..Notice::default()
    };
    let ask = move |conn: &mut DbConnection, viewer: &Viewer, slug: &str| {
        claims::claim(conn, viewer, slug, &body, now).map(|_| ())
    };
    submit(&req, &state, slug.into_inner(), &csrf, "claim", typed, ask).await
}
