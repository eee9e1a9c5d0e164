//! `coophub import ocds FILE…`: OCDS release or record packages from files,
//! each file all or nothing (as the API's import), the newer release of a
//! process winning.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use coophub_domain::bidding::read_package;
use coophub_store::bidding::opportunities::{Source, Upserted};
use coophub_store::{DbConnection, Store};

use super::{Counts, Failed};

/// What importing the files did.
#[derive(Debug, Default)]
pub struct OcdsSummary {
    /// Opportunities created, updated and left as they were.
    pub opportunities: Counts,
    /// Odd but readable fields, each with its file and pointer.
    pub warnings: Vec<String>,
}

/// What importing one package did.
#[derive(Debug, Default)]
pub(crate) struct PackageImport {
    /// Opportunities created, updated and left as they were.
    pub counts: Counts,
    /// Odd but readable fields, each with `label` and its pointer.
    pub warnings: Vec<String>,
    /// Releases in the package.
    pub releases: usize,
    /// The newest release date in it.
    pub newest: Option<DateTime<Utc>>,
}

/// Imports the OCDS package `document` (named `label` in messages) in the
/// caller's transaction, all or nothing.
pub(crate) fn import_package(
    conn: &mut DbConnection,
    document: &serde_json::Value,
    label: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<PackageImport> {
    let package = read_package(document, now).map_err(|errors| {
        let problems: Vec<String> = errors
            .0
            .iter()
            .map(|e| format!("{label}{}: {}", e.pointer, e.message))
            .collect();
        anyhow::anyhow!(
            "{label} is not a valid OCDS package; nothing of it was imported:\n  {}",
            problems.join("\n  ")
        )
    })?;
    let mut done = PackageImport {
        releases: package.releases.len(),
        newest: package.releases.iter().map(|r| r.release_date).max(),
        ..PackageImport::default()
    };
    for release in &package.releases {
        // The network's source updates any process, so none is kept.
        match coophub_app::bidding::opportunities::upsert(
            conn,
            release,
            &[],
            Source::NETWORK_IMPORT,
            now,
        )? {
            Upserted::Created(_) => done.counts.created += 1,
            Upserted::Updated(_) => done.counts.updated += 1,
            Upserted::Unchanged(_) | Upserted::Kept(_) => done.counts.unchanged += 1,
        }
    }
    done.warnings = package
        .warnings
        .iter()
        .map(|w| format!("{label}{}: {}", w.pointer, w.message))
        .collect();
    Ok(done)
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
        let shown = file.display().to_string();
        let text = std::fs::read_to_string(file)
            .map_err(|e| anyhow::anyhow!("cannot read {shown}: {e}"))?;
        let document: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| anyhow::anyhow!("{shown} is not JSON: {e}"))?;
        let mut conn = store.conn()?;
        let done = coophub_store::write(&mut conn, |conn| {
            import_package(conn, &document, &shown, now).map_err(Failed)
        })
        .map_err(|failed| failed.0)?;
        summary.opportunities.add(&done.counts);
        summary.warnings.extend(done.warnings);
    }
    Ok(summary)
}
