//! The network fund's tables in a backup, after the co-ops, accounts and
//! bids they refer to.

use std::io::Write;

use diesel::prelude::*;

use super::{BackupError, Record, unclean_field};
use crate::connection::DbConnection;
use crate::fund::{
    BidIncomeRow, FederationRow, InvoiceRow, PaymentRow, PledgeRow, SpendingRow, YearRow,
};
use crate::schema;

/// Writes the fund tables' rows to `out`, counting lines in `lines`.
pub(super) fn export(
    conn: &mut DbConnection,
    out: &mut dyn Write,
    lines: &mut usize,
) -> Result<(), BackupError> {
    use schema::*;
    let mut count = 0;
    dump!(
        conn,
        out,
        count,
        fund_years,
        YearRow,
        FundYears,
        fund_years::year
    );
    dump!(
        conn,
        out,
        count,
        fund_federation,
        FederationRow,
        FundFederation,
        fund_federation::coop_id
    );
    dump!(
        conn,
        out,
        count,
        fund_pledges,
        PledgeRow,
        FundPledges,
        (fund_pledges::year, fund_pledges::coop_id)
    );
    dump!(
        conn,
        out,
        count,
        fund_invoices,
        InvoiceRow,
        FundInvoices,
        fund_invoices::id
    );
    dump!(
        conn,
        out,
        count,
        fund_payments,
        PaymentRow,
        FundPayments,
        fund_payments::id
    );
    dump!(
        conn,
        out,
        count,
        fund_spending,
        SpendingRow,
        FundSpending,
        fund_spending::id
    );
    dump!(
        conn,
        out,
        count,
        fund_bid_income,
        BidIncomeRow,
        FundBidIncome,
        fund_bid_income::bid_id
    );
    *lines += count;
    Ok(())
}
