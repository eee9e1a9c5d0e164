//! How long the web pages take for one visitor (concurrency 1): the search
//! page over the query set, and co-op pages spread over the directory —
//! rendered HTML, the same operations as the API's answers.

use std::path::Path;

use crate::load::over_urls;
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
    let one = (1, seconds);
    let file = dir.join("page-urls.txt");
    summary.page_search = over_urls(summary, "search page c=1", &search, &file, one)?;
    summary.page_coop = over_urls(summary, "co-op page c=1", &coop, &file, one)?;
    Ok(())
}
