//! The run's figures: the JSON summary (the keys the issue names) and the
//! table printed at the end.

use serde::Serialize;

use crate::load::Figures;

/// The `p`-quantile of `values` (nearest rank); NaN when empty.
pub fn percentile(values: &mut [f64], p: f64) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(f64::total_cmp);
    // A rank within the slice: truncation is the point.
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let rank = ((values.len() as f64 * p).ceil() as usize).clamp(1, values.len());
    values[rank - 1]
}

/// Everything one run measured.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    /// People generated (co-ops, offers and tenders follow from it).
    pub scale: usize,
    /// Documents in the index.
    pub documents: u64,
    /// Queries in the set.
    pub queries: usize,
    /// coophub at concurrency 8.
    pub search_p50_ms: f64,
    /// coophub at concurrency 8.
    pub search_p99_ms: f64,
    /// coophub at concurrency 8.
    pub search_rps: f64,
    /// coophub at concurrency 1.
    pub search_c1_p50_ms: f64,
    /// coophub at concurrency 1.
    pub search_c1_p99_ms: f64,
    /// The baseline at concurrency 8.
    pub baseline_p50_ms: f64,
    /// The baseline at concurrency 8.
    pub baseline_p99_ms: f64,
    /// The baseline at concurrency 8.
    pub baseline_rps: f64,
    /// Baseline p50 over coophub p50, concurrency 8.
    pub speedup_p50: f64,
    /// Baseline p50 over coophub p50, concurrency 1.
    pub speedup_c1_p50: f64,
    /// Typo queries: of the first ten hits of each spelt right, the share
    /// coophub answers in the first ten of the misspelt one.
    pub typo_recall_at_10: f64,
    /// Typo queries in the set.
    pub typo_queries: usize,
    /// Of coophub's hits on the typo queries, the share the baseline found.
    pub baseline_typo_recall: f64,
    /// Typo queries on which the baseline found nothing while coophub did.
    pub baseline_typo_missed_queries: usize,
    /// Write-to-searchable.
    pub fresh_p50_ms: f64,
    /// Write-to-searchable.
    pub fresh_p99_ms: f64,
    /// Updates the next search found, of `fresh_updates`.
    pub fresh_found: usize,
    /// Updates made.
    pub fresh_updates: usize,
    /// Rebuild of the index from SQLite at start.
    pub rebuild_s: f64,
    /// From start to listening on SQLite: the rebuild, the catch-up over
    /// the changes it re-applies, the merge into one segment.
    pub ready_s: f64,
    /// Rebuild of the index from PostgreSQL at start.
    pub rebuild_postgres_s: f64,
    /// Resident memory right after start.
    pub rss_start_mb: f64,
    /// Resident memory after the load runs.
    pub rss_mb: f64,
    /// Resident memory after the soak.
    pub rss_after_soak_mb: f64,
    /// Of it, anonymous (the heap, mostly).
    pub rss_after_soak_anon_mb: f64,
    /// Of it, the index's segments, mapped read-only.
    pub rss_after_soak_index_mb: f64,
    /// Of it, the program and its libraries, mapped from their files.
    pub rss_after_soak_program_mb: f64,
    /// All of it but the index's segments: what the memory target bounds.
    pub rss_after_soak_without_index_mb: f64,
    /// Resident memory during the soak, sampled.
    pub rss_soak_series_mb: Vec<f64>,
    /// Soak length.
    pub soak_s: u32,
    /// Profile updates a second, concurrency 8, SQLite.
    pub writes_per_s_sqlite: f64,
    /// Profile updates a second, concurrency 8, PostgreSQL.
    pub writes_per_s_postgres: f64,
    /// Generating the network on SQLite.
    pub generate_sqlite_s: f64,
    /// Generating the network on PostgreSQL.
    pub generate_postgres_s: f64,
    /// Suggest over prefixes as people type, concurrency 8.
    pub suggest: Figures,
    /// The search page over the query set, one visitor at a time.
    pub page_search: Figures,
    /// Co-op pages, one visitor at a time.
    pub page_coop: Figures,
    /// Every load run by name.
    pub runs: Vec<(String, Figures)>,
    /// Non-2xx answers and failed requests over every run.
    pub errors: u64,
}

impl Summary {
    /// Keeps `figures` under `name`.
    pub fn record(&mut self, name: &str, figures: Figures) -> Figures {
        println!(
            "  {name:<34} p50 {:>7.2} ms  p90 {:>7.2}  p99 {:>7.2}  max {:>8.2}  {:>7.0} req/s  errors {}",
            figures.p50_ms,
            figures.p90_ms,
            figures.p99_ms,
            figures.max_ms,
            figures.rps,
            figures.errors
        );
        self.errors += figures.errors;
        self.runs.push((name.to_owned(), figures));
        figures
    }

    /// The Markdown table of the load runs (docs/PERFORMANCE.md).
    pub fn table(&self) -> String {
        let mut out = String::from(
            "| run | p50 ms | p90 ms | p99 ms | max ms | req/s | errors |\n|---|---|---|---|---|---|---|\n",
        );
        for (name, f) in &self.runs {
            out.push_str(&format!(
                "| {name} | {:.2} | {:.2} | {:.2} | {:.1} | {:.0} | {} |\n",
                f.p50_ms, f.p90_ms, f.p99_ms, f.max_ms, f.rps, f.errors
            ));
        }
        out
    }
}
