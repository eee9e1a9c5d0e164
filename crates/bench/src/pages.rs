//! How long the web pages take for one visitor (concurrency 1): the search
//! page over the query set, and co-op pages spread over the directory —
//! rendered HTML, the same operations as the API's answers.

use std::path::Path;

use crate::load::{Figures, Load};
use crate::queries::Query;
use crate::report::Summary;

/// Co-op pages in the set at most, spread evenly over the directory.
const COOP_PAGES: usize = 500;

/// Measures both kinds of page; their figures go in `summary`.
pub fn measure(
    summary: &mut Summary,
    base: &str,
    queries: &[Query],
    coops: usize,
    dir: &Path,
    seconds: u32,
) -> anyhow::Result<()> {
    let search: Vec<String> = queries
        .iter()
        .map(|q| format!("{base}/?{}", q.query))
        .collect();
    let step = (coops / COOP_PAGES).max(1);
    let coop: Vec<String> = (0..coops)
        .step_by(step)
        .map(|n| format!("{base}/coops/bench-{n}"))
        .collect();
    summary.page_search = page_load(summary, "search page c=1", &search, dir, seconds)?;
    summary.page_coop = page_load(summary, "co-op page c=1", &coop, dir, seconds)?;
    Ok(())
}

fn page_load(
    summary: &mut Summary,
    name: &str,
    urls: &[String],
    dir: &Path,
    seconds: u32,
) -> anyhow::Result<Figures> {
    let file = dir.join("page-urls.txt");
    std::fs::write(&file, urls.join("\n") + "\n")?;
    let oha = crate::load::oha();
    let figures = Load {
        oha: &oha,
        urls: &file,
        concurrency: 1,
        seconds,
        rate: None,
        write: None,
        headers: &[],
    }
    .run()?;
    Ok(summary.record(name, figures))
}
