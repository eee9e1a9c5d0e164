//! `coophub import ocds FILE…`: OCDS release or record packages from files,
//! each file all or nothing (as the API's import), the newer release of a
//! process winning.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use coophub_domain::bidding::read_package;
use coophub_store::Store;
use coophub_store::bidding::opportunities::{self, Upserted};

use super::Counts;

/// What importing the files did.
#[derive(Debug, Default)]
pub struct OcdsSummary {
    /// Opportunities created, updated and left as they were.
    pub opportunities: Counts,
    /// Odd but readable fields, each with its file and pointer.
    pub warnings: Vec<String>,
}

/// Imports each of `files` in turn; stops at the first file that cannot be
/// read or holds an invalid package, naming it (earlier files stay imported).
pub fn import_ocds(
    store: &Store,
    files: &[PathBuf],
    now: DateTime<Utc>,
) -> anyhow::Result<OcdsSummary> {
    let mut summary = OcdsSummary::default();
    for file in files {
        let shown = file.display();
        let text = std::fs::read_to_string(file)
            .map_err(|e| anyhow::anyhow!("cannot read {shown}: {e}"))?;
        let document: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| anyhow::anyhow!("{shown} is not JSON: {e}"))?;
        let package = read_package(&document).map_err(|errors| {
            let problems: Vec<String> = errors
                .0
                .iter()
                .map(|e| format!("{shown}{}: {}", e.pointer, e.message))
                .collect();
            anyhow::anyhow!(
                "{shown} is not a valid OCDS package; nothing of it was imported:\n  {}",
                problems.join("\n  ")
            )
        })?;
        let mut conn = store.conn()?;
        let results = coophub_store::write(&mut conn, |conn| {
            package
                .releases
                .iter()
                .map(|release| opportunities::upsert(conn, release, &[], false, now))
                .collect::<Result<Vec<_>, _>>()
        })?;
        for result in results {
            match result {
                Upserted::Created(_) => summary.opportunities.created += 1,
                Upserted::Updated(_) => summary.opportunities.updated += 1,
                Upserted::Unchanged(_) => summary.opportunities.unchanged += 1,
            }
        }
        summary.warnings.extend(
            package
                .warnings
                .iter()
                .map(|w| format!("{shown}{}: {}", w.pointer, w.message)),
        );
    }
    Ok(summary)
}
