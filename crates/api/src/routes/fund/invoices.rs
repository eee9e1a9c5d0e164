//! Invoices against pledges and payments against invoices (stewards), read
//! by the co-op's admins, and an invoice as a page to print: with the
//! year's purpose and the word *optional*, and never a word of "overdue".

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, web};
use coophub_app::fund::invoices;
use coophub_domain::fund::FundYear;
use coophub_domain::text::html_escape;
use uuid::Uuid;

use super::{InvoiceBody, InvoiceView, PaymentBody};
use crate::auth::SignedIn;
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, NoSuchInvoice, Problem, Steward, TokenRequired};
use crate::state::AppState;

/// Invoices a co-op's pledge to a year.
#[utoipa::path(
    tag = "fund",
    security(("bearer" = [])),
    params(("year" = i32, Path, description = "The calendar year")),
    request_body = InvoiceBody,
    responses(
        TokenRequired, JsonBody, Steward,
        (status = 201, description = "Recorded", body = InvoiceView),
        (status = 404, description = "No such year or co-op", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The co-op pledged nothing to the year (`not_pledged`), its invoices for the year would come to more than its pledge (`over_pledge`), or the number is taken (`conflict`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/fund/years/{year}/invoices")]
pub async fn create_invoice(
    state: web::Data<AppState>,
    caller: SignedIn,
    path: web::Path<i32>,
    body: Checked<InvoiceBody>,
) -> Result<HttpResponse, ApiError> {
    let (slug, input) = body.check(|body| Ok(body.parse()?))?;
    let path = path.into_inner();
    let now = state.clock.now();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            Ok(invoices::issue(conn, viewer, path, &slug, &input, now)?)
        })
        .await?;
    let mut response = HttpResponse::build(StatusCode::CREATED);
    response.insert_header(("Location", format!("/api/v1/fund/invoices/{}", view.id)));
    Ok(response.json(view))
}

/// Records a payment against an invoice.
#[utoipa::path(
    tag = "fund",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The invoice's id")),
    request_body = PaymentBody,
    responses(
        TokenRequired, JsonBody, Steward,
        (status = 201, description = "Recorded; the invoice as it now stands", body = InvoiceView),
        (status = 404, description = "No such invoice", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "What was received would come to more than the invoice's amount (`overpaid`): an invoice is paid at most once over", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/fund/invoices/{id}/payments")]
pub async fn record_payment(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
    body: Checked<PaymentBody>,
) -> Result<HttpResponse, ApiError> {
    let input = body.check(|body| Ok(body.parse()?))?;
    let id = id.into_inner();
    let now = state.clock.now();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            Ok(invoices::pay(conn, viewer, id, &input, now)?)
        })
        .await?;
    Ok(HttpResponse::build(StatusCode::CREATED).json(view))
}

/// An invoice with its payments: stewards and the co-op's admins.
#[utoipa::path(
    tag = "fund",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The invoice's id")),
    responses(
        TokenRequired, NoSuchInvoice,
        (status = 200, description = "The invoice", body = InvoiceView),
    )
)]
#[get("/fund/invoices/{id}")]
pub async fn show_invoice(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
) -> Result<web::Json<InvoiceView>, ApiError> {
    let id = id.into_inner();
    let (_, (view, _)) = state
        .read(caller, move |conn, viewer| {
            Ok(invoices::show(conn, viewer, id)?)
        })
        .await?;
    Ok(web::Json(view))
}

/// The invoice as a page to print or save: stewards and the co-op's admins.
#[utoipa::path(
    tag = "fund",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The invoice's id")),
    responses(
        TokenRequired, NoSuchInvoice,
        (status = 200, description = "The invoice page", content_type = "text/html", body = String),
    )
)]
#[get("/fund/invoices/{id}/document")]
pub async fn invoice_document(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let (_, (view, year)) = state
        .read(caller, move |conn, viewer| {
            Ok(invoices::show(conn, viewer, id)?)
        })
        .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(page(&view, &year)))
}

/// An amount of `currency` in minor units, as the invoice page shows it.
fn amount(minor: i64, currency: &str) -> String {
    format!("{currency} {}.{:02}", minor / 100, (minor % 100).abs())
}

/// The invoice as an HTML page.
fn page(view: &InvoiceView, year: &FundYear) -> String {
    let e = html_escape;
    let payments: String = view
        .payments
        .iter()
        .map(|p| {
            format!(
                "<li>{} received {}</li>",
                amount(p.amount, &view.amount.currency),
                p.paid_on
            )
        })
        .collect();
    format!(
        "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\">\
         <title>Invoice {number}</title>\
         <h1>Network fund {year}: invoice {number}</h1>\
         <p>To {coop}, for its pledge to the network fund. Contributing is \
         <strong>optional</strong>: this invoice is for what {coop} chose to give.</p>\
         <h2>What the fund is for</h2><p>{purpose}</p>\
         <table><tr><th>Amount</th><td>{total}</td></tr>\
         <tr><th>Issued</th><td>{issued}</td></tr>\
         <tr><th>Payment asked for by</th><td>{due}</td></tr>\
         <tr><th>Received so far</th><td>{paid}</td></tr></table>\
         <ul>{payments}</ul></html>",
        number = e(&view.number),
        year = view.year,
        coop = e(&view.coop.name),
        purpose = e(&year.purpose),
        total = amount(view.amount.amount, &view.amount.currency),
        issued = view.issued_on,
        due = view.due_on,
        paid = amount(view.paid, &view.amount.currency),
    )
}
