//! Invoices against pledges and payments against invoices (stewards), read
//! by the co-op's admins, and an invoice as a page to print: with the
//! year's purpose and the word *optional*, and never a word of "overdue".

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, web};
use chrono::NaiveDate;
use coophub_app::directory::coops::ADMINISTER;
use coophub_app::fund::invoices::invoice_for;
use coophub_app::guard::{Lock, load};
use coophub_domain::coop::Coop;
use coophub_domain::fund::{Answer, FundYear, InvoiceDraft, PaymentDraft};
use coophub_domain::text::html_escape;
use coophub_store::fund::invoices::{self};
use coophub_store::fund::pledges;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::{InvoiceView, coop_ref, steward, year_for};
use crate::auth::SignedIn;
use crate::extract::Checked;
use crate::problem::{ApiError, Code, JsonBody, Problem, TokenRequired};
use crate::state::AppState;

/// An invoice as a steward records it.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InvoiceBody {
    /// The co-op whose pledge is invoiced.
    pub coop: String,
    /// The stewards' invoice number (unique).
    pub number: String,
    /// Minor units of the year's currency.
    pub amount: i64,
    /// When issued (YYYY-MM-DD).
    pub issued_on: NaiveDate,
    /// When payment is asked for (YYYY-MM-DD).
    pub due_on: NaiveDate,
}

/// A payment as a steward records it.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PaymentBody {
    /// Minor units of the year's currency.
    pub amount: i64,
    /// When it arrived (YYYY-MM-DD).
    pub paid_on: NaiveDate,
    /// A bank reference.
    pub reference: Option<String>,
}

/// Invoices a co-op's pledge to a year.
#[utoipa::path(
    tag = "fund",
    security(("bearer" = [])),
    params(("year" = i32, Path, description = "The calendar year")),
    request_body = InvoiceBody,
    responses(
        TokenRequired, JsonBody,
        (status = 201, description = "Recorded", body = InvoiceView),
        (status = 403, description = "Not a steward (network admin)", body = Problem, content_type = "application/problem+json"),
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
    let (slug, input) = body.check(|body| {
        let input = InvoiceDraft {
            number: body.number,
            amount: body.amount,
            issued_on: Some(body.issued_on),
            due_on: Some(body.due_on),
        }
        .parse()?;
        Ok((body.coop, input))
    })?;
    let path = path.into_inner();
    let now = state.clock.now();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            steward(viewer)?;
            let year = year_for(conn, path)?;
            let coop = load::<Coop>(conn, viewer, &slug, ADMINISTER, Lock::Read)?;
            pledges::hold(conn, coop.id)?;
            let pledged = match pledges::find(conn, year.year, coop.id)?.map(|p| p.answer) {
                Some(Answer::Pledged { amount }) => amount,
                _ => {
                    return Err(ApiError::conflict(Code::NotPledged, format!(
                            "{} pledged nothing to {}: there is nothing to invoice",
                            coop.slug, year.year
                        )));
                }
            };
            let invoiced = invoices::list(conn, Some(year.year), Some(coop.id))?
                .iter()
                .try_fold(input.amount, |sum, invoice| sum.checked_add(invoice.amount));
            if invoiced.is_none_or(|total| total > pledged) {
                return Err(ApiError::conflict(Code::OverPledge, format!(
                        "{} pledged {pledged} (minor units) to {}: with this invoice more would be invoiced than that",
                        coop.slug, year.year
                    )));
            }
            let invoice = invoices::insert(conn, year.year, coop.id, &input, now)?;
            Ok(InvoiceView::new(
                invoice,
                coop_ref(conn, coop.id)?,
                &year.currency,
            ))
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
        TokenRequired, JsonBody,
        (status = 201, description = "Recorded; the invoice as it now stands", body = InvoiceView),
        (status = 403, description = "Not a steward (network admin)", body = Problem, content_type = "application/problem+json"),
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
    let input = body.check(|body| {
        Ok(PaymentDraft {
            amount: body.amount,
            paid_on: Some(body.paid_on),
            reference: body.reference,
        }
        .parse()?)
    })?;
    let id = id.into_inner();
    let now = state.clock.now();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            steward(viewer)?;
            let (invoice, year) = invoice_for(conn, viewer, id)?;
            // Payments of one invoice are decided one at a time: read what
            // was received only once the co-op's part in the fund is held.
            pledges::hold(conn, invoice.coop_id)?;
            let invoice = invoices::find(conn, id)?.unwrap_or(invoice);
            let received = invoice.paid().checked_add(input.amount);
            if received.is_none_or(|total| total > invoice.amount) {
                return Err(ApiError::conflict(Code::Overpaid, format!(
                        "invoice {} asks for {} and {} was received: this payment would take it past the amount",
                        invoice.number,
                        invoice.amount,
                        invoice.paid()
                    )));
            }
            invoices::pay(conn, invoice.id, &input, now)?;
            let paid = invoices::find(conn, id)?.unwrap_or(invoice);
            let coop = coop_ref(conn, paid.coop_id)?;
            Ok(InvoiceView::new(paid, coop, &year.currency))
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
        TokenRequired,
        (status = 200, description = "The invoice", body = InvoiceView),
        (status = 404, description = "No such invoice of the caller's co-ops", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/fund/invoices/{id}")]
pub async fn show_invoice(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
) -> Result<web::Json<InvoiceView>, ApiError> {
    let id = id.into_inner();
    let (_, view) = state
        .read(caller, move |conn, viewer| {
            let (invoice, year) = invoice_for(conn, viewer, id)?;
            let coop = coop_ref(conn, invoice.coop_id)?;
            Ok(InvoiceView::new(invoice, coop, &year.currency))
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
        TokenRequired,
        (status = 200, description = "The invoice page", content_type = "text/html", body = String),
        (status = 404, description = "No such invoice of the caller's co-ops", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/fund/invoices/{id}/document")]
pub async fn invoice_document(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let (_, html) = state
        .read(caller, move |conn, viewer| {
            let (invoice, year) = invoice_for(conn, viewer, id)?;
            let coop = coop_ref(conn, invoice.coop_id)?;
            Ok(page(
                &InvoiceView::new(invoice, coop, &year.currency),
                &year,
            ))
        })
        .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(html))
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
