//! Search as you type: suggest (`/api/v1/search/suggest`) over the prefixes
//! people pass through as they type, at concurrency 8 — many short prefix
//! queries, the load the search page's box adds.

use std::path::Path;

use crate::load::{Figures, Load};
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
    std::fs::write(&file, urls.join("\n") + "\n")?;
    let oha = crate::load::oha();
    let figures = Load {
        oha: &oha,
        urls: &file,
        concurrency: 8,
        seconds,
        rate: None,
        write: None,
        headers: &[],
    }
    .run()?;
    Ok(summary.record("suggest as typed c=8", figures))
}
