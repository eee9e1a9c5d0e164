//! Past [`crate::EXACT_TOTAL_UP_TO`] matches, windows that cannot reach the
//! page are skipped: the page is the one every match would give, and the
//! total and the facets say they are lower bounds.

use super::*;
use crate::EXACT_TOTAL_UP_TO;
use crate::broad_corpus::{DOCUMENTS, document, index, index_with, skill_of};

fn run(index: &SearchIndex, request: &SearchRequest) -> SearchResults {
    index.search(request, &skill_of).unwrap()
}

/// Each hit's id and score.
fn page(results: &SearchResults) -> Vec<(String, f32)> {
    results
        .hits
        .iter()
        .map(|hit| (hit.id.clone(), hit.score))
        .collect()
}

fn facet_counts(facets: &Facets) -> Vec<(String, u64)> {
    let mut all: Vec<(String, u64)> = facets
        .kind
        .iter()
        .chain(&facets.region)
        .map(|(name, count)| (name.clone(), *count))
        .chain(facets.skill.iter().cloned())
        .collect();
    all.sort();
    all
}

#[test]
fn past_the_exact_count_the_page_is_the_same_and_the_counts_say_at_least() {
    let index = index();
    // Documents replaced since: deleted in their segment, found once.
    index.apply(&[document(5), document(1_800)], &[]).unwrap();
    for network in [false, true] {
        let ask = |offset, limit| SearchRequest {
            q: "python".into(),
            network,
            offset,
            limit,
            ..SearchRequest::default()
        };
        // A page as long as every match: nothing can be skipped.
        let every = run(&index, &ask(0, 5_000));
        assert!(every.exact);
        assert!(every.total > EXACT_TOTAL_UP_TO * 2, "{}", every.total);
        let ids: Vec<&str> = every.hits.iter().map(|hit| hit.id.as_str()).collect();
        assert_eq!(
            ids.iter().filter(|id| **id == "p5").count(),
            1,
            "a replaced document is found once"
        );
        // Each segment's first window names the word 15 times: pages within them.
        for (offset, limit) in [(0, 10), (3, 7)] {
            let skipped = run(&index, &ask(offset, limit));
            assert!(!skipped.exact, "offset {offset}: nothing was skipped");
            assert_eq!(
                page(&skipped),
                page(&every)[offset..offset + limit],
                "offset {offset}"
            );
            // Counting stops at the first thousand (and the few the page
            // still needed): a function of the matches alone.
            assert!(
                (EXACT_TOTAL_UP_TO..EXACT_TOTAL_UP_TO + 50).contains(&skipped.total),
                "{}",
                skipped.total
            );
            let all = facet_counts(&every.facets);
            for (name, count) in facet_counts(&skipped.facets) {
                assert!(
                    all.iter().any(|(n, c)| *n == name && *c >= count),
                    "{name}: {count}"
                );
            }
        }
    }
}

#[test]
fn fewer_matches_than_the_exact_count_are_all_counted() {
    let index = index();
    let results = run(
        &index,
        &SearchRequest {
            q: "python developer".into(),
            limit: 3,
            ..SearchRequest::default()
        },
    );
    assert!(results.exact);
    // The first 15 of each thousand are "Python developer"; every 11th is hidden.
    let named = (0..4_000).filter(|n| n % 1_000 < 15 && n % 11 != 0);
    assert_eq!(results.total, named.count());
}

#[test]
fn ordered_by_date_or_distance_every_match_is_counted() {
    let index = index();
    let results = run(
        &index,
        &SearchRequest {
            q: "python".into(),
            sort: Sort::Updated,
            limit: 10,
            network: true,
            ..SearchRequest::default()
        },
    );
    assert!(results.exact);
    // The skill, the summary, the description, or "pyhton" in the name.
    let matching = (0..4_000).filter(|n| n % 10 != 9 || n % 4 < 2 || n % 3 == 0 || n % 7 == 0);
    assert_eq!(results.total, matching.count());
}

#[test]
fn hidden_documents_full_of_the_word_do_not_move_an_outsider_s_counts() {
    let outsider = |index: &SearchIndex| {
        let results = run(
            index,
            &SearchRequest {
                q: "python".into(),
                limit: 10,
                ..SearchRequest::default()
            },
        );
        assert!(!results.exact);
        (page(&results), results.total, facet_counts(&results.facets))
    };
    // Network-only people named for the word among every 50 documents: they
    // raise the bound of windows an outsider's search would skip.
    let hidden = |n: usize| {
        (n % 50 == 25).then(|| SearchDocument {
            id: format!("hidden{n}"),
            title: "Python python developer".into(),
            public: false,
            ..document(n)
        })
    };
    // One segment: which matches come first (those counted) does not hang
    // on the order tantivy lists segments in.
    let all = DOCUMENTS;
    assert_eq!(
        outsider(&index_with(all, |_| None)),
        outsider(&index_with(all, hidden))
    );
}
