//! Importing directories into the database. Imports are idempotent: a record
//! that is already there as imported is left untouched, so a second run of
//! the same import changes nothing.

mod cotech;

use std::path::Path;

use chrono::{DateTime, Utc};
use coophub_domain::coop::{Coop, CoopInput};
use coophub_domain::skills::SkillName;
use coophub_store::{DbConnection, Store, StoreError, coops, skills};
use indicatif::ProgressBar;

/// What an import did.
#[derive(Debug, Default)]
pub struct ImportSummary {
    /// Records created.
    pub created: usize,
    /// Records that existed and were changed.
    pub updated: usize,
    /// Records that existed as imported.
    pub unchanged: usize,
    /// Records that could not be imported.
    pub skipped: usize,
    /// Data-quality warnings, each naming its record.
    pub warnings: Vec<String>,
}

/// Canonical slugs `names` resolve to today, in order, without duplicates;
/// `None` if one of them is not a known skill yet.
fn resolved(
    conn: &mut DbConnection,
    names: &[SkillName],
) -> Result<Option<Vec<String>>, StoreError> {
    let mut slugs: Vec<String> = Vec::new();
    for name in names {
        let Some(skill) = skills::find(conn, name.key())? else {
            return Ok(None);
        };
        if !slugs.contains(&skill.slug) {
            slugs.push(skill.slug);
        }
    }
    Ok(Some(slugs))
}

/// Whether `existing` already holds everything `input` says.
fn unchanged(
    conn: &mut DbConnection,
    existing: &Coop,
    input: &CoopInput,
) -> Result<bool, StoreError> {
    let have = |skills: &[coophub_domain::skills::Skill]| {
        skills.iter().map(|s| s.slug.clone()).collect::<Vec<_>>()
    };
    Ok(existing.profile == input.profile
        && resolved(conn, &input.technologies)?
            .is_some_and(|want| want == have(&existing.technologies))
        && resolved(conn, &input.services)?.is_some_and(|want| want == have(&existing.services)))
}

/// Imports the coops.tech directory in `dir`: current co-ops as approved
/// founding members, former ones as lapsed, skills normalised.
pub fn import_cotech(
    store: &Store,
    dir: &Path,
    now: DateTime<Utc>,
    progress: &ProgressBar,
) -> anyhow::Result<ImportSummary> {
    let directory = cotech::CotechDirectory::read(dir)?;
    progress.set_length(directory.coops.len() as u64);
    let mut conn = store.conn()?;
    let mut summary = ImportSummary::default();
    for record in &directory.coops {
        progress.set_message(record.slug.clone());
        let (draft, warnings) = directory.draft(record);
        summary.warnings.extend(
            warnings
                .into_iter()
                .map(|w| format!("{}: {w}", record.slug)),
        );
        match CoopInput::parse(draft) {
            Err(errors) => {
                summary.skipped += 1;
                for error in errors.0 {
                    summary.warnings.push(format!(
                        "{}: skipped, {} {}",
                        record.slug, error.pointer, error.message
                    ));
                }
            }
            Ok(input) => match coops::find_by_slug(&mut conn, input.slug.as_str())? {
                None => {
                    coops::insert(
                        &mut conn,
                        &input,
                        &cotech::membership(record, now),
                        None,
                        now,
                    )?;
                    summary.created += 1;
                }
                Some(existing) if unchanged(&mut conn, &existing, &input)? => {
                    summary.unchanged += 1
                }
                Some(existing) => {
                    coops::update(&mut conn, &existing.slug, None, &input, now)?;
                    summary.updated += 1;
                }
            },
        }
        progress.inc(1);
    }
    progress.finish_and_clear();
    Ok(summary)
}
