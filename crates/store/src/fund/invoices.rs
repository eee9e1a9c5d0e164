//! Invoices against pledges, and the payments recorded against them.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use coophub_domain::fund::{InvoiceInput, PaymentInput};
use diesel::prelude::*;
use uuid::Uuid;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::{fund_invoices, fund_payments};
use crate::sharing::uuid;
use crate::time;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize, serde::Deserialize)]
#[diesel(table_name = fund_invoices)]
pub(crate) struct InvoiceRow {
    id: String,
    year: i32,
    coop_id: String,
    number: String,
    amount: i64,
    issued_on: NaiveDate,
    due_on: NaiveDate,
    created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize, serde::Deserialize)]
#[diesel(table_name = fund_payments)]
pub(crate) struct PaymentRow {
    id: String,
    invoice_id: String,
    amount: i64,
    paid_on: NaiveDate,
    reference: Option<String>,
    created_at: NaiveDateTime,
}

/// A payment against an invoice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payment {
    /// Its id.
    pub id: Uuid,
    /// Minor units.
    pub amount: i64,
    /// When it arrived.
    pub paid_on: NaiveDate,
    /// A bank reference.
    pub reference: Option<String>,
}

/// An invoice with its payments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invoice {
    /// Its id.
    pub id: Uuid,
    /// The fund year.
    pub year: i32,
    /// The co-op invoiced.
    pub coop_id: Uuid,
    /// The stewards' number.
    pub number: String,
    /// Minor units.
    pub amount: i64,
    /// When issued.
    pub issued_on: NaiveDate,
    /// When payment is asked for.
    pub due_on: NaiveDate,
    /// Payments, oldest first.
    pub payments: Vec<Payment>,
}

impl Invoice {
    /// What its payments add up to.
    pub fn paid(&self) -> i64 {
        self.payments.iter().map(|p| p.amount).sum()
    }
}

fn with_payments(
    conn: &mut DbConnection,
    rows: Vec<InvoiceRow>,
) -> Result<Vec<Invoice>, StoreError> {
    let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    let payments: Vec<PaymentRow> = fund_payments::table
        .filter(fund_payments::invoice_id.eq_any(&ids))
        .order((fund_payments::paid_on, fund_payments::created_at))
        .select(PaymentRow::as_select())
        .load(conn)?;
    rows.into_iter()
        .map(|row| {
            let payments = payments
                .iter()
                .filter(|p| p.invoice_id == row.id)
                .map(|p| {
                    Ok(Payment {
                        id: uuid(&p.id, "id")?,
                        amount: p.amount,
                        paid_on: p.paid_on,
                        reference: p.reference.clone(),
                    })
                })
                .collect::<Result<_, StoreError>>()?;
            Ok(Invoice {
                id: uuid(&row.id, "id")?,
                year: row.year,
                coop_id: uuid(&row.coop_id, "coop_id")?,
                number: row.number,
                amount: row.amount,
                issued_on: row.issued_on,
                due_on: row.due_on,
                payments,
            })
        })
        .collect()
}

/// Invoices `coop`'s pledge to `year`; `Conflict` on `number` when taken.
pub fn insert(
    conn: &mut DbConnection,
    year: i32,
    coop: Uuid,
    input: &InvoiceInput,
    now: DateTime<Utc>,
) -> Result<Invoice, StoreError> {
    let row = InvoiceRow {
        id: Uuid::new_v4().to_string(),
        year,
        coop_id: coop.to_string(),
        number: input.number.clone(),
        amount: input.amount,
        issued_on: input.issued_on,
        due_on: input.due_on,
        created_at: time::to_db(now),
    };
    diesel::insert_into(fund_invoices::table)
        .values(&row)
        .execute(conn)
        .map_err(StoreError::unique_as("number"))?;
    Ok(with_payments(conn, vec![row])?.remove(0))
}

/// Records a payment against `invoice`.
pub fn pay(
    conn: &mut DbConnection,
    invoice: Uuid,
    input: &PaymentInput,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    diesel::insert_into(fund_payments::table)
        .values(PaymentRow {
            id: Uuid::new_v4().to_string(),
            invoice_id: invoice.to_string(),
            amount: input.amount,
            paid_on: input.paid_on,
            reference: input.reference.clone(),
            created_at: time::to_db(now),
        })
        .execute(conn)?;
    Ok(())
}

/// The invoice `id`, with its payments.
pub fn find(conn: &mut DbConnection, id: Uuid) -> Result<Option<Invoice>, StoreError> {
    let rows = fund_invoices::table
        .filter(fund_invoices::id.eq(id.to_string()))
        .select(InvoiceRow::as_select())
        .load(conn)?;
    Ok(with_payments(conn, rows)?.pop())
}

/// The invoices of `year`, or of `coop`'s pledges (every year), or both.
pub fn list(
    conn: &mut DbConnection,
    year: Option<i32>,
    coop: Option<Uuid>,
) -> Result<Vec<Invoice>, StoreError> {
    let mut query = fund_invoices::table.into_boxed();
    if let Some(year) = year {
        query = query.filter(fund_invoices::year.eq(year));
    }
    if let Some(coop) = coop {
        query = query.filter(fund_invoices::coop_id.eq(coop.to_string()));
    }
    let rows = query
        .order((
            fund_invoices::year.desc(),
            fund_invoices::issued_on,
            fund_invoices::number,
        ))
        .select(InvoiceRow::as_select())
        .load(conn)?;
    with_payments(conn, rows)
}
