//! Invoices against pledges and payments against invoices (stewards),
//! read by the stewards and the co-op's admins.

use super::*;
use crate::directory::coops::ADMINISTER;
use crate::guard::{Lock, load};
use crate::{AppError, Clash};
use coophub_domain::access::{CoopFacts, Viewer, fund as rules};
use coophub_domain::fund::{Answer, FundYear, InvoiceInput, PaymentInput};
use coophub_store::fund::invoices::{self, Invoice};
use coophub_store::fund::pledges;
use coophub_store::{DbConnection, coops};
use uuid::Uuid;

/// The invoice `id` and its year, if the viewer may read it (stewards and
/// the co-op's admins); 404 otherwise, so its existence is not revealed.
pub fn invoice_for(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
) -> Result<(Invoice, FundYear), AppError> {
    let hidden = || AppError::NotFound(format!("no invoice {id}"));
    let invoice = invoices::find(conn, id)?.ok_or_else(hidden)?;
    let coop = coops::find_by_id(conn, invoice.coop_id)?.ok_or_else(hidden)?;
    rules::coop_fund(viewer, CoopFacts::of(&coop)).map_err(|_| hidden())?;
    let year = year_for(conn, invoice.year)?;
    Ok((invoice, year))
}

/// Stewards invoice the pledge of the co-op `slug` to the year `year`; the
/// year's invoices of a co-op never come to more than its pledge.
pub fn issue(
    conn: &mut DbConnection,
    viewer: &Viewer,
    year: i32,
    slug: &str,
    input: &InvoiceInput,
    now: DateTime<Utc>,
) -> Result<InvoiceView, AppError> {
    steward(viewer)?;
    let year = year_for(conn, year)?;
    let coop = load::<Coop>(conn, viewer, slug, ADMINISTER, Lock::Read)?;
    pledges::hold(conn, coop.id)?;
    let pledged = match pledges::find(conn, year.year, coop.id)?.map(|p| p.answer) {
        Some(Answer::Pledged { amount }) => amount,
        _ => {
            return Err(AppError::conflict(
                Clash::NotPledged,
                format!(
                    "{} pledged nothing to {}: there is nothing to invoice",
                    coop.slug, year.year
                ),
            ));
        }
    };
    let invoiced = invoices::list(conn, Some(year.year), Some(coop.id))?
        .iter()
        .try_fold(input.amount, |sum, invoice| sum.checked_add(invoice.amount));
    if invoiced.is_none_or(|total| total > pledged) {
        return Err(AppError::conflict(
            Clash::OverPledge,
            format!(
                "{} pledged {pledged} (minor units) to {}: with this invoice more would be invoiced than that",
                coop.slug, year.year
            ),
        ));
    }
    let invoice = invoices::insert(conn, year.year, coop.id, input, now)?;
    Ok(InvoiceView::new(
        invoice,
        coop_ref(conn, coop.id)?,
        &year.currency,
    ))
}

/// Stewards record a payment against the invoice `id`: an invoice is paid
/// at most once over.
pub fn pay(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    input: &PaymentInput,
    now: DateTime<Utc>,
) -> Result<InvoiceView, AppError> {
    steward(viewer)?;
    let (invoice, year) = invoice_for(conn, viewer, id)?;
    // Payments of one invoice are decided one at a time: read what was
    // received only once the co-op's part in the fund is held.
    pledges::hold(conn, invoice.coop_id)?;
    let invoice = invoices::find(conn, id)?.unwrap_or(invoice);
    let received = invoice.paid().checked_add(input.amount);
    if received.is_none_or(|total| total > invoice.amount) {
        return Err(AppError::conflict(
            Clash::Overpaid,
            format!(
                "invoice {} asks for {} and {} was received: this payment would take it past the amount",
                invoice.number,
                invoice.amount,
                invoice.paid()
            ),
        ));
    }
    invoices::pay(conn, invoice.id, input, now)?;
    let paid = invoices::find(conn, id)?.unwrap_or(invoice);
    let coop = coop_ref(conn, paid.coop_id)?;
    Ok(InvoiceView::new(paid, coop, &year.currency))
}

/// The invoice `id` with its payments, and its year, to the stewards and
/// the co-op's admins.
pub fn show(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
) -> Result<(InvoiceView, FundYear), AppError> {
    let (invoice, year) = invoice_for(conn, viewer, id)?;
    let coop = coop_ref(conn, invoice.coop_id)?;
    Ok((InvoiceView::new(invoice, coop, &year.currency), year))
}
