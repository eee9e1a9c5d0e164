//! `coophub export civicrm --output DIR`: the network's co-ops, their
//! memberships and the fund's payments as the CSV files CiviCRM's import
//! screens read (Contacts → Import Contacts as Organization, Memberships →
//! Import Memberships, Contributions → Import Contributions). Each row carries
//! the hub's id as the contact's External Identifier, and each contribution
//! the payment's id as its Transaction ID, so importing again updates rather
//! than duplicates (choose "Update" for duplicate contacts).

use std::path::Path;

use chrono::{DateTime, Utc};
use coophub_domain::coop::MembershipStatus;
use coophub_store::fund::invoices;
use coophub_store::{DbConnection, coops};

/// The organisation contacts' columns.
pub const ORGANISATION_HEADERS: [&str; 8] = [
    "External Identifier",
    "Organization Name",
    "Website",
    "Street Address",
    "City",
    "State/Province",
    "Postal Code",
    "Country",
];

/// The memberships' columns.
pub const MEMBERSHIP_HEADERS: [&str; 5] = [
    "External Identifier",
    "Membership Type",
    "Membership Status",
    "Member Since",
    "Membership Start Date",
];

/// The contributions' columns.
pub const CONTRIBUTION_HEADERS: [&str; 8] = [
    "External Identifier",
    "Financial Type",
    "Total Amount",
    "Currency",
    "Received Date",
    "Transaction ID",
    "Contribution Status",
    "Source",
];

/// The membership type every co-op's membership is imported as.
const MEMBERSHIP_TYPE: &str = "Network member";
/// The financial type fund payments are imported as.
const FINANCIAL_TYPE: &str = "Network fund";

/// CiviCRM's name for a hub membership status.
pub fn membership_status(status: MembershipStatus) -> &'static str {
    match status {
        MembershipStatus::Approved => "Current",
        MembershipStatus::Applied | MembershipStatus::Invited => "Pending",
        MembershipStatus::Lapsed => "Expired",
        MembershipStatus::Removed => "Cancelled",
    }
}

/// Minor units as CiviCRM's decimal amount: 2500 is "25.00".
fn decimal(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let minor = minor.unsigned_abs();
    format!("{sign}{}.{:02}", minor / 100, minor % 100)
}

fn writer(dir: &Path, name: &str) -> anyhow::Result<csv::Writer<std::fs::File>> {
    let path = dir.join(name);
    csv::Writer::from_path(&path)
        .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))
}

/// Writes the three files into `dir` (created if missing); answers how many
/// rows each holds: organisations, memberships, contributions.
pub fn export(
    conn: &mut DbConnection,
    dir: &Path,
    now: DateTime<Utc>,
) -> anyhow::Result<[usize; 3]> {
    std::fs::create_dir_all(dir)
        .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", dir.display()))?;
    let all = coops::all(conn)?;
    let mut organisations = writer(dir, "organisations.csv")?;
    organisations.write_record(ORGANISATION_HEADERS)?;
    let mut memberships = writer(dir, "memberships.csv")?;
    memberships.write_record(MEMBERSHIP_HEADERS)?;
    for coop in &all {
        let place = &coop.profile.location;
        let text = |value: &Option<String>| value.clone().unwrap_or_default();
        organisations.write_record([
            coop.id.to_string(),
            coop.profile.name.clone(),
            text(&coop.profile.website),
            text(&place.address),
            text(&place.locality),
            text(&place.region),
            text(&place.postcode),
            text(&place.country).to_ascii_uppercase(),
        ])?;
        memberships.write_record([
            coop.id.to_string(),
            MEMBERSHIP_TYPE.to_owned(),
            membership_status(coop.membership.effective_status(now)).to_owned(),
            coop.created_at.date_naive().to_string(),
            coop.membership.changed_at.date_naive().to_string(),
        ])?;
    }
    let mut contributions = writer(dir, "contributions.csv")?;
    contributions.write_record(CONTRIBUTION_HEADERS)?;
    let mut paid = 0;
    let currencies: std::collections::HashMap<i32, String> = coophub_store::fund::years(conn)?
        .into_iter()
        .map(|year| (year.year, year.currency))
        .collect();
    for invoice in invoices::list(conn, None, None)? {
        let currency = currencies.get(&invoice.year).cloned().unwrap_or_default();
        for payment in &invoice.payments {
            contributions.write_record([
                invoice.coop_id.to_string(),
                FINANCIAL_TYPE.to_owned(),
                decimal(payment.amount),
                currency.clone(),
                payment.paid_on.to_string(),
                payment.id.to_string(),
                "Completed".to_owned(),
                format!("Network fund {}, invoice {}", invoice.year, invoice.number),
            ])?;
            paid += 1;
        }
    }
    for mut file in [organisations, memberships, contributions] {
        file.flush()?;
    }
    Ok([all.len(), all.len(), paid])
}
