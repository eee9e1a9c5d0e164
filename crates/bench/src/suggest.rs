//! Search as you type: suggest (`/api/v1/search/suggest`) over the prefixes
//! people pass through as they type, at concurrency 8 — many short prefix
//! queries, the load the search page's box adds.

use std::path::Path;

use crate::load::{Figures, over_urls};
use crate::report::Summary;

/// Phrases typed, each as all its prefixes.
const PHRASES: usize = 120;

/// Measures suggest; its figures go in `summary`.
pub fn measure(
    summary: &mut Summary,
    base: &str,
    seed: u64,
    dir: &Path,
    seconds: u32,
) -> anyhow::Result<Figures> {
    let urls: Vec<String> = crate::queries::typing(PHRASES, seed)
        .into_iter()
        .map(|query| format!("{base}/api/v1/search/suggest?{query}"))
        .collect();
    let file = dir.join("suggest-urls.txt");
    over_urls(summary, "suggest as typed c=8", &urls, &file, (8, seconds))
}
