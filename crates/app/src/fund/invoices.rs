//! Invoices against pledges, read by the stewards and the co-op's admins.

use super::*;
use crate::AppError;
use coophub_domain::access::{CoopFacts, Viewer, fund as rules};
use coophub_domain::fund::FundYear;
use coophub_store::fund::invoices::{self, Invoice};
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
