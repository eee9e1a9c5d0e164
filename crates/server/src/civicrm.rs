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

/// The memberships' columns. Status Override is set on every row: the
/// status is the network's decision, which CiviCRM's importer would
/// otherwise compute from the dates and the type and refuse where the two
/// differ.
pub const MEMBERSHIP_HEADERS: [&str; 7] = [
    "External Identifier",
    "Membership Type",
    "Membership Status",
    "Status Override",
    "Member Since",
    "Membership Start Date",
    "Membership Expiration Date",
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

/// The street part of an address: the parts that repeat the town, the
/// postcode or the country (CoTech writes whole addresses, some as
/// "London N4 3HH" or with the postcode's space left out) are left out,
/// since CiviCRM has columns of their own for those.
fn street(place: &coophub_domain::coop::Location) -> String {
    let squeezed = |text: &str| text.to_lowercase().replace(' ', "");
    let town = place.locality.as_deref().map(squeezed).unwrap_or_default();
    let postcode = place.postcode.as_deref().map(squeezed).unwrap_or_default();
    let repeats = |part: &str| {
        let part = squeezed(part);
        let without_postcode = match part.strip_suffix(postcode.as_str()) {
            Some(rest) if !postcode.is_empty() => rest.to_owned(),
            _ => part,
        };
        without_postcode.is_empty()
            || (!town.is_empty() && without_postcode == town)
            || ["unitedkingdom", "uk", "england", "scotland", "wales"]
                .contains(&without_postcode.as_str())
    };
    place
        .address
        .as_deref()
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty() && !repeats(part))
        .collect::<Vec<_>>()
        .join(", ")
}

/// CiviCRM's State/Province: left empty for the United Kingdom, whose
/// regions in the directory ("South East") are not among CiviCRM's GB
/// counties and would make the importer refuse the row.
fn province(country: &str, region: Option<&str>) -> String {
    match region {
        Some(region) if country != "GB" => region.to_owned(),
        _ => String::new(),
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
        let country = text(&place.country).to_ascii_uppercase();
        organisations.write_record([
            coop.id.to_string(),
            coop.profile.name.clone(),
            text(&coop.profile.website),
            street(place),
            text(&place.locality),
            province(&country, place.region.as_deref()),
            text(&place.postcode),
            country,
        ])?;
        let status = coop.membership.effective_status(now);
        // The one date the hub knows of a membership: when its status last
        // changed (joining, for current members: the CoTech listing date or
        // the approval), never the day the record was imported.
        let since = coop.membership.changed_at.date_naive().to_string();
        let ended = matches!(status, MembershipStatus::Lapsed | MembershipStatus::Removed);
        memberships.write_record([
            coop.id.to_string(),
            MEMBERSHIP_TYPE.to_owned(),
            membership_status(status).to_owned(),
            "1".to_owned(),
            since.clone(),
            since.clone(),
            if ended { since } else { String::new() },
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

#[cfg(test)]
mod tests {
    use coophub_domain::coop::Location;

    use super::*;

    #[test]
    fn streets_do_not_repeat_the_town_postcode_or_country() {
        let place = Location {
            address: Some(
                "The Old Music Hall,106-108 Cowley Road,Oxford,OX4 1JE,United Kingdom".into(),
            ),
            locality: Some("Oxford".into()),
            postcode: Some("OX4 1JE".into()),
            ..Location::default()
        };
        assert_eq!(street(&place), "The Old Music Hall, 106-108 Cowley Road");
        let place = Location {
            address: Some("Space4, 113 Fonthill Road, London N4 3HH".into()),
            locality: Some("London".into()),
            postcode: Some("N4 3HH".into()),
            ..Location::default()
        };
        assert_eq!(street(&place), "Space4, 113 Fonthill Road");
        let place = Location {
            address: Some("Glossop Gasworks, Arundel Street, SK138HZ".into()),
            locality: Some("Glossop".into()),
            postcode: Some("SK13 8HZ".into()),
            ..Location::default()
        };
        assert_eq!(street(&place), "Glossop Gasworks, Arundel Street");
        assert_eq!(street(&Location::default()), "");
    }

    #[test]
    fn english_regions_are_not_sent_as_provinces() {
        assert_eq!(province("GB", Some("South East")), "");
        assert_eq!(province("FR", Some("Bretagne")), "Bretagne");
        assert_eq!(province("FR", None), "");
    }
}
