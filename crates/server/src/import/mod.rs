//! Importing directories into the database. Imports are idempotent: a record
//! that is already there as imported is left untouched, so a second run of
//! the same import changes nothing.

mod cotech;
mod ocds;
mod sync;

pub use ocds::{OcdsSummary, import_ocds};
pub use sync::{SyncSummary, sync_ocds};

use std::path::Path;

use chrono::{DateTime, Utc};
use coophub_domain::case_study::{CaseStudy, CaseStudyDraft, CaseStudyInput};
use coophub_domain::consent;
use coophub_domain::coop::{Coop, CoopInput};
use coophub_domain::skills::SkillName;
use coophub_store::{DbConnection, Store, StoreError, case_studies, coops, skills};
use indicatif::ProgressBar;

/// What an import did, per kind of record.
#[derive(Debug, Default)]
pub struct ImportSummary {
    /// Co-ops.
    pub coops: Counts,
    /// Case studies.
    pub case_studies: Counts,
    /// Data-quality warnings, each naming its record.
    pub warnings: Vec<String>,
}

/// Records created, changed, left alone and skipped.
#[derive(Debug, Default)]
pub struct Counts {
    /// Records created.
    pub created: usize,
    /// Records that existed and were changed.
    pub updated: usize,
    /// Records that existed as imported.
    pub unchanged: usize,
    /// Records that could not be imported.
    pub skipped: usize,
    /// Records their owners keep on the hub now (a claimed co-op), left as
    /// they keep them.
    pub kept: usize,
}

impl Counts {
    /// Adds what `other` counted.
    pub fn add(&mut self, other: &Counts) {
        self.created += other.created;
        self.updated += other.updated;
        self.unchanged += other.unchanged;
        self.skipped += other.skipped;
        self.kept += other.kept;
    }
}

/// Why an import's transaction failed: the store (perhaps a lost race,
/// which is run again) or the input.
#[derive(Debug)]
pub(crate) struct Failed(pub anyhow::Error);

impl From<StoreError> for Failed {
    fn from(error: StoreError) -> Self {
        Self(error.into())
    }
}

impl coophub_store::Retryable for Failed {
    fn lost_a_race(&self) -> bool {
        self.0
            .downcast_ref::<StoreError>()
            .is_some_and(coophub_store::Retryable::lost_a_race)
    }
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} created, {} updated, {} unchanged, {} skipped",
            self.created, self.updated, self.unchanged, self.skipped
        )?;
        if self.kept > 0 {
            write!(f, ", {} kept as their admins keep them", self.kept)?;
        }
        Ok(())
    }
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
/// founding members, former ones as lapsed, skills normalised; then the case
/// studies.
pub fn import_cotech(
    store: &Store,
    dir: &Path,
    now: DateTime<Utc>,
    progress: &ProgressBar,
) -> anyhow::Result<ImportSummary> {
    let directory = cotech::CotechDirectory::read(dir)?;
    progress.set_length((directory.coops.len() + directory.case_studies.len()) as u64);
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
                summary.coops.skipped += 1;
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
                    summary.coops.created += 1;
                }
                Some(existing) if unchanged(&mut conn, &existing, &input)? => {
                    summary.coops.unchanged += 1
                }
                Some(existing) if coops::roles::admin_count(&mut conn, existing.id)? > 0 => {
                    summary.coops.kept += 1;
                    summary.warnings.push(format!(
                        "{}: its admins keep its entry on the hub now; left as they keep it",
                        existing.slug
                    ));
                }
                Some(existing) => {
                    coops::update(&mut conn, &existing.slug, None, &input, now)?;
                    summary.coops.updated += 1;
                }
            },
        }
        progress.inc(1);
    }
    for record in &directory.case_studies {
        progress.set_message(record.slug.clone());
        import_case_study(&mut conn, record.draft(), &mut summary, now)?;
        progress.inc(1);
    }
    progress.finish_and_clear();
    Ok(summary)
}

/// Imports one case study, naming only co-ops that exist.
fn import_case_study(
    conn: &mut DbConnection,
    draft: CaseStudyDraft,
    summary: &mut ImportSummary,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let slug = draft.slug.clone();
    let input = match CaseStudyInput::parse(draft) {
        Ok(input) => input,
        Err(errors) => {
            summary.case_studies.skipped += 1;
            for error in errors.0 {
                summary.warnings.push(format!(
                    "case study {slug}: skipped, {} {}",
                    error.pointer, error.message
                ));
            }
            return Ok(());
        }
    };
    let mut ids = Vec::new();
    for coop in &input.coops {
        match coops::find_by_slug(conn, coop.as_str())? {
            Some(found) => ids.push(found.id),
            None => summary.warnings.push(format!(
                "case study {slug}: unknown co-op reference `{}`",
                coop.as_str()
            )),
        }
    }
    if ids.is_empty() {
        summary.case_studies.skipped += 1;
        return Ok(());
    }
    let named = consent::as_published(&ids);
    match case_studies::find_by_slug(conn, &slug)? {
        None => {
            case_studies::insert(conn, &input, &named, now)?;
            summary.case_studies.created += 1;
        }
        Some(existing) if same_case_study(conn, &existing, &input, &ids)? => {
            summary.case_studies.unchanged += 1
        }
        Some(existing) => {
            case_studies::update(conn, &existing.slug, None, &input, &named, now)?;
            summary.case_studies.updated += 1;
        }
    }
    Ok(())
}

/// Whether `existing` already holds everything `input` says.
fn same_case_study(
    conn: &mut DbConnection,
    existing: &CaseStudy,
    input: &CaseStudyInput,
    coop_ids: &[uuid::Uuid],
) -> Result<bool, StoreError> {
    let have_skills: Vec<String> = existing.skills.iter().map(|s| s.slug.clone()).collect();
    let have_coops: Vec<uuid::Uuid> = existing.coops.iter().map(|c| c.id).collect();
    Ok(existing.title == input.title
        && existing.client == input.client
        && existing.summary == input.summary
        && existing.year == input.year
        && existing.value_band == input.value_band
        && existing.value == input.value
        && existing.outcome == input.outcome
        && existing.links == input.links
        && have_coops == coop_ids
        && resolved(conn, &input.skills)?.is_some_and(|want| want == have_skills))
}
