//! A corpus where one word matches thousands of documents in several
//! segments, with the strong matches (the word in a name) rare: where
//! skipping windows that cannot reach the page takes effect.

use crate::document::{DocKind, SearchDocument, SkillEntry};
use crate::index::SearchIndex;

/// Documents in all.
pub(crate) const DOCUMENTS: usize = 4_000;

fn skill(slug: &str) -> SkillEntry {
    SkillEntry {
        slug: slug.into(),
        name: slug.into(),
        level: 3,
    }
}

const OTHER_SKILLS: [&str; 5] = ["rust", "go", "sql", "css", "elm"];
const REGIONS: [&str; 3] = ["wales", "london", "scotland"];

/// Document `n`: "python" in its name for the first 15 of each thousand
/// (few windows hold them), in its skills but every
/// 10th, in its summary (twice) every 4th and in its description (1 to 5
/// times) every 3rd; "pyhton" and "pythonic" as typo and prefix variants;
/// every 11th network-only.
pub(crate) fn document(n: usize) -> SearchDocument {
    let title = if n % 1_000 < 15 {
        format!("Python developer {n}")
    } else if n.is_multiple_of(7) {
        "Pyhton tester".to_owned()
    } else {
        format!("Engineer {n}")
    };
    let mut skills: Vec<SkillEntry> = OTHER_SKILLS.iter().take(n % 6).map(|s| skill(s)).collect();
    if n % 10 != 9 {
        skills.push(skill("python"));
    }
    let summary = match n % 4 {
        0 => "Writes python and python tooling",
        1 => "Writes pythonic code",
        _ => "Builds things",
    };
    let description = if n.is_multiple_of(3) {
        format!("{} and more besides", "python ".repeat(n % 5 + 1))
    } else {
        "Other work entirely".to_owned()
    };
    SearchDocument {
        kind: DocKind::Person,
        id: format!("p{n}"),
        slug: None,
        title,
        summary: summary.into(),
        description,
        clients: Vec::new(),
        skills,
        region: Some(REGIONS[n % 3].into()),
        country: None,
        legal_form: None,
        location: None,
        public: !n.is_multiple_of(11),
        standing: None,
        availability: None,
        updated: i64::try_from(n % 17).unwrap_or(0),
        expires: None,
    }
}

/// The corpus, in four segments of 1,000.
pub(crate) fn index() -> SearchIndex {
    index_with(1_000, |_| None)
}

/// The corpus in segments of `per_commit` documents, with `among(n)` added
/// after document `n`, in the same segment.
pub(crate) fn index_with(
    per_commit: usize,
    among: impl Fn(usize) -> Option<SearchDocument>,
) -> SearchIndex {
    let index = SearchIndex::in_ram().unwrap();
    for first in (0..DOCUMENTS).step_by(per_commit) {
        let batch: Vec<SearchDocument> = (first..first + per_commit)
            .flat_map(|n| std::iter::once(document(n)).chain(among(n)))
            .collect();
        index.apply(&batch, &[]).unwrap();
    }
    index
}

/// "python" is a skill (and so is "py", an alias).
pub(crate) fn skill_of(word: &str) -> Option<String> {
    matches!(word, "python" | "py").then(|| "python".to_owned())
}
